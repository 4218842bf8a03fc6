// One structured logger (pino, JSON lines on stderr so stdout stays free for command
// output). Nothing secret is ever logged (README: "Edge: authentication, request IDs, limits, headers, metrics"): request bodies and documents are
// never passed to it, and as a second line of defence every line is scrubbed: fields named
// like a credential are redacted, and any string carrying one of this server's secret
// prefixes (iapi_, icsec_, whsec_) has the secret part replaced. Errors are logged by name,
// message and stack frames only: a Prisma or GraphQL error's other properties (arguments,
// printed document excerpts) never reach a log line.
//
// Every line logged while a request is being handled carries its request ID (pino's
// `mixin` reads it from the request's async context, so code deep in the domain or the
// database layer needs no logger passed down to be traceable).
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino } from 'pino';

export type Logger = pino.Logger;

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` as part of the request `requestId`: its log lines carry the ID. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requestScope.run({ requestId }, work);
}

/** The request ID of the work in progress, if it is a request's. */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

/** Secrets this server mints start with these prefixes (src/domain/secrets.ts). */
const SECRET_PATTERN = /\b(iapi|icsec|whsec)_[A-Za-z0-9+/=_-]{4,}/g;

export function scrubSecrets(text: string): string {
  return text.includes('_') ? text.replace(SECRET_PATTERN, '$1_[redacted]') : text;
}

const SECRET_KEYS = /^(apikey|x-api-key|secret|clientsecret|client_secret|authorization|password|token|apitoken|accesstoken|access_token|cookie)$/i;

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (value instanceof Error) return safeError(value);
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEYS.test(key) ? '[redacted]' : scrub(item, depth + 1);
  return out;
}

/** An error as a log line may show it: name, code, message (first line, scrubbed), stack frames. */
export function safeError(error: unknown): Record<string, unknown> {
  // Already made safe (every line is scrubbed before pino applies its serializers).
  if (typeof error === 'object' && error !== null && !(error instanceof Error)) return error as Record<string, unknown>;
  if (!(error instanceof Error)) return { message: scrubSecrets(String(error)).split('\n')[0] };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    message: scrubSecrets(error.message.split('\n')[0]).slice(0, 500),
    stack: frames,
  };
}

/** pino's levels, most severe first, and `silent`: what LOG_LEVEL may say (src/config.ts). */
export type LogLevel = pino.LevelWithSilent;
export const LOG_LEVELS: readonly LogLevel[] = [
  ...(Object.entries(pino.levels.values) as [pino.Level, number][]).sort(([, a], [, b]) => b - a).map(([label]) => label),
  'silent',
];

/** The level comes from the configuration (Config.logLevel, LOG_LEVEL): nothing here reads the environment. */
export function createLogger(level: LogLevel): Logger {
  return pino(
    {
      level,
      base: undefined,
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      serializers: { err: safeError, error: safeError },
      hooks: {
        // Every argument of every line, scrubbed before pino formats it.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => scrub(arg)) as Parameters<typeof method>);
        },
      },
    },
    pino.destination(2),
  );
}

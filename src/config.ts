// Configuration comes from the environment only, and is read and validated here, in one
// place: no other module reads process.env. Every variable is listed in the README's
// configuration table (tests/unit/readme-config.spec.ts holds the two together).
//
// loadConfig reads every variable on every call and reports every invalid one at once: a
// ConfigError whose message has one line per invalid setting, which src/main.ts and
// src/admin/cli.ts print as they are (one `error: ` line each, no stack trace).
import path from 'node:path';
import { LOG_LEVELS, type LogLevel } from './logger.ts';

export interface Config {
  port: number;
  host: string;
  /** postgres://... when set; otherwise the embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** 32-byte key (hex or base64) for secrets at rest; generated into dataDir when embedded. */
  encryptionKey: string | undefined;
  /** NEW_ENCRYPTION_KEY: what the admin command's rotate-encryption-key re-encrypts under (it checks the value itself). */
  newEncryptionKey: string | undefined;
  /** Issuer and base of onboarding URLs; the request's origin when unset. */
  publicUrl: string | undefined;
  redisUrl: string | undefined;
  /** pino level (LOG_LEVEL): `info` for the server, `warn` for the admin command. */
  logLevel: LogLevel;
  production: boolean;
  /** Origins allowed to call /graphql from a browser (CORS_ORIGINS); empty: none. */
  corsOrigins: string[];
  /** Reverse proxies in front that append to X-Forwarded-For (TRUST_PROXY, 0–10): how the client address is found. */
  trustProxyHops: number;
  /** Bearer token for GET /metrics; unset: /metrics answers 404. */
  metricsToken: string | undefined;
  /** How long an authentication verdict is remembered (AUTH_CACHE_TTL_MS; 0: not at all). */
  authCacheTtlMs: number;
  /** Adds extensions.sqlStatements to results (tests and benchmarks). */
  exposeSqlCount: boolean;
  /** Directory sync runner: lease length (a dead runner's sync is retried after it), poll
   * interval, syncs one instance works at once, and syncs one organization runs at once
   * across every instance. */
  sync: { leaseMs: number; pollMs: number; concurrency: number; concurrencyPerOrg: number };
  /** Calls to tenant-supplied URLs (src/outbound/). */
  outbound: { allowPrivateNetworkTargets: boolean; maxResponseBytes: number; timeoutMs: number };
  /** Bounds on what one directory sync may ingest (DIRECTORY_MAX_USERS), the shortest
   * syncIntervalSeconds a directory may ask for (SYNC_MIN_INTERVAL_SECONDS), and how old
   * its last FULL sync may get before a scheduled sync is FULL again (FULL_SYNC_INTERVAL_HOURS). */
  directory: { maxUsers: number; minSyncIntervalSeconds: number; fullSyncIntervalHours: number };
  /** Requests per minute per credential (0: off), and failed authentications per minute per client address (README: "Edge: authentication, request IDs, limits, headers, metrics"). */
  rateLimits: { perMinute: number; authFailuresPerMinute: number };
  /** Bounds on the database work of one request (README: "Bounded work per request"). */
  database: { statementTimeoutMs: number; poolSize: number; connectionsPerRequest: number };
  /** Limits on hostile queries (README: "Edge: authentication, request IDs, limits, headers, metrics"). */
  limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxBodyBytes: number };
  /** The OAuth authorization server (src/oauth/): access token lifetime (`expires_in`), and
   * the age at which the active signing key is replaced (OAUTH_KEY_ROTATION_DAYS). */
  oauth: { tokenLifetimeSeconds: number; keyRotationMs: number };
  /** Webhook deliveries (src/jobs/webhook-deliveries.ts): the delays before each retry
   * (WEBHOOK_RETRY_SCHEDULE_SECONDS), how long a receiver has to answer, the poll interval,
   * deliveries one instance sends at once, and a claim's lease. */
  webhooks: { retryScheduleSeconds: number[]; timeoutMs: number; pollMs: number; concurrency: number; leaseMs: number };
  /** Days events (EVENT_RETENTION_DAYS, at least 30) and audit log entries (AUDIT_LOG_RETENTION_DAYS) are kept. */
  retention: { eventDays: number; auditLogDays: number };
  /** ONBOARDING_SANDBOX: the onboarding page of an open session offers Complete and Fail buttons. */
  onboardingSandbox: boolean;
}

/** Invalid settings: `problems` has one sentence per invalid setting, `message` one line each. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(list.join('\n'));
    this.name = 'ConfigError';
    this.problems = list;
  }
}

export interface LoadConfigOptions {
  /**
   * Which program reads the configuration. The admin command logs at `warn` unless
   * LOG_LEVEL says otherwise, and stores no credential at rest, so it needs no
   * ENCRYPTION_KEY with DATABASE_URL. Default: the server.
   */
  program?: 'server' | 'admin';
}

const DAY_MS = 24 * 3600 * 1000;

/** Reads variables from one environment and collects what is wrong with them. */
class Reader {
  readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** The variable's value; unset and empty are the same (the default applies). */
  string(name: string): string | undefined {
    const raw = this.env[name];
    return raw === undefined || raw === '' ? undefined : raw;
  }

  problem(message: string): void {
    this.problems.push(message);
  }

  /** A decimal integer from `min` to `max` (no upper bound when `max` is omitted). */
  integer(name: string, fallback: number, min: number, max?: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (Number.isSafeInteger(value) && value >= min && (max === undefined || value <= max)) return value;
    this.problem(
      max === undefined
        ? `${name} must be an integer of at least ${min}, got "${raw}"`
        : `${name} must be an integer from ${min} to ${max}, got "${raw}"`,
    );
    return fallback;
  }

  /** A decimal number above 0, such as 24 or 0.5. */
  /** A comma-separated list of numbers of seconds, each 0 or more. */
  secondsList(name: string, fallback: number[]): number[] {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const values = raw.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part.trim())));
    if (values.length > 0 && values.length <= 50 && values.every((value) => Number.isFinite(value) && value >= 0 && value <= 7 * 86_400))
      return values;
    this.problem(`${name} must be a comma-separated list of 1 to 50 numbers of seconds (each 0 to 604800), got "${raw}"`);
    return fallback;
  }

  positiveNumber(name: string, fallback: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (Number.isFinite(value) && value > 0) return value;
    this.problem(`${name} must be a number above 0, got "${raw}"`);
    return fallback;
  }

  /** `true` or `false`; unset: false. */
  boolean(name: string): boolean {
    const raw = this.string(name);
    if (raw === undefined || raw === 'false') return false;
    if (raw === 'true') return true;
    this.problem(`${name} must be true or false, got "${raw}"`);
    return false;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const found = allowed.find((value) => value === raw);
    if (found !== undefined) return found;
    this.problem(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
    return fallback;
  }
}

/** The key's length in bytes, decoded exactly as src/domain/crypto.ts parseKey decodes it. */
function keyBytes(raw: string): number {
  const trimmed = raw.trim();
  return /^[0-9a-f]{64}$/i.test(trimmed) ? 32 : Buffer.from(trimmed, 'base64').length;
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^/]+/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The configuration from `env` (process.env by default). Throws one ConfigError naming
 * every invalid setting when any is invalid.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): Config {
  const program = options.program ?? 'server';
  const read = new Reader(env);

  const port = read.integer('PORT', 4000, 0, 65_535);
  const host = read.string('HOST') ?? '0.0.0.0';

  // URLs that may carry a password are never repeated in a message.
  const databaseUrl = read.string('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    read.problem('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const dataDir = path.resolve(read.string('DATA_DIR') ?? './data');
  const encryptionKey = read.string('ENCRYPTION_KEY');
  if (encryptionKey !== undefined && keyBytes(encryptionKey) !== 32) {
    read.problem('ENCRYPTION_KEY must be 32 bytes (64 hex characters or 44 base64 characters)');
  }
  // A key on one app server's disk would not reach the others (src/domain/crypto.ts).
  if (program === 'server' && databaseUrl !== undefined && encryptionKey === undefined) {
    read.problem('ENCRYPTION_KEY is required with DATABASE_URL (32 bytes, hex or base64; e.g. `openssl rand -hex 32`)');
  }
  const redisUrl = read.string('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) read.problem('REDIS_URL must start with redis:// or rediss://');

  const production = read.string('NODE_ENV') === 'production';
  const publicUrl = read.string('PUBLIC_URL')?.replace(/\/+$/, '') || undefined;
  if (publicUrl !== undefined && !isHttpUrl(publicUrl)) {
    read.problem(`PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  } else if (production && publicUrl === undefined) {
    // In production the Host header must never decide an issuer or a link (README: "Configuration", PUBLIC_URL).
    read.problem('PUBLIC_URL is required with NODE_ENV=production (for example https://api.example.com)');
  }

  const logLevel = read.oneOf('LOG_LEVEL', LOG_LEVELS, program === 'admin' ? 'warn' : 'info');

  const corsOrigins = (read.string('CORS_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  const badOrigins = corsOrigins.filter((origin) => !/^https?:\/\/[^/\s]+$/.test(origin));
  if (badOrigins.length > 0) {
    read.problem(`CORS_ORIGINS entries must be origins like https://app.example.com, got ${badOrigins.map((origin) => `"${origin}"`).join(', ')}`);
  }

  const metricsToken = read.string('METRICS_TOKEN');
  const sqlCount = read.string('EXPOSE_SQL_COUNT');
  if (sqlCount !== undefined && sqlCount !== '0' && sqlCount !== '1') read.problem(`EXPOSE_SQL_COUNT must be 1 or 0, got "${sqlCount}"`);

  const config: Config = {
    port,
    host,
    databaseUrl,
    dataDir,
    encryptionKey,
    newEncryptionKey: read.string('NEW_ENCRYPTION_KEY'),
    publicUrl,
    redisUrl,
    logLevel,
    production,
    corsOrigins,
    metricsToken,
    trustProxyHops: read.integer('TRUST_PROXY', 0, 0, 10),
    exposeSqlCount: sqlCount === '1',
    authCacheTtlMs: read.integer('AUTH_CACHE_TTL_MS', 4000, 0, 60_000),
    sync: {
      leaseMs: read.integer('SYNC_LEASE_MS', 30_000, 1),
      pollMs: read.integer('SYNC_POLL_MS', 1000, 1),
      concurrency: read.integer('SYNC_CONCURRENCY', 4, 1),
      concurrencyPerOrg: read.integer('SYNC_CONCURRENCY_PER_ORG', 1, 1),
    },
    outbound: {
      allowPrivateNetworkTargets: read.boolean('ALLOW_PRIVATE_NETWORK_TARGETS'),
      maxResponseBytes: read.integer('OUTBOUND_MAX_RESPONSE_BYTES', 10 * 1024 * 1024, 1),
      timeoutMs: read.integer('OUTBOUND_TIMEOUT_MS', 30_000, 1),
    },
    directory: {
      maxUsers: read.integer('DIRECTORY_MAX_USERS', 1_000_000, 1),
      minSyncIntervalSeconds: read.integer('SYNC_MIN_INTERVAL_SECONDS', 300, 1),
      fullSyncIntervalHours: read.positiveNumber('FULL_SYNC_INTERVAL_HOURS', 24),
    },
    rateLimits: {
      perMinute: read.integer('RATE_LIMIT_PER_MINUTE', 1200, 0),
      authFailuresPerMinute: read.integer('AUTH_FAILURES_PER_MINUTE', 60, 1),
    },
    database: {
      statementTimeoutMs: read.integer('DB_STATEMENT_TIMEOUT_MS', 10_000, 0),
      poolSize: read.integer('DB_POOL_SIZE', 10, 2),
      connectionsPerRequest: read.integer('DB_CONNECTIONS_PER_REQUEST', 2, 1),
    },
    limits: {
      maxDepth: read.integer('MAX_QUERY_DEPTH', 12, 0),
      maxAliases: read.integer('MAX_QUERY_ALIASES', 30, 0),
      maxTokens: read.integer('MAX_QUERY_TOKENS', 2000, 0),
      maxBodyBytes: read.integer('MAX_BODY_BYTES', 1024 * 1024, 0),
    },
    oauth: {
      tokenLifetimeSeconds: read.integer('OAUTH_TOKEN_LIFETIME_SECONDS', 3600, 60, 86_400),
      keyRotationMs: read.integer('OAUTH_KEY_ROTATION_DAYS', 30, 1, 365) * DAY_MS,
    },
    webhooks: {
      retryScheduleSeconds: read.secondsList('WEBHOOK_RETRY_SCHEDULE_SECONDS', [5, 30, 120, 600, 3600, 10_800, 21_600]),
      timeoutMs: read.integer('WEBHOOK_TIMEOUT_MS', 10_000, 1, 60_000),
      pollMs: read.integer('WEBHOOK_POLL_MS', 1000, 1),
      concurrency: read.integer('WEBHOOK_CONCURRENCY', 8, 1),
      leaseMs: read.integer('WEBHOOK_LEASE_MS', 60_000, 1),
    },
    retention: {
      eventDays: read.integer('EVENT_RETENTION_DAYS', 30, 30),
      auditLogDays: read.integer('AUDIT_LOG_RETENTION_DAYS', 365, 30),
    },
    onboardingSandbox: read.boolean('ONBOARDING_SANDBOX'),
  };
  // A claim must outlive its attempt, or a slow receiver's delivery would be claimed and sent again while still in flight.
  if (config.webhooks.leaseMs <= config.webhooks.timeoutMs) {
    read.problem(`WEBHOOK_LEASE_MS (${config.webhooks.leaseMs}) must be more than WEBHOOK_TIMEOUT_MS (${config.webhooks.timeoutMs})`);
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

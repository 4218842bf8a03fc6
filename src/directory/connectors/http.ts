// HTTP to directories, over the outbound module (src/outbound/): retries on 5xx, timeouts
// and network errors with backoff, and rate limits (429) honoured with the wait the
// server asks for. Refused addresses, oversized bodies and redirects are not retried.
import { setTimeout as sleep } from 'node:timers/promises';
import { OutboundError, type OutboundClient, type OutboundRequest, type OutboundResponse } from '../../outbound/client.ts';
import { quoteUpstream } from '../../outbound/quote.ts';
import { UpstreamError } from './types.ts';

/** What a connector needs to reach its upstream. */
export interface UpstreamContext {
  outbound: OutboundClient;
  /** Aborts the sync's requests (its lease was lost, the integration deleted, the server stopping). */
  signal?: AbortSignal;
  retry?: RetryPolicy;
}

export interface UpstreamRequest {
  url: string;
  init?: Omit<OutboundRequest, 'signal'>;
  /** Human name of the upstream, for error messages ("Okta", "Microsoft Graph"). */
  service: string;
  /** How long to wait after a 429, from the response's headers. */
  rateLimitWaitMs: (response: OutboundResponse) => number;
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxWaitMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxWaitMs: 60_000 };

/**
 * One upstream call: sends the request and hands the response to `handle` (which reads the
 * body), retrying what is worth retrying, including a body that timed out midway.
 */
export async function upstreamCall<T>(
  context: UpstreamContext,
  request: UpstreamRequest,
  handle: (response: OutboundResponse) => Promise<T>,
): Promise<T> {
  const policy = context.retry ?? DEFAULT_RETRY;
  const wait = (ms: number) => sleep(ms, undefined, { signal: context.signal });
  let lastProblem = '';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
    try {
      const response = await context.outbound.request(request.url, { ...request.init, signal: context.signal });
      if (response.status === 429) {
        await response.discard();
        lastProblem = `${request.service} kept rate-limiting the sync (HTTP 429)`;
        await wait(Math.min(Math.max(request.rateLimitWaitMs(response), 0), policy.maxWaitMs));
        continue;
      }
      if (response.status >= 500) {
        await response.discard();
        lastProblem = `${request.service} answered HTTP ${response.status}`;
        await wait(backoff);
        continue;
      }
      return await handle(response);
    } catch (error) {
      if (!(error instanceof OutboundError)) throw error;
      if (!error.retryable) throw new UpstreamError(`${request.service}: ${error.message}`);
      lastProblem = `${request.service}: ${error.message}`;
      await wait(backoff);
    }
  }
  throw new UpstreamError(`${lastProblem} (after ${policy.attempts} attempts)`);
}

/**
 * The upstream's own explanation of an error answer, safe to store: the first message-like
 * field of a JSON error body (Okta `errorSummary`, Graph `error.message`, OAuth
 * `error_description` / `error`), quoted by quoteUpstream (at most 200 characters, nothing
 * the server sent). Empty when there is none.
 */
export async function upstreamReason(response: OutboundResponse, sent: readonly string[]): Promise<string> {
  let text: string;
  try {
    text = await response.text(4096);
  } catch {
    return '';
  }
  let reason = '';
  try {
    // Okta's errorSummary, Graph's error.message, OAuth's error_description / error.
    const body = JSON.parse(text) as Record<string, unknown> & { error?: { message?: unknown } };
    const candidates = [body.errorSummary, body.error?.message, body.error_description, body.error, body.message];
    reason = candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '') ?? '';
  } catch {
    // not JSON: no quote (an HTML error page says nothing a person could act on)
  }
  const quoted = reason ? quoteUpstream(reason, sent) : '';
  return quoted ? `: "${quoted}"` : '';
}

/** Only follow paging links to the configured host: a directory cannot send us elsewhere. */
export function assertSameOrigin(next: string, base: string, service: string): string {
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    throw new UpstreamError(`${service} returned an invalid next-page link`);
  }
  if (url.origin !== new URL(base).origin) {
    throw new UpstreamError(`${service} returned a next-page link to another host`);
  }
  return url.toString();
}

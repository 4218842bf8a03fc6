// HTTP to directories: timeouts, retries on 5xx and network errors with backoff, and
// rate limits (429) honoured with the wait the server asks for.
import { setTimeout as sleep } from 'node:timers/promises';
import { UpstreamError } from './types.ts';

export interface UpstreamRequest {
  url: string;
  init?: RequestInit;
  /** Human name of the upstream, for error messages ("Okta", "Microsoft Graph"). */
  service: string;
  /** How long to wait after a 429, from the response's headers. */
  rateLimitWaitMs: (response: Response) => number;
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxWaitMs: number;
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxWaitMs: 60_000, timeoutMs: 30_000 };

export async function upstreamFetch(request: UpstreamRequest, policy: RetryPolicy = DEFAULT_RETRY): Promise<Response> {
  let lastProblem = '';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let response: Response;
    try {
      response = await fetch(request.url, { ...request.init, redirect: 'error', signal: AbortSignal.timeout(policy.timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      lastProblem = `${request.service} is unreachable at ${new URL(request.url).origin} (${cause})`;
      await sleep(policy.baseDelayMs * 2 ** (attempt - 1));
      continue;
    }
    if (response.status === 429) {
      await response.body?.cancel();
      lastProblem = `${request.service} kept rate-limiting the sync (HTTP 429)`;
      await sleep(Math.min(Math.max(request.rateLimitWaitMs(response), 0), policy.maxWaitMs));
      continue;
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      lastProblem = `${request.service} answered HTTP ${response.status}`;
      await sleep(policy.baseDelayMs * 2 ** (attempt - 1));
      continue;
    }
    return response;
  }
  throw new UpstreamError(`${lastProblem} after ${policy.attempts} attempts`);
}

export async function readJson(response: Response, service: string): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new UpstreamError(`${service} returned a response that is not JSON (HTTP ${response.status})`);
  }
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
    throw new UpstreamError(`${service} returned a next-page link to another host (${url.origin})`);
  }
  return url.toString();
}

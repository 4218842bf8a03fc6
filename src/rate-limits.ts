// Fixed-window rate limiters (rate-limiter-flexible): in memory, per instance, by default;
// in Redis when REDIS_URL is set, so every server instance counts against the same budget.
// Should Redis become unreachable, each instance falls back to its own memory counts (the
// insurance limiter) rather than refusing or admitting everyone.
import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitSpec {
  /** Distinguishes the limiter's keys in a shared store ("api", "auth-fail", …). */
  keyPrefix: string;
  /** Requests (or failures) allowed per window. */
  points: number;
  windowSeconds: number;
}

export type RateLimiter = RateLimiterAbstract;

export function createRateLimiter(spec: RateLimitSpec, redis: Redis | undefined): RateLimiter {
  const options = { keyPrefix: `iapi:${spec.keyPrefix}`, points: spec.points, duration: spec.windowSeconds };
  if (!redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

/** The outcome of counting one request against a limiter. */
export interface RateLimitOutcome {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (at least 1). */
  resetSeconds: number;
}

/** Counts one request for `key`; never throws for "over the limit". */
export async function consume(limiter: RateLimiter, key: string, points = 1): Promise<RateLimitOutcome> {
  try {
    const res = await limiter.consume(key, points);
    return outcome(limiter, res, true);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return outcome(limiter, rejection, false);
    throw rejection;
  }
}

/** The current state for `key` without counting anything. */
export async function peek(limiter: RateLimiter, key: string): Promise<RateLimitOutcome> {
  const res = await limiter.get(key);
  if (!res) return { allowed: true, limit: limiter.points, remaining: limiter.points, resetSeconds: limiter.duration };
  return outcome(limiter, res, res.consumedPoints < limiter.points);
}

function outcome(limiter: RateLimiter, res: RateLimiterRes, allowed: boolean): RateLimitOutcome {
  return {
    allowed,
    limit: limiter.points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

/** IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers) and, when refused, Retry-After. */
export function rateLimitHeaders(result: RateLimitOutcome): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-limit': String(result.limit),
    'ratelimit-remaining': String(result.remaining),
    'ratelimit-reset': String(result.resetSeconds),
  };
  if (!result.allowed) headers['retry-after'] = String(result.resetSeconds);
  return headers;
}

/**
 * The limiters of the HTTP and WebSocket edge
 * (README: "Edge: authentication, request IDs, limits, headers, metrics"), and their Redis
 * client when REDIS_URL is set. One client of their own: a rate-limit check must not queue
 * behind pub/sub traffic, and it fails fast (to the memory insurance) while Redis is away.
 */
export function createEdgeLimits(
  settings: { redisUrl: string | undefined; rateLimits: { perMinute: number; authFailuresPerMinute: number } },
  onRedisError: (error: Error) => void,
) {
  const redis = settings.redisUrl ? new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : undefined;
  redis?.on('error', onRedisError);
  return {
    perCredential:
      settings.rateLimits.perMinute > 0
        ? createRateLimiter({ keyPrefix: 'requests', points: settings.rateLimits.perMinute, windowSeconds: 60 }, redis)
        : undefined,
    authFailures: createRateLimiter({ keyPrefix: 'auth-failures', points: settings.rateLimits.authFailuresPerMinute, windowSeconds: 60 }, redis),
    close: async () => redis?.disconnect(),
  };
}

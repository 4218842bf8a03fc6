// Each GraphQL execution (and each subscription, for its whole life) runs in its own
// scope of src/db/request-limits.ts: at most DB_CONNECTIONS_PER_REQUEST of its SQL
// statements in flight at once, and at most half the pool (one statement on PGlite) for
// all of its organization's requests together. Same plugin for HTTP, SSE and WebSocket
// (they share the envelop).
import type { Plugin } from 'graphql-yoga';
import type { RequestLimiter } from '../db/request-limits.ts';

type Scope = ReturnType<RequestLimiter['scope']>;

function organizationOf(context: unknown): string | undefined {
  return (context as { viewer?: { organization?: { id?: string } } } | undefined)?.viewer?.organization?.id;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * A subscription's events are resolved when the transport pulls the next one, outside the
 * subscribe call's async context: pull them inside the scope too.
 */
function scopedIterable<T>(limiter: RequestLimiter, scope: Scope, iterable: AsyncIterable<T>): AsyncIterableIterator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  return {
    next: (...args: [] | [unknown]) => limiter.run(scope, () => iterator.next(...args)),
    return: (value?: unknown) =>
      limiter.run(scope, () => iterator.return?.(value as T) ?? Promise.resolve({ done: true as const, value: value as T })),
    throw: (error?: unknown) => limiter.run(scope, () => iterator.throw?.(error) ?? Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export function useRequestLimits(limiter: RequestLimiter): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const scope = limiter.scope(organizationOf(args.contextValue));
      setExecuteFn((executeArgs) => limiter.run(scope, () => executeFn(executeArgs)));
    },
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const scope = limiter.scope(organizationOf(args.contextValue));
      setSubscribeFn(async (subscribeArgs) => {
        const result = await limiter.run(scope, () => subscribeFn(subscribeArgs));
        return isAsyncIterable(result) ? scopedIterable(limiter, scope, result) : result;
      });
    },
  };
}

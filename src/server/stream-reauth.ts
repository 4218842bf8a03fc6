// A subscription over HTTP (SSE) is authenticated when it starts and may then stay open
// for hours. This plugin checks the request's credentials again every `everyMs` while
// the stream is open and ends it with an UNAUTHENTICATED error once they no longer hold:
// a revoked API key, an expired token, a deleted or DISABLED integration's token
// (within 30 s, the interval src/server/graphql.ts sets;
// README: "Edge: authentication, request IDs, limits, headers, metrics"). WebSocket
// connections are checked by the transport itself (src/server/websocket.ts), which closes
// the socket instead.
import type { ExecutionResult, GraphQLError } from 'graphql';
import { type Plugin, Repeater } from 'graphql-yoga';

export interface GuardOptions<T> {
  everyMs: number;
  /** True while the credentials hold; a rejection is no verdict (the stream goes on). */
  stillValid: () => Promise<boolean>;
  /** The last value sent when they no longer hold. */
  revoked: () => T;
}

/** The source's values until the source ends, the consumer stops, or a check fails. */
export function guardStream<T>(source: AsyncIterable<T>, { everyMs, stillValid, revoked }: GuardOptions<T>): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    let checking = false;
    const timer = setInterval(() => {
      if (checking) return;
      checking = true;
      stillValid()
        .then(
          async (valid) => {
            if (valid) return;
            await push(revoked());
            stop();
          },
          () => {},
        )
        .finally(() => {
          checking = false;
        });
    }, everyMs);
    timer.unref?.();
    const stopped = stop.then(() => ({ done: true as const, value: undefined }));
    try {
      for (;;) {
        const next = await Promise.race([iterator.next(), stopped]);
        if (next.done) break;
        await push(next.value);
      }
      stop();
    } catch (error) {
      stop(error);
    } finally {
      clearInterval(timer);
      // Not awaited: an async generator busy in an await (waiting for its next event)
      // handles return() only when it gets there, and the stream must end now.
      void Promise.resolve(iterator.return?.()).catch(() => {});
    }
  });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}

export interface StreamReauthenticationOptions<C> {
  everyMs: number;
  /** The check for this operation's context, or undefined to leave its stream alone. */
  checkFor: (context: C) => (() => Promise<boolean>) | undefined;
  /** The error the stream ends with. */
  error: () => GraphQLError;
}

export function useStreamReauthentication<C>({ everyMs, checkFor, error }: StreamReauthenticationOptions<C>): Plugin {
  return {
    onSubscribe() {
      return {
        onSubscribeResult({ args, result, setResult }) {
          if (!isAsyncIterable(result)) return;
          const stillValid = checkFor(args.contextValue as C);
          if (!stillValid) return;
          setResult(guardStream(result, { everyMs, stillValid, revoked: () => ({ errors: [error()] }) as ExecutionResult }));
        },
      };
    },
  };
}

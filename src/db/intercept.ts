// The one way the driver-adapter layers (src/db/statement-counter.ts, request-limits.ts,
// connection-retry.ts; stacked in src/db/client.ts) wrap what lies below Prisma: a Proxy
// that replaces some methods and passes every other property through, bound.
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';

type Overrides<T> = { [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? (original: T[K]) => T[K] : never };

/** `target` with the given methods replaced; each replacement gets the original, bound to `target`. */
export function intercept<T extends object>(target: T, overrides: Overrides<T>): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      const override = overrides[property as keyof T] as ((original: unknown) => unknown) | undefined;
      const bound = value.bind(object);
      return override ? override(bound) : bound;
    },
  });
}

/** A factory whose adapters come wrapped by `wrap`. */
export function wrapAdapters<F extends SqlDriverAdapterFactory>(factory: F, wrap: (adapter: SqlDriverAdapter) => SqlDriverAdapter): F {
  return intercept<SqlDriverAdapterFactory>(factory, {
    connect: (connect) => async () => wrap(await connect()),
  }) as F;
}

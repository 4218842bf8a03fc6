// Counts SQL statements per request at the driver adapter, below Prisma, so the count
// is what the database really receives (including relation loads and transactions).
// Used by the N+1 tests and the benchmarks through the response's extensions.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';

interface Counter {
  statements: number;
}

const storage = new AsyncLocalStorage<Counter>();

/** Runs work and counts the SQL statements it sends. */
export function countStatements<T>(work: () => T): { result: T; counter: Counter } {
  const counter: Counter = { statements: 0 };
  return { result: storage.run(counter, work), counter };
}

const COUNTED = new Set(['queryRaw', 'executeRaw']);

function countingProxy<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      if (COUNTED.has(property as string)) {
        return (...args: unknown[]) => {
          const counter = storage.getStore();
          if (counter) counter.statements++;
          return value.apply(object, args);
        };
      }
      if (property === 'startTransaction') {
        return async (...args: unknown[]) => countingProxy(await value.apply(object, args));
      }
      return value.bind(object);
    },
  });
}

export function countingAdapterFactory<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (property === 'connect') {
        return async () => countingProxy((await (value as () => Promise<SqlDriverAdapter>).call(object)) as SqlDriverAdapter);
      }
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

// Counts SQL statements per request at the driver adapter, below Prisma, so the count
// is what the database really receives (including relation loads and transactions).
// Used by the N+1 tests and the benchmarks through the response's extensions.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { intercept, wrapAdapters } from './intercept.ts';

interface Counter {
  statements: number;
}

const storage = new AsyncLocalStorage<Counter>();

/** Runs work and counts the SQL statements it sends. */
export function countStatements<T>(work: () => T): { result: T; counter: Counter } {
  const counter: Counter = { statements: 0 };
  return { result: storage.run(counter, work), counter };
}

/** A statement that counts itself against the running request first. */
function counted<A extends unknown[], R>(statement: (...args: A) => R) {
  return (...args: A): R => {
    const counter = storage.getStore();
    if (counter) counter.statements++;
    return statement(...args);
  };
}

export function countingAdapterFactory<F extends SqlDriverAdapterFactory>(factory: F): F {
  return wrapAdapters(factory, (adapter) =>
    intercept(adapter, {
      queryRaw: counted,
      executeRaw: counted,
      // A transaction's statements count too.
      startTransaction:
        (start) =>
        async (...args) =>
          intercept(await start(...args), { queryRaw: counted, executeRaw: counted }),
    }),
  );
}

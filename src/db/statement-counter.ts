// Counts SQL statements per request at the driver adapter, below Prisma, so the count
// is what the database really receives: relation loads, and a transaction's BEGIN and
// COMMIT (or ROLLBACK) as well as its statements. Used by the N+1 tests and the
// benchmarks through the response's extensions (src/server/sql-count.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { intercept, wrapAdapters } from './intercept.ts';

export interface StatementCounter {
  statements: number;
}

const storage = new AsyncLocalStorage<StatementCounter>();

/** Runs work and counts the SQL statements it sends (into the counter already running, if any). */
export function countStatements<T>(work: () => T): { result: T; counter: StatementCounter } {
  const running = storage.getStore();
  if (running) return { result: work(), counter: running };
  const counter: StatementCounter = { statements: 0 };
  return { result: storage.run(counter, work), counter };
}

/** A call that counts itself as one statement against the running request first. */
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
      // BEGIN, then the transaction's statements, then COMMIT or ROLLBACK.
      startTransaction: (start) =>
        counted(async (...args: Parameters<typeof start>) =>
          intercept(await start(...args), { queryRaw: counted, executeRaw: counted, commit: counted, rollback: counted }),
        ),
    }),
  );
}

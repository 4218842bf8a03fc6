// Bounded database work per request (README: "Bounded work per request"), enforced at the
// driver adapter, below Prisma, like the statement counter: whatever a resolver does
// (relation loads, aliased fields resolved in parallel, transactions), what reaches the
// database is counted here.
//
// A GraphQL execution runs inside a scope (src/server/request-limits.ts) that carries a
// semaphore of its own, `DB_CONNECTIONS_PER_REQUEST` permits, and its organization's,
// shared by every request of that organization in this process. A statement takes one
// permit of each before it reaches the pool and gives them back when it is answered, so
// 30 aliased fields wait for each other instead of taking every pooled connection, and a
// busy organization leaves the rest of the pool to the others.
//
// Transactions: an interactive transaction holds one connection from BEGIN to COMMIT, so
// it takes its permits when it starts and keeps them until it commits or rolls back; the
// statements inside it take none. (Taking them per statement could deadlock: on PGlite a
// transaction holds the only session, so statements waiting on it could hold every
// permit while the transaction's next statement waits for one; on PostgreSQL the same
// with a row lock.) Permits are taken in one order (the request's, then the
// organization's), and whoever holds both waits for nothing of ours, so nothing here waits
// in a cycle. Code inside a transaction uses only its `tx` (the domain layer does).
//
// Work outside any scope (the sync runner, start-up, the admin command, authentication
// in Yoga's context factory) is not limited.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';
import { intercept, wrapAdapters } from './intercept.ts';

type Release = () => void;

/** A counting semaphore with a FIFO queue. */
export class Semaphore {
  #available: number;
  readonly #waiting: Array<() => void> = [];

  constructor(
    readonly size: number,
    private readonly onIdle?: () => void,
  ) {
    this.#available = size;
  }

  /** Permits handed out (statements or transactions in flight). */
  get inUse(): number {
    return this.size - this.#available;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  async acquire(): Promise<Release> {
    if (this.#available > 0) this.#available--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next)
        next(); // the permit passes straight to the next in line
      else if (++this.#available === this.size) this.onIdle?.();
    };
  }
}

export interface StatementBounds {
  /** Statements (or open transactions) of one GraphQL request in flight at once. */
  perRequest: number;
  /** The same across all concurrent requests of one organization in this process. */
  perOrganization: number;
}

/**
 * The bounds derived from the configuration: `DB_CONNECTIONS_PER_REQUEST` per request, and
 * half the connections (at least one) per organization, so one organization's burst of
 * requests always leaves the other half to the others. PostgreSQL: half of `DB_POOL_SIZE`.
 * PGlite runs one statement at a time (a single session), so there an organization gets
 * one statement in its queue at a time and the others' statements take turns with it.
 */
export function statementBounds(database: { poolSize: number; connectionsPerRequest: number }, storage: 'postgres' | 'embedded'): StatementBounds {
  const connections = storage === 'postgres' ? database.poolSize : 1;
  return { perRequest: database.connectionsPerRequest, perOrganization: Math.max(1, Math.floor(connections / 2)) };
}

interface Scope {
  acquire(): Promise<Release>;
}

const storage = new AsyncLocalStorage<Scope>();

/** One per GraphQL handler (server instance): the organizations' shared semaphores. */
export class RequestLimiter {
  readonly #organizations = new Map<string, Semaphore>();

  constructor(readonly bounds: StatementBounds) {}

  #organization(organizationId: string): Semaphore {
    let semaphore = this.#organizations.get(organizationId);
    if (!semaphore) {
      // Forgotten once idle, so the map holds only organizations with work in flight.
      const created = new Semaphore(this.bounds.perOrganization, () => {
        if (this.#organizations.get(organizationId) === created) this.#organizations.delete(organizationId);
      });
      this.#organizations.set(organizationId, (semaphore = created));
    }
    return semaphore;
  }

  /** A new scope for one request (or one subscription, for its whole life). */
  scope(organizationId: string | undefined): Scope {
    const request = new Semaphore(this.bounds.perRequest);
    return {
      acquire: async () => {
        // Always the request's permit first, then the organization's: one order, no cycle.
        const releaseRequest = await request.acquire();
        let release = releaseRequest;
        if (organizationId !== undefined) {
          try {
            // Looked up per statement: a long-lived subscription shares the organization's
            // current semaphore rather than one forgotten when it went idle.
            const releaseOrganization = await this.#organization(organizationId).acquire();
            release = () => {
              releaseOrganization();
              releaseRequest();
            };
          } catch (error) {
            releaseRequest();
            throw error;
          }
        }
        // A turn of the event loop before each statement. A permit passes from one
        // statement to the next through promise callbacks alone, so without this a
        // request's statements run back to back without ever letting the process read
        // other requests' sockets; PGlite, which runs statements inside this process and
        // blocks it while they run, then answered nobody else until a storm of 60 slow
        // statements was over (48 s for a trivial request, measured).
        await new Promise<void>((resolve) => setImmediate(resolve));
        return release;
      },
    };
  }

  /** Runs work (a GraphQL execution) with its database statements bounded by scope. */
  run<T>(scope: Scope, work: () => T): T {
    return storage.run(scope, work);
  }

  /** Organizations with statements in flight or waiting (for tests and diagnostics). */
  get busyOrganizations(): number {
    return this.#organizations.size;
  }
}

/** A transaction that gives its permits back when it commits or rolls back. */
function holdingTransaction(tx: Transaction, release: Release): Transaction {
  const releasing =
    <A extends unknown[], R>(end: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await end(...args);
      } finally {
        release();
      }
    };
  return intercept(tx, { commit: releasing, rollback: releasing });
}

/** A statement that takes a permit of the running scope (if any) until it is answered. */
function limited<A extends unknown[], R>(statement: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    const scope = storage.getStore();
    if (!scope) return statement(...args);
    const release = await scope.acquire();
    try {
      return await statement(...args);
    } finally {
      release();
    }
  };
}

function limitedAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return intercept(adapter, {
    queryRaw: limited,
    executeRaw: limited,
    startTransaction:
      (start) =>
      async (...args) => {
        const scope = storage.getStore();
        if (!scope) return start(...args);
        const release = await scope.acquire();
        try {
          return holdingTransaction(await start(...args), release);
        } catch (error) {
          release();
          throw error;
        }
      },
  });
}

/** Wraps a driver adapter factory so statements of a scope take its permits. */
export function limitedAdapterFactory<F extends SqlDriverAdapterFactory>(factory: F): F {
  return wrapAdapters(factory, limitedAdapter);
}

/**
 * PostgreSQL's SQLSTATE 57014 (query_canceled): what `statement_timeout` raises. Through
 * Prisma 7's driver adapters it arrives as a DriverAdapterError whose `cause` is
 * `{ kind: 'postgres', originalCode: '57014', ... }`, wrapped by the client in a
 * PrismaClientKnownRequestError (P2039 for model queries, P2010 for raw ones) that keeps
 * it in `meta.driverAdapterError`, and by GraphQL in `originalError`.
 */
export function isStatementCancelled(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as {
      name?: string;
      cause?: { originalCode?: string; code?: string };
      meta?: { driverAdapterError?: unknown };
      originalError?: unknown;
    };
    if (e.name === 'DriverAdapterError' && (e.cause?.originalCode === '57014' || e.cause?.code === '57014')) return true;
    current = e.meta?.driverAdapterError ?? e.originalError ?? e.cause;
  }
  return false;
}

// A connection to PostgreSQL that breaks under a request (the server restarted or failed
// over, an operator or pooler ran pg_terminate_backend, the network dropped) is survived
// where doing the work again is safe, so the caller gets an answer instead of
// INTERNAL_SERVER_ERROR; where it is not safe, the error says so (SERVICE_UNAVAILABLE,
// src/server/graphql.ts). Like the statement counter and the request limits, this sits on
// the driver adapter, below Prisma, where every statement passes; plus one wrapper on the
// client for interactive transactions, which the adapter cannot replay.
//
// What "broken" means: SQLSTATE 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
// cannot_connect_now, 08000 / 08003 / 08006 connection exceptions, ECONNRESET, and
// node-postgres' own "Connection terminated unexpectedly" and "Client has encountered a
// connection error and is not queryable". The pool drops such a connection; a retry waits
// 100 ms first, so that the pool has also dropped the idle connections the same event
// killed (a restart or a pg_terminate_backend of every backend) and the retry gets a live
// one.
//
// Can a retried write apply twice? Only if the first attempt committed and the answer was
// lost. So:
// - Statements outside a transaction (autocommit) are retried once when the failure shows
//   they did not run: "not queryable" (node-postgres refused before sending), 57P03 (the
//   session never started), 57P01 (the backend was told to terminate: PostgreSQL acts on
//   that only at an interrupt check, which an autocommit statement's commit holds off until
//   its result and ReadyForQuery are flushed, so a statement that gets 57P01 as its answer
//   was rolled back). On any other broken connection a write's outcome is unknown (the
//   backend may have committed, then crashed or lost the network before answering), so
//   only reads (SELECT, SHOW, VALUES) are retried; a write answers "outcome unknown".
// - BEGIN failing is retried: nothing ran yet.
// - A statement inside an interactive transaction cannot be replayed here (the transaction
//   died with its connection, and what came before it was decided by code above Prisma).
//   It is marked, and `retryingTransactions` runs the whole `$transaction(async (tx) => …)`
//   callback again, once, on a new connection: a transaction that lost its connection
//   before COMMIT was rolled back by PostgreSQL, so nothing of it applied. A COMMIT that
//   lost its answer is not retried (it may have committed): "outcome unknown"; one answered
//   57P01 or refused as not queryable did not run and is retried like any statement. The
//   callbacks of this code base only talk to the database (no events, no HTTP; what they
//   compute outside it, such as new IDs or random tokens, may differ on the second run and
//   only that run commits), which is what makes running one again safe: keep them so.
//   A nested transaction is retried with its outermost one; the array form
//   (`$transaction([...])`) is not retried (its queries cannot run twice) and answers
//   SERVICE_UNAVAILABLE.
//
// PGlite runs in this process and has no connection to lose: nothing here ever triggers
// for it.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import type { Logger } from '../logger.ts';
import { intercept, wrapAdapters } from './intercept.ts';

/** SQLSTATEs of a session that is gone. */
const BROKEN_SESSION_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);
/** ...of which these prove the statement that got them did not run (see above). */
const DID_NOT_RUN_CODES = new Set(['57P01', '57P03']);
const NOT_QUERYABLE = 'Client has encountered a connection error and is not queryable';
const TERMINATED = 'Connection terminated unexpectedly';

interface Loss {
  code: string;
  message: string;
  /** The failed statement certainly did not run. */
  didNotRun: boolean;
}

/** A broken connection in the error of one adapter call, as the adapter (or node-postgres) threw it. */
function lossIn(error: unknown): Loss | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as {
    name?: string;
    message?: string;
    code?: unknown;
    cause?: { kind?: string; originalCode?: string; originalMessage?: string; code?: string };
  };
  if (e.name === 'DriverAdapterError' && e.cause) {
    const code = e.cause.originalCode ?? e.cause.code;
    const message = e.cause.originalMessage ?? e.message ?? '';
    if (e.cause.kind === 'ConnectionClosed')
      return { code: code ?? 'ECONNRESET', message, didNotRun: lost.has(error) ? lost.get(error)!.didNotRun : false };
    if (code && BROKEN_SESSION_CODES.has(code)) return { code, message, didNotRun: DID_NOT_RUN_CODES.has(code) };
    return undefined;
  }
  // Not converted by the adapter: node-postgres' own errors, and a DatabaseError met while connecting.
  if (typeof e.code === 'string' && BROKEN_SESSION_CODES.has(e.code))
    return { code: e.code, message: e.message ?? '', didNotRun: DID_NOT_RUN_CODES.has(e.code) };
  if (e.code === 'ECONNRESET') return { code: 'ECONNRESET', message: e.message ?? '', didNotRun: false };
  if (e.message === NOT_QUERYABLE) return { code: 'NOT_QUERYABLE', message: e.message, didNotRun: true };
  if (e.message === TERMINATED) return { code: 'TERMINATED', message: e.message, didNotRun: false };
  return undefined;
}

type Phase = 'begin' | 'statement' | 'commit';

interface Lost {
  phase: Phase;
  inTransaction: boolean;
  didNotRun: boolean;
  /** What it did may have been applied: a write outside a transaction, or a COMMIT. */
  outcomeUnknown: boolean;
}

/** Errors this module threw for a broken connection, with what is known of the work. */
const lost = new WeakMap<object, Lost>();

/**
 * The error Prisma gets for a broken connection: a DriverAdapterError of kind
 * ConnectionClosed (Prisma's P1017, "Server has closed the connection"), whatever form the
 * driver's error had, so one check (`connectionLost`) finds it wherever it surfaces.
 */
function lostError(loss: Loss, facts: Omit<Lost, 'didNotRun'>): DriverAdapterError {
  const error = new DriverAdapterError({ kind: 'ConnectionClosed', originalCode: loss.code, originalMessage: loss.message });
  lost.set(error, { ...facts, didNotRun: loss.didNotRun });
  return error;
}

const READ_ONLY = /^\s*(?:SELECT|SHOW|VALUES)\b/i;
const isRead = (query: SqlQuery) => READ_ONLY.test(query.sql);
const isCommit = (query: SqlQuery) => /^\s*COMMIT\b/i.test(query.sql);

export interface RetryOptions {
  logger?: Logger;
}

function warn(options: RetryOptions, loss: Loss, what: string) {
  options.logger?.warn({ code: loss.code, reason: loss.message.split('\n')[0] }, `database connection lost; ${what}`);
}

type Statement<R> = (query: SqlQuery) => Promise<R>;

/**
 * A short pause before a retry. What broke one connection (a restart, a failover, a
 * pg_terminate_backend of every backend) usually broke the pool's idle ones too; their
 * sockets' errors and ends arrive a moment later and make the pool drop them. Retrying at
 * once could take one of them and fail again.
 */
const RETRY_PAUSE_MS = 100;
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));

function retryingTransaction(tx: Transaction, options: RetryOptions): Transaction {
  let broken = false;
  const marked =
    <R>(statement: Statement<R>) =>
    async (query: SqlQuery): Promise<R> => {
      try {
        return await statement(query);
      } catch (error) {
        const loss = lossIn(error);
        if (!loss) throw error;
        const commit = isCommit(query);
        const outcomeUnknown = commit && !loss.didNotRun;
        // (The ROLLBACK Prisma sends after a first failure meets the same dead connection.)
        if (!broken && outcomeUnknown) warn(options, loss, 'its transaction may or may not have committed');
        broken = true;
        throw lostError(loss, { phase: commit ? 'commit' : 'statement', inTransaction: true, outcomeUnknown });
      }
    };
  return intercept(tx, { queryRaw: marked, executeRaw: marked });
}

function retryingAdapter(adapter: SqlDriverAdapter, options: RetryOptions): SqlDriverAdapter {
  const retried =
    <R>(statement: Statement<R>) =>
    async (query: SqlQuery): Promise<R> => {
      try {
        return await statement(query);
      } catch (error) {
        const loss = lossIn(error);
        if (!loss) throw error;
        if (!loss.didNotRun && !isRead(query)) {
          warn(options, loss, 'a statement outside a transaction may or may not have been applied, not retried');
          throw lostError(loss, { phase: 'statement', inTransaction: false, outcomeUnknown: true });
        }
        warn(options, loss, 'retrying a statement once');
        await settle();
        try {
          return await statement(query);
        } catch (again) {
          const second = lossIn(again);
          if (!second) throw again;
          throw lostError(second, { phase: 'statement', inTransaction: false, outcomeUnknown: !second.didNotRun && !isRead(query) });
        }
      }
    };
  return intercept(adapter, {
    queryRaw: retried,
    executeRaw: retried,
    startTransaction:
      (startTransaction) =>
      async (...args) => {
        const start = () => startTransaction(...args);
        let tx: Transaction;
        try {
          tx = await start();
        } catch (error) {
          // The connection or its BEGIN failed: nothing ran, and the adapter gave the
          // connection back to the pool as broken (so it is dropped).
          const loss = lossIn(error);
          if (!loss) throw error;
          warn(options, loss, 'starting the transaction again');
          await settle();
          try {
            tx = await start();
          } catch (again) {
            const second = lossIn(again);
            if (!second) throw again;
            throw lostError(second, { phase: 'begin', inTransaction: true, outcomeUnknown: false });
          }
        }
        return retryingTransaction(tx, options);
      },
  });
}

/** Wraps a driver adapter factory so statements survive a broken connection where that is safe. */
export function retryingAdapterFactory<F extends SqlDriverAdapterFactory>(factory: F, options: RetryOptions = {}): F {
  return wrapAdapters(factory, (adapter) => retryingAdapter(adapter, options));
}

/**
 * The broken connection behind an error, if any, as it reaches a resolver or the error
 * mask: through Prisma's PrismaClientKnownRequestError (`meta.driverAdapterError`), GraphQL's
 * `originalError`, or `cause`. `outcomeUnknown`: the work may have been applied.
 */
export function connectionLost(error: unknown): { outcomeUnknown: boolean; retryable: boolean } | undefined {
  const seen = new Set<unknown>();
  let current = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const known = lost.get(current);
    if (known) {
      // A transaction that lost its connection before COMMIT was rolled back: run again, it
      // is new. (A failed BEGIN was already tried twice by the adapter.)
      const retryable = known.inTransaction && known.phase !== 'begin' && !known.outcomeUnknown;
      return { outcomeUnknown: known.outcomeUnknown, retryable };
    }
    const loss = lossIn(current);
    if (loss) return { outcomeUnknown: !loss.didNotRun, retryable: false };
    const e = current as { meta?: { driverAdapterError?: unknown }; originalError?: unknown; cause?: unknown };
    current = e.meta?.driverAdapterError ?? e.originalError ?? e.cause;
  }
  return undefined;
}

const insideRetriedTransaction = new AsyncLocalStorage<true>();

type TransactionCall = (this: unknown, input: unknown, ...rest: unknown[]) => Promise<unknown>;

/**
 * A Prisma client (and every client `$extends` makes of it, such as the tenant clients)
 * whose interactive transactions run once more when their connection broke before COMMIT
 * (see the top of this file). Any other property is the client's own.
 */
export function retryingTransactions<P extends object>(client: P, options: RetryOptions = {}): P {
  return new Proxy(client, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === '$extends') {
        return function (this: unknown, ...args: unknown[]) {
          return retryingTransactions((value as (...a: unknown[]) => object).apply(this, args), options);
        };
      }
      if (property === '$transaction') {
        const transaction = value as TransactionCall;
        return function (this: unknown, input: unknown, ...rest: unknown[]) {
          // The array form's queries cannot be run twice, and a nested transaction is retried
          // with its outermost one.
          if (typeof input !== 'function' || insideRetriedTransaction.getStore()) return transaction.call(this, input, ...rest);
          const attempt = () => insideRetriedTransaction.run(true, () => transaction.call(this, input, ...rest));
          return attempt().catch((error: unknown) => {
            if (!connectionLost(error)?.retryable) throw error;
            options.logger?.warn('database connection lost inside a transaction (rolled back); running the transaction again');
            return attempt();
          });
        };
      }
      return value;
    },
  });
}

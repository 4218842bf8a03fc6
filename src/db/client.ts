// Opens the database for this process: PostgreSQL when DATABASE_URL is set, otherwise
// the embedded PGlite under DATA_DIR (owned directly, or reached through the owner's
// socket). Pending migrations are applied on open, so a fresh database just works.
import { setTimeout as sleep } from 'node:timers/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Config } from '../config.ts';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import { retryingAdapterFactory, retryingTransactions } from './connection-retry.ts';
import { type EmbeddedOwner, acquireEmbedded, currentOwner, serveSocket, servesSocket, socketConnectionString } from './embedded.ts';
import { limitedAdapterFactory } from './request-limits.ts';
import { applyPendingMigrations } from './schema-engine.ts';
import { countingAdapterFactory } from './statement-counter.ts';

export type Prisma = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  /** How this process reaches its data, for logs and the README's table. */
  mode: 'postgres' | 'embedded' | 'embedded-socket';
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

/**
 * Interactive transactions wait their turn rather than fail: the embedded database runs
 * one transaction at a time, so under load a short transaction may queue behind others
 * for longer than Prisma's default 2 s.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

export interface OpenOptions {
  /** The server owns the embedded database and serves it to others; the admin command borrows. */
  role: 'server' | 'client';
  logger: Logger;
}

async function migrate(factory: SqlMigrationAwareDriverAdapterFactory, logger: Logger) {
  const applied = await applyPendingMigrations(factory);
  if (applied.length) logger.info({ migrations: applied }, 'applied pending migrations');
}

function describe(error: unknown): string {
  const e = error as { message?: string; code?: string; cause?: { message?: string } };
  return (e?.cause?.message || e?.message || e?.code || String(error)).split('\n')[0];
}

/**
 * Counting (EXPOSE_SQL_COUNT) and the per-request bounds (src/db/request-limits.ts) sit
 * on the driver adapter, below Prisma, so they see every statement the database gets.
 * Innermost, a statement that met a broken connection is retried where that is safe
 * (src/db/connection-retry.ts), within the permit it holds and counted once.
 */
function adapterFor<F extends SqlMigrationAwareDriverAdapterFactory>(factory: F, logger: Logger): F {
  return countingAdapterFactory(limitedAdapterFactory(retryingAdapterFactory(factory, { logger })));
}

async function openPostgres(url: string, database: Config['database'], logger: Logger): Promise<Database> {
  try {
    // Migrations have their own short-lived pool, without the statement timeout: building
    // an index over a large table may rightly take longer than any request should.
    await migrate(new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5000 }), logger);
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot use DATABASE_URL: ${describe(error)}`);
  }
  const factory = new PrismaPg({
    connectionString: url,
    connectionTimeoutMillis: 5000,
    // DB_POOL_SIZE: connections this process opens at most (each instance has its own pool).
    max: database.poolSize,
    // DB_STATEMENT_TIMEOUT_MS, sent as a startup parameter of every pooled connection, so
    // PostgreSQL cancels any statement running longer (SQLSTATE 57014, answered TIMEOUT by
    // src/server/graphql.ts). 0 turns it off.
    ...(database.statementTimeoutMs > 0 ? { statement_timeout: database.statementTimeoutMs } : {}),
  });
  // Interactive transactions that lost their connection before COMMIT run once more (src/db/connection-retry.ts).
  const prisma = retryingTransactions(new PrismaClient({ adapter: adapterFor(factory, logger), transactionOptions: TRANSACTION_OPTIONS }), {
    logger,
  });
  return { prisma, mode: 'postgres', ping: () => ping(prisma), close: () => prisma.$disconnect() };
}

async function ping(prisma: PrismaClient, timeoutMs = 2000): Promise<boolean> {
  try {
    await Promise.race([
      prisma.$queryRawUnsafe('SELECT 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** How long an admin command waits for another one (which serves no socket) to finish. */
const CLIENT_WAIT_MS = 120_000;

/**
 * A client (the admin command) borrows the socket of a running server; when the owner is
 * another short-lived client, or a server still starting (no socket yet), it waits for
 * the socket or for the directory to be free, and then owns it for its own short run.
 */
async function openEmbeddedClient(config: Config, options: OpenOptions): Promise<Database> {
  const { dataDir } = config;
  const deadline = Date.now() + CLIENT_WAIT_MS;
  for (;;) {
    const owner = await currentOwner(dataDir);
    if (owner && (await servesSocket(dataDir))) {
      try {
        return await openSocketClient(dataDir);
      } catch (error) {
        // The server may have just stopped; if the directory changed hands, look again.
        if (!(error instanceof DatabaseUnavailableError) || (await currentOwner(dataDir)) === owner) throw error;
      }
    } else if (!owner) {
      const owned = await acquireEmbedded(dataDir, 0);
      if (owned) return useOwned(owned, dataDir, options);
    }
    if (Date.now() > deadline) {
      throw new DatabaseUnavailableError(`DATA_DIR ${dataDir} is in use by process ${owner ?? 'unknown'} (waited ${CLIENT_WAIT_MS / 1000} s)`);
    }
    await sleep(200);
  }
}

async function openEmbedded(config: Config, options: OpenOptions): Promise<Database> {
  const { dataDir } = config;
  if (options.role === 'client') return openEmbeddedClient(config, options);
  // The server waits out a short-lived owner (an admin command) rather than failing.
  const owner = await acquireEmbedded(dataDir, 30_000);
  if (!owner) throw new DatabaseUnavailableError(`DATA_DIR ${dataDir} is in use by process ${await currentOwner(dataDir)}`);
  return useOwned(owner, dataDir, options);
}

async function useOwned(owner: EmbeddedOwner, dataDir: string, { role, logger }: OpenOptions): Promise<Database> {
  try {
    await migrate(new PrismaPGlite(owner.pglite), logger);
  } catch (error) {
    await owner.release();
    throw error;
  }
  const stopSocket = role === 'server' ? await serveSocket(owner.pglite, dataDir) : async () => {};
  // No statement timeout here: PGlite does not enforce statement_timeout (see
  // createPGlite in embedded.ts). The per-request bounds apply: PGlite runs one statement at
  // a time, and they keep one request's statements from filling its queue.
  const prisma = new PrismaClient({ adapter: adapterFor(new PrismaPGlite(owner.pglite), logger), transactionOptions: TRANSACTION_OPTIONS });
  return {
    prisma,
    mode: 'embedded',
    ping: () => ping(prisma),
    async close() {
      await stopSocket();
      await prisma.$disconnect();
      await owner.release();
    },
  };
}

async function openSocketClient(dataDir: string): Promise<Database> {
  // One connection: the owner's PGlite runs one query at a time anyway.
  const factory = new PrismaPg({ connectionString: socketConnectionString(dataDir), max: 1 });
  const prisma = new PrismaClient({ adapter: factory, transactionOptions: TRANSACTION_OPTIONS });
  // Generous: the owner may be busy (a sync, a loaded machine), and this is a one-off check.
  if (!(await ping(prisma, 15_000))) {
    await prisma.$disconnect();
    throw new DatabaseUnavailableError(`DATA_DIR ${dataDir} is owned by a running server whose socket does not answer`);
  }
  return { prisma, mode: 'embedded-socket', ping: () => ping(prisma), close: () => prisma.$disconnect() };
}

export function openDatabase(config: Config, options: OpenOptions): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, config.database, options.logger) : openEmbedded(config, options);
}

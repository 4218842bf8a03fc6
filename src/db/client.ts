// Opens the database for this process: PostgreSQL when DATABASE_URL is set, otherwise
// the embedded PGlite under DATA_DIR (owned directly, or reached through the owner's
// socket). Pending migrations are applied on open, so a fresh database just works.
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Config } from '../config.ts';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import { acquireEmbedded, currentOwner, serveSocket, socketConnectionString } from './embedded.ts';
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

async function openPostgres(url: string, logger: Logger): Promise<Database> {
  const factory = new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await migrate(factory, logger);
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot use DATABASE_URL: ${describe(error)}`);
  }
  const prisma = new PrismaClient({ adapter: countingAdapterFactory(factory), transactionOptions: TRANSACTION_OPTIONS });
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

async function openEmbedded(config: Config, { role, logger }: OpenOptions): Promise<Database> {
  const { dataDir } = config;
  // A client borrows a running owner's socket; the server waits out a short-lived owner
  // (an admin command) rather than failing.
  if (role === 'client' && (await currentOwner(dataDir))) return openSocketClient(dataDir);
  const owner = await acquireEmbedded(dataDir, role === 'server' ? 30_000 : 0);
  if (!owner) {
    if (role === 'client') return openSocketClient(dataDir);
    throw new DatabaseUnavailableError(`DATA_DIR ${dataDir} is in use by process ${await currentOwner(dataDir)}`);
  }
  try {
    await migrate(new PrismaPGlite(owner.pglite), logger);
  } catch (error) {
    await owner.release();
    throw error;
  }
  const stopSocket = role === 'server' ? await serveSocket(owner.pglite, dataDir) : async () => {};
  const prisma = new PrismaClient({ adapter: countingAdapterFactory(new PrismaPGlite(owner.pglite)), transactionOptions: TRANSACTION_OPTIONS });
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
  return config.databaseUrl ? openPostgres(config.databaseUrl, options.logger) : openEmbedded(config, options);
}

// The embedded PostgreSQL (PGlite) under DATA_DIR.
//
// PGlite allows one process per data directory, yet the admin command must work beside
// a running server. So one process at a time owns the directory (a lock file holding its
// pid); the server, as owner, also serves the database on a Unix socket inside DATA_DIR,
// and any other process that finds the directory owned talks to it through that socket
// like to any PostgreSQL server.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PROJECT_ROOT } from '../project-root.ts';

const LOCK_FILE = 'owner.pid';
const PG_DIR = 'pgdata';
/** The name libpq (and node-postgres) looks for when `host` is a directory. */
const SOCKET_FILE = '.s.PGSQL.5432';

/**
 * A PGlite that runs the migrations must be made here (the data directory, the schema
 * engine's shadow database, tests' in-memory databases): PGlite can only CREATE EXTENSION
 * what was loaded when it started, and a migration creates pg_trgm (its trigram indexes
 * serve directoryUsers(filter: { search }); see prisma/schema.prisma).
 *
 * PGlite does not enforce `statement_timeout` (WASM has no timer signals: `SET
 * statement_timeout = 200; SELECT pg_sleep(1)` just runs), so DB_STATEMENT_TIMEOUT_MS has
 * no effect on the embedded database; the per-request bound on statements still applies.
 */
export function createPGlite(dataDir?: string): PGlite {
  // One options object: with an undefined first argument, PGlite would ignore the second.
  return new PGlite({ dataDir, extensions: { pg_trgm }, startParams: [...PGlite.defaultStartParams, ...MEMORY_SETTINGS] });
}

/**
 * PGlite's WASM PostgreSQL zeroes its shared memory when it starts, so the 128 MB of
 * shared_buffers initdb configures are resident from the first moment. 32 MB takes about
 * 95 MB off the server's RSS; the rest of the data stays in the OS page cache, one read
 * call away. Measured here (150,000 directory users, 96 MB with their trigram indexes,
 * inserted 200 a statement; 200 trigram searches; 300 pages of 100): no difference beyond
 * the machine's noise. wal_buffers stays at the 4 MB it had (by default 1/32 of shared_buffers).
 */
const MEMORY_SETTINGS = ['-c', 'shared_buffers=32MB', '-c', 'wal_buffers=4MB'];

/** The extensions createPGlite loads, by name (part of a prepared image's identity). */
const EXTENSIONS = ['pg_trgm'];

export interface EmbeddedOwner {
  pglite: PGlite;
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of the live process owning dataDir, if any (a stale lock is removed). */
export async function currentOwner(dataDir: string): Promise<number | undefined> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const pid = Number(await readFile(lockPath, 'utf8').catch(() => ''));
  if (pid && pid !== process.pid && isAlive(pid)) return pid;
  if (pid) await rm(lockPath, { force: true });
  return undefined;
}

async function tryLock(dataDir: string): Promise<boolean> {
  if (await currentOwner(dataDir)) return false;
  try {
    const handle = await open(path.join(dataDir, LOCK_FILE), 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * DATA_DIR holds the whole database and the encryption key: readable and writable by its
 * owner only (README: "Edge: authentication, request IDs, limits, headers, metrics"). Files this process creates from now on get 0600 / 0700
 * (PGlite's file system creates them with 0666 / 0777 less the umask), and what an earlier
 * version left more open is tightened.
 */
async function restrictToOwner(dir: string): Promise<void> {
  process.umask(0o077);
  await chmod(dir, 0o700);
  // All at once, not one after another: a data directory holds a thousand files or more.
  await Promise.all(
    (await readdir(dir, { withFileTypes: true })).map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return restrictToOwner(full);
      if (entry.isFile()) return chmod(full, 0o600);
      return undefined; // the socket is made after this, under the umask
    }),
  );
}

/**
 * A copy of the tree at `from` (directories and regular files). Every file is copied at
 * once (libuv's thread pool takes them in turn): fs.cp, one file after another, took about
 * twice as long for a prepared image's thousand files.
 */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { mode: 0o700 });
  await Promise.all(
    (await readdir(from, { withFileTypes: true })).map((entry) => {
      const source = path.join(from, entry.name);
      const target = path.join(to, entry.name);
      if (entry.isDirectory()) return copyTree(source, target);
      // A copy-on-write clone where the file system can, a plain copy elsewhere.
      if (entry.isFile()) return copyFile(source, target, constants.COPYFILE_FICLONE);
    }),
  );
}

/**
 * Prepared data directories: a new DATA_DIR starts as a copy of one instead of running
 * PGlite's initdb (a second WASM instance: about 4 s and 800 MB peak here) and the
 * migrations. One image per PGlite version and migrations folder, made once, the first
 * time a new data directory is needed (or by `npm run prepare:embedded`), by the same
 * initdb and the same engine a data directory would get, closed cleanly. It holds the
 * schema and the migration history only: no secret (the encryption key is generated into
 * DATA_DIR by src/domain/crypto.ts, signing keys are made by the server once it runs).
 * Where the cache cannot be written (a read-only install), new directories get initdb.
 */
const IMAGE_CACHE = path.join(PROJECT_ROOT, 'node_modules/.cache/integrations-api');
/** Bump when what goes into an image changes other than PGlite, its extensions or the migrations. */
const IMAGE_FORMAT = 1;

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

async function imageName(): Promise<string | undefined> {
  const { folderMigrations } = await import('./schema-engine.ts');
  const migrations = await folderMigrations();
  if (!migrations) return undefined;
  // The package exports no ./package.json: found from its entry point (dist/index.cjs).
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { version: pgliteVersion } = JSON.parse(await readFile(path.resolve(path.dirname(entry), '../package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256')
    .update(JSON.stringify({ IMAGE_FORMAT, pgliteVersion, extensions: EXTENSIONS, migrations }))
    .digest('hex')
    .slice(0, 16);
  return `pgdata-${pgliteVersion}-${hash}`;
}

/** The prepared data directory for this version, made now when missing; undefined when it cannot be. */
export async function preparedImage(): Promise<string | undefined> {
  const name = await imageName().catch(() => undefined);
  if (!name) return undefined;
  const image = path.join(IMAGE_CACHE, name);
  if (await exists(path.join(image, 'PG_VERSION'))) return image;
  let building: string;
  try {
    await mkdir(IMAGE_CACHE, { recursive: true });
    building = await mkdtemp(path.join(IMAGE_CACHE, '.building-'));
  } catch {
    return undefined;
  }
  try {
    const pglite = createPGlite(path.join(building, PG_DIR));
    try {
      await pglite.waitReady;
      const { applyPendingMigrations } = await import('./schema-engine.ts');
      await applyPendingMigrations(new PrismaPGlite(pglite));
    } finally {
      await pglite.close();
    }
    // Complete images only, under their final name: another process building the same
    // one at the same time simply loses the race.
    await rename(path.join(building, PG_DIR), image).catch(async (error) => {
      if (!(await exists(path.join(image, 'PG_VERSION')))) throw error;
    });
  } catch {
    return undefined;
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  // Images of earlier versions are of no more use.
  for (const entry of await readdir(IMAGE_CACHE).catch(() => [])) {
    if (entry.startsWith('pgdata-') && entry !== name) await rm(path.join(IMAGE_CACHE, entry), { recursive: true, force: true });
  }
  return image;
}

/**
 * Gives a new data directory its database from the prepared image, copied in under a
 * temporary name and renamed, so an interrupted copy is never taken for a database.
 * Answers 'existing' for a directory that has a database, 'seeded', or 'fresh' when
 * PGlite's initdb must make it (no image, or a directory holding something else).
 */
async function seed(pgDir: string): Promise<'existing' | 'seeded' | 'fresh'> {
  if (await exists(path.join(pgDir, 'PG_VERSION'))) return 'existing';
  const contents = await readdir(pgDir).catch(() => []);
  if (contents.length) return 'fresh';
  const image = await preparedImage();
  if (!image) return 'fresh';
  const copy = `${pgDir}.seeding`;
  try {
    await rm(copy, { recursive: true, force: true });
    await copyTree(image, copy);
  } catch {
    // Say the image went away meanwhile (a newer version replaced it): initdb, as without one.
    await rm(copy, { recursive: true, force: true });
    return 'fresh';
  }
  await rm(pgDir, { recursive: true, force: true });
  await rename(copy, pgDir);
  return 'seeded';
}

async function openPGlite(pgDir: string): Promise<PGlite> {
  const pglite = createPGlite(pgDir);
  try {
    await pglite.waitReady;
    return pglite;
  } catch (error) {
    await pglite.close().catch(() => {});
    throw error;
  }
}

/** Takes ownership of dataDir, waiting up to timeoutMs for a short-lived owner to finish. */
export async function acquireEmbedded(dataDir: string, timeoutMs: number): Promise<EmbeddedOwner | undefined> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const deadline = Date.now() + timeoutMs;
  while (!(await tryLock(dataDir))) {
    if (Date.now() >= deadline) return undefined;
    await sleep(200);
  }
  // A socket left by a previous owner that died is dead: another process must not take
  // it for a running server's.
  await rm(path.join(dataDir, SOCKET_FILE), { force: true });
  await restrictToOwner(dataDir);
  let pglite: PGlite;
  try {
    const pgDir = path.join(dataDir, PG_DIR);
    const state = await seed(pgDir);
    pglite = await openPGlite(pgDir).catch(async (error) => {
      if (state !== 'seeded') throw error;
      // A damaged image: this directory gets initdb, and the next image is made anew.
      await rm(pgDir, { recursive: true, force: true });
      const name = await imageName().catch(() => undefined);
      if (name) await rm(path.join(IMAGE_CACHE, name), { recursive: true, force: true });
      return openPGlite(pgDir);
    });
    // A new data directory's files come with the image's modes, or out of PGlite's initdb
    // with 0666, and opening it writes more: tighten them too (an existing one was
    // tightened above).
    if (state !== 'existing') await restrictToOwner(dataDir);
  } catch (error) {
    await rm(path.join(dataDir, LOCK_FILE), { force: true });
    throw error;
  }
  return {
    pglite,
    async release() {
      await pglite.close();
      await rm(path.join(dataDir, LOCK_FILE), { force: true });
    },
  };
}

/** A PostgreSQL simple-query protocol message. */
function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0, 'ascii');
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

/**
 * PGlite is a single session. Its own query() and transaction() take its transaction
 * mutex, but the socket server runs each protocol message under the query mutex only.
 * Left alone, a socket client's statements run inside the server's open transaction (and
 * the server's inside the client's), and a new client's first message that arrives while
 * the server holds a transaction waits in the socket queue until some other socket
 * message comes (an admin command then hangs). This view of the database, given to the
 * socket server, takes the transaction mutex for every message and keeps it for as long
 * as a socket client's transaction stays open, so the two sides take turns by transaction.
 */
function gatedForSocket(pglite: PGlite): PGlite {
  let release: (() => void) | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  const acquire = () =>
    new Promise<() => void>((acquired) => {
      void pglite._runExclusiveTransaction(() => new Promise<void>((done) => acquired(done)));
    });
  const runExclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(async () => {
      release ??= await acquire();
      try {
        return await pglite.runExclusive(fn);
      } finally {
        if (!pglite.isInTransaction()) {
          const done = release;
          release = undefined;
          done();
        }
      }
    });
    tail = run.catch(() => {});
    return run;
  };
  return new Proxy(pglite, {
    get(target, prop) {
      if (prop === 'runExclusive') return runExclusive;
      // Only a socket client's open transaction counts: the queue then serves that client alone.
      if (prop === 'isInTransaction') return () => release !== undefined && target.isInTransaction();
      // Used by the socket server to roll back a disconnected client's transaction.
      if (prop === 'exec') return (sql: string) => runExclusive(() => target.execProtocolRaw(simpleQuery(sql)));
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Serves the owned PGlite on a Unix socket in dataDir for other local processes. */
export async function serveSocket(pglite: PGlite, dataDir: string): Promise<() => Promise<void>> {
  const socketPath = path.join(dataDir, SOCKET_FILE);
  await rm(socketPath, { force: true });
  const server = new PGLiteSocketServer({ db: gatedForSocket(pglite), path: socketPath, maxConnections: 8 });
  await server.start();
  return async () => {
    await server.stop();
    await rm(socketPath, { force: true });
  };
}

/** True when the owner of dataDir serves it on a socket (a server, not an admin command). */
export async function servesSocket(dataDir: string): Promise<boolean> {
  return stat(path.join(dataDir, SOCKET_FILE)).then(
    (s) => s.isSocket(),
    () => false,
  );
}

/** A connection string that reaches the owner's socket server. */
export function socketConnectionString(dataDir: string): string {
  return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dataDir)}`;
}

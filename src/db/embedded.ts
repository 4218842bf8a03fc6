// The embedded PostgreSQL (PGlite) under DATA_DIR.
//
// PGlite allows one process per data directory, yet the admin command must work beside
// a running server. So one process at a time owns the directory (a lock file holding its
// pid); the server, as owner, also serves the database on a Unix socket inside DATA_DIR,
// and any other process that finds the directory owned talks to it through that socket
// like to any PostgreSQL server.
import { chmod, mkdir, open, readFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

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
  return new PGlite({ dataDir, extensions: { pg_trgm } });
}

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
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await restrictToOwner(full);
    else if (entry.isFile()) await chmod(full, 0o600);
    // the socket is made after this, under the umask
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
    pglite = createPGlite(path.join(dataDir, PG_DIR));
    await pglite.waitReady;
    // A fresh data directory's files come out of PGlite's initdb with 0666: tighten them too.
    await restrictToOwner(dataDir);
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

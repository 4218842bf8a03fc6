// Bundles the server and the admin command with esbuild, so they run as plain JavaScript
// under `node`: no TypeScript compiler at run time, and no resolving and loading of some
// thousand files from node_modules at every start (bundled, a start on PostgreSQL takes
// about half the CPU). dist/main.js and dist/admin/cli.js share their code through chunks
// in dist/. A few packages stay external, imported from node_modules at run time: those
// that load files beside their own code (WASM, data files, worker scripts). Type errors are
// `npm run typecheck`'s business, not this script's.
//
//   node scripts/build.mjs             always build
//   node scripts/build.mjs --if-stale  build only when something under src/ (or
//                                      prisma/schema.prisma, tsconfig.json, package-lock.json
//                                      or this script) changed since the last build (what
//                                      `npm start` and `npm run admin` do)
//
// Code that needs prisma/ or node_modules/ at run time finds them from src/project-root.ts,
// wherever its chunk landed. A build is written to a temporary directory and swapped in
// whole, under a lock, so two builds at once (a test run and `npm start`, say) neither
// collide nor leave a half-written dist/.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
/** Written last into a finished build: the time the build started reading its sources. */
const STAMP = path.join(DIST, '.build-stamp');
const LOCK = path.join(ROOT, '.dist-lock');
/** Inputs besides src/: a change in any of them makes dist/ stale. */
const EXTRA_INPUTS = [
  path.join(ROOT, 'prisma/schema.prisma'),
  path.join(ROOT, 'tsconfig.json'),
  // Bundled packages are part of the output: an upgrade makes it stale.
  path.join(ROOT, 'package-lock.json'),
  fileURLToPath(import.meta.url),
];
/** What `npm start` and `npm run admin` run. */
const ENTRY_POINTS = ['main.ts', 'admin/cli.ts'].map((file) => path.join(SRC, file));
/**
 * Packages imported from node_modules at run time rather than bundled: they read files
 * beside their code (PGlite's WASM and data, the schema engine's WASM, pino's worker
 * transports), or are optional native modules (pg-native).
 */
const EXTERNAL = [
  '@electric-sql/pglite',
  '@electric-sql/pglite-socket',
  '@prisma/schema-engine-wasm',
  'pino',
  'pino-pretty',
  'thread-stream',
  'pg-native',
];

/** The newest modification time under src/ (files and directories: a deleted or renamed file changes its directory). */
function newestInput() {
  let newest = 0;
  const visit = (dir) => {
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  visit(SRC);
  for (const file of EXTRA_INPUTS) if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

/**
 * True when dist/ is missing, unfinished, or older than one of its inputs. A dist/ without
 * src/ beside it (the Docker image ships the compiled output only) is what it is.
 */
export function isStale() {
  let built;
  try {
    built = Number(readFileSync(STAMP, 'utf8'));
  } catch {
    return true;
  }
  if (!existsSync(SRC)) return false;
  return !Number.isFinite(built) || newestInput() >= built;
}

/** Directories of earlier builds that died before the swap (their pid is gone). */
function removeLeftovers() {
  for (const name of readdirSync(ROOT)) {
    const match = /^\.dist-(?:new|old)-(\d+)$/.exec(name);
    if (!match) continue;
    let alive = Number(match[1]) === process.pid;
    try {
      if (!alive) process.kill(Number(match[1]), 0);
      alive = true;
    } catch {
      // that builder is gone
    }
    if (!alive) rmSync(path.join(ROOT, name), { recursive: true, force: true });
  }
}

/** A lock directory (mkdir is atomic); one held longer than a build could take is taken over. */
async function withLock(fn) {
  for (let waited = 0; ; waited += 50) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let age;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > 120_000) rmSync(LOCK, { recursive: true, force: true });
      else await sleep(50);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export async function build({ ifStale = false, quiet = false } = {}) {
  if (ifStale && !isStale()) return false;
  return withLock(async () => {
    // Another process may have built it while this one waited for the lock.
    if (ifStale && !isStale()) return false;
    const started = Date.now();
    if (!existsSync(SRC)) throw new Error(`${SRC} is missing: nothing to compile, and dist/ is missing or unfinished`);
    // Loaded only when a build is due: `--if-stale` on a fresh dist/ stays a few milliseconds.
    const esbuild = await import('esbuild');
    removeLeftovers();
    const next = path.join(ROOT, `.dist-new-${process.pid}`);
    const old = path.join(ROOT, `.dist-old-${process.pid}`);
    rmSync(next, { recursive: true, force: true });
    try {
      await esbuild.build({
        entryPoints: ENTRY_POINTS,
        outbase: SRC,
        outdir: next,
        bundle: true,
        // One copy of the shared code, in chunks both entry points import.
        splitting: true,
        chunkNames: 'chunks/[name]-[hash]',
        external: EXTERNAL,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        // Bundled CommonJS packages call require(): give every output file one.
        banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
        sourcemap: 'linked',
        logLevel: 'warning',
      });
      writeFileSync(path.join(next, '.build-stamp'), String(started));
      // The swap: dist/ is missing only between these two renames.
      if (existsSync(DIST)) renameSync(DIST, old);
      renameSync(next, DIST);
    } finally {
      rmSync(next, { recursive: true, force: true });
      rmSync(old, { recursive: true, force: true });
    }
    if (!quiet) process.stderr.write(`built dist/ in ${Date.now() - started} ms\n`);
    return true;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => !['--if-stale', '--quiet'].includes(arg));
  if (unknown.length) {
    process.stderr.write(`usage: node scripts/build.mjs [--if-stale] [--quiet]\n`);
    process.exit(2);
  }
  try {
    await build({ ifStale: args.includes('--if-stale'), quiet: args.includes('--quiet') });
  } catch (error) {
    // esbuild has printed its errors already.
    if (!error.errors) process.stderr.write(`error: build failed: ${error.message}\n`);
    process.exit(1);
  }
}

// Time to /ready and RSS at ready of the server as `npm start` runs it (node dist/main.js,
// built first when stale), for fresh and warm embedded data directories and for
// PostgreSQL; several trees (e.g. a copy of an earlier version) are measured in
// interleaved runs, since the machine's load drifts.
//
//   node scripts/measure-start.mjs [--runs 3] [--cases fresh,warm,postgres] [--pg URL] [ROOT ...]
//
// ROOT defaults to this repository. RSS is VmRSS of the server's node process, read from
// /proc when /ready first answers 200.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const runs = Number(option('runs', '3'));
const cases = option('cases', 'fresh,warm,postgres').split(',');
const pgBase = option('pg', 'postgres://postgres@127.0.0.1:5432/test');
const roots = args.length ? args.map((root) => path.resolve(root)) : [path.resolve(import.meta.dirname, '..')];
for (const root of roots) execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--quiet'], { cwd: root, stdio: 'inherit' });

/** A port nobody listens on now (other servers run on this machine). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function children(pid) {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU time (user + system) the process has used so far, in ms: less at the mercy of the machine's load than wall time. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Math.round(((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
}

function rssMb(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

async function ready(port) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/ready`);
    return res.status === 200;
  } catch {
    return false;
  }
}

async function startOnce(root, env) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ENCRYPTION_KEY: '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let exited = false;
  child.on('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`server exited: ${stderr}`);
    if (await ready(port)) break;
    if (performance.now() - started > 60_000) throw new Error('timeout');
    await sleep(50);
  }
  const ms = Math.round(performance.now() - started);
  const node = children(child.pid)[0] ?? child.pid;
  const rss = rssMb(node);
  const cpu = cpuMs(node);
  child.kill('SIGTERM');
  await new Promise((resolve) => (exited ? resolve() : child.on('exit', resolve)));
  return { ms, rss, cpu };
}

async function freshPostgres() {
  const name = `measure_start_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: pgBase });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

const results = new Map();
const record = (root, kind, value) => {
  const key = `${root}\t${kind}`;
  if (!results.has(key)) results.set(key, []);
  results.get(key).push(value);
  console.log(`${path.basename(root)} ${kind}: ${value.ms} ms, ${value.rss} MB, ${value.cpu} ms CPU`);
};

for (let run = 0; run < runs; run++) {
  for (const root of roots) {
    if (cases.includes('fresh') || cases.includes('warm')) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'measure-start-'));
      try {
        const fresh = await startOnce(root, { DATA_DIR: dataDir, DATABASE_URL: '' });
        if (cases.includes('fresh')) record(root, 'fresh', fresh);
        if (cases.includes('warm')) record(root, 'warm', await startOnce(root, { DATA_DIR: dataDir, DATABASE_URL: '' }));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    if (cases.includes('postgres')) {
      const database = await freshPostgres();
      try {
        const env = { DATABASE_URL: database.url, ENCRYPTION_KEY: '0'.repeat(64) };
        record(root, 'postgres-fresh', await startOnce(root, env));
        record(root, 'postgres-warm', await startOnce(root, env));
      } finally {
        await database.drop();
      }
    }
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('\nmedians (time to /ready, RSS at ready, CPU time of the server process at ready):');
for (const [key, values] of results) {
  const [root, kind] = key.split('\t');
  console.log(
    `${path.basename(root)}\t${kind}\t${median(values.map((v) => v.ms))} ms\t${median(values.map((v) => v.rss))} MB\t${median(values.map((v) => v.cpu))} ms CPU\t(n=${values.length})`,
  );
}

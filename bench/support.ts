// Shared by the benchmarks (bench/http.ts, bench/soak.ts): a real server process on a
// temporary DATA_DIR or on PostgreSQL (or any other script served the same way, such as
// bench/baseline-server.ts), the admin command beside it, a process's memory and CPU time
// from /proc, percentiles and a plain-text table.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildIfStale, freePort } from '../tests/support/process.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface Server {
  url: string;
  /** The node process that serves (for a .ts script, tsx runs it as a child of its own). */
  pid: number;
  stderr(): string;
  stop(): Promise<void>;
}

/** The server's and the admin command's environment: DATABASE_URL when given, else DATA_DIR. */
export function storageEnv(databaseUrl: string | undefined, dataDir: string, encryptionKey: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production', ENCRYPTION_KEY: encryptionKey };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  delete env.REDIS_URL;
  delete env.DEBUG;
  delete env.EXPOSE_SQL_COUNT;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else env.DATA_DIR = dataDir;
  return env;
}

async function servingPid(child: ChildProcess): Promise<number> {
  // tsx's CLI spawns the real node process; measure that one, not the wrapper.
  const children = await readFile(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').catch(() => '');
  const pid = Number(children.trim().split(/\s+/)[0]);
  return pid || child.pid!;
}

/** A repository script as a command: compiled JavaScript runs on node, TypeScript through tsx. */
function command(script: string, args: string[] = [], nodeOptions: string[] = []): [string, string[]] {
  return script.endsWith('.js') ? [process.execPath, [...nodeOptions, script, ...args]] : [TSX, [...nodeOptions, script, ...args]];
}

/**
 * Starts the server as `npm start` does (the compiled `dist/main.js`, built first when
 * stale) on a free loopback port and waits until /ready answers. Unless the environment
 * sets PUBLIC_URL, it is the server's own loopback address (NODE_ENV=production requires one).
 */
export async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  buildIfStale();
  return startScript('dist/main.js', env, nodeArgs(process.env.BENCH_SERVER_NODE_ARGS));
}

/** BENCH_SERVER_NODE_ARGS, such as `--cpu-prof --cpu-prof-dir=/tmp/prof`: Node options of the server only. */
function nodeArgs(raw: string | undefined): string[] {
  return raw?.trim() ? raw.trim().split(/\s+/) : [];
}

/**
 * Starts a script (a path from the repository root: `.js` on node, `.ts` through tsx) with
 * PORT and HOST set, and waits until its /ready answers 200, as for the server.
 */
export async function startScript(script: string, env: NodeJS.ProcessEnv, nodeOptions: string[] = []): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const [program, args] = command(script, [], nodeOptions);
  const child = spawn(program, args, {
    cwd: ROOT,
    env: { PUBLIC_URL: url, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}:\n${stderr}`);
    if (
      await fetch(`${url}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} not ready after 90 s:\n${stderr}`);
    }
    await sleep(100);
  }
  return {
    url,
    pid: await servingPid(child),
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Runs the admin command (`npm run admin -- ...args`, compiled) on the same storage. It reads the
 * server's configuration, which with NODE_ENV=production needs a PUBLIC_URL; the command
 * makes no links, so any loopback one does unless the environment sets it.
 */
export async function admin(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  buildIfStale();
  const [program, commandArgs] = command('dist/admin/cli.js', args);
  const child = spawn(program, commandArgs, {
    cwd: ROOT,
    env: { PUBLIC_URL: 'http://127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`admin ${args.join(' ')} failed (${code}): ${stderr}`);
  return stdout;
}

/** Resident memory of a process, in MiB (VmRSS; VmHWM is the peak). */
export async function memoryOf(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

let clockTicks: number | undefined;

/** CPU time (user + system) a process has used so far, in microseconds (/proc/<pid>/stat). */
export async function cpuTimeOf(pid: number): Promise<number> {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesized command name (which may hold spaces): state is field 3,
  // utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / clockTicks;
}

/** The p-th percentile of ascending values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Rows of cells as aligned columns: the first left-aligned, the others right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

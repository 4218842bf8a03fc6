// Starting real server processes and running the admin command, as a user would.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { serverEnv } from './env.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The compiled server and admin command, as `npm start` and `npm run admin` run them (built by global-setup.ts). */
const SERVER = 'dist/main.js';
const ADMIN = 'dist/admin/cli.js';

/** Compiles src/ to dist/ unless dist/ is up to date (scripts/build.mjs). */
export function buildIfStale(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter(Boolean);
  } catch {
    // no children
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * SIGKILL for a process and the tree under it, children included (a server spawned through
 * a launcher, such as tsx, runs in a child process that a SIGKILL of the launcher alone would
 * leave running).
 */
async function killTree(root: number): Promise<void> {
  const pids = [...descendants(root).reverse(), root];
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (let i = 0; i < 200 && pids.some(alive); i++) await sleep(50);
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * What a server that missed its deadline was doing: the last /ready answer, and the JavaScript
 * stack and open handles from a Node diagnostic report (`--report-on-signal`, SIGUSR2), which
 * Node writes even when the main thread is busy, because it runs on an interrupt.
 */
async function diagnose(child: ChildProcess, reportFile: string, lastReady: string): Promise<string> {
  const lines = [`last /ready answer: ${lastReady}`];
  try {
    child.kill('SIGUSR2');
    for (let i = 0; i < 50; i++) {
      const text = await readFile(reportFile, 'utf8').catch(() => undefined);
      if (text) {
        const report = JSON.parse(text) as {
          javascriptStack?: { message?: string; stack?: string[] };
          libuv?: { type: string; is_active: boolean; remoteEndpoint?: unknown }[];
          resourceUsage?: { userCpuSeconds?: number; kernelCpuSeconds?: number };
        };
        const handles = (report.libuv ?? []).filter((h) => h.is_active).map((h) => h.type);
        lines.push(
          `JavaScript stack: ${report.javascriptStack?.message ?? ''}`,
          ...(report.javascriptStack?.stack ?? []).slice(0, 30).map((frame) => `    ${frame}`),
          `active handles: ${handles.join(', ') || 'none'}`,
          `CPU so far: user ${report.resourceUsage?.userCpuSeconds ?? '?'} s, system ${report.resourceUsage?.kernelCpuSeconds ?? '?'} s`,
        );
        break;
      }
      await sleep(100);
    }
  } catch (error) {
    lines.push(`no diagnostic report: ${String(error)}`);
  }
  await rm(reportFile, { force: true });
  return lines.join('\n');
}

/** Starts the compiled server (`node dist/main.js`, what `npm start` runs) and waits until /ready answers 200. */
export async function startServer(env: Record<string, string | undefined>, timeoutMs = 90_000): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const reportFile = path.join(tmpdir(), `integrations-api-server-${process.pid}-${port}.json`);
  const child = spawn(
    process.execPath,
    ['--report-on-signal', `--report-directory=${path.dirname(reportFile)}`, `--report-filename=${path.basename(reportFile)}`, SERVER],
    {
      cwd: ROOT,
      env: serverEnv({ ...env, PORT: String(port) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  // TEST_SERVER_LOG_DIR: every server's output also goes to a file there, for debugging a failing run.
  if (process.env.TEST_SERVER_LOG_DIR) {
    const file = createWriteStream(path.join(process.env.TEST_SERVER_LOG_DIR, `server-${port}-${Date.now()}.log`));
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let lastReady = 'none (nothing listening yet)';
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(5_000) }).then(
      async (r) => {
        if (!r.ok) lastReady = `${r.status} ${(await r.text()).slice(0, 200)}`;
        return r.ok;
      },
      (error: Error) => {
        if (error.name === 'TimeoutError') lastReady = 'no answer within 5 s (listening, but busy)';
        return false;
      },
    );
    if (ready) break;
    if (Date.now() > deadline) {
      const diagnosis = await diagnose(child, reportFile, lastReady);
      // The whole tree, whatever it is.
      await killTree(child.pid!);
      throw new Error(`server not ready after ${timeoutMs} ms:\n${diagnosis}\noutput:\n${output}`);
    }
    await sleep(100);
  }
  return {
    url,
    port,
    child,
    output: () => output,
    /** SIGTERM: a graceful stop. SIGKILL: the whole process tree, as a crash would. */
    async stop(signal = 'SIGTERM') {
      if (signal === 'SIGKILL') await killTree(child.pid!);
      else if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run admin -- ...args` the way the README says, with the given storage. */
export async function runAdmin(args: string[], env: Record<string, string | undefined>): Promise<CommandResult> {
  const child = spawn(process.execPath, [ADMIN, ...args], { cwd: ROOT, env: serverEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { code, stdout, stderr };
}

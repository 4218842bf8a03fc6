// The server process as an operator meets it: start-up failures are one clear line and
// a non-zero exit (not a stack dump), and SIGTERM lets an in-flight request finish
// before the process exits 0. These start their own server processes.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { serverUrl, storageEnv } from './support/api.ts';
import { serverEnv } from './support/env.ts';
import { type ResultOf, graphql } from './support/kit.ts';
import { ROOT, runAdmin, startServer } from './support/process.ts';

const storage = inject('storage');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const SLOW = 180_000;

// Sent as a raw HTTP body (a request held in flight); typed where its answer is read.
const VIEWER = graphql(`
  query LifecycleViewer {
    viewer {
      organization {
        id
        name
      }
    }
  }
`);
/** What `create-org --json` prints. */
interface CreatedOrg {
  organization: { id: string; name: string };
  apiKey: string;
}

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  if (databases.length) {
    const admin = new pg.Client({ connectionString: storageEnv.DATABASE_URL });
    await admin.connect();
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
});

const databases: string[] = [];

/** A new, empty database on the suite's PostgreSQL server (dropped after the file). */
async function freshDatabase(): Promise<string> {
  const name = `integrations_lifecycle_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: storageEnv.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  databases.push(name);
  const url = new URL(storageEnv.DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function freshDataDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'integrations-lifecycle-'));
  dirs.push(dir);
  return dir;
}

/** Runs `src/main.ts` (what `npm start` runs) and waits for it to exit on its own. */
async function runServerUntilExit(env: Record<string, string | undefined>, timeoutMs = 150_000) {
  const child = spawn(TSX, ['src/main.ts'], { cwd: ROOT, env: serverEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, signal: child.signalCode, stdout, stderr };
}

/** Lines meant for a person: everything on stderr but the structured (JSON) log lines. */
function humanLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      try {
        return typeof JSON.parse(line) !== 'object';
      } catch {
        return true;
      }
    });
}

function expectOneClearLine(result: { code: number | null; signal: NodeJS.Signals | null; stderr: string }, mentions: RegExp) {
  expect(result.signal, result.stderr).toBeNull(); // it exited by itself, not killed on timeout
  expect(result.code, result.stderr).not.toBe(0);
  const lines = humanLines(result.stderr);
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(mentions);
  expect(lines[0].length).toBeLessThan(300);
  // No stack trace anywhere, the structured log included.
  expect(result.stderr).not.toContain('    at ');
  expect(result.stderr).not.toMatch(/\.ts:\d+:\d+/);
}

describe('start-up failures', () => {
  it(
    'a port already in use: one clear line naming the port, non-zero exit',
    async () => {
      const port = new URL(serverUrl).port; // the suite's server holds it
      // Its own storage: the embedded directory of the suite's server is taken (another
      // failure: the server would wait for it first), and on PostgreSQL a server that gets
      // as far as its database must not touch the suite's data.
      const env = storage === 'pglite' ? { DATA_DIR: await freshDataDir() } : { DATABASE_URL: await freshDatabase() };
      const result = await runServerUntilExit({ ...env, PORT: port });
      expectOneClearLine(result, new RegExp(`\\b${port}\\b`));
      expect(humanLines(result.stderr)[0]).toMatch(/in use/i);
      // The suite's server is unaffected.
      expect((await fetch(`${serverUrl}/health`)).status).toBe(200);
    },
    SLOW,
  );

  it(
    'an unreachable DATABASE_URL: one clear line, non-zero exit',
    async () => {
      const result = await runServerUntilExit({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nope', PORT: '0' });
      expectOneClearLine(result, /DATABASE_URL/);
    },
    SLOW,
  );

  it(
    'a DATABASE_URL that is not a PostgreSQL URL: one clear line, non-zero exit',
    async () => {
      const result = await runServerUntilExit({ DATABASE_URL: 'mysql://root@127.0.0.1/db', PORT: '0' });
      expectOneClearLine(result, /DATABASE_URL/);
    },
    SLOW,
  );

  it(
    'a bad PORT: one clear line, non-zero exit',
    async () => {
      const result = await runServerUntilExit({ ...storageEnv, PORT: 'eighty' });
      expectOneClearLine(result, /PORT/);
    },
    SLOW,
  );
});

if (storage === 'pglite') {
  describe('graceful shutdown', () => {
    it(
      'SIGTERM lets an in-flight request finish, then the process exits 0',
      async () => {
        const dataDir = await freshDataDir();
        const created = await runAdmin(['create-org', '--name', 'Shutdown', '--json'], { DATA_DIR: dataDir });
        expect(created.code, created.stderr).toBe(0);
        const { organization, apiKey } = JSON.parse(created.stdout) as CreatedOrg;

        // LOG_LEVEL=info so the test can see the server begin its shutdown.
        const server = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
        children.push(server.child);
        const body = JSON.stringify({ query: print(VIEWER) });
        // Warm up first: the server gives in-flight requests a bounded grace period (10 s),
        // and a cold first query on a loaded machine is not what this test is about.
        const warm = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
          body,
        });
        expect(warm.status).toBe(200);
        await warm.text();

        // The request is in flight: the server has its headers (it answered
        // `100 Continue`) and waits for the body, which the test holds back until the
        // server has started shutting down.
        let sendBody!: () => void;
        const continued = new Promise<void>((resolve) => (sendBody = resolve));
        const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
          const req = httpRequest(`${server.url}/graphql`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': String(Buffer.byteLength(body)),
              'x-api-key': apiKey,
              expect: '100-continue',
            },
          });
          req.once('continue', () => {
            sendBody();
          });
          req.once('response', (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          });
          req.once('error', reject);
          void continued.then(async () => {
            server.child.kill('SIGTERM');
            const deadline = Date.now() + 30_000;
            while (!server.output().includes('shutting down') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
            expect(server.output()).toContain('shutting down');
            // Shutting down: no new connections are accepted any more.
            await expect(fetch(`${server.url}/health`)).rejects.toThrow();
            req.end(body);
          });
        });

        const answered = await response;
        expect(answered.status, answered.text).toBe(200);
        const json = JSON.parse(answered.text) as { data?: ResultOf<typeof VIEWER>; errors?: unknown };
        expect(json.errors).toBeUndefined();
        expect(json.data).toEqual({ viewer: { organization: { id: organization.id, name: 'Shutdown' } } });

        const code = await server.stop(); // already stopping: waits for the exit
        expect(code, server.output()).toBe(0);
        expect(server.output()).toContain('stopped');
        expect(server.output()).not.toContain('    at ');

        // The database was closed cleanly: the directory is free for the next process.
        const after = await runAdmin(
          ['set-feature', '--org', organization.id, '--feature', 'INTEGRATIONS_ECOSYSTEM', '--enabled', 'false', '--json'],
          {
            DATA_DIR: dataDir,
          },
        );
        expect(after.code, after.stderr).toBe(0);
        expect((JSON.parse(after.stdout) as { organization: { features: string[] } }).organization.features).toEqual([]);
      },
      SLOW,
    );
  });
}

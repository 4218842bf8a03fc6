// One real server per vitest project (storage). PGlite: a fresh DATA_DIR. PostgreSQL: a
// fresh database on TEST_DATABASE_URL's server, dropped afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase } from './databases.ts';
import { buildIfStale, startServer } from './process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    /** DATA_DIR or DATABASE_URL of the server's storage, for the admin command. */
    storageEnv: Record<string, string>;
    storage: 'pglite' | 'postgres';
  }
}

/**
 * Secrets the suite makes or uses that a log line must never show: anything with one of
 * the server's secret prefixes (API keys, client secrets, webhook secrets; a redacted one
 * reads "iapi_[redacted]"), and the stand-in directories' credentials.
 */
function secretsIn(log: string): string[] {
  const minted = log.match(/\b(iapi|icsec|whsec)_[A-Za-z0-9+/=_-]{16,}/g) ?? [];
  const standIns = ['okta-test-token-1234567890', 'Xy8Q~graph-stand-in-secret-value-0123456789'].filter((secret) => log.includes(secret));
  return [...minted, ...standIns];
}

export default async function setup(project: TestProject) {
  // The servers and admin commands of the suite run the compiled dist/, as `npm start` does.
  buildIfStale();
  const storage = project.name as 'pglite' | 'postgres';
  let storageEnv: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (storage === 'postgres') {
    const database = await createDatabase(process.env.TEST_DATABASE_URL!);
    storageEnv = { DATABASE_URL: database.url };
    cleanup = database.drop;
  } else {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'integrations-test-'));
    storageEnv = { DATA_DIR: dataDir };
    cleanup = () => rm(dataDir, { recursive: true, force: true });
  }
  // At trace level: after the suite, its whole log is searched for secrets
  // (README: "Edge: authentication, request IDs, limits, headers, metrics").
  // Rate limits off: every file calls from 127.0.0.1, with many deliberate failures (the
  // limits have tests of their own, tests/edge.test.ts, on servers of their own).
  const server = await startServer({ ...storageEnv, LOG_LEVEL: 'trace', RATE_LIMIT_PER_MINUTE: '0', AUTH_FAILURES_PER_MINUTE: '1000000' });
  project.provide('serverUrl', server.url);
  project.provide('storageEnv', storageEnv);
  project.provide('storage', storage);
  return async () => {
    await server.stop();
    await cleanup();
    const leaks = secretsIn(server.output());
    if (leaks.length) throw new Error(`the server logged ${leaks.length} secret(s), e.g. ${leaks[0].slice(0, 12)}…`);
  };
}

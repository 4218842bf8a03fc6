// One real server per vitest project (storage). PGlite: a fresh DATA_DIR. PostgreSQL: a
// fresh database on TEST_DATABASE_URL's server, dropped afterwards.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startServer } from './process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    /** DATA_DIR or DATABASE_URL of the server's storage, for the admin command. */
    storageEnv: Record<string, string>;
    storage: 'pglite' | 'postgres';
  }
}

async function createDatabase(baseUrl: string) {
  const name = `integrations_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export default async function setup(project: TestProject) {
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
  const server = await startServer(storageEnv);
  project.provide('serverUrl', server.url);
  project.provide('storageEnv', storageEnv);
  project.provide('storage', storage);
  return async () => {
    await server.stop();
    await cleanup();
  };
}

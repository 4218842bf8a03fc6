// A server of a test file's own, for settings the suite's shared server does not have
// (strict outbound policy, short timeouts, small caps): fresh storage of the suite's kind
// (a new DATA_DIR, or a new database on the suite's PostgreSQL), its own process, and
// organizations made by the admin command against that storage.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { inject } from 'vitest';
import { type TestOrg, createOrg, storageEnv as suiteStorage } from './api.ts';
import { createDatabase, databaseClient } from './databases.ts';
import { type ServerProcess, startServer } from './process.ts';

export interface IsolatedServer {
  server: ServerProcess;
  storageEnv: Record<string, string>;
  graphqlUrl: string;
  /** An organization on this server, made by the admin command (the kit's testOrg({ server }) adds its seeds). */
  createOrg(name: string): Promise<TestOrg>;
  /** Starts the server again on the same storage (after a kill), with the same settings. */
  restart(): Promise<void>;
  /** A pg client on the server's database (the embedded one through its socket). */
  database(): pg.Client;
  stop(): Promise<void>;
}

async function freshStorage(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (inject('storage') === 'postgres') {
    const database = await createDatabase(suiteStorage.DATABASE_URL, 'integrations_isolated');
    return { env: { DATABASE_URL: database.url }, drop: database.drop };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'integrations-isolated-'));
  return { env: { DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
}

export async function startIsolatedServer(settings: Record<string, string>): Promise<IsolatedServer> {
  const storage = await freshStorage();
  const env = { ...storage.env, ...settings };
  let server = await startServer(env);
  const isolated: IsolatedServer = {
    get server() {
      return server;
    },
    storageEnv: storage.env,
    get graphqlUrl() {
      return `${server.url}/graphql`;
    },
    createOrg(name) {
      return createOrg(name, { server: { storageEnv: storage.env, graphqlUrl: `${server.url}/graphql` } });
    },
    async restart() {
      await server.stop('SIGKILL');
      server = await startServer({ ...env, PORT: String(server.port) });
    },
    database() {
      return databaseClient(storage.env);
    },
    async stop() {
      await server.stop('SIGKILL');
      await storage.drop();
    },
  };
  return isolated;
}

// A new, empty database on the suite's PostgreSQL server (TEST_DATABASE_URL), for test
// servers and scratch clients that need storage of their own; dropped by `drop()`.
import pg from 'pg';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createDatabase(baseUrl: string, label = 'integrations_test'): Promise<FreshDatabase> {
  const name = `${label}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
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

/**
 * A pg client (not yet connected) on a server's storage, as global-setup.ts and
 * isolated-server.ts describe it: PostgreSQL through DATABASE_URL, the embedded database
 * through its owner's Unix socket in DATA_DIR.
 */
export function databaseClient(storageEnv: Record<string, string>): pg.Client {
  return storageEnv.DATABASE_URL
    ? new pg.Client({ connectionString: storageEnv.DATABASE_URL })
    : new pg.Client({ host: storageEnv.DATA_DIR, user: 'postgres', database: 'postgres' });
}

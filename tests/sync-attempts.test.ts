// A sync interrupted again and again (say, a page that crashes the process each time) is
// given up as FAILED after 5 claims instead of being retried forever. The interrupted
// state is written straight into the server's database, as a crashed runner leaves it.
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { storageEnv } from './support/api.ts';
import { execute, graphql, present, testOrg } from './support/kit.ts';

const LAST_SYNC = graphql(`
  query SyncAttemptsLastSync($id: ID!) {
    integration(id: $id) {
      directory {
        lastSync {
          id
          status
          error
        }
      }
    }
  }
`);

function database(): pg.Client {
  // PostgreSQL directly; the embedded database through its owner's Unix socket.
  return storageEnv.DATABASE_URL
    ? new pg.Client({ connectionString: storageEnv.DATABASE_URL })
    : new pg.Client({ host: storageEnv.DATA_DIR, user: 'postgres', database: 'postgres' });
}

// The suite's server runs other files' syncs too (two at a time), so the crafted one may
// wait for a runner slot: generous deadlines, no timing assertion.
it('gives up a sync claimed 5 times, with an error saying so', { timeout: 180_000 }, async () => {
  const org = await testOrg({ name: 'Attempts' });
  const integrationId = (
    await org.integration({ templateKey: 'OKTA', name: 'Crashy', config: { orgUrl: 'http://127.0.0.1:9', apiToken: 'okta-token-attempts' } })
  ).id;
  const lastSync = async () =>
    present(
      present(present((await execute(org, LAST_SYNC, { id: integrationId })).integration, 'integration').directory, 'directory').lastSync,
      'lastSync',
    );
  // Let the first (unreachable) sync end, so the crafted one is the integration's only open sync.
  for (let i = 0; i < 600 && ['QUEUED', 'RUNNING'].includes((await lastSync()).status); i++) await sleep(100);

  const client = database();
  await client.connect();
  const syncId = 'sync_01m8mwbn4xqpj3fypwxwrsccbz';
  try {
    await client.query(
      `INSERT INTO "DirectorySync" (id, "organizationId", "integrationId", status, attempts, "leaseOwner", "leaseExpiresAt", "createdAt", "startedAt")
       VALUES ($1, $2, $3, 'RUNNING', 5, 'lease_of_a_dead_runner', (now() AT TIME ZONE 'UTC') - interval '1 minute',
               (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC') - interval '1 hour')`,
      [syncId, org.id, integrationId],
    );
  } finally {
    await client.end();
  }
  let sync: Awaited<ReturnType<typeof lastSync>> | undefined;
  for (let i = 0; i < 900; i++) {
    sync = await lastSync();
    if (sync.status === 'FAILED') break;
    await sleep(100);
  }
  expect(sync).toEqual({
    id: syncId,
    status: 'FAILED',
    error: 'the sync was interrupted 5 times before finishing (the server stopped while reading this directory); start it again',
  });
});

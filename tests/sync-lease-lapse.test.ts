// A sync whose lease lapses while its runner is stalled (longer than SYNC_LEASE_MS: an
// event loop held up, a database too busy to take the lease's renewal) is claimed again by
// the same server's runner, which announces the progress already committed once more. A
// subscriber still sees every state once: RUNNING with strictly increasing `processed`,
// then one SUCCEEDED.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Sync, createOktaIntegration, startSync, waitForSync } from './support/directory.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import type { Caller } from './support/kit.ts';
import { type OktaStandIn, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';
import { SYNC_PROGRESS, expectProgression, subscribeSse } from './support/subscriptions.ts';

const LEASE_MS = 1000;
/** Longer than the lease plus the backoff before a second re-claim (one lease): each stall may end in a re-claim. */
const PAUSE_MS = 2500;

let isolated: IsolatedServer;
let okta: OktaStandIn;

beforeAll(async () => {
  isolated = await startIsolatedServer({ SYNC_LEASE_MS: String(LEASE_MS), SYNC_POLL_MS: '100' });
  okta = await startOktaStandIn({ users: oktaUsers(300), pageSize: 50 });
});

afterAll(async () => {
  await okta?.close();
  await isolated?.stop();
});

/**
 * Stalls the sync's runner for `ms`, longer than its lease: with the embedded PGlite
 * (the database runs in the server's process) the process stopped, no timer, query or
 * heartbeat running meanwhile; with PostgreSQL a database too busy to take the runner's
 * writes (the table locked in SHARE mode: its heartbeat and page commits wait, while
 * claiming, SELECT ... FOR UPDATE SKIP LOCKED, still reads).
 */
async function stall(ms: number): Promise<void> {
  if (inject('storage') === 'postgres') {
    const client = isolated.database();
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('LOCK TABLE "DirectorySync" IN SHARE MODE');
      await sleep(ms);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    return;
  }
  const pid = isolated.server.child.pid!;
  process.kill(pid, 'SIGSTOP');
  try {
    await sleep(ms);
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

async function attemptsOf(syncId: string): Promise<number> {
  const client = isolated.database();
  await client.connect();
  try {
    const { rows } = await client.query<{ attempts: number }>('SELECT attempts FROM "DirectorySync" WHERE id = $1', [syncId]);
    return rows[0].attempts;
  } finally {
    await client.end();
  }
}

it('a sync claimed again after its lease lapsed sends each state once', { timeout: 180_000 }, async () => {
  const { apiKey } = await isolated.createOrg('Lease lapse');
  const org: Caller = { apiKey, graphqlUrl: isolated.graphqlUrl };
  const { id: integrationId, firstSync } = await createOktaIntegration(org, okta, { name: 'Lapsing' });
  expect(await waitForSync(org, firstSync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 300, created: 300 });

  const subscription = subscribeSse<Sync>(isolated.server.url, apiKey, SYNC_PROGRESS, { integrationId }, 'directorySyncProgress');
  try {
    await subscription.waitFor('the current state', (events) => events.length > 0);
    // Six slow pages: the sync is running through every pause.
    okta.pageDelayMs = 400;
    const started = await startSync(org, integrationId);
    expect(started.userErrors).toEqual([]);
    const syncId = started.sync!.id;
    const ofSync = (events: Sync[]) => events.filter((e) => e.id === syncId);

    // Right after a page is committed (its event arrived), stall the runner past its lease.
    for (const processed of [50, 150, 250]) {
      await subscription.waitFor(`sync ${syncId} at ${processed}`, (events) =>
        ofSync(events).some((e) => e.status !== 'QUEUED' && e.processed >= processed),
      );
      if (ofSync(subscription.events).some((e) => e.status !== 'RUNNING' && e.status !== 'QUEUED')) break;
      await stall(PAUSE_MS);
    }
    await subscription.waitFor(`the end of sync ${syncId}`, (events) =>
      ofSync(events).some((e) => e.status === 'SUCCEEDED' || e.status === 'FAILED'),
    );
    // Anything sent late would arrive by now.
    await sleep(500);

    // The lease did lapse: the runner claimed the sync again.
    const attempts = await attemptsOf(syncId);
    expect(attempts, 'attempts: the sync was claimed again after its lease lapsed').toBeGreaterThan(1);

    expectProgression(ofSync(subscription.events), { total: 300, pageSize: 50 });
    expect(subscription.errors).toEqual([]);
  } finally {
    await subscription.dispose();
  }
});

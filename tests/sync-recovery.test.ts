// Directory sync as a durable job, with server processes of our own: a server killed
// (SIGKILL) mid-sync and started again on the same storage finishes the sync without
// duplicating anyone; a page slower than the lease is not read twice; and, on PostgreSQL
// with Redis, progress started on one instance reaches a subscriber on another.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  type Sync,
  TERMINAL,
  allDirectoryUsers,
  createOktaIntegration,
  directoryUsers,
  eventually,
  startSync,
  waitForSync,
} from './support/directory.ts';
import { type Caller, testOrg } from './support/kit.ts';
import { type ServerProcess, startServer } from './support/process.ts';
import { oktaUsers, startOktaStandIn } from './support/standins/okta.ts';
import { SYNC_PROGRESS, subscribeSse } from './support/subscriptions.ts';

const storage = inject('storage');
const REDIS_URL = 'redis://127.0.0.1:6379';
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

/** Fresh storage of this project's kind: a PGlite DATA_DIR, or a new PostgreSQL database. */
async function ownStorage(): Promise<Record<string, string>> {
  if (storage === 'postgres') {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `integrations_sync_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    });
    const url = new URL(base);
    url.pathname = `/${name}`;
    return { DATABASE_URL: url.toString() };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'integrations-sync-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  return { DATA_DIR: dataDir };
}

async function serve(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServer(env);
  cleanups.push(() => killHard(server));
  return server;
}

const killHard = (server: ServerProcess) => server.stop('SIGKILL');

/** Where testOrg() makes an organization (the admin command on `env`) and whom its calls go to. */
const on = (server: ServerProcess, env: Record<string, string>) => ({ storageEnv: env, graphqlUrl: `${server.url}/graphql` });
/** An organization's API key, calling another server on its storage. */
const callerOn = (server: ServerProcess, apiKey: string): Caller => ({ apiKey, graphqlUrl: `${server.url}/graphql` });

describe('a sync interrupted by a crash', () => {
  it('is resumed by the restarted server and ends SUCCEEDED with exactly the upstream users', { timeout: 360_000 }, async () => {
    const env = { ...(await ownStorage()), SYNC_LEASE_MS: '3000', SYNC_POLL_MS: '200' };
    const first = await serve(env);
    const { apiKey } = await testOrg({ name: 'Crash recovery', server: on(first, env) });
    let org = callerOn(first, apiKey);
    const okta = await startOktaStandIn({ users: oktaUsers(600), pageSize: 50, pageDelayMs: 300 });
    cleanups.push(() => okta.close());

    const { id, firstSync } = await createOktaIntegration(org, okta, { name: 'Crashing' });
    const midway = await waitForSync(org, firstSync.id, (s) => s.processed >= 150 || TERMINAL.includes(s.status));
    await killHard(first);
    expect(midway.status, 'the sync was still running when the server died').toBe('RUNNING');
    expect(midway.processed).toBeLessThan(600);

    // A new server on the same storage (for PGlite: the dead owner's lock is stale).
    const second = await serve(env);
    org = callerOn(second, apiKey);
    const done = await waitForSync(org, firstSync.id, (s) => TERMINAL.includes(s.status), 60_000);
    expect(done).toMatchObject({ status: 'SUCCEEDED', processed: 600, created: 600, updated: 0, deactivated: 0, error: null });

    const page = await directoryUsers(org, id, { first: 1 });
    expect(page.totalCount).toBe(600);
    const users = await allDirectoryUsers(org, id);
    expect(users).toHaveLength(600);
    expect(new Set(users.map((u) => u.externalId)).size).toBe(600);
    expect(users.every((u) => u.active)).toBe(true);
    // Resumed from the saved cursor, not started over.
    const lists = okta.listRequests();
    expect(
      lists.filter((r) => !r.includes('after=')),
      JSON.stringify(lists),
    ).toHaveLength(1);
    expect(lists.length).toBeGreaterThanOrEqual(12);

    // While it lives, a runner keeps its lease: a page slower than SYNC_LEASE_MS is read once.
    const slow = await startOktaStandIn({ users: oktaUsers(40), pageSize: 20, pageDelayMs: 4500 });
    cleanups.push(() => slow.close());
    const { firstSync: slowSync } = await createOktaIntegration(org, slow, { name: 'Slow pages' });
    expect(await waitForSync(org, slowSync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 40, created: 40 });
    expect(slow.listRequests()).toHaveLength(2);
  });
});

// PostgreSQL only: PGlite serves one process per data directory.
if (storage === 'postgres')
  describe('two server instances with Redis', () => {
    it('progress of a sync run by instance A reaches a subscriber on instance B', { timeout: 360_000 }, async () => {
      const database = await ownStorage();
      // A syncs; B's runner only looks for work at start-up (its poll is longer than the test),
      // so whatever B's subscriber receives crossed over Redis.
      const a = await serve({ ...database, REDIS_URL });
      const b = await serve({ ...database, REDIS_URL, SYNC_POLL_MS: '600000' });
      const { apiKey } = await testOrg({ name: 'Two instances', server: on(a, database) });
      const onA = callerOn(a, apiKey);
      const onB = callerOn(b, apiKey);
      const okta = await startOktaStandIn({ users: oktaUsers(250), pageSize: 50, pageDelayMs: 150 });
      cleanups.push(() => okta.close());

      const { id, firstSync } = await createOktaIntegration(onA, okta, { name: 'Shared' });
      expect(await waitForSync(onB, firstSync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 250 });

      const subscription = subscribeSse<Sync>(b.url, apiKey, SYNC_PROGRESS, { integrationId: id }, 'directorySyncProgress');
      const redis = new Redis(REDIS_URL);
      cleanups.push(async () => redis.disconnect());
      const channel = `directorySync:${id}`;
      const subscribers = async () => Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]);
      try {
        const [current] = await subscription.waitFor('the current state', (events) => events.length > 0);
        expect(current).toMatchObject({ id: firstSync.id, status: 'SUCCEEDED' });

        const started = await startSync(onA, id);
        expect(started.userErrors).toEqual([]);
        const syncId = started.sync!.id;
        await subscription.waitFor('SUCCEEDED through B', (events) => events.some((e) => e.id === syncId && e.status === 'SUCCEEDED'));
        const events = subscription.events.filter((e) => e.id === syncId);
        const running = events.filter((e) => e.status === 'RUNNING').map((e) => e.processed);
        expect(running, JSON.stringify(running)).toEqual(expect.arrayContaining([50, 100, 150, 200]));
        for (let i = 1; i < running.length; i++) expect(running[i]).toBeGreaterThan(running[i - 1]);
        expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', processed: 250 });
        expect(subscription.errors).toEqual([]);
        expect(await subscribers()).toBeGreaterThan(0);
      } finally {
        await subscription.dispose();
      }
      // A subscriber that leaves stops listening on Redis, without waiting for another event.
      await eventually('B to leave the Redis channel', async () => ((await subscribers()) === 0 ? true : undefined), 15_000);
    });
  });

// directorySyncProgress over both subscription transports on /graphql: SSE (graphql-sse,
// distinct connections mode, API key header) and WebSocket (graphql-transport-ws with the
// API key in connection_init). A subscriber gets the latest sync's state first, then each
// step of a new sync up to the terminal one, and stays subscribed for later syncs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestOrg, createOrg, serverUrl } from './support/api.ts';
import { type Sync, createOktaIntegration, startSync, waitForSync } from './support/directory.ts';
import { type OktaStandIn, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';
import { type Collected, SYNC_PROGRESS, expectProgression, subscribeSse, subscribeWs } from './support/subscriptions.ts';

let org: TestOrg;
let okta: OktaStandIn;

beforeAll(async () => {
  org = await createOrg('Sync subscriptions');
  // 250 users over 5 pages, slow enough that a subscriber sees each page go by.
  okta = await startOktaStandIn({ users: oktaUsers(250), pageSize: 50, pageDelayMs: 150 });
});

afterAll(async () => {
  await okta?.close();
});

/** A directory integration whose first sync has finished. */
async function syncedDirectory(name: string): Promise<{ id: string; sync: Sync }> {
  const { id, firstSync } = await createOktaIntegration(org, okta, { name });
  const sync = await waitForSync(org, firstSync.id);
  expect(sync).toMatchObject({ status: 'SUCCEEDED', processed: 250 });
  return { id, sync };
}

/** Starts a sync and waits until the subscription delivered its terminal event. */
async function syncAndCollect(subscription: Collected<Sync>, integrationId: string): Promise<{ sync: Sync; events: Sync[] }> {
  const started = await startSync(org, integrationId);
  expect(started.userErrors).toEqual([]);
  const id = started.sync!.id;
  await subscription.waitFor(`the end of sync ${id}`, (events) => events.some((e) => e.id === id && ['SUCCEEDED', 'FAILED'].includes(e.status)));
  return { sync: started.sync!, events: subscription.events.filter((e) => e.id === id) };
}

const transports = {
  sse: (integrationId: string) => subscribeSse<Sync>(serverUrl, org.apiKey, SYNC_PROGRESS, { integrationId }, 'directorySyncProgress'),
  websocket: (integrationId: string) =>
    subscribeWs<Sync>(serverUrl, { 'x-api-key': org.apiKey }, SYNC_PROGRESS, { integrationId }, 'directorySyncProgress'),
};

describe.each(Object.entries(transports))('directorySyncProgress over %s', (name, subscribe) => {
  it('sends the current state, every step of a new sync up to SUCCEEDED, and stays open for the next sync', { timeout: 120_000 }, async () => {
    const directory = await syncedDirectory(`Progress over ${name}`);
    const subscription = subscribe(directory.id);
    try {
      // First: the latest sync as it stands.
      const [current] = await subscription.waitFor('the current state', (events) => events.length > 0);
      expect(current).toMatchObject({ id: directory.sync.id, status: 'SUCCEEDED', processed: 250, created: 250 });

      const second = await syncAndCollect(subscription, directory.id);
      expect(second.sync.id).not.toBe(directory.sync.id);
      expectProgression(second.events, { total: 250, pageSize: 50 });
      expect(subscription.events[0]).toEqual(current);
      expect(subscription.events.slice(1).every((e) => e.id === second.sync.id)).toBe(true);

      // The same subscription carries the next sync too.
      expect(subscription.completed).toBe(false);
      const third = await syncAndCollect(subscription, directory.id);
      expect(third.sync.id).not.toBe(second.sync.id);
      expectProgression(third.events, { total: 250, pageSize: 50 });
      expect(subscription.errors).toEqual([]);
    } finally {
      await subscription.dispose();
    }
  });
});

describe('WebSocket authentication', () => {
  it('refuses a connection_init with a wrong or missing API key (close 4403)', async () => {
    const { id } = await createOktaIntegration(org, okta, { name: 'WS auth' });
    const cases: Record<string, string>[] = [{ 'x-api-key': 'iapi_not-a-real-key-000000000000000000000000' }, {}];
    for (const params of cases) {
      const subscription = subscribeWs(serverUrl, params, SYNC_PROGRESS, { integrationId: id }, 'directorySyncProgress');
      try {
        await subscription.settled();
        expect(subscription.events).toEqual([]);
        expect(subscription.closes.map((c) => c.code)).toContain(4403);
        expect(subscription.errors.length).toBeGreaterThan(0);
      } finally {
        await subscription.dispose();
      }
    }
  });
});

// Living directories (contract 6.3.1-6.3.3, 6.3.6): directories sync on their own every
// syncIntervalSeconds, incrementally through Okta's lastUpdated filter and Microsoft Graph's
// users delta, FULL again when the delta token expired, and a sync that would deactivate
// too much of a directory deactivates nobody. A server of this file's own, so intervals of
// a second are allowed (SYNC_MIN_INTERVAL_SECONDS=1) and the scheduler looks often.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Sync,
  allDirectoryUsers,
  byExternalId,
  createDirectoryIntegration,
  createEntraIntegration,
  createOktaIntegration,
  eventually,
  getDirectory,
  startSync,
  waitForSync,
} from './support/directory.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import { type Caller, execute, graphql, mutate, mutateOk, ok, onlyError } from './support/kit.ts';
import { startServer, type ServerProcess } from './support/process.ts';
import { type GraphStandIn, graphUser, graphUsers, startGraphStandIn } from './support/standins/microsoft-graph.ts';
import { type OktaStandIn, oktaUser, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';
import { SYNC_PROGRESS, subscribeSse } from './support/subscriptions.ts';

// FULL_SYNC_INTERVAL_HOURS of 7.2 s: scheduled syncs a second or two apart are INCREMENTAL, then FULL again.
const FULL_EVERY_MS = 7200;
const SETTINGS = { SYNC_MIN_INTERVAL_SECONDS: '1', SYNC_POLL_MS: '100', FULL_SYNC_INTERVAL_HOURS: String(FULL_EVERY_MS / 3600_000) };
const REDIS_URL = 'redis://127.0.0.1:6379';

let isolated: IsolatedServer;
let org: Caller;
let apiKey: string;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  isolated = await startIsolatedServer(SETTINGS);
  apiKey = (await isolated.createOrg('Living directories')).apiKey;
  org = { apiKey, graphqlUrl: isolated.graphqlUrl };
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await isolated?.stop();
});

async function okta(...args: Parameters<typeof startOktaStandIn>): Promise<OktaStandIn> {
  const standIn = await startOktaStandIn(...args);
  closers.push(() => standIn.close());
  return standIn;
}

async function graph(...args: Parameters<typeof startGraphStandIn>): Promise<GraphStandIn> {
  const standIn = await startGraphStandIn(...args);
  closers.push(() => standIn.close());
  return standIn;
}

const UPDATE = graphql(`
  mutation SchedulesUpdateIntegration($input: UpdateIntegrationInput!) {
    updateIntegration(input: $input) {
      integration {
        id
        status
        config
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

const CREATE = graphql(`
  mutation SchedulesCreateIntegration($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      integration {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

const TEMPLATE_FIELDS = graphql(`
  query SchedulesTemplateFields {
    integrationTemplates {
      key
      fields {
        key
        type
        required
        defaultValue
      }
    }
  }
`);

/** The integration's newest sync, once it is another than `after` and finished. */
async function nextFinishedSync(integrationId: string, after: string, timeoutMs = 30_000): Promise<Sync> {
  return eventually(
    `a sync of ${integrationId} after ${after}`,
    async () => {
      const sync = (await getDirectory(org, integrationId)).lastSync;
      return sync && sync.id !== after && (sync.status === 'SUCCEEDED' || sync.status === 'FAILED') ? sync : undefined;
    },
    timeoutMs,
    100,
  );
}

describe('schedules', { timeout: 120_000 }, () => {
  it('directory templates take syncIntervalSeconds and maxDeactivationPercent, INTEGER fields with defaults', async () => {
    const { integrationTemplates } = await execute(org, TEMPLATE_FIELDS);
    for (const key of ['OKTA', 'MICROSOFT_ENTRA']) {
      const fields = integrationTemplates.find((t) => t.key === key)!.fields;
      expect(fields).toEqual(
        expect.arrayContaining([
          { key: 'syncIntervalSeconds', type: 'INTEGER', required: false, defaultValue: '3600' },
          { key: 'maxDeactivationPercent', type: 'INTEGER', required: false, defaultValue: '30' },
        ]),
      );
    }
  });

  it('refuses an interval under SYNC_MIN_INTERVAL_SECONDS, a fraction, a string, and a percentage over 100; nothing is made', async () => {
    const upstream = await okta({ users: oktaUsers(3) });
    const base = { orgUrl: upstream.url, apiToken: upstream.token };
    const attempts: [Record<string, unknown>, string][] = [
      [{ syncIntervalSeconds: 0 }, 'syncIntervalSeconds'],
      [{ syncIntervalSeconds: 1.5 }, 'syncIntervalSeconds'],
      [{ syncIntervalSeconds: '60' }, 'syncIntervalSeconds'],
      [{ maxDeactivationPercent: 101 }, 'maxDeactivationPercent'],
      [{ maxDeactivationPercent: -1 }, 'maxDeactivationPercent'],
    ];
    for (const [extra, key] of attempts) {
      const result = await mutate(org, CREATE, { templateKey: 'OKTA', name: 'Refused', config: { ...base, ...extra } });
      expect(result.integration).toBeNull();
      onlyError(result, 'INVALID', ['input', 'config', key]);
    }
    expect(upstream.listRequests()).toHaveLength(0);
  });

  it('syncs on its own every syncIntervalSeconds: SCHEDULED, INCREMENTAL after a FULL, seen live; DISABLED stops it', async () => {
    const upstream = await okta({ users: oktaUsers(30), pageSize: 10 });
    const { id, firstSync } = await createDirectoryIntegration(org, 'OKTA', 'Every 2 s', {
      orgUrl: upstream.url,
      apiToken: upstream.token,
      syncIntervalSeconds: 2,
    });
    expect(firstSync).toMatchObject({ trigger: 'CREATED', kind: 'FULL' });
    const first = await waitForSync(org, firstSync.id);
    expect(first).toMatchObject({ status: 'SUCCEEDED', processed: 30, created: 30 });
    // The next one is due an interval after this one started (or, if it has begun, after that).
    const { nextSyncAt } = await getDirectory(org, id);
    expect(Date.parse(nextSyncAt!)).toBeGreaterThanOrEqual(Date.parse(first.startedAt!) + 2000);

    // A subscriber that waits sees the scheduled sync run and end.
    const subscription = subscribeSse<Sync>(isolated.server.url, apiKey, SYNC_PROGRESS, { integrationId: id }, 'directorySyncProgress');
    try {
      const events = await subscription.waitFor('a scheduled sync to succeed', (all) =>
        all.some((e) => e.trigger === 'SCHEDULED' && e.status === 'SUCCEEDED'),
      );
      const scheduled = events.find((e) => e.trigger === 'SCHEDULED' && e.status === 'SUCCEEDED')!;
      expect(scheduled).toMatchObject({ kind: 'INCREMENTAL', processed: 0, created: 0, updated: 0, deactivated: 0 });
      // It started an interval after the first one, not before.
      expect(Date.parse(scheduled.startedAt!)).toBeGreaterThanOrEqual(Date.parse(first.startedAt!) + 2000);
    } finally {
      await subscription.dispose();
    }
    // Okta was asked for the users updated since the last successful sync started, a minute earlier.
    const filtered = upstream.listRequests().map((r) => new URL(r, upstream.url).searchParams.get('filter'));
    expect(filtered[0]).toBeNull();
    const since = /^lastUpdated gt "(.+)"$/.exec(filtered.find((f) => f !== null)!)![1];
    expect(Date.parse(first.startedAt!) - Date.parse(since)).toBeGreaterThanOrEqual(60_000);

    // DISABLED: no schedule, no sync of its own.
    expect(ok(await mutate(org, UPDATE, { id, status: 'DISABLED' })).integration.status).toBe('DISABLED');
    await sleep(600); // a sync queued just before the change finishes
    const settled = (await getDirectory(org, id)).lastSync!;
    expect((await getDirectory(org, id)).nextSyncAt).toBeNull();
    await sleep(3000);
    expect((await getDirectory(org, id)).lastSync!.id).toBe(settled.id);

    // ACTIVE again: it is overdue, so it syncs at once.
    await mutateOk(org, UPDATE, { id, status: 'ACTIVE' });
    expect(await nextFinishedSync(id, settled.id)).toMatchObject({ trigger: 'SCHEDULED', status: 'SUCCEEDED' });
  });

  it('a scheduled sync is FULL again once the last FULL one is older than FULL_SYNC_INTERVAL_HOURS', async () => {
    const upstream = await okta({ users: oktaUsers(5) });
    const { id, firstSync } = await createDirectoryIntegration(org, 'OKTA', 'Full now and then', {
      orgUrl: upstream.url,
      apiToken: upstream.token,
      syncIntervalSeconds: 1,
    });
    await waitForSync(org, firstSync.id);
    type Row = { kind: string; trigger: string; status: string; startedAt: Date | null; createdAt: Date };
    const rows = await eventually(
      'a scheduled FULL sync after scheduled INCREMENTAL ones',
      async () => {
        const client = isolated.database();
        await client.connect();
        try {
          const found = (
            await client.query<Row>(
              'SELECT kind, "trigger", status, "startedAt", "createdAt" FROM "DirectorySync" WHERE "integrationId" = $1 ORDER BY "createdAt"',
              [id],
            )
          ).rows;
          return found.some((r) => r.trigger === 'SCHEDULED' && r.kind === 'FULL' && r.status === 'SUCCEEDED') ? found : undefined;
        } finally {
          await client.end();
        }
      },
      30_000,
      250,
    );
    await mutateOk(org, UPDATE, { id, status: 'DISABLED' });
    const scheduledFull = rows.findIndex((r) => r.trigger === 'SCHEDULED' && r.kind === 'FULL');
    const before = rows.slice(0, scheduledFull);
    expect(before.filter((r) => r.kind === 'INCREMENTAL').length).toBeGreaterThanOrEqual(2);
    // Queued when the last FULL sync that succeeded had started more than FULL_SYNC_INTERVAL_HOURS before.
    const lastFull = before.filter((r) => r.kind === 'FULL' && r.status === 'SUCCEEDED').at(-1)!;
    expect(rows[scheduledFull].createdAt.getTime() - lastFull.startedAt!.getTime()).toBeGreaterThanOrEqual(FULL_EVERY_MS);
    // Every INCREMENTAL one was queued while the last FULL was younger.
    for (const r of before.filter((row) => row.kind === 'INCREMENTAL')) {
      expect(r.createdAt.getTime() - lastFull.startedAt!.getTime()).toBeLessThan(FULL_EVERY_MS);
    }
  });

  it('a new interval counts from the start of the last sync', async () => {
    const upstream = await okta({ users: oktaUsers(5) });
    const { id, firstSync } = await createOktaIntegration(org, upstream, { name: 'Rescheduled' });
    const first = await waitForSync(org, firstSync.id);
    expect(Date.parse((await getDirectory(org, id)).nextSyncAt!)).toBe(Date.parse(first.startedAt!) + 3600_000);
    const { integration } = await mutateOk(org, UPDATE, { id, config: { syncIntervalSeconds: 600 } });
    expect(integration.config).toMatchObject({ syncIntervalSeconds: 600 });
    expect(Date.parse((await getDirectory(org, id)).nextSyncAt!)).toBe(Date.parse(first.startedAt!) + 600_000);
  });
});

// PostgreSQL only: two server processes on one database (PGlite serves one process per data directory).
describe.runIf(inject('storage') === 'postgres')('on two server instances of one PostgreSQL database', { timeout: 120_000 }, () => {
  it('each scheduled sync is queued once, and a subscriber on either instance sees every one of them (Redis)', async () => {
    const settings = { ...SETTINGS, REDIS_URL };
    const first = await startIsolatedServer(settings);
    const second: ServerProcess = await startServer({ ...first.storageEnv, ...settings });
    const upstream = await okta({ users: oktaUsers(5) });
    try {
      const { apiKey: key } = await first.createOrg('Two instances');
      const caller: Caller = { apiKey: key, graphqlUrl: first.graphqlUrl };
      const { id, firstSync } = await createDirectoryIntegration(caller, 'OKTA', 'Every second', {
        orgUrl: upstream.url,
        apiToken: upstream.token,
        syncIntervalSeconds: 1,
      });
      await waitForSync(caller, firstSync.id);
      const subscription = subscribeSse<Sync>(second.url, key, SYNC_PROGRESS, { integrationId: id }, 'directorySyncProgress');
      try {
        await subscription.waitFor('the current state', (events) => events.length > 0);
        await sleep(6000);
        await mutateOk(caller, UPDATE, { id, status: 'DISABLED' });
        await sleep(1000); // the last one queued finishes
        const client = first.database();
        await client.connect();
        let rows: { id: string; createdAt: Date; trigger: string; status: string }[];
        try {
          rows = (
            await client.query('SELECT id, "createdAt", "trigger", status FROM "DirectorySync" WHERE "integrationId" = $1 ORDER BY "createdAt"', [id])
          ).rows;
        } finally {
          await client.end();
        }
        const scheduled = rows.filter((r) => r.trigger === 'SCHEDULED');
        expect(scheduled.length).toBeGreaterThanOrEqual(3);
        // One sync per due moment: never two within an interval of each other.
        for (let i = 1; i < rows.length; i++) expect(rows[i].createdAt.getTime() - rows[i - 1].createdAt.getTime()).toBeGreaterThanOrEqual(990);
        // Whichever instance ran it, the subscriber on the second one saw it end.
        const ended = new Set(subscription.events.filter((e) => e.status === 'SUCCEEDED').map((e) => e.id));
        for (const sync of scheduled.filter((r) => r.status === 'SUCCEEDED')) expect(ended.has(sync.id), sync.id).toBe(true);
      } finally {
        await subscription.dispose();
      }
    } finally {
      await second.stop('SIGTERM');
      await first.stop();
    }
  });
});

describe('incremental syncs', { timeout: 120_000 }, () => {
  it('Okta: only users updated since the last sync, DEPROVISIONED ones deactivated; nobody missing is deactivated until a FULL sync', async () => {
    const upstream = await okta({ users: oktaUsers(30), pageSize: 10 });
    const { id, firstSync } = await createOktaIntegration(org, upstream, { name: 'Okta incremental' });
    await waitForSync(org, firstSync.id);
    upstream.users = [
      oktaUser(1, { displayName: 'Renamed One' }),
      oktaUser(2, { status: 'DEPROVISIONED' }),
      // user 3 is gone from this listing (deleted); an incremental listing cannot tell
      ...oktaUsers(27, 4),
      oktaUser(31),
    ];
    const started = ok(await startSync(org, id, { kind: 'INCREMENTAL' })).sync;
    expect(started).toMatchObject({ trigger: 'MANUAL', kind: 'INCREMENTAL' });
    const incremental = await waitForSync(org, started.id);
    expect(incremental).toMatchObject({ status: 'SUCCEEDED', kind: 'INCREMENTAL', processed: 3, created: 1, updated: 1, deactivated: 1 });
    let users = byExternalId(await allDirectoryUsers(org, id));
    expect(users.get(oktaUser(1).id)).toMatchObject({ displayName: 'Renamed One', active: true });
    expect(users.get(oktaUser(2).id)).toMatchObject({ active: false });
    expect(users.get(oktaUser(3).id)).toMatchObject({ active: true });
    expect(users.get(oktaUser(31).id)).toMatchObject({ active: true });

    const full = await waitForSync(org, ok(await startSync(org, id)).sync.id);
    expect(full).toMatchObject({ status: 'SUCCEEDED', kind: 'FULL', deactivated: 1 });
    users = byExternalId(await allDirectoryUsers(org, id));
    expect(users.get(oktaUser(3).id)).toMatchObject({ active: false });
  });

  it('an INCREMENTAL start of a directory that never synced runs FULL', async () => {
    const upstream = await okta({ users: oktaUsers(4) });
    const { id, firstSync } = await createOktaIntegration(org, upstream, { name: 'Never synced', apiToken: 'a-wrong-okta-token' });
    expect(await waitForSync(org, firstSync.id)).toMatchObject({ status: 'FAILED' });
    await mutateOk(org, UPDATE, { id, config: { apiToken: upstream.token } });
    const sync = ok(await startSync(org, id, { kind: 'INCREMENTAL' })).sync;
    expect(sync.kind).toBe('FULL');
    expect(await waitForSync(org, sync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 4 });
  });

  it('Microsoft Graph: the users delta from the link kept by the last sync; @removed deactivates; unsent attributes stay', async () => {
    const upstream = await graph({ users: graphUsers(30), pageSize: 10 });
    const { id, firstSync } = await createEntraIntegration(org, upstream, { name: 'Entra incremental' });
    expect(await waitForSync(org, firstSync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 30 });
    upstream.users = [graphUser(1, { displayName: 'Renamed One' }), graphUser(2, { accountEnabled: false }), ...graphUsers(27, 4), graphUser(31)];
    const incremental = await waitForSync(org, ok(await startSync(org, id, { kind: 'INCREMENTAL' })).sync.id);
    expect(incremental).toMatchObject({ status: 'SUCCEEDED', kind: 'INCREMENTAL', processed: 4, created: 1, updated: 1, deactivated: 2 });
    // The delta followed the link taken before the first listing ($deltatoken=latest).
    const deltas = upstream.deltaRequests().map((r) => new URL(r.url, upstream.url).searchParams.get('$deltatoken'));
    expect(deltas[0]).toBe('latest');
    expect(deltas[1]).not.toBe('latest');
    const users = byExternalId(await allDirectoryUsers(org, id));
    // Only displayName changed, so only it was sent: the rest is as stored.
    expect(users.get(graphUser(1).id)).toMatchObject({
      displayName: 'Renamed One',
      email: graphUser(1).mail,
      userPrincipalName: graphUser(1).userPrincipalName,
      employeeId: graphUser(1).employeeId,
      active: true,
    });
    expect(users.get(graphUser(2).id)).toMatchObject({ active: false, email: graphUser(2).mail });
    expect(users.get(graphUser(3).id)).toMatchObject({ active: false, email: graphUser(3).mail });
    expect(users.get(graphUser(31).id)).toMatchObject({ active: true });

    // Nothing changed since: the next delta (from the link the last one ended with) is empty.
    const quiet = await waitForSync(org, ok(await startSync(org, id, { kind: 'INCREMENTAL' })).sync.id);
    expect(quiet).toMatchObject({ status: 'SUCCEEDED', kind: 'INCREMENTAL', processed: 0 });
  });

  it('Microsoft Graph: an expired delta token (410 syncStateNotFound) makes the run FULL', async () => {
    const upstream = await graph({ users: graphUsers(12), pageSize: 5 });
    const { id, firstSync } = await createEntraIntegration(org, upstream, { name: 'Entra expired delta' });
    await waitForSync(org, firstSync.id);
    upstream.expireDeltaTokens();
    upstream.users = graphUsers(10);
    const sync = await waitForSync(org, ok(await startSync(org, id, { kind: 'INCREMENTAL' })).sync.id);
    expect(sync).toMatchObject({ status: 'SUCCEEDED', kind: 'FULL', processed: 10, deactivated: 2 });
    expect(upstream.deltaRequests().some((r) => r.status === 410)).toBe(true);
    // The FULL run took a new delta link: the next incremental one works again.
    const next = await waitForSync(org, ok(await startSync(org, id, { kind: 'INCREMENTAL' })).sync.id);
    expect(next).toMatchObject({ status: 'SUCCEEDED', kind: 'INCREMENTAL', processed: 0 });
  });
});

describe('bad upstream data', { timeout: 120_000 }, () => {
  it('a delta that ends without @odata.deltaLink fails the sync, keeps the users, and the next one starts from the old link', async () => {
    const upstream = await graph({ users: graphUsers(8), pageSize: 5 });
    const { id, firstSync } = await createEntraIntegration(org, upstream, { name: 'Entra broken delta' });
    await waitForSync(org, firstSync.id);
    upstream.users = [graphUser(1, { displayName: 'Renamed' }), ...graphUsers(7, 2)];
    upstream.omitDeltaLinkNext();
    const broken = await waitForSync(org, ok(await startSync(org, id, { kind: 'INCREMENTAL' })).sync.id);
    expect(broken).toMatchObject({ status: 'FAILED', kind: 'INCREMENTAL' });
    expect(broken.error).toContain('@odata.deltaLink');
    expect((await allDirectoryUsers(org, id)).filter((u) => u.active)).toHaveLength(8);
    const next = await waitForSync(org, ok(await startSync(org, id, { kind: 'INCREMENTAL' })).sync.id);
    expect(next).toMatchObject({ status: 'SUCCEEDED', kind: 'INCREMENTAL', processed: 1, updated: 1 });
  });
});

describe('the safety valve', { timeout: 120_000 }, () => {
  it('a sync that would deactivate more than maxDeactivationPercent deactivates nobody; allowMassDeactivation lets the next through', async () => {
    const upstream = await okta({ users: oktaUsers(25), pageSize: 10 });
    const { id, firstSync } = await createOktaIntegration(org, upstream, { name: 'Valve' });
    await waitForSync(org, firstSync.id);
    // 9 of 25 gone upstream and one suspended: 10 deactivations, 40% > the default 30%.
    upstream.users = [oktaUser(1, { status: 'SUSPENDED' }), oktaUser(2, { displayName: 'Still here, renamed' }), ...oktaUsers(14, 3)];
    const blocked = await waitForSync(org, ok(await startSync(org, id)).sync.id);
    expect(blocked).toMatchObject({ status: 'FAILED', kind: 'FULL', deactivationBlocked: 10, deactivated: 0, updated: 1 });
    expect(blocked.error).toContain('maxDeactivationPercent (30%)');
    expect(blocked.error).toContain('allowMassDeactivation');
    let users = await allDirectoryUsers(org, id);
    expect(users.filter((u) => u.active)).toHaveLength(25);
    // What it created and updated stays.
    expect(byExternalId(users).get(oktaUser(2).id)!.displayName).toBe('Still here, renamed');

    // A scheduled or plain FULL run is stopped the same way; an explicit one goes through.
    const allowed = await waitForSync(org, ok(await startSync(org, id, { allowMassDeactivation: true })).sync.id);
    expect(allowed).toMatchObject({ status: 'SUCCEEDED', deactivated: 10, deactivationBlocked: null });
    users = await allDirectoryUsers(org, id);
    expect(users.filter((u) => u.active)).toHaveLength(15);
  });

  it('a higher maxDeactivationPercent, or a directory under 20 active users, lets a large deactivation through', async () => {
    const upstream = await okta({ users: oktaUsers(25) });
    const { id, firstSync } = await createDirectoryIntegration(org, 'OKTA', 'Valve at 50%', {
      orgUrl: upstream.url,
      apiToken: upstream.token,
      maxDeactivationPercent: 50,
    });
    await waitForSync(org, firstSync.id);
    upstream.users = oktaUsers(15);
    expect(await waitForSync(org, ok(await startSync(org, id)).sync.id)).toMatchObject({ status: 'SUCCEEDED', deactivated: 10 });

    const small = await okta({ users: oktaUsers(19) });
    const tiny = await createOktaIntegration(org, small, { name: 'Small directory' });
    await waitForSync(org, tiny.firstSync.id);
    small.users = oktaUsers(5);
    expect(await waitForSync(org, ok(await startSync(org, tiny.id)).sync.id)).toMatchObject({ status: 'SUCCEEDED', deactivated: 14 });
  });
});

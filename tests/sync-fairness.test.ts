// One tenant never degrades another's syncs (README: "Directory sync"): at most
// SYNC_CONCURRENCY_PER_ORG running syncs per organization across runners, a stalled upstream
// whose integration is deleted frees its runner at once, deleting an integration while its
// sync runs succeeds, and a sync whose process keeps dying is given up instead of taking
// every next process down (no poison pill). Upstreams are loopback servers of this file.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDirectoryIntegration, eventually, findSync, getSync } from './support/directory.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import { type Org, execute, graphql, mutate, nodes, present, testOrg } from './support/kit.ts';
import { startServer } from './support/process.ts';

const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

async function upstream(handler: (req: IncomingMessage, res: ServerResponse, base: string) => void): Promise<{ url: string; requests(): number }> {
  let requests = 0;
  let base = '';
  const server = createServer((req, res) => {
    requests++;
    handler(req, res, base);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url: base, requests: () => requests };
}

const oktaUser = (i: number) => ({ id: `00u${String(i).padStart(8, '0')}`, status: 'ACTIVE', profile: { login: `u${i}@example.com` } });

/** An Okta that never ends: `perPage` users a page, each after `delayMs`, always with a next link. */
function endlessOkta(delayMs: number, perPage = 1) {
  return upstream((req, res, base) => {
    const page = Number(new URL(req.url!, base).searchParams.get('page') ?? '0');
    const timer = setTimeout(() => {
      const users = Array.from({ length: perPage }, (_, i) => oktaUser(page * perPage + i));
      res.writeHead(200, { link: `<${base}/api/v1/users?page=${page + 1}>; rel="next"` }).end(JSON.stringify(users));
    }, delayMs);
    res.on('close', () => clearTimeout(timer));
  });
}

/** Headers, then a byte now and then, never the end: held until the (long) deadline. */
const drippingOkta = () =>
  upstream((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[');
    const drip = setInterval(() => res.write(' '), 500);
    res.on('close', () => clearInterval(drip));
  });

const finiteOkta = (count: number) => upstream((_req, res) => res.end(JSON.stringify(Array.from({ length: count }, (_, i) => oktaUser(i)))));

const DELETE = graphql(`
  mutation SyncFairnessDelete($input: DeleteIntegrationInput!) {
    deleteIntegration(input: $input) {
      deletedIntegrationId
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const SYNCS_OF = graphql(`
  query SyncFairnessSyncsOf {
    integrations(first: 100) {
      edges {
        node {
          id
          directory {
            lastSync {
              id
              status
            }
          }
        }
      }
    }
  }
`);

async function createOkta(org: Org, orgUrl: string, name = 'Okta') {
  const { id, firstSync } = await createDirectoryIntegration(org, 'OKTA', name, { orgUrl, apiToken: 'fairness-token-0123456789' });
  return { id, syncId: firstSync.id };
}

/** The organization's integrations (all of them directories). */
const integrationsOf = async (org: Org) => nodes((await execute(org, SYNCS_OF)).integrations);
const statuses = async (org: Org) =>
  (await integrationsOf(org)).map((node) => present(present(node.directory, 'directory').lastSync, 'lastSync').status);
const remove = (org: Org, id: string) => mutate(org, DELETE, { id });

describe('fair runners', { timeout: 240_000 }, () => {
  let isolated: IsolatedServer;
  beforeAll(async () => {
    // Two runner slots in the instance, one running sync per organization (the default).
    isolated = await startIsolatedServer({ SYNC_CONCURRENCY: '2', SYNC_LEASE_MS: '3000', SYNC_POLL_MS: '200' });
  });
  afterAll(() => isolated?.stop());

  it("an organization's many slow syncs hold one runner slot; another organization's sync runs beside them", async () => {
    const attacker = await testOrg({ name: 'Many slow syncs', server: isolated });
    const victim = await testOrg({ name: 'Victim', server: isolated });
    const slow = await endlessOkta(300);
    for (let i = 0; i < 3; i++) await createOkta(attacker, slow.url, `Slow ${i}`);
    await eventually('one attacker sync running', async () => ((await statuses(attacker)).includes('RUNNING') ? true : undefined));

    const { syncId } = await createOkta(victim, (await finiteOkta(10)).url);
    const done = await eventually('the victim sync', async () => {
      const sync = await getSync(victim, syncId);
      return ['SUCCEEDED', 'FAILED'].includes(sync.status) ? sync : undefined;
    });
    expect(done).toMatchObject({ status: 'SUCCEEDED', processed: 10 });
    // The attacker never ran more than its one at a time.
    expect((await statuses(attacker)).sort()).toEqual(['QUEUED', 'QUEUED', 'RUNNING']);
    for (const node of await integrationsOf(attacker)) {
      await remove(attacker, node.id);
    }
  });

  // Two server processes on one database: the embedded database has one owner process, so
  // only PostgreSQL can have a second instance.
  it.runIf(inject('storage') === 'postgres')('the per-organization limit holds across server instances', async () => {
    const second = await startServer({ ...isolated.storageEnv, SYNC_CONCURRENCY: '2', SYNC_LEASE_MS: '3000', SYNC_POLL_MS: '200' });
    try {
      const org = await testOrg({ name: 'Two instances', server: isolated });
      const slow = await endlessOkta(100);
      for (let i = 0; i < 4; i++) await createOkta(org, slow.url, `Slow ${i}`);
      await eventually('a sync running', async () => ((await statuses(org)).includes('RUNNING') ? true : undefined));
      // Four runner slots in all, and four queued syncs: still one running at a time.
      for (let look = 0; look < 20; look++) {
        expect((await statuses(org)).filter((s) => s === 'RUNNING').length).toBeLessThanOrEqual(1);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const node of await integrationsOf(org)) await remove(org, node.id);
    } finally {
      await second.stop('SIGKILL');
    }
  });

  it('deleting stalled integrations frees their runner slots at once, so a queued sync of another organization runs', async () => {
    // Two organizations, each with a sync held by an upstream that drips forever (the
    // deadline is the default 30 s): both runner slots are taken.
    const stalled = await drippingOkta();
    const holders = [await testOrg({ name: 'Stall 1', server: isolated }), await testOrg({ name: 'Stall 2', server: isolated })];
    const held: { org: Org; id: string; syncId: string }[] = [];
    for (const org of holders) held.push({ org, ...(await createOkta(org, stalled.url)) });
    for (const { org, syncId } of held)
      await eventually('a stalled sync running', async () => ((await getSync(org, syncId)).status === 'RUNNING' ? true : undefined));

    const waiting = await testOrg({ name: 'Waiting', server: isolated });
    const { syncId } = await createOkta(waiting, (await finiteOkta(5)).url);
    expect((await getSync(waiting, syncId)).status).toBe('QUEUED');

    for (const { org, id } of held) {
      expect(await remove(org, id)).toEqual({ deletedIntegrationId: id, userErrors: [] });
    }
    // Well before the stalled requests' own 30 s deadline (and their retries).
    const done = await eventually(
      'the waiting sync',
      async () => {
        const sync = await getSync(waiting, syncId);
        return sync.status === 'SUCCEEDED' ? sync : undefined;
      },
      20_000,
    );
    expect(done.processed).toBe(5);
  });

  it('deleting an integration while its sync runs succeeds, every time', async () => {
    const org = await testOrg({ name: 'Delete during sync', server: isolated });
    const busy = await endlessOkta(20, 200);
    for (let round = 0; round < 10; round++) {
      const { id, syncId } = await createOkta(org, busy.url, `Busy ${round}`);
      await eventually('the sync to commit pages', async () => ((await getSync(org, syncId)).processed >= 200 ? true : undefined));
      expect(await remove(org, id), `round ${round}`).toEqual({ deletedIntegrationId: id, userErrors: [] });
      expect(await findSync(org, syncId)).toBeNull();
    }
  });
});

describe('no poison pill', { timeout: 300_000 }, () => {
  let isolated: IsolatedServer;
  beforeAll(async () => {
    isolated = await startIsolatedServer({ SYNC_LEASE_MS: '1500', SYNC_POLL_MS: '200' });
  });
  afterAll(() => isolated?.stop());

  it('a sync whose server is killed mid-run again and again is resumed with backoff, then given up as FAILED', async () => {
    const org = await testOrg({ name: 'Crashing', server: isolated });
    const slow = await endlessOkta(200, 10);
    const { syncId } = await createOkta(org, slow.url);
    let lastProcessed = 0;
    for (let kill = 1; kill <= 5; kill++) {
      // Resumed (not restarted) each time: processed keeps growing from where it was.
      await eventually(`run ${kill} to make progress`, async () => {
        const sync = await getSync(org, syncId);
        return sync.status === 'RUNNING' && sync.processed > lastProcessed ? sync : undefined;
      });
      lastProcessed = (await getSync(org, syncId)).processed;
      await isolated.restart(); // SIGKILL, then a new process on the same storage and port
    }
    const failed = await eventually('the sync to be given up', async () => {
      const sync = await getSync(org, syncId);
      return sync.status === 'FAILED' ? sync : undefined;
    });
    expect(failed.error).toBe('the sync was interrupted 5 times before finishing (the server stopped while reading this directory); start it again');
    expect(failed.processed).toBeGreaterThanOrEqual(lastProcessed);
  });
});

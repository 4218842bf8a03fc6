// Directory sync (README: "Directory sync"; enrollment:
// "Integrations and onboarding sessions") against the suite's server, with stand-in Okta
// and Microsoft Entra (identity platform + Graph) tenants on loopback that speak the
// real protocols. Async outcomes are polled with a deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl } from './support/api.ts';
import {
  DIRECTORY_USERS,
  type DirectoryUser,
  START_SYNC,
  type Sync,
  allDirectoryUsers,
  byExternalId,
  createDirectoryIntegration,
  createEntraIntegration,
  createOktaIntegration,
  directoryUsers,
  errorParts,
  getDirectory,
  startSync,
  waitForSync,
} from './support/directory.ts';
import {
  type EnrollmentStatus,
  type Org,
  type RequestNewOnboardingInput,
  errors,
  execute,
  graphql,
  mutate,
  mutateOk,
  nodes,
  present,
  send,
  testOrg,
} from './support/kit.ts';
import { freePort } from './support/process.ts';
import { GRAPH_SCOPE, graphUser, graphUsers, startGraphStandIn } from './support/standins/microsoft-graph.ts';
import { type OktaStandIn, oktaUser, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';
import { SYNC_PROGRESS, subscribeSse, subscribeWs } from './support/subscriptions.ts';

let acme: Org;
let other: Org;
const closers: (() => Promise<void>)[] = [];

async function okta(options: Parameters<typeof startOktaStandIn>[0]) {
  const standIn = await startOktaStandIn(options);
  closers.push(() => standIn.close());
  return standIn;
}
async function graph(options: Parameters<typeof startGraphStandIn>[0]) {
  const standIn = await startGraphStandIn(options);
  closers.push(() => standIn.close());
  return standIn;
}

beforeAll(async () => {
  // One at a time: each is an admin command against the running server's storage.
  acme = await testOrg({ name: 'Directory Acme' });
  other = await testOrg({ name: 'Directory Other' });
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

const listRequests = (standIn: OktaStandIn) => standIn.listRequests().length;

const UPDATE = graphql(`
  mutation DirectorySyncUpdateIntegration($input: UpdateIntegrationInput!) {
    updateIntegration(input: $input) {
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

describe('Okta directory sync', { timeout: 120_000 }, () => {
  let upstream: OktaStandIn;
  let integrationId: string;
  let firstSync: Sync;

  it('creating an OKTA integration queues a first sync that reads 250 users over 5 pages', async () => {
    upstream = await okta({ users: oktaUsers(250), pageSize: 50 });
    const created = await createOktaIntegration(acme, upstream);
    integrationId = created.id;
    expect(['QUEUED', 'RUNNING', 'SUCCEEDED']).toContain(created.firstSync.status);
    expect(created.firstSync.id).toMatch(/^sync_/);

    firstSync = await waitForSync(acme, created.firstSync.id);
    expect(firstSync).toMatchObject({ status: 'SUCCEEDED', processed: 250, total: null, created: 250, updated: 0, deactivated: 0, error: null });
    expect(firstSync.startedAt).not.toBeNull();
    expect(firstSync.finishedAt).not.toBeNull();
    expect(Date.parse(firstSync.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(firstSync.startedAt!));

    // The Users API as Okta serves it: five pages of 50, each request authorized with SSWS.
    const lists = upstream.listRequests();
    expect(lists).toHaveLength(5);
    expect(lists[0]).toMatch(/^\/api\/v1\/users\?limit=\d+$/);
    for (const later of lists.slice(1)) expect(later).toMatch(/[?&]after=00u/);
    expect(new Set(upstream.authorizations)).toEqual(new Set([`SSWS ${upstream.token}`]));

    const directory = await getDirectory(acme, integrationId);
    expect(directory.userCount).toBe(250);
    expect(directory.lastSync).toMatchObject({ id: firstSync.id, status: 'SUCCEEDED' });

    const users = await allDirectoryUsers(acme, integrationId);
    expect(users).toHaveLength(250);
    expect(new Set(users.map((u) => u.externalId)).size).toBe(250);
    expect(byExternalId(users).get(oktaUser(7).id)).toMatchObject({
      email: 'user7@example.com',
      userPrincipalName: 'user7@example.com',
      employeeId: 'E7',
      displayName: 'User 7',
      active: true,
      enrollmentStatus: 'NOT_ENROLLED',
    });
  });

  it('re-syncs after upstream changes: updates, deactivations (suspended, deprovisioned, deleted) and new users', async () => {
    const users = upstream.users;
    const at = (i: number) => users.find((u) => u.id === oktaUser(i).id)!;
    for (const i of [1, 2, 3]) at(i).profile.email = `renamed${i}@example.com`;
    for (const i of [4, 5]) at(i).status = 'SUSPENDED';
    at(6).status = 'DEPROVISIONED'; // Okta leaves it out of the listing
    const deleted = [7, 8, 9, 10].map((i) => oktaUser(i).id);
    upstream.users = [...users.filter((u) => !deleted.includes(u.id)), oktaUser(251), oktaUser(252)];
    const listedBefore = listRequests(upstream);

    const started = await startSync(acme, integrationId);
    expect(started.userErrors).toEqual([]);
    expect(started.sync!.id).not.toBe(firstSync.id);
    const sync = await waitForSync(acme, started.sync!.id);
    expect(sync).toMatchObject({ status: 'SUCCEEDED', processed: 247, created: 2, updated: 3, deactivated: 7, error: null });
    expect(listRequests(upstream) - listedBefore).toBe(5);

    const directory = await getDirectory(acme, integrationId);
    expect(directory.userCount).toBe(252);
    expect(directory.lastSync!.id).toBe(sync.id);

    // Inactive users stay listed.
    const inactive = await allDirectoryUsers(acme, integrationId, { active: false });
    expect(inactive.map((u) => u.externalId).sort()).toEqual([4, 5, 6, 7, 8, 9, 10].map((i) => oktaUser(i).id).sort());
    expect(inactive.every((u) => !u.active)).toBe(true);
    const all = byExternalId(await allDirectoryUsers(acme, integrationId));
    expect(all.size).toBe(252);
    expect(all.get(oktaUser(1).id)).toMatchObject({ email: 'renamed1@example.com', active: true });
    expect(all.get(oktaUser(4).id)).toMatchObject({ email: 'user4@example.com', active: false });
    expect(all.get(oktaUser(251).id)).toMatchObject({ email: 'user251@example.com', active: true });

    // A reactivated user counts as updated, not created.
    at(4).status = 'ACTIVE';
    const again = await startSync(acme, integrationId);
    const third = await waitForSync(acme, again.sync!.id);
    expect(third).toMatchObject({ status: 'SUCCEEDED', processed: 247, created: 0, updated: 1, deactivated: 0 });
    expect((await directoryUsers(acme, integrationId, { filter: { active: false } })).totalCount).toBe(6);
  });

  it('lists directory users with filters (active, enrollmentStatus, search), paging and totalCount', async () => {
    const active = await directoryUsers(acme, integrationId, { first: 5, filter: { active: true } });
    expect(active.totalCount).toBe(246);
    expect(active.edges).toHaveLength(5);
    expect(active.edges.every((e) => e.node.active)).toBe(true);

    // search: case-insensitive, over email, login, name, employee ID and external ID
    const byEmail = await directoryUsers(acme, integrationId, { filter: { search: 'USER12@Example.com' } });
    expect(byEmail.totalCount).toBe(1);
    expect(byEmail.edges[0].node.externalId).toBe(oktaUser(12).id);
    expect((await directoryUsers(acme, integrationId, { filter: { search: 'renamed' } })).totalCount).toBe(3);
    expect((await directoryUsers(acme, integrationId, { filter: { search: 'e250' } })).edges.map((e) => e.node.employeeId)).toEqual(['E250']);
    expect((await directoryUsers(acme, integrationId, { filter: { search: oktaUser(99).id } })).totalCount).toBe(1);
    const combined = await directoryUsers(acme, integrationId, { filter: { search: 'user5@', active: false } });
    expect(combined.edges.map((e) => e.node.externalId)).toEqual([oktaUser(5).id]);
    expect((await directoryUsers(acme, integrationId, { filter: { search: 'user5@', active: true } })).totalCount).toBe(0);
    expect((await directoryUsers(acme, integrationId, { filter: { search: 'nobody-matches-this' } })).totalCount).toBe(0);
    // LIKE wildcards in a search are plain characters.
    for (const search of ['_', '%', 'user_@example.com', 'user%']) {
      expect((await directoryUsers(acme, integrationId, { filter: { search } })).totalCount, search).toBe(0);
    }

    expect((await directoryUsers(acme, integrationId, { filter: { enrollmentStatus: 'NOT_ENROLLED' } })).totalCount).toBe(252);
    expect((await directoryUsers(acme, integrationId, { filter: { enrollmentStatus: 'ENROLLED' } })).totalCount).toBe(0);

    // Paging: every user exactly once, totalCount constant.
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(10);
      const page = await directoryUsers(acme, integrationId, { first: 60, after });
      expect(page.totalCount).toBe(252);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(252);
    expect(new Set(seen).size).toBe(252);
  });

  it('a second start while a sync is QUEUED or RUNNING returns that sync', async () => {
    const slow = await okta({ users: oktaUsers(100), pageSize: 20, pageDelayMs: 1000 });
    const { id, firstSync: queued } = await createOktaIntegration(acme, slow, { name: 'Slow Okta' });
    const [a, b] = [await startSync(acme, id), await startSync(acme, id)];
    const concurrent = await Promise.all([startSync(acme, id), startSync(acme, id), startSync(acme, id)]);
    for (const started of [a, b, ...concurrent]) {
      expect(started.userErrors).toEqual([]);
      expect(started.sync!.id).toBe(queued.id);
      expect(['QUEUED', 'RUNNING']).toContain(started.sync!.status);
    }
    const done = await waitForSync(acme, queued.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', processed: 100, created: 100 });
    // Only one sync ran: five pages, read once.
    expect(slow.listRequests()).toHaveLength(5);

    const next = await startSync(acme, id);
    expect(next.sync!.id).not.toBe(queued.id);
    expect(['QUEUED', 'RUNNING']).toContain(next.sync!.status);
    await waitForSync(acme, next.sync!.id);
  });

  it('startDirectorySync answers INTEGRATION_NOT_DIRECTORY for an API integration, NOT_FOUND for unknown and foreign IDs', async () => {
    const api = (await acme.apiIntegration({ name: 'Not a directory' })).id;
    const notDirectory = await startSync(acme, api);
    expect(notDirectory.sync).toBeNull();
    expect(notDirectory.userErrors).toEqual([expect.objectContaining({ code: 'INTEGRATION_NOT_DIRECTORY', field: ['input', 'integrationId'] })]);

    const theirs = await okta({ users: oktaUsers(3) });
    const foreign = await createOktaIntegration(other, theirs, { name: 'Theirs' });
    const results = [await startSync(acme, foreign.id), await startSync(acme, 'int_01m8mwbn4xqpj3fypwxwrsccbr'), await startSync(acme, 'not-an-id')];
    for (const result of results) {
      expect(result.sync).toBeNull();
      expect(result.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'integrationId'], message: results[1].userErrors[0].message }]);
    }
    // Their sync is theirs alone: nothing was queued for them by acme's attempt.
    await waitForSync(other, foreign.firstSync.id);
    expect((await getDirectory(other, foreign.id)).lastSync!.id).toBe(foreign.firstSync.id);
  });

  it('a wrong API token fails the sync with a message about the token that does not contain it', async () => {
    const upstream = await okta({ users: oktaUsers(10) });
    const wrongToken = '00aBcD-wrong-okta-token-9f8e7d6c5b4a';
    const { id, firstSync } = await createOktaIntegration(acme, upstream, { apiToken: wrongToken, name: 'Bad token' });
    const failed = await waitForSync(acme, firstSync.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/token/i);
    expect(failed.error).not.toContain(wrongToken);
    expect(failed.error).not.toContain(upstream.token);
    expect(failed).toMatchObject({ processed: 0, created: 0 });
    expect(failed.finishedAt).not.toBeNull();
    expect(upstream.authorizations).toContain(`SSWS ${wrongToken}`);

    // Fixing the credential is enough: the next sync uses the updated (merged) config.
    await mutateOk(acme, UPDATE, { id, config: { apiToken: upstream.token } });
    const retried = await startSync(acme, id);
    expect(await waitForSync(acme, retried.sync!.id)).toMatchObject({ status: 'SUCCEEDED', processed: 10, created: 10, error: null });
  });

  it('an unreachable host fails the sync with a message naming the host', async () => {
    const port = await freePort(); // nothing listens there
    const { firstSync } = await createDirectoryIntegration(acme, 'OKTA', 'Unreachable', {
      orgUrl: `http://127.0.0.1:${port}`,
      apiToken: 'unreachable-okta-token-123456',
    });
    const failed = await waitForSync(acme, firstSync.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/unreachable/i);
    expect(failed.error).toContain(`127.0.0.1:${port}`);
    expect(failed.error).not.toContain('unreachable-okta-token-123456');
  });

  it('a malformed JSON page fails the sync; users already read stay, nobody is deactivated by an incomplete listing', async () => {
    const upstream = await okta({ users: oktaUsers(120), pageSize: 50 });
    const { id, firstSync } = await createOktaIntegration(acme, upstream, { name: 'Malformed' });
    expect(await waitForSync(acme, firstSync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 120 });

    upstream.malformedNext(1); // page 2 of 3
    const started = await startSync(acme, id);
    const failed = await waitForSync(acme, started.sync!.id);
    expect(failed).toMatchObject({ status: 'FAILED', processed: 50, deactivated: 0 });
    expect(failed.error).toMatch(/not JSON/i);
    const directory = await getDirectory(acme, id);
    expect(directory.userCount).toBe(120);
    expect((await directoryUsers(acme, id, { filter: { active: true } })).totalCount).toBe(120);
    expect(directory.lastSync!.id).toBe(failed.id);

    // A failed sync is not open: the next start makes a new one, which succeeds.
    const retried = await startSync(acme, id);
    expect(retried.sync!.id).not.toBe(failed.id);
    expect(await waitForSync(acme, retried.sync!.id)).toMatchObject({ status: 'SUCCEEDED', processed: 120, created: 0, deactivated: 0 });
  });

  it('rides out a 429 (X-Rate-Limit-Reset) and a 500 from Okta', async () => {
    const upstream = await okta({ users: oktaUsers(60), pageSize: 50 });
    upstream.rateLimitNext(1);
    upstream.failNext(1);
    const { id, firstSync } = await createOktaIntegration(acme, upstream, { name: 'Flaky' });
    const sync = await waitForSync(acme, firstSync.id);
    expect(sync).toMatchObject({ status: 'SUCCEEDED', processed: 60, created: 60, error: null });
    // 2 pages, plus the 429 and the 500 that were retried
    expect(upstream.listRequests()).toHaveLength(4);
    expect((await getDirectory(acme, id)).userCount).toBe(60);
  });

  it('keeps users whose login is not an email address: email falls back to the login only when it is one', async () => {
    const upstream = await okta({
      users: [
        oktaUser(1, { email: undefined, login: 'jdoe' }), // Okta orgs may use non-email logins
        oktaUser(2, { email: undefined, login: 'login2@corp.example' }),
        oktaUser(3, { email: 'not an address', login: 'login3@corp.example' }),
        oktaUser(4, { email: 'first_last@corp.example', login: 'first_last@corp.example' }),
      ],
    });
    const { id, firstSync } = await createOktaIntegration(acme, upstream, { name: 'Odd logins' });
    expect(await waitForSync(acme, firstSync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 4, created: 4 });
    const users = byExternalId(await allDirectoryUsers(acme, id));
    expect(users.get(oktaUser(1).id)).toMatchObject({ email: null, userPrincipalName: 'jdoe' });
    expect(users.get(oktaUser(2).id)).toMatchObject({ email: 'login2@corp.example', userPrincipalName: 'login2@corp.example' });
    expect(users.get(oktaUser(3).id)).toMatchObject({ email: 'login3@corp.example' });
    // An underscore in a search is an underscore.
    const underscore = await directoryUsers(acme, id, { filter: { search: 'T_L' } });
    expect(underscore.edges.map((e) => e.node.externalId)).toEqual([oktaUser(4).id]);
  });
});

describe('Microsoft Entra directory sync', { timeout: 120_000 }, () => {
  it('reads users through the identity platform and Graph: total from @odata.count, disabled accounts inactive, email falling back to the UPN', async () => {
    const users = graphUsers(130);
    for (const i of [10, 20, 30]) users[i - 1].accountEnabled = false;
    users[4] = graphUser(5, { mail: null });
    users[5] = graphUser(6, { mail: null, employeeId: null, displayName: null });
    const upstream = await graph({ users, pageSize: 50 });
    upstream.rateLimitNext(1, 1);
    const { id, firstSync } = await createEntraIntegration(acme, upstream);
    const sync = await waitForSync(acme, firstSync.id);
    expect(sync).toMatchObject({ status: 'SUCCEEDED', processed: 130, total: 130, created: 130, updated: 0, deactivated: 0, error: null });

    // The protocol as Microsoft documents it.
    const token = upstream.tokenRequests[0];
    expect(token.tenant).toBe(upstream.tenantId);
    expect(token.form).toMatchObject({ grant_type: 'client_credentials', client_id: upstream.clientId, scope: GRAPH_SCOPE });
    // First a delta link for the next incremental sync, then the listing (then the groups).
    const [tracking, ...pages] = upstream.requests.filter((r) => r.status === 200 && !r.url.startsWith('/v1.0/groups'));
    expect(new URL(tracking.url, upstream.url)).toMatchObject({ pathname: '/v1.0/users/delta' });
    expect(new URL(tracking.url, upstream.url).searchParams.get('$deltatoken')).toBe('latest');
    expect(pages).toHaveLength(3);
    const first = new URL(pages[0].url, upstream.url);
    expect(first.pathname).toBe('/v1.0/users');
    expect(first.searchParams.get('$select')!.split(',')).toEqual(
      expect.arrayContaining(['id', 'displayName', 'mail', 'userPrincipalName', 'accountEnabled', 'employeeId']),
    );
    expect(Number(first.searchParams.get('$top'))).toBeGreaterThan(0);
    for (const request of upstream.requests) expect(request.authorization).toMatch(/^Bearer ey/);
    expect(upstream.requests.filter((r) => r.status === 429)).toHaveLength(1);

    const listed = byExternalId(await allDirectoryUsers(acme, id));
    expect(listed.size).toBe(130);
    expect(listed.get(graphUser(1).id)).toMatchObject({
      email: 'graph.user1@contoso.example',
      userPrincipalName: 'guser1@contoso.onmicrosoft.example',
      employeeId: 'G1',
      displayName: 'Graph User 1',
      active: true,
    });
    expect(listed.get(graphUser(5).id)!.email).toBe('guser5@contoso.onmicrosoft.example');
    expect(listed.get(graphUser(6).id)).toMatchObject({ email: 'guser6@contoso.onmicrosoft.example', employeeId: null, displayName: null });
    const inactive = await allDirectoryUsers(acme, id, { active: false });
    expect(inactive.map((u) => u.externalId).sort()).toEqual([10, 20, 30].map((i) => graphUser(i).id).sort());
    expect((await getDirectory(acme, id)).userCount).toBe(130);

    // Disabling an account upstream deactivates it on the next sync.
    upstream.users[0].accountEnabled = false;
    const again = await startSync(acme, id);
    expect(await waitForSync(acme, again.sync!.id)).toMatchObject({ status: 'SUCCEEDED', deactivated: 1, updated: 0, created: 0, total: 130 });
  });

  it('gets a new token when Graph stops accepting the current one mid-sync', async () => {
    const upstream = await graph({ users: graphUsers(120), pageSize: 40 });
    upstream.revokeTokensAfterPages(1);
    const { firstSync } = await createEntraIntegration(acme, upstream, { name: 'Revoked token' });
    expect(await waitForSync(acme, firstSync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 120, created: 120, total: 120 });
    expect(upstream.requests.filter((r) => r.status === 401)).toHaveLength(1);
    expect(upstream.tokensIssued).toBe(2);
  });

  it('renews a token before it expires instead of waiting for a 401', async () => {
    const upstream = await graph({ users: graphUsers(90), pageSize: 30, expiresIn: 5, pageDelayMs: 300 });
    const { firstSync } = await createEntraIntegration(acme, upstream, { name: 'Short tokens' });
    expect(await waitForSync(acme, firstSync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 90 });
    expect(upstream.tokensIssued).toBeGreaterThanOrEqual(2);
    expect(upstream.requests.filter((r) => r.status === 401)).toEqual([]);
  });

  it('a wrong client secret fails the sync with an actionable message that does not contain the secret', async () => {
    const upstream = await graph({ users: graphUsers(5) });
    const wrongSecret = 'Qq7~wrong-entra-client-secret-value-42';
    const { firstSync } = await createEntraIntegration(acme, upstream, { clientSecret: wrongSecret, name: 'Wrong secret' });
    const failed = await waitForSync(acme, firstSync.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/clientSecret|client secret|credentials/i);
    expect(failed.error).not.toContain(wrongSecret);
    expect(failed.error).not.toContain(upstream.clientSecret);
    expect(upstream.tokenRequests.map((r) => r.status)).toEqual([401]);
    expect(upstream.requests).toHaveLength(0);
  });
});

const REQUEST = graphql(`
  mutation DirectorySyncRequestOnboarding($input: RequestNewOnboardingInput!) {
    requestNewOnboarding(input: $input) {
      session {
        id
        status
        directoryUser {
          ...DirectoryUserFields
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const COMPLETE = graphql(`
  mutation DirectorySyncCompleteOnboarding($input: CompleteOnboardingSessionInput!) {
    completeOnboardingSession(input: $input) {
      session {
        id
        status
        completedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const USER = graphql(`
  query DirectorySyncUser($id: ID!) {
    directoryUser(id: $id) {
      ...DirectoryUserFields
      identity {
        id
        fullName
        verifiedAt
      }
      completedSessions {
        totalCount
        edges {
          node {
            id
            status
          }
        }
      }
      integration {
        id
      }
    }
    node(id: $id) {
      id
    }
  }
`);
const NODE = graphql(`
  query DirectorySyncNodeId($id: ID!) {
    node(id: $id) {
      id
    }
  }
`);
const INTEGRATION = graphql(`
  query DirectorySyncIntegrationId($id: ID!) {
    integration(id: $id) {
      id
    }
  }
`);

describe('enrollment of directory users (rule 6)', { timeout: 60_000 }, () => {
  let api: string;
  let directoryId: string;
  let users: Map<string, DirectoryUser>;
  let theirUser: DirectoryUser;
  const user = (i: number) => users.get(oktaUser(10_000 + i).id)!;

  const request = (org: Org, input: Omit<RequestNewOnboardingInput, 'integrationId'>) => mutate(org, REQUEST, { integrationId: api, ...input });
  /** The directory user, which must be there. */
  const readUser = async (org: Org, id: string) => present((await execute(org, USER, { id })).directoryUser, `directory user ${id}`);

  beforeAll(async () => {
    const make = (i: number, overrides: Parameters<typeof oktaUser>[1] = {}) =>
      oktaUser(10_000 + i, { email: `person${i}@enroll.example`, login: `person${i}@enroll.example`, employeeNumber: `EMP-${i}`, ...overrides });
    const upstream = await okta({
      users: [
        ...Array.from({ length: 8 }, (_, i) => make(i + 1)),
        make(9, { login: 'p.nine@corp-login.example' }),
        make(10, { status: 'SUSPENDED' }),
        make(11, { employeeNumber: 'EMP-SHARED' }),
      ],
    });
    const created = await createOktaIntegration(acme, upstream, { name: 'Enrollment directory' });
    directoryId = created.id;
    expect(await waitForSync(acme, created.firstSync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 11 });
    users = byExternalId(await allDirectoryUsers(acme, directoryId));

    // A second directory of the same organization, with a user sharing an employee ID.
    const second = await okta({ users: [oktaUser(20_001, { employeeNumber: 'emp-shared' })] });
    const secondDirectory = await createOktaIntegration(acme, second, { name: 'Second directory' });
    expect((await waitForSync(acme, secondDirectory.firstSync.id)).status).toBe('SUCCEEDED');

    // Another organization's directory, with a user whose email acme's users do not have.
    const theirs = await okta({ users: [oktaUser(30_001, { email: 'someone@other.example' })] });
    const theirDirectory = await createOktaIntegration(other, theirs, { name: 'Their directory' });
    expect((await waitForSync(other, theirDirectory.firstSync.id)).status).toBe('SUCCEEDED');
    [theirUser] = await allDirectoryUsers(other, theirDirectory.id);

    api = (await acme.apiIntegration({ name: 'Enrollment API' })).id;
  });

  it('links a session by loginHint = email, case-insensitively, and marks the user PENDING', async () => {
    expect(user(1).enrollmentStatus).toBe('NOT_ENROLLED');
    const { session, userErrors } = await request(acme, { loginHint: 'PERSON1@Enroll.Example' });
    expect(userErrors).toEqual([]);
    expect(present(session).status).toBe('PENDING');
    expect(present(session).directoryUser).toMatchObject({ id: user(1).id, enrollmentStatus: 'PENDING' });
    expect((await readUser(acme, user(1).id)).enrollmentStatus).toBe('PENDING');
  });

  it('links by user principal name / login and by employee ID', async () => {
    const byLogin = await request(acme, { loginHint: 'P.Nine@corp-login.example' });
    expect(byLogin.userErrors).toEqual([]);
    expect(present(present(byLogin.session).directoryUser).id).toBe(user(9).id);
    const byEmployeeId = await request(acme, { loginHint: 'emp-2' });
    expect(byEmployeeId.userErrors).toEqual([]);
    expect(present(byEmployeeId.session).directoryUser).toMatchObject({ id: user(2).id, enrollmentStatus: 'PENDING' });
  });

  it('COMPLETED enrolls the user with an identity record and lists the session; FAILED marks the user FAILED', async () => {
    const done = present((await request(acme, { loginHint: 'person3@enroll.example' })).session);
    const completed = await mutate(acme, COMPLETE, { sessionId: done.id, outcome: 'COMPLETED', fullName: 'Ada Lovelace' });
    expect(completed.userErrors).toEqual([]);
    expect(present(completed.session).status).toBe('COMPLETED');
    const enrolled = await readUser(acme, user(3).id);
    expect(enrolled.enrollmentStatus).toBe('ENROLLED');
    expect(enrolled.identity).toMatchObject({ fullName: 'Ada Lovelace' });
    expect(Date.parse(present(enrolled.identity).verifiedAt)).not.toBeNaN();
    expect(enrolled.completedSessions.totalCount).toBe(1);
    expect(nodes(enrolled.completedSessions)).toEqual([{ id: done.id, status: 'COMPLETED' }]);
    expect(present(enrolled.integration).id).toBe(directoryId);

    const failing = present((await request(acme, { loginHint: 'person4@enroll.example' })).session);
    const failed = await mutate(acme, COMPLETE, { sessionId: failing.id, outcome: 'FAILED' });
    expect(failed.userErrors).toEqual([]);
    const rejected = await readUser(acme, user(4).id);
    expect(rejected).toMatchObject({ enrollmentStatus: 'FAILED', identity: null });
    expect(rejected.completedSessions.totalCount).toBe(0);

    const status = async (enrollmentStatus: EnrollmentStatus) =>
      (await allDirectoryUsers(acme, directoryId, { enrollmentStatus })).map((u) => u.externalId).sort();
    expect(await status('ENROLLED')).toEqual([user(3).externalId]);
    expect(await status('FAILED')).toEqual([user(4).externalId]);
    expect(await status('PENDING')).toEqual([user(1), user(2), user(9)].map((u) => u.externalId).sort());
  });

  it('a loginHint that matches no active directory user is DIRECTORY_USER_NOT_FOUND', async () => {
    // (wildcards are plain characters: "person_@..." is not person1, "%" is nobody)
    for (const loginHint of [
      'person10@enroll.example',
      'EMP-10',
      'nobody@enroll.example',
      'someone@other.example',
      'person_@enroll.example',
      'EMP-_',
      '%',
    ]) {
      const { session, userErrors } = await request(acme, { loginHint });
      expect(session, loginHint).toBeNull();
      expect(userErrors, loginHint).toEqual([expect.objectContaining({ code: 'DIRECTORY_USER_NOT_FOUND', field: ['input', 'loginHint'] })]);
    }
    expect(await readUser(acme, user(10).id)).toMatchObject({ active: false, enrollmentStatus: 'NOT_ENROLLED' });
  });

  it('a loginHint matching active users of two directories is DIRECTORY_USER_AMBIGUOUS', async () => {
    const { session, userErrors } = await request(acme, { loginHint: 'Emp-Shared' });
    expect(session).toBeNull();
    expect(userErrors).toEqual([expect.objectContaining({ code: 'DIRECTORY_USER_AMBIGUOUS', field: ['input', 'loginHint'] })]);
    expect((await readUser(acme, user(11).id)).enrollmentStatus).toBe('NOT_ENROLLED');
    // directoryUserId settles it.
    const chosen = await request(acme, { directoryUserId: user(11).id });
    expect(chosen.userErrors).toEqual([]);
    expect(present(chosen.session).directoryUser).toMatchObject({ id: user(11).id, enrollmentStatus: 'PENDING' });
  });

  it("links by directoryUserId; another organization's user is DIRECTORY_USER_NOT_FOUND", async () => {
    const { session, userErrors } = await request(acme, { directoryUserId: user(5).id });
    expect(userErrors).toEqual([]);
    expect(present(session).directoryUser).toMatchObject({ id: user(5).id, enrollmentStatus: 'PENDING' });

    const foreign = await request(acme, { directoryUserId: theirUser.id });
    const unknown = await request(acme, { directoryUserId: 'dus_01m8mwbn4xqpj3fypwxwrsccbr' });
    for (const result of [foreign, unknown]) {
      expect(result.session).toBeNull();
      expect(result.userErrors).toEqual([
        { code: 'DIRECTORY_USER_NOT_FOUND', field: ['input', 'directoryUserId'], message: unknown.userErrors[0].message },
      ]);
    }
    expect((await readUser(other, theirUser.id)).enrollmentStatus).toBe('NOT_ENROLLED');
  });
});

describe('tenancy of directories', { timeout: 60_000 }, () => {
  let theirs: { id: string };
  let theirUsers: DirectoryUser[];

  beforeAll(async () => {
    const upstream = await okta({ users: oktaUsers(4, 40_000) });
    const created = await createOktaIntegration(other, upstream, { name: 'Private directory' });
    expect((await waitForSync(other, created.firstSync.id)).status).toBe('SUCCEEDED');
    theirs = created;
    theirUsers = await allDirectoryUsers(other, created.id);
    expect(theirUsers).toHaveLength(4);
  });

  it("another organization's directory lists nothing, its users and syncs read as null", async () => {
    const page = await directoryUsers(acme, theirs.id);
    expect(page).toMatchObject({ totalCount: 0, edges: [] });
    expect(await directoryUsers(acme, 'int_01m8mwbn4xqpj3fypwxwrsccbr')).toMatchObject({ totalCount: 0, edges: [] });
    const read = await execute(acme, USER, { id: theirUsers[0].id });
    expect(read).toEqual({ directoryUser: null, node: null });
    const lastSync = (await getDirectory(other, theirs.id)).lastSync!;
    expect(await execute(acme, NODE, { id: lastSync.id })).toEqual({ node: null });
    expect(await execute(acme, INTEGRATION, { id: theirs.id })).toEqual({ integration: null });
  });

  it("subscribing to another organization's integration errors exactly like an unknown one, over SSE and WebSocket", async () => {
    const outcome = async (transport: 'sse' | 'ws', integrationId: string) => {
      const subscription =
        transport === 'sse'
          ? subscribeSse<Sync>(serverUrl, acme.apiKey, SYNC_PROGRESS, { integrationId }, 'directorySyncProgress')
          : subscribeWs<Sync>(serverUrl, { 'x-api-key': acme.apiKey }, SYNC_PROGRESS, { integrationId }, 'directorySyncProgress');
      try {
        await subscription.settled();
        return { events: subscription.events, errors: subscription.errors.map(errorParts) };
      } finally {
        await subscription.dispose();
      }
    };
    for (const transport of ['sse', 'ws'] as const) {
      const foreign = await outcome(transport, theirs.id);
      const unknown = await outcome(transport, 'int_01m8mwbn4xqpj3fypwxwrsccbr');
      expect(foreign.events, transport).toEqual([]);
      expect(foreign.errors, transport).toHaveLength(1);
      expect(foreign.errors[0].code, transport).toBe('NOT_FOUND');
      expect(foreign, transport).toEqual(unknown);
    }
    // The owner does get the state of its latest sync.
    const own = subscribeSse<Sync>(serverUrl, other.apiKey, SYNC_PROGRESS, { integrationId: theirs.id }, 'directorySyncProgress');
    try {
      const [first] = await own.waitFor('the current state', (events) => events.length > 0);
      expect(first).toMatchObject({ status: 'SUCCEEDED', processed: 4 });
    } finally {
      await own.dispose();
    }
  });
});

describe('the INTEGRATIONS_ECOSYSTEM gate', () => {
  it('covers directory users, syncs and the progress subscription', { timeout: 60_000 }, async () => {
    const gated = await testOrg({ name: 'Directory gated', integrations: false });
    const someId = 'int_01m8mwbn4xqpj3fypwxwrsccbr';
    await errors(send(gated, DIRECTORY_USERS, { integrationId: someId }), 'FEATURE_DISABLED');
    await errors(send(gated, USER, { id: 'dus_01m8mwbn4xqpj3fypwxwrsccbr' }), 'FEATURE_DISABLED');
    await errors(send(gated, START_SYNC, { input: { integrationId: someId } }), 'FEATURE_DISABLED');
    const subscription = subscribeSse<Sync>(serverUrl, gated.apiKey, SYNC_PROGRESS, { integrationId: someId }, 'directorySyncProgress');
    try {
      await subscription.settled();
      expect(subscription.events).toEqual([]);
      expect(subscription.errors.map((e) => errorParts(e).code)).toEqual(['FEATURE_DISABLED']);
    } finally {
      await subscription.dispose();
    }
  });
});

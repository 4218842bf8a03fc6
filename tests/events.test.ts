// Events (README: "Events and webhooks"): every change the contract lists records its
// event with it, in the same transaction: a refused mutation records none, a write that
// rolled back records none; Query.events lists them newest first, filtered by type and
// time, only the caller's; data holds IDs and public fields, never a secret. Directory
// events come from syncs against the loopback Okta stand-in.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createOktaIntegration, startSync, waitForSync } from './support/directory.ts';
import { type Caller, type Org, execute, graphql, it, mutate, mutateOk, nodes, ok, refused, send, errors, testOrg } from './support/kit.ts';
import { type OktaStandIn, oktaGroup, oktaUser, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';

const EVENTS = graphql(`
  query EventsList($first: Int, $after: String, $filter: EventFilter) {
    events(first: $first, after: $after, filter: $filter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          type
          occurredAt
          data
        }
      }
    }
  }
`);
const EVENT_NODE = graphql(`
  query EventsNode($id: ID!) {
    node(id: $id) {
      id
      ... on Event {
        type
      }
    }
  }
`);
const UPDATE_INTEGRATION = graphql(`
  mutation EventsUpdateIntegration($input: UpdateIntegrationInput!) {
    updateIntegration(input: $input) {
      integration {
        id
        name
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const DELETE_INTEGRATION = graphql(`
  mutation EventsDeleteIntegration($input: DeleteIntegrationInput!) {
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
const GENERATE_KEY = graphql(`
  mutation EventsGenerateKey($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      apiKey {
        id
      }
      secret
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const REVOKE_KEY = graphql(`
  mutation EventsRevokeKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        revokedAt
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
  mutation EventsComplete($input: CompleteOnboardingSessionInput!) {
    completeOnboardingSession(input: $input) {
      session {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const REQUEST = graphql(`
  mutation EventsRequest($input: RequestNewOnboardingInput!) {
    requestNewOnboarding(input: $input) {
      session {
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

type EventNode = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };

/** Every event of the caller matching the filter, newest first (all pages). */
async function allEvents(caller: Caller, filter: { types?: string[]; occurredAfter?: string; occurredBefore?: string } = {}): Promise<EventNode[]> {
  const events: EventNode[] = [];
  let after: string | null | undefined;
  do {
    const page = (await execute(caller, EVENTS, { first: 100, after, filter })).events;
    events.push(...(nodes(page) as EventNode[]));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return events;
}

const of = (events: EventNode[], type: string) => events.filter((e) => e.type === type);

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

describe('events of the API', () => {
  let acme: Org;
  let other: Org;
  beforeAll(async () => {
    [acme, other] = await Promise.all([testOrg({ name: 'Events Acme' }), testOrg({ name: 'Events Other' })]);
  });

  it('integrations, API keys, client secrets and sessions record their events; data has no secret', async () => {
    const started = new Date().toISOString();
    const integration = await acme.apiIntegration({ name: 'Events API' });
    await mutateOk(acme, UPDATE_INTEGRATION, { id: integration.id, name: 'Events API renamed' });
    // An update that changes nothing is no event.
    await mutateOk(acme, UPDATE_INTEGRATION, { id: integration.id, name: 'Events API renamed' });
    const oidc = await acme.oidcClient({ name: 'Events OIDC' });
    const { apiKey, secret } = await mutateOk(acme, GENERATE_KEY, { name: 'Events key' });
    await mutateOk(acme, REVOKE_KEY, { id: apiKey.id });
    await mutateOk(acme, REVOKE_KEY, { id: apiKey.id }); // already revoked: nothing new
    const completed = await acme.session({ integrationId: integration.id, externalUserId: 'events-1' });
    const failed = await acme.session({ integrationId: integration.id, externalUserId: 'events-2' });
    await mutateOk(acme, COMPLETE, { sessionId: completed.id, outcome: 'COMPLETED' });
    await mutateOk(acme, COMPLETE, { sessionId: failed.id, outcome: 'FAILED' });
    await mutateOk(acme, DELETE_INTEGRATION, { id: oidc.integrationId });

    const events = await allEvents(acme, { occurredAfter: started });
    const ids = events.map((e) => e.id);
    expect([...ids].sort().reverse(), 'newest first').toEqual(ids);
    expect(of(events, 'integration.created').map((e) => e.data.id)).toEqual([oidc.integrationId, integration.id]);
    expect(of(events, 'integration.updated')).toHaveLength(1);
    expect(of(events, 'integration.updated')[0].data).toMatchObject({ id: integration.id, name: 'Events API renamed', changedFields: ['name'] });
    expect(of(events, 'integration.deleted').map((e) => e.data.id)).toEqual([oidc.integrationId]);
    expect(of(events, 'api_key.created').map((e) => e.data)).toEqual([expect.objectContaining({ id: apiKey.id, name: 'Events key' })]);
    expect(of(events, 'api_key.revoked').map((e) => e.data.id)).toEqual([apiKey.id]);
    expect(of(events, 'client_secret.generated').map((e) => e.data)).toEqual([
      expect.objectContaining({ integrationId: oidc.integrationId, lastFour: oidc.clientSecret.slice(-4) }),
    ]);
    expect(of(events, 'onboarding.session.created').map((e) => e.data.id)).toEqual([failed.id, completed.id]);
    expect(of(events, 'onboarding.session.completed').map((e) => e.data)).toEqual([
      expect.objectContaining({ id: completed.id, status: 'COMPLETED' }),
    ]);
    expect(of(events, 'onboarding.session.failed').map((e) => e.data)).toEqual([expect.objectContaining({ id: failed.id, status: 'FAILED' })]);
    const text = JSON.stringify(events);
    for (const leaked of [secret, oidc.clientSecret, acme.apiKey]) expect(text).not.toContain(leaked);
    expect(text).not.toContain('onboardingUrl');

    // Filters: types, and a time window.
    const keys = await allEvents(acme, { types: ['api_key.created', 'api_key.revoked'], occurredAfter: started });
    expect(keys.map((e) => e.type)).toEqual(['api_key.revoked', 'api_key.created']);
    expect(await allEvents(acme, { occurredBefore: started, types: ['integration.deleted'] })).toEqual([]);
    const middle = events[Math.floor(events.length / 2)];
    const before = await allEvents(acme, { occurredAfter: started, occurredBefore: middle.occurredAt });
    expect(before.every((e) => e.occurredAt < middle.occurredAt)).toBe(true);
    expect(await allEvents(acme, { types: ['no.such.type'] })).toEqual([]);
  });

  it("only the caller's events: another organization lists none of them and node(id:) finds none", async () => {
    await acme.apiIntegration({ name: 'Events private' });
    const mine = await allEvents(acme);
    expect(mine.length).toBeGreaterThan(0);
    const theirs = new Set((await allEvents(other)).map((e) => e.id));
    expect(mine.filter((e) => theirs.has(e.id))).toEqual([]);
    expect((await execute(other, EVENT_NODE, { id: mine[0].id })).node).toBeNull();
    expect((await execute(acme, EVENT_NODE, { id: mine[0].id })).node).toMatchObject({ id: mine[0].id, type: mine[0].type });
  });

  it('a refused mutation records no event; of concurrent requests with one idempotency key only the committed one has its event', async () => {
    const before = (await allEvents(acme)).length;
    refused(await mutate(acme, UPDATE_INTEGRATION, { id: 'int_nope', name: 'X' }), 'NOT_FOUND', ['input', 'id']);
    refused(await mutate(acme, GENERATE_KEY, { name: '' }), 'REQUIRED', ['input', 'name']);
    expect((await allEvents(acme)).length).toBe(before);

    const integration = await acme.apiIntegration({ name: 'Events idempotency' });
    const input = { integrationId: integration.id, externalUserId: 'same-person', idempotencyKey: 'events-race-1' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => mutate(acme, REQUEST, input)));
    const sessionIds = new Set(answers.map((a) => ok(a).session.id));
    expect(sessionIds.size).toBe(1);
    const created = (await allEvents(acme, { types: ['onboarding.session.created'] })).filter((e) => e.data.integrationId === integration.id);
    expect(created.map((e) => e.data.id)).toEqual([...sessionIds]);
  });

  it('FEATURE_DISABLED without INTEGRATIONS_ECOSYSTEM', async () => {
    const gated = await testOrg({ integrations: false, name: 'Events gated' });
    await errors(send(gated, EVENTS, {}), 'FEATURE_DISABLED');
  });
});

describe('directory events', { timeout: 120_000 }, () => {
  let org: Org;
  let upstream: OktaStandIn;
  beforeAll(async () => {
    org = await testOrg({ name: 'Events directory' });
    upstream = await startOktaStandIn({
      users: oktaUsers(5),
      groups: [oktaGroup(1, ['00u00000001', '00u00000002'], { name: 'Engineering' }), oktaGroup(2, ['00u00000003'], { name: 'Sales' })],
    });
    closers.push(() => upstream.close());
  });

  it('a sync records users created, updated and deactivated, groups created and deleted, members added and removed, and how it ended', async () => {
    const started = new Date().toISOString();
    const created = await createOktaIntegration(org, upstream, { name: 'Events Okta' });
    expect((await waitForSync(org, created.firstSync.id)).status).toBe('SUCCEEDED');
    let events = await allEvents(org, { occurredAfter: started });
    expect(of(events, 'directory.user.created')).toHaveLength(5);
    expect(of(events, 'directory.user.created')[0].data).toMatchObject({ integrationId: created.id, active: true });
    expect(new Set(of(events, 'directory.user.created').map((e) => e.data.email))).toEqual(new Set(oktaUsers(5).map((u) => u.profile.email)));
    expect(
      of(events, 'directory.group.created')
        .map((e) => e.data.name)
        .sort(),
    ).toEqual(['Engineering', 'Sales']);
    expect(of(events, 'directory.group.user_added')).toHaveLength(3);
    expect(of(events, 'directory.sync.succeeded').map((e) => e.data)).toEqual([
      expect.objectContaining({ id: created.firstSync.id, integrationId: created.id, status: 'SUCCEEDED', created: 5 }),
    ]);

    // Upstream changes: a new name, a deprovisioned user, one gone; Sales deleted, membership moved.
    upstream.users[0] = oktaUser(1, { firstName: 'Renamed' });
    upstream.users[1] = oktaUser(2, { status: 'SUSPENDED' });
    upstream.users.splice(4, 1);
    upstream.groups.splice(1, 1);
    upstream.groups[0].members = ['00u00000001', '00u00000003'];
    const second = new Date().toISOString();
    const sync = ok(await startSync(org, created.id)).sync;
    expect((await waitForSync(org, sync.id)).status).toBe('SUCCEEDED');
    events = await allEvents(org, { occurredAfter: second });
    expect(of(events, 'directory.user.created')).toEqual([]);
    expect(of(events, 'directory.user.updated').map((e) => e.data.externalId)).toEqual(['00u00000001']);
    expect(
      of(events, 'directory.user.deactivated')
        .map((e) => e.data.externalId)
        .sort(),
    ).toEqual(['00u00000002', '00u00000005']);
    expect(of(events, 'directory.user.deactivated').every((e) => e.data.active === false)).toBe(true);
    expect(of(events, 'directory.group.deleted').map((e) => e.data.name)).toEqual(['Sales']);
    expect(of(events, 'directory.group.user_added')).toHaveLength(1);
    expect(of(events, 'directory.group.user_removed')).toHaveLength(2);
    expect(of(events, 'directory.sync.succeeded')).toHaveLength(1);

    // A failed sync says so.
    upstream.failNext(100);
    const third = new Date().toISOString();
    const failing = ok(await startSync(org, created.id)).sync;
    expect((await waitForSync(org, failing.id)).status).toBe('FAILED');
    events = await allEvents(org, { occurredAfter: third });
    expect(of(events, 'directory.sync.failed').map((e) => e.data)).toEqual([expect.objectContaining({ id: failing.id, status: 'FAILED' })]);
    expect(JSON.stringify(events)).not.toContain(upstream.token);
  });
});

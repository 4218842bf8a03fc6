// N+1 guard: the hot list queries send a constant number of SQL statements, whatever the
// number of items. The server runs with EXPOSE_SQL_COUNT=1, so every response carries
// `extensions.sqlStatements` (statements counted at the driver adapter during execution).
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createOktaIntegration, waitForSync } from './support/directory.ts';
import { type OktaStandIn, oktaGroup, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';
import { type WebhookReceiver, startWebhookReceiver } from './support/webhook-receiver.ts';
import {
  type Answer,
  type CreateIntegrationInput,
  type Org,
  type UserError,
  graphql,
  it,
  jsonObject,
  mutateOk,
  ok,
  payload,
  present,
  send,
  succeeded,
  testOrg,
} from './support/kit.ts';

/** The most statements either hot query may take; the counts must not grow with N. */
const MAX_STATEMENTS = 6;

// `first` as a variable: with a literal 100 the server's cost limit (graphql-armor
// costLimit 5000 in src/server/graphql.ts, which multiplies by literal `first`) rejects
// this query before it runs.
const LIST = graphql(`
  query QueryCountsList($first: Int = 100) {
    integrations(first: $first) {
      totalCount
      edges {
        node {
          id
          name
          status
          config
          clientId
          template {
            key
            name
            category
            fields {
              key
            }
          }
          workflow {
            id
            name
            version
          }
          clientSecret {
            lastFour
            createdAt
          }
          directory {
            userCount
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

const SESSIONS = graphql(`
  query QueryCountsSessions($id: ID!) {
    integration(id: $id) {
      id
      onboardingSessions(first: 50) {
        totalCount
        edges {
          node {
            id
            status
            workflow {
              id
            }
            workflowVersion
            steps
            integration {
              id
            }
          }
        }
      }
    }
  }
`);

/** The answer's data and its statement count, after asserting it succeeded and carries the count. */
async function counted<R>(answer: Promise<Answer<R>>): Promise<{ data: R; statements: number }> {
  const settled = await answer;
  const data = succeeded(settled);
  const statements = settled.extensions?.sqlStatements;
  expect(typeof statements, settled.text).toBe('number');
  return { data, statements: statements as number };
}

/** A mutation that must succeed (its answer carrying the statement count too); its payload. */
async function mutateCounted<R extends { [K in keyof R]: { userErrors: readonly UserError[] } }>(answer: Promise<Answer<R>>) {
  return ok(payload((await counted(answer)).data));
}

const CREATE_WORKFLOW = graphql(`
  mutation QueryCountsCreateWorkflow($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      workflow {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
const CREATE = graphql(`
  mutation QueryCountsCreateIntegration($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      integration {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
const GENERATE = graphql(`
  mutation QueryCountsGenerateSecret($input: GenerateClientSecretInput!) {
    generateClientSecret(input: $input) {
      clientSecret
      userErrors {
        code
        field
        message
      }
    }
  }
`);
const REQUEST = graphql(`
  mutation QueryCountsRequest($input: RequestNewOnboardingInput!) {
    requestNewOnboarding(input: $input) {
      session {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const createIntegration = async (org: Org, input: CreateIntegrationInput) => (await mutateCounted(send(org, CREATE, { input }))).integration.id;

/** The i-th integration of the mix: OIDC with a client secret, API, OKTA. */
async function createMixed(org: Org, workflowId: string, i: number) {
  switch (i % 3) {
    case 0: {
      const id = await createIntegration(org, {
        templateKey: 'OIDC_CLIENT_CREDENTIALS',
        name: `OIDC ${i}`,
        workflowId,
        config: { redirectUris: ['https://app.example.com/done'] },
      });
      await mutateCounted(send(org, GENERATE, { input: { integrationId: id } }));
      return id;
    }
    case 1:
      return createIntegration(org, { templateKey: 'API', name: `API ${i}`, workflowId });
    default:
      return createIntegration(org, {
        templateKey: 'OKTA',
        name: `Okta ${i}`,
        config: { orgUrl: 'http://127.0.0.1:9', apiToken: `okta-token-${i}-abcdefgh` },
      });
  }
}

/** Creates integrations number from..to-1, ten at a time. */
async function createRange(org: Org, workflowId: string, from: number, to: number) {
  for (let start = from; start < to; start += 10) {
    const batch = [];
    for (let i = start; i < Math.min(start + 10, to); i++) batch.push(createMixed(org, workflowId, i));
    await Promise.all(batch);
  }
}

async function createWorkflow(org: Org) {
  return (await mutateCounted(send(org, CREATE_WORKFLOW, { input: { name: 'KYC', steps: ['DOCUMENT', 'SELFIE'] } }))).workflow.id;
}

describe('SQL statements per query do not grow with the number of items', () => {
  let org: Org;
  let workflowId: string;

  beforeAll(async () => {
    org = await testOrg({ name: 'Counts' });
    workflowId = await createWorkflow(org);
  });

  it('integrations(first: 100) with template, workflow, clientSecret and directory: same count for 1, 10 and 100', { timeout: 300_000 }, async () => {
    const counts: Record<number, number> = {};
    let created = 0;
    for (const n of [1, 10, 100]) {
      await createRange(org, workflowId, created, n);
      created = n;
      const { data, statements } = await counted(send(org, LIST));
      expect(data.integrations.totalCount).toBe(n);
      expect(data.integrations.edges).toHaveLength(n);
      counts[n] = statements;
    }
    // The data is all there: every kind of nested field resolved.
    const nodes = (await counted(send(org, LIST))).data.integrations.edges.map((e) => e.node);
    const oidc = nodes.filter((n) => n.template.key === 'OIDC_CLIENT_CREDENTIALS');
    const okta = nodes.filter((n) => n.template.key === 'OKTA');
    expect(oidc).toHaveLength(34);
    expect(okta).toHaveLength(33);
    for (const node of oidc) {
      expect(present(node.workflow).id).toBe(workflowId);
      expect(present(node.clientSecret).lastFour).toMatch(/^.{4}$/);
      expect(node.directory).toBeNull();
    }
    for (const node of okta) {
      expect(node.workflow).toBeNull();
      const directory = present(node.directory);
      expect(directory.userCount).toBe(0);
      expect(present(directory.lastSync).id).toMatch(/^sync_/); // the first sync, queued with the integration
      expect(jsonObject(node.config).apiToken).toMatch(/^••••/);
    }
    console.info(`integrations(first: 100): SQL statements for 1, 10, 100 items: ${counts[1]}, ${counts[10]}, ${counts[100]}`);
    expect(counts[10]).toBe(counts[1]);
    expect(counts[100]).toBe(counts[1]);
    expect(counts[1]).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it('integration(id).onboardingSessions(first: 50) with workflow, version, steps and integration: same count for 1 and 20 sessions', async () => {
    const one = await createIntegration(org, { templateKey: 'API', name: 'One session', workflowId });
    const twenty = await createIntegration(org, { templateKey: 'API', name: 'Twenty sessions', workflowId });
    await mutateCounted(send(org, REQUEST, { input: { integrationId: one, externalUserId: 'person-0' } }));
    for (let start = 0; start < 20; start += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          mutateCounted(send(org, REQUEST, { input: { integrationId: twenty, externalUserId: `person-${start + i}` } })),
        ),
      );
    }
    const small = await counted(send(org, SESSIONS, { id: one }));
    const large = await counted(send(org, SESSIONS, { id: twenty }));
    const smallSessions = present(small.data.integration).onboardingSessions;
    const largeSessions = present(large.data.integration).onboardingSessions;
    expect(smallSessions.totalCount).toBe(1);
    expect(largeSessions.totalCount).toBe(20);
    expect(largeSessions.edges).toHaveLength(20);
    for (const { node } of largeSessions.edges) {
      expect(node).toMatchObject({
        status: 'PENDING',
        workflow: { id: workflowId },
        workflowVersion: 1,
        steps: ['DOCUMENT', 'SELFIE'],
        integration: { id: twenty },
      });
    }
    console.info(`integration.onboardingSessions(first: 50): SQL statements for 1, 20 sessions: ${small.statements}, ${large.statements}`);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(MAX_STATEMENTS);
  });
});

// A mutation's payload node is loaded with the request's selection: what the selection
// costs on top of the mutation's own work (the same mutation selecting only `id`) is at
// most what the same selection costs through the by-ID query field. Each mutation twice:
// its payload node selecting `id` only ("bare"), and selecting the fragment.
graphql(`
  fragment QueryCountsSessionSelection on OnboardingSession {
    id
    status
    onboardingUrl
    workflowVersion
    steps
    workflow {
      id
      name
      version
    }
    integration {
      id
      name
      template {
        key
      }
    }
  }
`);
graphql(`
  fragment QueryCountsIntegrationSelection on Integration {
    id
    name
    config
    template {
      key
    }
    workflow {
      id
      name
    }
    clientSecret {
      lastFour
    }
    directory {
      userCount
      lastSync {
        id
        status
      }
    }
  }
`);
const REQUEST_BARE = REQUEST;
const REQUEST_FULL = graphql(`
  mutation QueryCountsRequestFull($input: RequestNewOnboardingInput!) {
    requestNewOnboarding(input: $input) {
      session {
        ...QueryCountsSessionSelection
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
const SESSION_BY_ID = graphql(`
  query QueryCountsSessionById($id: ID!) {
    onboardingSession(id: $id) {
      ...QueryCountsSessionSelection
    }
  }
`);
const CREATE_BARE = CREATE;
const CREATE_FULL = graphql(`
  mutation QueryCountsCreateIntegrationFull($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      integration {
        ...QueryCountsIntegrationSelection
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
const INTEGRATION_BY_ID = graphql(`
  query QueryCountsIntegrationById($id: ID!) {
    integration(id: $id) {
      ...QueryCountsIntegrationSelection
    }
  }
`);
const WORKFLOW_BARE = CREATE_WORKFLOW;
const WORKFLOW_COLUMNS = graphql(`
  mutation QueryCountsCreateWorkflowColumns($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      workflow {
        id
        name
        status
        steps
        version
        createdAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

describe('a mutation payload costs what its selection costs through the by-ID query', () => {
  let org: Org;
  let workflowId: string;
  let integrationId: string;

  beforeAll(async () => {
    org = await testOrg({ name: 'Payload counts' });
    workflowId = await createWorkflow(org);
    integrationId = await createIntegration(org, { templateKey: 'API', name: 'Sessions', workflowId });
  });

  /** Statements of one mutation that must succeed, and its payload. */
  async function mutationStatements<R extends { [K in keyof R]: { userErrors: readonly UserError[] } }>(answer: Promise<Answer<R>>) {
    const { data, statements } = await counted(answer);
    return { statements, result: ok(payload(data)) };
  }

  it('requestNewOnboarding { session { … workflow, integration, steps … } }', async () => {
    const bare = await mutationStatements(send(org, REQUEST_BARE, { input: { integrationId, externalUserId: 'a' } }));
    const full = await mutationStatements(send(org, REQUEST_FULL, { input: { integrationId, externalUserId: 'b' } }));
    const query = (await counted(send(org, SESSION_BY_ID, { id: full.result.session.id }))).statements;
    console.info(
      `requestNewOnboarding: ${bare.statements} statements selecting id, ${full.statements} with relations; onboardingSession(id:) ${query}`,
    );
    expect(full.statements - bare.statements).toBeLessThanOrEqual(query);
  });

  it('createIntegration { integration { … template, workflow, clientSecret, directory … } }', async () => {
    const input = (name: string): CreateIntegrationInput => ({
      templateKey: 'OIDC_CLIENT_CREDENTIALS',
      name,
      workflowId,
      config: { redirectUris: ['https://app.example.com/done'] },
    });
    const bare = await mutationStatements(send(org, CREATE_BARE, { input: input('bare') }));
    const full = await mutationStatements(send(org, CREATE_FULL, { input: input('full') }));
    const query = (await counted(send(org, INTEGRATION_BY_ID, { id: full.result.integration.id }))).statements;
    console.info(`createIntegration: ${bare.statements} statements selecting id, ${full.statements} with relations; integration(id:) ${query}`);
    expect(full.statements - bare.statements).toBeLessThanOrEqual(query);
  });

  it('a payload node selecting its own columns only costs nothing more', async () => {
    const bare = await mutationStatements(send(org, WORKFLOW_BARE, { input: { name: 'A', steps: ['DOCUMENT'] } }));
    const columns = await mutationStatements(send(org, WORKFLOW_COLUMNS, { input: { name: 'B', steps: ['DOCUMENT'] } }));
    expect(columns.statements).toBe(bare.statements);
  });
});

// The benchmark's scenarios (bench/http.ts), with the same selections: what each costs in
// SQL statements, authentication and BEGIN/COMMIT included (README: "Benchmarks").
graphql(`
  fragment QueryCountsBenchNode on Integration {
    id
    name
    status
    clientId
    config
    createdAt
    template {
      key
      name
      category
      takesWorkflow
    }
    workflow {
      id
      name
      version
    }
    clientSecret {
      lastFour
      createdAt
    }
  }
`);
const BENCH_VIEWER = graphql(`
  query QueryCountsBenchViewer {
    viewer {
      organization {
        id
        name
      }
    }
  }
`);
const BENCH_LIST = graphql(`
  query QueryCountsBenchIntegrations {
    integrations(first: 50) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...QueryCountsBenchNode
        }
      }
    }
  }
`);
const BENCH_ONE = graphql(`
  query QueryCountsBenchIntegration($id: ID!) {
    integration(id: $id) {
      ...QueryCountsBenchNode
    }
  }
`);
const BENCH_SESSIONS = graphql(`
  query QueryCountsBenchSessions($id: ID!) {
    integration(id: $id) {
      id
      onboardingSessions(first: 20) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            status
            externalUserId
            email
            createdAt
            expiresAt
            completedAt
            workflowVersion
            steps
            workflow {
              id
              name
              version
            }
            integration {
              id
            }
          }
        }
      }
    }
  }
`);
const BENCH_REQUEST = graphql(`
  mutation QueryCountsBenchRequest($input: RequestNewOnboardingInput!) {
    requestNewOnboarding(input: $input) {
      session {
        id
        status
        externalUserId
        createdAt
        expiresAt
        workflowVersion
        steps
        workflow {
          id
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

describe("the benchmark's requests, authentication and transactions included", () => {
  let org: Org;
  let apiId: string;

  beforeAll(async () => {
    org = await testOrg({ name: 'Benchmark counts' });
    apiId = (await org.apiIntegration()).id;
    for (let i = 0; i < 3; i++) await org.oidcClient();
    for (let i = 0; i < 20; i++) await org.session({ integrationId: apiId });
  }, 120_000);

  /** Statements of a request made just after another one with the same key (its verdict remembered). */
  async function warm<R>(request: () => Promise<Answer<R>>): Promise<number> {
    await send(org, BENCH_VIEWER);
    return (await counted(request())).statements;
  }

  it('viewer 0, integration(id:) ≤ 2, integrations(first: 50) ≤ 3, onboardingSessions(first: 20) ≤ 3, requestNewOnboarding ≤ 5', async () => {
    const counts = {
      viewer: await warm(() => send(org, BENCH_VIEWER)),
      integration: await warm(() => send(org, BENCH_ONE, { id: apiId })),
      integrations: await warm(() => send(org, BENCH_LIST)),
      sessions: await warm(() => send(org, BENCH_SESSIONS, { id: apiId })),
      requestNewOnboarding: await warm(() => send(org, BENCH_REQUEST, { input: { integrationId: apiId, externalUserId: 'bench' } })),
    };
    console.info(`benchmark requests, SQL statements: ${JSON.stringify(counts)}`);
    expect(counts.viewer).toBe(0);
    expect(counts.integration).toBeLessThanOrEqual(2);
    expect(counts.integrations).toBeLessThanOrEqual(3);
    expect(counts.sessions).toBeLessThanOrEqual(3);
    expect(counts.requestNewOnboarding).toBeLessThanOrEqual(5);
  });
});

const GROUPS = graphql(`
  query QueryCountsGroups($integrationId: ID!) {
    directoryGroups(integrationId: $integrationId, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          memberCount
          members(first: 5) {
            totalCount
            edges {
              node {
                id
                active
              }
            }
          }
        }
      }
    }
  }
`);

const USERS_WITH_GROUPS = graphql(`
  query QueryCountsUserGroups($integrationId: ID!) {
    directoryUsers(integrationId: $integrationId, first: 25) {
      totalCount
      edges {
        node {
          id
          groups(first: 10) {
            totalCount
            edges {
              node {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

describe('directory groups and memberships', () => {
  let org: Org;
  const standIns: OktaStandIn[] = [];

  beforeAll(async () => {
    org = await testOrg({ name: 'Group counts' });
  });

  afterAll(async () => {
    await Promise.all(standIns.map((s) => s.close()));
  });

  it(
    'directoryGroups with members and memberCount, and directoryUsers with their groups: the same count for 1 and 20 groups',
    { timeout: 120_000 },
    async () => {
      const counts: Record<number, { groups: number; users: number }> = {};
      for (const n of [1, 20]) {
        const users = oktaUsers(25);
        const okta = await startOktaStandIn({
          users,
          groups: Array.from({ length: n }, (_, i) =>
            oktaGroup(
              i + 1,
              users.slice(i, i + 5).map((u) => u.id),
            ),
          ),
        });
        standIns.push(okta);
        const { id, firstSync } = await createOktaIntegration(org, okta, { name: `Counted ${n}` });
        expect(await waitForSync(org, firstSync.id)).toMatchObject({ status: 'SUCCEEDED', groups: n });
        await send(org, GROUPS, { integrationId: id }); // the key's authentication is remembered from here on
        const groups = await counted(send(org, GROUPS, { integrationId: id }));
        expect(groups.data.directoryGroups.totalCount).toBe(n);
        const listed = await counted(send(org, USERS_WITH_GROUPS, { integrationId: id }));
        expect(listed.data.directoryUsers.edges.some((e) => e.node.groups.totalCount > 0)).toBe(true);
        counts[n] = { groups: groups.statements, users: listed.statements };
      }
      console.info(`directory group reads, SQL statements for 1 and 20 groups: ${JSON.stringify(counts)}`);
      expect(counts[20]).toEqual(counts[1]);
      expect(counts[1].groups).toBeLessThanOrEqual(MAX_STATEMENTS);
      expect(counts[1].users).toBeLessThanOrEqual(MAX_STATEMENTS);
    },
  );
});

const EVENTS = graphql(`
  query QueryCountsEvents {
    events(first: 50) {
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
const DELIVERIES = graphql(`
  query QueryCountsDeliveries($id: ID!) {
    webhookEndpoint(id: $id) {
      id
      deliveries(first: 50) {
        totalCount
        edges {
          node {
            id
            status
            attempts
            event {
              id
              type
              data
            }
            endpoint {
              id
              url
            }
          }
        }
      }
    }
  }
`);
const AUDIT_LOG = graphql(`
  query QueryCountsAuditLog {
    auditLog(first: 50) {
      edges {
        node {
          id
          action
          actor {
            type
            id
            name
          }
          targetId
          changes
        }
      }
    }
  }
`);
const COUNTED_ENDPOINT = graphql(`
  mutation QueryCountsCreateEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
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
const COUNTED_KEY = graphql(`
  mutation QueryCountsGenerateKey($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      apiKey {
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

describe('events, webhook deliveries and the audit log', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it(
    "events, an endpoint's deliveries with their event and endpoint, and auditLog: the same count for 1 and 20 items",
    { timeout: 120_000 },
    async () => {
      const counts: Record<number, { events: number; deliveries: number; auditLog: number }> = {};
      for (const n of [1, 20]) {
        const org = await testOrg({ name: `Event counts ${n}` });
        const { endpoint } = await mutateOk(org, COUNTED_ENDPOINT, { url: `${receiver.url}/counts`, eventTypes: ['api_key.created'] });
        for (let i = 0; i < n; i++) await mutateOk(org, COUNTED_KEY, { name: `Counted key ${i}` });
        await send(org, EVENTS); // the key's authentication is remembered from here on
        const events = await counted(send(org, EVENTS));
        const deliveries = await counted(send(org, DELIVERIES, { id: endpoint.id }));
        expect(deliveries.data.webhookEndpoint?.deliveries.totalCount).toBe(n);
        const auditLog = await counted(send(org, AUDIT_LOG));
        expect(auditLog.data.auditLog.edges.length).toBeGreaterThanOrEqual(n);
        counts[n] = { events: events.statements, deliveries: deliveries.statements, auditLog: auditLog.statements };
      }
      console.info(`event, delivery and audit log reads, SQL statements for 1 and 20 items: ${JSON.stringify(counts)}`);
      expect(counts[20]).toEqual(counts[1]);
      for (const statements of Object.values(counts[1])) expect(statements).toBeLessThanOrEqual(MAX_STATEMENTS);
    },
  );
});

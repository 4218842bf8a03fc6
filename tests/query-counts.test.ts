// N+1 guard: the hot list queries send a constant number of SQL statements, whatever the
// number of items. The server runs with EXPOSE_SQL_COUNT=1, so every response carries
// `extensions.sqlStatements` (statements counted at the driver adapter during execution).
import { gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestOrg, createOrg, post } from './support/api.ts';

/** The most statements either hot query may take; the counts must not grow with N. */
const MAX_STATEMENTS = 6;

// `first` as a variable: with a literal 100 the server's cost limit (graphql-armor
// costLimit 5000 in src/server/graphql.ts, which multiplies by literal `first`) rejects
// this query before it runs.
const LIST = gql`
  query ($first: Int = 100) {
    integrations(first: $first) {
      totalCount
      edges {
        node {
          id name status config clientId
          template { key name category fields { key } }
          workflow { id name version }
          clientSecret { lastFour createdAt }
          directory { userCount lastSync { id status } }
        }
      }
    }
  }
`;

const SESSIONS = gql`
  query ($id: ID!) {
    integration(id: $id) {
      id
      onboardingSessions(first: 50) {
        totalCount
        edges { node { id status workflow { id } workflowVersion steps integration { id } } }
      }
    }
  }
`;

async function raw(org: TestOrg, query: string, variables: Record<string, unknown> = {}) {
  const response = await post({ query, variables }, { 'x-api-key': org.apiKey });
  expect(response.status, response.text).toBe(200);
  expect(response.json.errors, response.text).toBeUndefined();
  expect(typeof response.json.extensions?.sqlStatements, response.text).toBe('number');
  return response.json as { data: any; extensions: { sqlStatements: number } };
}

async function mutate(org: TestOrg, query: string, input: object) {
  const { data } = await raw(org, query, { input });
  const result = Object.values(data)[0] as { userErrors: unknown[] } & Record<string, any>;
  expect(result.userErrors).toEqual([]);
  return result;
}

const CREATE_WORKFLOW = gql`mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } userErrors { code field message } } }`;
const CREATE = gql`mutation ($input: CreateIntegrationInput!) { createIntegration(input: $input) { integration { id } userErrors { code field message } } }`;
const GENERATE = gql`mutation ($input: GenerateClientSecretInput!) { generateClientSecret(input: $input) { clientSecret userErrors { code field message } } }`;
const REQUEST = gql`mutation ($input: RequestNewOnboardingInput!) { requestNewOnboarding(input: $input) { session { id } userErrors { code field message } } }`;

/** The i-th integration of the mix: OIDC with a client secret, API, OKTA. */
async function createMixed(org: TestOrg, workflowId: string, i: number) {
  switch (i % 3) {
    case 0: {
      const { integration } = await mutate(org, CREATE, {
        templateKey: 'OIDC_CLIENT_CREDENTIALS',
        name: `OIDC ${i}`,
        workflowId,
        config: { redirectUris: ['https://app.example.com/done'] },
      });
      await mutate(org, GENERATE, { integrationId: integration.id });
      return integration.id as string;
    }
    case 1:
      return (await mutate(org, CREATE, { templateKey: 'API', name: `API ${i}`, workflowId })).integration.id as string;
    default:
      return (
        await mutate(org, CREATE, {
          templateKey: 'OKTA',
          name: `Okta ${i}`,
          config: { orgUrl: 'http://127.0.0.1:9', apiToken: `okta-token-${i}-abcdefgh` },
        })
      ).integration.id as string;
  }
}

/** Creates integrations number from..to-1, ten at a time. */
async function createRange(org: TestOrg, workflowId: string, from: number, to: number) {
  for (let start = from; start < to; start += 10) {
    const batch = [];
    for (let i = start; i < Math.min(start + 10, to); i++) batch.push(createMixed(org, workflowId, i));
    await Promise.all(batch);
  }
}

describe('SQL statements per query do not grow with the number of items', () => {
  let org: TestOrg;
  let workflowId: string;

  beforeAll(async () => {
    org = await createOrg('Counts');
    workflowId = (await mutate(org, CREATE_WORKFLOW, { name: 'KYC', steps: ['DOCUMENT', 'SELFIE'] })).workflow.id;
  });

  it('integrations(first: 100) with template, workflow, clientSecret and directory: same count for 1, 10 and 100', { timeout: 300_000 }, async () => {
    const counts: Record<number, number> = {};
    let created = 0;
    for (const n of [1, 10, 100]) {
      await createRange(org, workflowId, created, n);
      created = n;
      const { data, extensions } = await raw(org, LIST);
      expect(data.integrations.totalCount).toBe(n);
      expect(data.integrations.edges).toHaveLength(n);
      counts[n] = extensions.sqlStatements;
    }
    // The data is all there: every kind of nested field resolved.
    const nodes = (await raw(org, LIST)).data.integrations.edges.map((e: any) => e.node);
    const oidc = nodes.filter((n: any) => n.template.key === 'OIDC_CLIENT_CREDENTIALS');
    const okta = nodes.filter((n: any) => n.template.key === 'OKTA');
    expect(oidc).toHaveLength(34);
    expect(okta).toHaveLength(33);
    for (const node of oidc) {
      expect(node.workflow.id).toBe(workflowId);
      expect(node.clientSecret.lastFour).toMatch(/^.{4}$/);
      expect(node.directory).toBeNull();
    }
    for (const node of okta) {
      expect(node.workflow).toBeNull();
      expect(node.directory.userCount).toBe(0);
      expect(node.directory.lastSync.id).toMatch(/^sync_/); // the first sync, queued with the integration
      expect(node.config.apiToken).toMatch(/^••••/);
    }
    console.info(`integrations(first: 100): SQL statements for 1, 10, 100 items: ${counts[1]}, ${counts[10]}, ${counts[100]}`);
    expect(counts[10]).toBe(counts[1]);
    expect(counts[100]).toBe(counts[1]);
    expect(counts[1]).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it('integration(id).onboardingSessions(first: 50) with workflow, version, steps and integration: same count for 1 and 20 sessions', async () => {
    const one = (await mutate(org, CREATE, { templateKey: 'API', name: 'One session', workflowId })).integration.id;
    const twenty = (await mutate(org, CREATE, { templateKey: 'API', name: 'Twenty sessions', workflowId })).integration.id;
    await mutate(org, REQUEST, { integrationId: one, externalUserId: 'person-0' });
    for (let start = 0; start < 20; start += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => mutate(org, REQUEST, { integrationId: twenty, externalUserId: `person-${start + i}` })),
      );
    }
    const small = await raw(org, SESSIONS, { id: one });
    const large = await raw(org, SESSIONS, { id: twenty });
    expect(small.data.integration.onboardingSessions.totalCount).toBe(1);
    expect(large.data.integration.onboardingSessions.totalCount).toBe(20);
    expect(large.data.integration.onboardingSessions.edges).toHaveLength(20);
    for (const { node } of large.data.integration.onboardingSessions.edges) {
      expect(node).toMatchObject({ status: 'PENDING', workflow: { id: workflowId }, workflowVersion: 1, steps: ['DOCUMENT', 'SELFIE'], integration: { id: twenty } });
    }
    console.info(`integration.onboardingSessions(first: 50): SQL statements for 1, 20 sessions: ${small.extensions.sqlStatements}, ${large.extensions.sqlStatements}`);
    expect(large.extensions.sqlStatements).toBe(small.extensions.sqlStatements);
    expect(small.extensions.sqlStatements).toBeLessThanOrEqual(MAX_STATEMENTS);
  });
});

// A mutation's payload node is loaded with the request's selection: what the selection
// costs on top of the mutation's own work (the same mutation selecting only `id`) is at
// most what the same selection costs through the by-ID query field.
const SESSION_SELECTION = 'id status onboardingUrl workflowVersion steps workflow { id name version } integration { id name template { key } }';
const INTEGRATION_SELECTION = 'id name config template { key } workflow { id name } clientSecret { lastFour } directory { userCount lastSync { id status } }';

describe('a mutation payload costs what its selection costs through the by-ID query', () => {
  let org: TestOrg;
  let workflowId: string;
  let integrationId: string;

  beforeAll(async () => {
    org = await createOrg('Payload counts');
    workflowId = (await mutate(org, CREATE_WORKFLOW, { name: 'KYC', steps: ['DOCUMENT', 'SELFIE'] })).workflow.id;
    integrationId = (await mutate(org, CREATE, { templateKey: 'API', name: 'Sessions', workflowId })).integration.id;
  });

  /** Statements of one mutation with `selection` as its payload node's selection. */
  async function mutationStatements(field: string, inputType: string, node: string, selection: string, input: object) {
    const query = `mutation ($input: ${inputType}!) { ${field}(input: $input) { ${node} { ${selection} } userErrors { code field message } } }`;
    const { data, extensions } = await raw(org, query, { input });
    const result = (data as Record<string, { userErrors: unknown[] } & Record<string, { id: string } | null>>)[field];
    expect(result.userErrors).toEqual([]);
    return { statements: extensions.sqlStatements, id: result[node]!.id };
  }

  async function byIdStatements(field: string, id: string, selection: string) {
    return (await raw(org, `query ($id: ID!) { ${field}(id: $id) { ${selection} } }`, { id })).extensions.sqlStatements;
  }

  it('requestNewOnboarding { session { … workflow, integration, steps … } }', async () => {
    const bare = await mutationStatements('requestNewOnboarding', 'RequestNewOnboardingInput', 'session', 'id', { integrationId, externalUserId: 'a' });
    const full = await mutationStatements('requestNewOnboarding', 'RequestNewOnboardingInput', 'session', SESSION_SELECTION, { integrationId, externalUserId: 'b' });
    const query = await byIdStatements('onboardingSession', full.id, SESSION_SELECTION);
    console.info(`requestNewOnboarding: ${bare.statements} statements selecting id, ${full.statements} with relations; onboardingSession(id:) ${query}`);
    expect(full.statements - bare.statements).toBeLessThanOrEqual(query);
  });

  it('createIntegration { integration { … template, workflow, clientSecret, directory … } }', async () => {
    const input = (name: string) => ({ templateKey: 'OIDC_CLIENT_CREDENTIALS', name, workflowId, config: { redirectUris: ['https://app.example.com/done'] } });
    const bare = await mutationStatements('createIntegration', 'CreateIntegrationInput', 'integration', 'id', input('bare'));
    const full = await mutationStatements('createIntegration', 'CreateIntegrationInput', 'integration', INTEGRATION_SELECTION, input('full'));
    const query = await byIdStatements('integration', full.id, INTEGRATION_SELECTION);
    console.info(`createIntegration: ${bare.statements} statements selecting id, ${full.statements} with relations; integration(id:) ${query}`);
    expect(full.statements - bare.statements).toBeLessThanOrEqual(query);
  });

  it('a payload node selecting its own columns only costs nothing more', async () => {
    const bare = await mutationStatements('createWorkflow', 'CreateWorkflowInput', 'workflow', 'id', { name: 'A', steps: ['DOCUMENT'] });
    const columns = await mutationStatements('createWorkflow', 'CreateWorkflowInput', 'workflow', 'id name status steps version createdAt', { name: 'B', steps: ['DOCUMENT'] });
    expect(columns.statements).toBe(bare.statements);
  });
});

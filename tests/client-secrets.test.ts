// OIDC client credentials: a client ID from creation, client secrets shown exactly once,
// replaced by generating a new one, and concurrent generation leaving exactly one secret.
import { gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestOrg, createOrg, post } from './support/api.ts';

type UserError = { field: string[] | null; code: string; message: string };

const CREATE = gql`mutation ($input: CreateIntegrationInput!) {
  createIntegration(input: $input) { integration { id clientId clientSecret { lastFour createdAt } } userErrors { field message code } }
}`;
const CREATE_WORKFLOW = gql`mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } userErrors { code } } }`;
const GENERATE = gql`mutation ($input: GenerateClientSecretInput!) {
  generateClientSecret(input: $input) {
    clientSecret
    integration { id clientId clientSecret { lastFour createdAt } }
    userErrors { field message code }
  }
}`;
const READ = gql`query ($id: ID!) {
  integration(id: $id) { id name clientId config clientSecret { lastFour createdAt } }
  node(id: $id) { id ... on Integration { clientSecret { lastFour } } }
  integrations(first: 100) { edges { node { id clientId config clientSecret { lastFour createdAt } } } }
}`;

async function call(org: TestOrg, query: string, variables: Record<string, unknown> = {}) {
  const response = await post({ query, variables }, { 'x-api-key': org.apiKey });
  expect(response.status, response.text).toBe(200);
  expect(response.json?.errors, response.text).toBeUndefined();
  return { data: response.json.data as any, text: response.text };
}

async function generate(org: TestOrg, integrationId: string) {
  const { data, text } = await call(org, GENERATE, { input: { integrationId } });
  return { ...(data.generateClientSecret as { clientSecret: string | null; integration: any; userErrors: UserError[] }), text };
}

async function createIntegration(org: TestOrg, input: object) {
  const { data } = await call(org, CREATE, { input });
  expect(data.createIntegration.userErrors).toEqual([]);
  return data.createIntegration.integration as { id: string; clientId: string | null; clientSecret: unknown };
}

let org: TestOrg;
let workflowId: string;

beforeAll(async () => {
  org = await createOrg('Client secrets');
  const { data } = await call(org, CREATE_WORKFLOW, { input: { name: 'KYC', steps: ['DOCUMENT'] } });
  workflowId = data.createWorkflow.workflow.id;
});

describe('client secrets', () => {
  it('an OIDC integration has a client ID from the start and no client secret before the first', async () => {
    const integration = await createIntegration(org, { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'Portal', workflowId });
    expect(integration.clientId).toEqual(expect.any(String));
    expect(integration.clientId!.length).toBeGreaterThanOrEqual(16);
    expect(integration.clientSecret).toBeNull();
    const read = await call(org, READ, { id: integration.id });
    expect(read.data.integration).toMatchObject({ clientId: integration.clientId, clientSecret: null });
    // Only OIDC integrations have a client ID.
    const api = await createIntegration(org, { templateKey: 'API', name: 'Backend', workflowId });
    expect(api.clientId).toBeNull();
  });

  it('generateClientSecret returns the full secret once; afterwards only { lastFour createdAt }', async () => {
    const integration = await createIntegration(org, { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'Once', workflowId });
    const startedAt = Date.now();
    const first = await generate(org, integration.id);
    expect(first.userErrors).toEqual([]);
    expect(first.clientSecret).toEqual(expect.any(String));
    const secret = first.clientSecret!;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(first.integration).toMatchObject({ id: integration.id, clientId: integration.clientId });
    expect(first.integration.clientSecret.lastFour).toBe(secret.slice(-4));
    const createdAt = Date.parse(first.integration.clientSecret.createdAt);
    expect(Math.abs(createdAt - startedAt)).toBeLessThan(5 * 60_000);
    // The secret is not the client ID and does not contain it.
    expect(secret).not.toContain(integration.clientId!);

    const read = await call(org, READ, { id: integration.id });
    expect(read.data.integration.clientSecret).toEqual(first.integration.clientSecret);
    expect(read.data.node.clientSecret).toEqual({ lastFour: secret.slice(-4) });
    expect(read.text).not.toContain(secret);
    expect(read.text).not.toContain(secret.slice(0, -4));
  });

  it('a new secret replaces the old one: different value, lastFour and createdAt follow it', async () => {
    const integration = await createIntegration(org, { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'Rotate', workflowId });
    const first = await generate(org, integration.id);
    const second = await generate(org, integration.id);
    expect(second.userErrors).toEqual([]);
    expect(second.clientSecret).not.toBe(first.clientSecret);
    expect(second.integration.clientSecret.lastFour).toBe(second.clientSecret!.slice(-4));
    expect(Date.parse(second.integration.clientSecret.createdAt)).toBeGreaterThanOrEqual(Date.parse(first.integration.clientSecret.createdAt));
    // The client ID stays: only the secret is replaced.
    expect(second.integration.clientId).toBe(integration.clientId);
    // The second payload never repeats the first secret.
    expect(second.text).not.toContain(first.clientSecret!);

    const read = await call(org, READ, { id: integration.id });
    expect(read.data.integration.clientSecret).toEqual(second.integration.clientSecret);
    for (const secret of [first.clientSecret!, second.clientSecret!]) expect(read.text).not.toContain(secret);
  });

  it('refuses integrations without OAuth clients: CLIENT_SECRET_NOT_SUPPORTED', async () => {
    const api = await createIntegration(org, { templateKey: 'API', name: 'No secrets', workflowId });
    const okta = await createIntegration(org, {
      templateKey: 'OKTA',
      name: 'No secrets either',
      config: { orgUrl: 'http://127.0.0.1:9', apiToken: 'okta-token-0000' },
    });
    for (const id of [api.id, okta.id]) {
      const result = await generate(org, id);
      expect(result.clientSecret).toBeNull();
      expect(result.integration).toBeNull();
      expect(result.userErrors).toEqual([{ code: 'CLIENT_SECRET_NOT_SUPPORTED', field: ['input', 'integrationId'], message: expect.any(String) }]);
      const read = await call(org, READ, { id });
      expect(read.data.integration.clientSecret).toBeNull();
    }
  });

  it('unknown or malformed IDs: NOT_FOUND at input.integrationId', async () => {
    for (const id of ['int_01m8mwbn4xqpj3fypwxwrsccbr', 'nope', workflowId]) {
      const result = await generate(org, id);
      expect(result.clientSecret).toBeNull();
      expect(result.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'integrationId'], message: expect.any(String) }]);
    }
  });

  it('10 concurrent generations all answer, and exactly one of their secrets is the current one', async () => {
    const integration = await createIntegration(org, { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'Race', workflowId });
    const results = await Promise.all(Array.from({ length: 10 }, () => generate(org, integration.id)));
    for (const result of results) {
      expect(result.userErrors).toEqual([]);
      expect(result.clientSecret).toEqual(expect.any(String));
      // Each payload describes the secret it returned.
      expect(result.integration.clientSecret.lastFour).toBe(result.clientSecret!.slice(-4));
    }
    const secrets = results.map((r) => r.clientSecret!);
    expect(new Set(secrets).size).toBe(10);
    const read = await call(org, READ, { id: integration.id });
    const current = read.data.integration.clientSecret;
    const matching = results.filter((r) => r.clientSecret!.slice(-4) === current.lastFour);
    expect(matching).toHaveLength(1);
    expect(current).toEqual(matching[0].integration.clientSecret);
    for (const secret of secrets) expect(read.text).not.toContain(secret);
  });
});

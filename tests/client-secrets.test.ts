// OIDC client credentials: a client ID from creation, client secrets shown exactly once,
// replaced by generating a new one, and concurrent generation leaving exactly one secret.
import { beforeAll, describe, expect } from 'vitest';
import { type Caller, type Org, executeText, graphql, it, mutateOk, present, testOrg } from './support/kit.ts';
import { tokenRequest } from './support/oauth.ts';

const CREATE = graphql(`
  mutation ClientSecretsCreate($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      integration {
        id
        clientId
        clientSecret {
          lastFour
          createdAt
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
const GENERATE = graphql(`
  mutation ClientSecretsGenerate($input: GenerateClientSecretInput!) {
    generateClientSecret(input: $input) {
      clientSecret
      integration {
        id
        clientId
        clientSecret {
          lastFour
          createdAt
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
const READ = graphql(`
  query ClientSecretsRead($id: ID!) {
    integration(id: $id) {
      id
      name
      clientId
      config
      clientSecret {
        lastFour
        createdAt
      }
    }
    node(id: $id) {
      __typename
      id
      ... on Integration {
        clientSecret {
          lastFour
        }
      }
    }
    integrations(first: 100) {
      edges {
        node {
          id
          clientId
          config
          clientSecret {
            lastFour
            createdAt
          }
        }
      }
    }
  }
`);

/** The payload of generateClientSecret, userErrors or not, and the answer's text. */
async function generate(caller: Caller, integrationId: string) {
  const { data, text } = await executeText(caller, GENERATE, { input: { integrationId } });
  return { ...data.generateClientSecret, text };
}

/** The integration's secret info as the payload describes it (which must have one). */
function secretOf(result: { integration: { clientSecret: { lastFour: string; createdAt: string } | null } | null }) {
  return present(present(result.integration, 'integration').clientSecret, 'integration.clientSecret');
}

/** The integration and node() read back, and the answer's text. */
async function read(caller: Caller, id: string) {
  const { data, text } = await executeText(caller, READ, { id });
  const node = present(data.node, 'node');
  if (node.__typename !== 'Integration') throw new Error(`node(${id}) is a ${node.__typename}`);
  return { integration: present(data.integration, 'integration'), node, text };
}

let org: Org;
let workflowId: string;

beforeAll(async () => {
  org = await testOrg({ name: 'Client secrets' });
  workflowId = (await org.workflow({ name: 'KYC', steps: ['DOCUMENT'] })).id;
});

const oidc = (name: string) => org.integration({ templateKey: 'OIDC_CLIENT_CREDENTIALS', name, workflowId });

describe('client secrets', () => {
  it('an OIDC integration has a client ID from the start and no client secret before the first', async () => {
    const { integration } = await mutateOk(org, CREATE, { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'Portal', workflowId });
    expect(integration.clientId).toEqual(expect.any(String));
    expect(present(integration.clientId).length).toBeGreaterThanOrEqual(16);
    expect(integration.clientSecret).toBeNull();
    const readBack = await read(org, integration.id);
    expect(readBack.integration).toMatchObject({ clientId: integration.clientId, clientSecret: null });
    // Only OIDC integrations have a client ID.
    const api = await org.apiIntegration({ name: 'Backend', workflowId });
    expect(api.clientId).toBeNull();
  });

  it('generateClientSecret returns the full secret once; afterwards only { lastFour createdAt }', async () => {
    const integration = await oidc('Once');
    const clientId = present(integration.clientId, 'clientId');
    const startedAt = Date.now();
    const first = await generate(org, integration.id);
    expect(first.userErrors).toEqual([]);
    expect(first.clientSecret).toEqual(expect.any(String));
    const secret = present(first.clientSecret);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(first.integration).toMatchObject({ id: integration.id, clientId });
    expect(secretOf(first).lastFour).toBe(secret.slice(-4));
    const createdAt = Date.parse(secretOf(first).createdAt);
    expect(Math.abs(createdAt - startedAt)).toBeLessThan(5 * 60_000);
    // The secret is not the client ID and does not contain it.
    expect(secret).not.toContain(clientId);

    const readBack = await read(org, integration.id);
    expect(readBack.integration.clientSecret).toEqual(secretOf(first));
    expect(readBack.node.clientSecret).toEqual({ lastFour: secret.slice(-4) });
    expect(readBack.text).not.toContain(secret);
    expect(readBack.text).not.toContain(secret.slice(0, -4));
  });

  it('a new secret replaces the old one: different value, lastFour and createdAt follow it', async () => {
    const integration = await oidc('Rotate');
    const first = await generate(org, integration.id);
    const second = await generate(org, integration.id);
    expect(second.userErrors).toEqual([]);
    const [firstSecret, secondSecret] = [present(first.clientSecret), present(second.clientSecret)];
    expect(secondSecret).not.toBe(firstSecret);
    expect(secretOf(second).lastFour).toBe(secondSecret.slice(-4));
    expect(Date.parse(secretOf(second).createdAt)).toBeGreaterThanOrEqual(Date.parse(secretOf(first).createdAt));
    // The client ID stays: only the secret is replaced.
    expect(second.integration?.clientId).toBe(integration.clientId);
    // The second payload never repeats the first secret.
    expect(second.text).not.toContain(firstSecret);

    const readBack = await read(org, integration.id);
    expect(readBack.integration.clientSecret).toEqual(secretOf(second));
    for (const secret of [firstSecret, secondSecret]) expect(readBack.text).not.toContain(secret);
  });

  it('refuses integrations without OAuth clients: CLIENT_SECRET_NOT_SUPPORTED', async () => {
    const api = await org.apiIntegration({ name: 'No secrets', workflowId });
    const okta = await org.integration({
      templateKey: 'OKTA',
      name: 'No secrets either',
      config: { orgUrl: 'http://127.0.0.1:9', apiToken: 'okta-token-0000' },
    });
    for (const id of [api.id, okta.id]) {
      const result = await generate(org, id);
      expect(result.clientSecret).toBeNull();
      expect(result.integration).toBeNull();
      expect(result.userErrors).toEqual([{ code: 'CLIENT_SECRET_NOT_SUPPORTED', field: ['input', 'integrationId'], message: expect.any(String) }]);
      const readBack = await read(org, id);
      expect(readBack.integration.clientSecret).toBeNull();
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
    const integration = await oidc('Race');
    const results = await Promise.all(Array.from({ length: 10 }, () => generate(org, integration.id)));
    for (const result of results) {
      expect(result.userErrors).toEqual([]);
      expect(result.clientSecret).toEqual(expect.any(String));
    }
    const secrets = results.map((r) => present(r.clientSecret));
    expect(new Set(secrets).size).toBe(10);
    const readBack = await read(org, integration.id);
    const current = present(readBack.integration.clientSecret, 'the current secret');
    const matching = results.filter((r) => present(r.clientSecret).slice(-4) === current.lastFour);
    expect(matching).toHaveLength(1);
    // Generations apply one after the other (the integration's row is locked): with no
    // overlap each stopped the one before, so only the last one's secret obtains a token.
    const clientId = present(integration.clientId);
    const answers = await Promise.all(
      secrets.map((secret) => tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers[results.indexOf(matching[0])].status).toBe(200);
    for (const secret of secrets) expect(readBack.text).not.toContain(secret);
  });
});

// Authentication as a caller meets it: which requests need a key, what a refusal looks
// like (one shape whatever was wrong), what `viewer` says about the caller, and that a
// key's lastUsedAt follows its use.
import { gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestOrg, clientFor, createOrg, graphqlUrl, post, serverUrl } from './support/api.ts';

const VIEWER = gql`{ viewer { organization { id name features } apiKey { id name } } }`;

let acme: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  [acme, other] = await Promise.all([createOrg('Auth Acme'), createOrg('Auth Other')]);
});

async function generateKey(org: TestOrg, name: string) {
  const { generateApiKey } = await org.client.request<any>(
    gql`mutation ($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { apiKey { id name } secret userErrors { code } } }`,
    { input: { name } },
  );
  expect(generateApiKey.userErrors).toEqual([]);
  return generateApiKey as { apiKey: { id: string; name: string }; secret: string };
}

function expectNoInternals(text: string) {
  expect(text).not.toContain('    at ');
  expect(text).not.toMatch(/\/src\/|node_modules/);
}

describe('refusals', () => {
  it('answers a missing key, a wrong key, a revoked key and a bad Bearer token with the same 401', async () => {
    const revoked = await generateKey(acme, 'to revoke');
    const { revokeApiKey } = await acme.client.request<any>(
      gql`mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revokedAt } userErrors { code } } }`,
      { input: { id: revoked.apiKey.id } },
    );
    expect(revokeApiKey.userErrors).toEqual([]);

    const wrongButWellFormed = `${acme.apiKey.slice(0, -4)}${acme.apiKey.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const cases: Record<string, Record<string, string>> = {
      'missing key': {},
      'empty key': { 'x-api-key': '' },
      'wrong key': { 'x-api-key': 'not-a-key' },
      'wrong key of the right shape': { 'x-api-key': wrongButWellFormed },
      'revoked key': { 'x-api-key': revoked.secret },
      'garbage Bearer token': { authorization: 'Bearer garbage.garbage.garbage' },
      'JWT-shaped Bearer token signed by nobody': {
        authorization: `Bearer ${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(`{"sub":"${acme.id}"}`).toString('base64url')}.c2lnbmF0dXJl`,
      },
      'the API key sent as a Bearer token': { authorization: `Bearer ${acme.apiKey}` },
      'an unknown scheme': { authorization: `Basic ${Buffer.from('user:pass').toString('base64')}` },
    };
    const bodies: Record<string, unknown> = {};
    for (const [name, headers] of Object.entries(cases)) {
      const response = await post({ query: VIEWER }, headers);
      expect(response.status, name).toBe(401);
      expect(response.json, `${name}: ${response.text}`).toBeDefined();
      expect(response.json.data, name).toBeUndefined();
      expect(response.json.errors, name).toHaveLength(1);
      expect(response.json.errors[0].extensions.code, name).toBe('UNAUTHENTICATED');
      expect(response.json.errors[0].message, name).toEqual(expect.any(String));
      expectNoInternals(response.text);
      bodies[name] = response.json;
    }
    // Identical shape: nothing tells a caller which of these it got wrong.
    for (const [name, body] of Object.entries(bodies)) expect(body, name).toEqual(bodies['missing key']);
  });

  it('refuses GET queries and mutations without a key in the same way', async () => {
    const get = await fetch(`${graphqlUrl}?query=${encodeURIComponent('{ viewer { organization { id } } }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(401);
    const body = await get.json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();

    const mutation = await post(
      { query: 'mutation { generateApiKey(input: { name: "sneaky" }) { secret } }' },
      { 'x-api-key': 'nope' },
    );
    expect(mutation.status).toBe(401);
    expect(mutation.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const { apiKeys } = await acme.client.request<any>(gql`{ apiKeys(first: 100) { edges { node { name } } } }`);
    expect(apiKeys.edges.map((e: any) => e.node.name)).not.toContain('sneaky');
  });

  it('answers 404 for an unknown route, with or without a key', async () => {
    for (const path of ['/nope', '/graphql/extra', '/graphqlx', '/health/deep']) {
      for (const headers of [{}, { 'x-api-key': acme.apiKey }] as Record<string, string>[]) {
        const response = await fetch(`${serverUrl}${path}`, { headers });
        expect(response.status, path).toBe(404);
        expectNoInternals(await response.text());
      }
    }
  });
});

describe('open endpoints', () => {
  it('serves /health and /ready without a key', async () => {
    for (const path of ['/health', '/ready']) {
      const response = await fetch(`${serverUrl}${path}`);
      expect(response.status, path).toBe(200);
      await response.text();
    }
  });

  it('serves the GraphiQL page to a browser without a key', async () => {
    const response = await fetch(graphqlUrl, { headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/<html/i);
    expect(html).toMatch(/graphiql/i);
    // The page must not carry a real credential.
    expect(html).not.toContain(acme.apiKey);
  });
});

describe('viewer', () => {
  it('describes the calling organization and key', async () => {
    const { viewer } = await acme.client.request<any>(VIEWER);
    const { apiKeys } = await acme.client.request<any>(gql`{ apiKeys { edges { node { id name prefix lastFour } } } }`);
    const used = apiKeys.edges.map((e: any) => e.node).find((k: any) => acme.apiKey.startsWith(k.prefix) && acme.apiKey.endsWith(k.lastFour));
    expect(used).toBeDefined();
    expect(viewer).toEqual({
      organization: { id: acme.id, name: 'Auth Acme', features: ['INTEGRATIONS_ECOSYSTEM'] },
      apiKey: { id: used.id, name: used.name },
    });
    expect(viewer.organization.id).toMatch(/^org_/);
    expect(viewer.apiKey.id).toMatch(/^key_/);
  });

  it('names the key actually used when an organization has several', async () => {
    const second = await generateKey(acme, 'Second key');
    const { viewer } = await clientFor(second.secret).request<any>(VIEWER);
    expect(viewer.apiKey).toEqual(second.apiKey);
    expect(viewer.organization.id).toBe(acme.id);
  });

  it('keeps organizations apart: each key sees its own organization; node() of the other one is null', async () => {
    const [mine, theirs] = await Promise.all([acme.client.request<any>(VIEWER), other.client.request<any>(VIEWER)]);
    expect(mine.viewer.organization.id).toBe(acme.id);
    expect(theirs.viewer.organization.id).toBe(other.id);
    const NODE = gql`query ($id: ID!) { node(id: $id) { id ... on Organization { name } } }`;
    expect((await acme.client.request<any>(NODE, { id: acme.id })).node).toEqual({ id: acme.id, name: 'Auth Acme' });
    expect((await acme.client.request<any>(NODE, { id: other.id })).node).toBeNull();
  });
});

describe('lastUsedAt', () => {
  it('is empty for a key never used and set once the key is used', async () => {
    const fresh = await generateKey(acme, 'Usage tracked');
    const KEY = gql`query ($id: ID!) { node(id: $id) { ... on ApiKey { createdAt lastUsedAt } } }`;
    const before = (await acme.client.request<any>(KEY, { id: fresh.apiKey.id })).node;
    expect(before.lastUsedAt).toBeNull();

    await clientFor(fresh.secret).request(VIEWER);
    // Recorded beside the request, not inside it: poll the listing briefly.
    let after: { createdAt: string; lastUsedAt: string | null } = before;
    for (let attempt = 0; attempt < 50 && !after.lastUsedAt; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 100));
      after = (await acme.client.request<any>(KEY, { id: fresh.apiKey.id })).node;
    }
    expect(after.lastUsedAt).not.toBeNull();
    expect(Date.parse(after.lastUsedAt!)).toBeGreaterThanOrEqual(Date.parse(after.createdAt));

    // Kept to the minute, not written on every request: more uses within that minute
    // leave it as it is.
    for (let i = 0; i < 3; i++) await clientFor(fresh.secret).request(VIEWER);
    const again = (await acme.client.request<any>(KEY, { id: fresh.apiKey.id })).node;
    if (Date.now() - Date.parse(after.lastUsedAt!) < 50_000) expect(again.lastUsedAt).toBe(after.lastUsedAt);
  });
});

// Authentication as a caller meets it: which requests need a key, what a refusal looks
// like (one shape whatever was wrong), what `viewer` says about the caller, and that a
// key's lastUsedAt follows its use.
import { beforeAll, describe, expect } from 'vitest';
import { graphqlUrl, serverUrl } from './support/api.ts';
import { type Org, execute, graphql, it, mutateOk, nodes, present, send, testOrg } from './support/kit.ts';
import { firstCode, parseJson, readAnswer } from './support/oauth.ts';

const VIEWER = graphql(`
  query AuthViewer {
    viewer {
      organization {
        id
        name
        features
      }
      apiKey {
        id
        name
      }
    }
  }
`);
const GENERATE = graphql(`
  mutation AuthGenerateKey($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      apiKey {
        id
        name
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
const REVOKE = graphql(`
  mutation AuthRevokeKey($input: RevokeApiKeyInput!) {
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
const SNEAKY = graphql(`
  mutation AuthSneakyKey {
    generateApiKey(input: { name: "sneaky" }) {
      secret
    }
  }
`);
const KEY_NAMES = graphql(`
  query AuthKeyNames {
    apiKeys(first: 100) {
      edges {
        node {
          name
        }
      }
    }
  }
`);
const KEYS = graphql(`
  query AuthKeys {
    apiKeys {
      edges {
        node {
          id
          name
          prefix
          lastFour
        }
      }
    }
  }
`);
const NODE = graphql(`
  query AuthNode($id: ID!) {
    node(id: $id) {
      id
      ... on Organization {
        name
      }
    }
  }
`);
const KEY_USAGE = graphql(`
  query AuthKeyUsage($id: ID!) {
    node(id: $id) {
      __typename
      ... on ApiKey {
        createdAt
        lastUsedAt
      }
    }
  }
`);

let acme: Org;
let other: Org;

beforeAll(async () => {
  [acme, other] = await Promise.all([testOrg({ name: 'Auth Acme' }), testOrg({ name: 'Auth Other' })]);
});

async function generateKey(org: Org, name: string) {
  const { apiKey, secret } = await mutateOk(org, GENERATE, { name });
  return { apiKey, secret };
}

function expectNoInternals(text: string) {
  expect(text).not.toContain('    at ');
  expect(text).not.toMatch(/\/src\/|node_modules/);
}

describe('refusals', () => {
  it('answers a missing key, a wrong key, a revoked key and a bad Bearer token with the same 401', async () => {
    const revoked = await generateKey(acme, 'to revoke');
    await mutateOk(acme, REVOKE, { id: revoked.apiKey.id });

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
      const response = await send({ headers }, VIEWER);
      expect(response.status, name).toBe(401);
      const body = parseJson(response.text);
      expect(body, `${name}: ${response.text}`).toBeDefined();
      expect(response.data, name).toBeUndefined();
      expect(response.errors, name).toHaveLength(1);
      expect(firstCode(response), name).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0].message, name).toEqual(expect.any(String));
      expectNoInternals(response.text);
      bodies[name] = body;
    }
    // Identical shape: nothing tells a caller which of these it got wrong.
    for (const [name, body] of Object.entries(bodies)) expect(body, name).toEqual(bodies['missing key']);
  });

  it('refuses GET queries and mutations without a key in the same way', async () => {
    const get = await fetch(`${graphqlUrl}?query=${encodeURIComponent('{ viewer { organization { id } } }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(401);
    const body = await readAnswer(get);
    expect(firstCode(body)).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();

    const mutation = await send({ apiKey: 'nope' }, SNEAKY);
    expect(mutation.status).toBe(401);
    expect(firstCode(mutation)).toBe('UNAUTHENTICATED');
    const { apiKeys } = await execute(acme, KEY_NAMES);
    expect(nodes(apiKeys).map((node) => node.name)).not.toContain('sneaky');
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
    const { viewer } = await execute(acme, VIEWER);
    const { apiKeys } = await execute(acme, KEYS);
    const used = present(
      nodes(apiKeys).find((k) => acme.apiKey.startsWith(k.prefix) && acme.apiKey.endsWith(k.lastFour)),
      'the key in use',
    );
    expect(viewer).toEqual({
      organization: { id: acme.id, name: 'Auth Acme', features: ['INTEGRATIONS_ECOSYSTEM'] },
      apiKey: { id: used.id, name: used.name },
    });
    expect(viewer.organization.id).toMatch(/^org_/);
    expect(viewer.apiKey?.id).toMatch(/^key_/);
  });

  it('names the key actually used when an organization has several', async () => {
    const second = await generateKey(acme, 'Second key');
    const { viewer } = await execute({ apiKey: second.secret }, VIEWER);
    expect(viewer.apiKey).toEqual(second.apiKey);
    expect(viewer.organization.id).toBe(acme.id);
  });

  it('keeps organizations apart: each key sees its own organization; node() of the other one is null', async () => {
    const [mine, theirs] = await Promise.all([execute(acme, VIEWER), execute(other, VIEWER)]);
    expect(mine.viewer.organization.id).toBe(acme.id);
    expect(theirs.viewer.organization.id).toBe(other.id);
    expect((await execute(acme, NODE, { id: acme.id })).node).toEqual({ id: acme.id, name: 'Auth Acme' });
    expect((await execute(acme, NODE, { id: other.id })).node).toBeNull();
  });
});

describe('lastUsedAt', () => {
  /** The API key's createdAt and lastUsedAt, through node(). */
  async function usage(id: string) {
    const { node } = await execute(acme, KEY_USAGE, { id });
    expect(node?.__typename).toBe('ApiKey');
    if (node?.__typename !== 'ApiKey') throw new Error(`node(${id}) is not an ApiKey`);
    return { createdAt: node.createdAt, lastUsedAt: node.lastUsedAt };
  }

  it('is empty for a key never used and set once the key is used', async () => {
    const fresh = await generateKey(acme, 'Usage tracked');
    const before = await usage(fresh.apiKey.id);
    expect(before.lastUsedAt).toBeNull();

    await execute({ apiKey: fresh.secret }, VIEWER);
    // Recorded beside the request, not inside it: poll the listing briefly.
    let after: { createdAt: string; lastUsedAt: string | null } = before;
    for (let attempt = 0; attempt < 50 && !after.lastUsedAt; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 100));
      after = await usage(fresh.apiKey.id);
    }
    const lastUsedAt = present(after.lastUsedAt, 'lastUsedAt');
    expect(Date.parse(lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(after.createdAt));

    // Kept to the minute, not written on every request: more uses within that minute
    // leave it as it is.
    for (let i = 0; i < 3; i++) await execute({ apiKey: fresh.secret }, VIEWER);
    const again = await usage(fresh.apiKey.id);
    if (Date.now() - Date.parse(lastUsedAt) < 50_000) expect(again.lastUsedAt).toBe(lastUsedAt);
  });
});

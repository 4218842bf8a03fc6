// API keys through the API: the secret is shown once and never again, a new key works,
// a revoked one stops at once, foreign/unknown/garbage IDs are indistinguishable, and the
// listing is a Relay connection with a capped page size.
import { type GraphQLClient, gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestOrg, clientFor, createOrg, expectGraphQLErrors, post } from './support/api.ts';

const GENERATE = gql`
  mutation ($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      apiKey { id name prefix lastFour createdAt lastUsedAt revokedAt }
      secret
      userErrors { field message code }
    }
  }
`;
const REVOKE = gql`
  mutation ($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey { id name revokedAt }
      userErrors { field message code }
    }
  }
`;
const VIEWER = gql`{ viewer { organization { id } apiKey { id name } } }`;
const COUNT = gql`{ apiKeys { totalCount } }`;

type UserError = { field: string[] | null; message: string; code: string };

let acme: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  [acme, other] = await Promise.all([createOrg('Keys Acme'), createOrg('Keys Other')]);
});

async function generate(client: GraphQLClient, name: string) {
  return (await client.request<{ generateApiKey: { apiKey: any; secret: string | null; userErrors: UserError[] } }>(GENERATE, { input: { name } }))
    .generateApiKey;
}
async function revoke(client: GraphQLClient, id: string) {
  return (await client.request<{ revokeApiKey: { apiKey: any; userErrors: UserError[] } }>(REVOKE, { input: { id } })).revokeApiKey;
}

/** Every scalar field ApiKey has (whatever is added later), for "the secret is nowhere" checks. */
async function allApiKeyFields(client: GraphQLClient): Promise<string> {
  const { __type } = await client.request<any>(gql`{ __type(name: "ApiKey") { fields { name args { name } type { kind ofType { kind ofType { kind } } } } } }`);
  const leaf = (t: any): boolean => (t.kind === 'NON_NULL' || t.kind === 'LIST' ? leaf(t.ofType) : t.kind === 'SCALAR' || t.kind === 'ENUM');
  return __type.fields.filter((f: any) => f.args.length === 0 && leaf(f.type)).map((f: any) => f.name).join(' ');
}

describe('generateApiKey', () => {
  it('returns the full secret once, with a prefix and last four that match it', async () => {
    const { apiKey, secret, userErrors } = await generate(acme.client, '  CI pipeline  ');
    expect(userErrors).toEqual([]);
    expect(secret).toEqual(expect.any(String));
    expect(apiKey.id).toMatch(/^key_[0-9a-z]{26}$/);
    expect(apiKey.name).toBe('CI pipeline');
    expect(secret!.length).toBeGreaterThanOrEqual(32);
    expect(apiKey.prefix.length).toBeGreaterThanOrEqual(4);
    expect(apiKey.prefix.length).toBeLessThan(secret!.length - 16);
    expect(secret!.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.lastFour).toHaveLength(4);
    expect(secret!.endsWith(apiKey.lastFour)).toBe(true);
    expect(apiKey.lastUsedAt).toBeNull();
    expect(apiKey.revokedAt).toBeNull();
    expect(Number.isNaN(Date.parse(apiKey.createdAt))).toBe(false);

    // Never again: not in the listing, not through node(), not through viewer, whatever fields are asked.
    const fields = await allApiKeyFields(acme.client);
    expect(fields).toContain('lastFour');
    const later = [
      await acme.client.request(`{ apiKeys(first: 100) { edges { cursor node { ${fields} } } } }`),
      await acme.client.request(`query ($id: ID!) { node(id: $id) { id ... on ApiKey { ${fields} } } }`, { id: apiKey.id }),
      await clientFor(secret!).request(`{ viewer { apiKey { ${fields} } organization { id name features } } }`),
    ];
    for (const result of later) {
      const text = JSON.stringify(result);
      expect(text).not.toContain(secret);
      // Not even most of it: only the display prefix and last four are ever shown.
      expect(text).not.toContain(secret!.slice(apiKey.prefix.length, -4));
    }
    expect(JSON.stringify(later[0])).toContain(apiKey.id);
  });

  it('mints a different secret every time', async () => {
    const [a, b] = await Promise.all([generate(acme.client, 'twin'), generate(acme.client, 'twin')]);
    expect(a.secret).not.toBe(b.secret);
    expect(a.apiKey.id).not.toBe(b.apiKey.id);
  });

  it('authenticates with the new key, as that key, in that organization', async () => {
    const { apiKey, secret } = await generate(acme.client, 'Partner script');
    const { viewer } = await clientFor(secret!).request<any>(VIEWER);
    expect(viewer).toEqual({ organization: { id: acme.id }, apiKey: { id: apiKey.id, name: 'Partner script' } });
  });

  it('rejects an empty or blank name with REQUIRED and creates nothing', async () => {
    const before = (await acme.client.request<any>(COUNT)).apiKeys.totalCount;
    for (const name of ['', '   ']) {
      const result = await generate(acme.client, name);
      expect(result.apiKey).toBeNull();
      expect(result.secret).toBeNull();
      expect(result.userErrors).toEqual([{ code: 'REQUIRED', field: ['input', 'name'], message: expect.any(String) }]);
    }
    const tooLong = await generate(acme.client, 'x'.repeat(101));
    expect(tooLong.secret).toBeNull();
    expect(tooLong.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'name'], message: expect.any(String) }]);
    expect((await acme.client.request<any>(COUNT)).apiKeys.totalCount).toBe(before);
  });

  it('refuses a missing name at the top level (a schema error, not a userError)', async () => {
    const response = await post({ query: 'mutation { generateApiKey(input: {}) { secret } }' }, { 'x-api-key': acme.apiKey });
    expect(response.json.data ?? null).toBeNull();
    expect(response.json.errors.length).toBeGreaterThan(0);
  });
});

describe('revokeApiKey', () => {
  it('stops the key at once, keeps it listed with revokedAt, and is harmless twice', async () => {
    const { apiKey, secret } = await generate(acme.client, 'Short-lived');
    const keyClient = clientFor(secret!);
    expect((await keyClient.request<any>(VIEWER)).viewer.apiKey.id).toBe(apiKey.id);

    const revoked = await revoke(acme.client, apiKey.id);
    expect(revoked.userErrors).toEqual([]);
    expect(revoked.apiKey.id).toBe(apiKey.id);
    expect(revoked.apiKey.revokedAt).not.toBeNull();

    // The very next request is refused.
    await expectGraphQLErrors(keyClient.request(VIEWER), 'UNAUTHENTICATED');
    const raw = await post({ query: '{ viewer { organization { id } } }' }, { 'x-api-key': secret! });
    expect(raw.status).toBe(401);

    const again = await revoke(acme.client, apiKey.id);
    expect(again.userErrors).toEqual([]);
    expect(again.apiKey.revokedAt).toBe(revoked.apiKey.revokedAt);

    const { node } = await acme.client.request<any>(gql`query ($id: ID!) { node(id: $id) { ... on ApiKey { id revokedAt } } }`, { id: apiKey.id });
    expect(node).toEqual({ id: apiKey.id, revokedAt: revoked.apiKey.revokedAt });
  });

  it('a key can revoke itself; the other keys keep working', async () => {
    const { apiKey, secret } = await generate(acme.client, 'Self-revoking');
    const own = await revoke(clientFor(secret!), apiKey.id);
    expect(own.userErrors).toEqual([]);
    await expectGraphQLErrors(clientFor(secret!).request(VIEWER), 'UNAUTHENTICATED');
    expect((await acme.client.request<any>(VIEWER)).viewer.organization.id).toBe(acme.id);
  });

  it("answers another organization's key, an unknown ID and a garbage ID identically, and changes nothing", async () => {
    const theirs = await generate(other.client, 'Theirs');
    const foreign = await revoke(acme.client, theirs.apiKey.id);
    const unknown = await revoke(acme.client, 'key_01m8mwbn4xqpj3fypwxwrsccbr');
    const garbage = await revoke(acme.client, 'definitely not an id');
    const wrongType = await revoke(acme.client, acme.id);
    const expected = { apiKey: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'], message: unknown.userErrors[0]?.message }] };
    expect(unknown.userErrors[0]?.message).toEqual(expect.any(String));
    for (const result of [foreign, unknown, garbage, wrongType]) expect(result).toEqual(expected);
    // Their key still works.
    const { viewer } = await clientFor(theirs.secret!).request<any>(VIEWER);
    expect(viewer).toEqual({ organization: { id: other.id }, apiKey: { id: theirs.apiKey.id, name: 'Theirs' } });
  });
});

describe('apiKeys connection', () => {
  const PAGE = gql`
    query ($first: Int, $after: String, $last: Int, $before: String) {
      apiKeys(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges { cursor node { id name } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  `;

  it('pages newest first with totalCount, and lists only the organization\'s own keys', async () => {
    const org = await createOrg('Keys Pager');
    const adminKey = (await org.client.request<any>(VIEWER)).viewer.apiKey.id;
    const ids = [adminKey];
    for (let i = 1; i <= 4; i++) ids.push((await generate(org.client, `K${i}`)).apiKey.id);
    await generate(other.client, 'Not in Pager');

    const page1 = (await org.client.request<any>(PAGE, { first: 2 })).apiKeys;
    expect(page1.totalCount).toBe(5);
    expect(page1.edges.map((e: any) => e.node.id)).toEqual([ids[4], ids[3]]);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page1.pageInfo.startCursor).toBe(page1.edges[0].cursor);
    expect(page1.pageInfo.endCursor).toBe(page1.edges[1].cursor);

    const page2 = (await org.client.request<any>(PAGE, { first: 2, after: page1.pageInfo.endCursor })).apiKeys;
    expect(page2.totalCount).toBe(5);
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(page2.pageInfo.hasNextPage).toBe(true);

    const page3 = (await org.client.request<any>(PAGE, { first: 2, after: page2.pageInfo.endCursor })).apiKeys;
    expect(page3.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
    expect(page3.pageInfo.hasNextPage).toBe(false);

    const back = (await org.client.request<any>(PAGE, { last: 2, before: page3.pageInfo.startCursor })).apiKeys;
    expect(back.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(back.pageInfo.hasPreviousPage).toBe(true);

    const all = (await org.client.request<any>(PAGE, {})).apiKeys;
    expect(all.edges.map((e: any) => e.node.id)).toEqual([...ids].reverse());
    expect(all.edges.map((e: any) => e.node.name)).not.toContain('Not in Pager');
  });

  it('takes first: 100 and answers first/last above 100 (or negative) with a top-level BAD_USER_INPUT', async () => {
    const ok = (await acme.client.request<any>(PAGE, { first: 100 })).apiKeys;
    expect(ok.totalCount).toBeGreaterThan(0);
    for (const variables of [{ first: 101 }, { last: 101 }, { first: 100_000 }, { first: -1 }] as Record<string, number>[]) {
      const response = await expectGraphQLErrors(acme.client.request(PAGE, variables), 'BAD_USER_INPUT');
      expect(response.data ?? null, JSON.stringify(variables)).toBeNull();
    }
    // Inline literals are checked the same way as variables.
    await expectGraphQLErrors(acme.client.request(gql`{ apiKeys(first: 101) { totalCount } }`), 'BAD_USER_INPUT');
  });

  it('defaults to 20 per page', async () => {
    const org = await createOrg('Keys Many');
    for (let i = 0; i < 21; i++) await generate(org.client, `M${i}`);
    const page = (await org.client.request<any>(PAGE, {})).apiKeys;
    expect(page.totalCount).toBe(22);
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });
});

describe('node(id:)', () => {
  const NODE = gql`query ($id: ID!) { node(id: $id) { __typename id ... on ApiKey { name lastFour } } }`;

  it("resolves the organization's own key and answers null for a foreign, unknown or garbage ID", async () => {
    const mine = await generate(acme.client, 'Mine');
    const theirs = await generate(other.client, 'Theirs too');
    expect((await acme.client.request<any>(NODE, { id: mine.apiKey.id })).node).toEqual({
      __typename: 'ApiKey',
      id: mine.apiKey.id,
      name: 'Mine',
      lastFour: mine.apiKey.lastFour,
    });
    for (const id of [theirs.apiKey.id, 'key_01m8mwbn4xqpj3fypwxwrsccbr', 'garbage', '']) {
      expect((await acme.client.request<any>(NODE, { id })).node, id).toBeNull();
    }
    // And the owner still sees theirs.
    expect((await other.client.request<any>(NODE, { id: theirs.apiKey.id })).node.name).toBe('Theirs too');
  });
});

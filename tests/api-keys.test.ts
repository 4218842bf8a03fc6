// API keys through the API: the secret is shown once and never again, a new key works,
// a revoked one stops at once, foreign/unknown/garbage IDs are indistinguishable, and the
// listing is a Relay connection with a capped page size.
import { beforeAll, describe, expect } from 'vitest';
import {
  type Caller,
  type Org,
  type VariablesOf,
  errors,
  execute,
  graphql,
  it,
  mutate,
  mutateOk,
  nodeIds,
  nodes,
  present,
  send,
  sendRaw,
  succeeded,
  testOrg,
} from './support/kit.ts';

const GENERATE = graphql(`
  mutation ApiKeysGenerate($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      apiKey {
        id
        name
        prefix
        lastFour
        createdAt
        lastUsedAt
        revokedAt
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
  mutation ApiKeysRevoke($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        name
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
const VIEWER = graphql(`
  query ApiKeysViewer {
    viewer {
      organization {
        id
      }
      apiKey {
        id
        name
      }
    }
  }
`);
const COUNT = graphql(`
  query ApiKeysCount {
    apiKeys {
      totalCount
    }
  }
`);
const API_KEY_FIELDS = graphql(`
  query ApiKeysFields {
    __type(name: "ApiKey") {
      fields {
        name
        args {
          name
        }
        type {
          kind
          ofType {
            kind
            ofType {
              kind
            }
          }
        }
      }
    }
  }
`);
const REVOKED_NODE = graphql(`
  query ApiKeysRevokedNode($id: ID!) {
    node(id: $id) {
      ... on ApiKey {
        id
        revokedAt
      }
    }
  }
`);
const PAGE = graphql(`
  query ApiKeysPage($first: Int, $after: String, $last: Int, $before: String) {
    apiKeys(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges {
        cursor
        node {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);
const FIRST_101 = graphql(`
  query ApiKeysFirst101 {
    apiKeys(first: 101) {
      totalCount
    }
  }
`);
const NODE = graphql(`
  query ApiKeysNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on ApiKey {
        name
        lastFour
      }
    }
  }
`);

let acme: Org;
let other: Org;

beforeAll(async () => {
  [acme, other] = await Promise.all([testOrg({ name: 'Keys Acme' }), testOrg({ name: 'Keys Other' })]);
});

const generate = (caller: Caller, name: string) => mutate(caller, GENERATE, { name });
const generateOk = (caller: Caller, name: string) => mutateOk(caller, GENERATE, { name });
const revoke = (caller: Caller, id: string) => mutate(caller, REVOKE, { id });
const revokeOk = (caller: Caller, id: string) => mutateOk(caller, REVOKE, { id });

type TypeRef = { kind: string; ofType?: TypeRef | null };

/** Every scalar field ApiKey has (whatever is added later), for "the secret is nowhere" checks. */
async function allApiKeyFields(caller: Caller): Promise<string> {
  const { __type } = await execute(caller, API_KEY_FIELDS);
  const leaf = (t: TypeRef): boolean =>
    t.kind === 'NON_NULL' || t.kind === 'LIST' ? leaf(present(t.ofType)) : t.kind === 'SCALAR' || t.kind === 'ENUM';
  return present(present(__type).fields)
    .filter((f) => f.args.length === 0 && leaf(f.type))
    .map((f) => f.name)
    .join(' ');
}

describe('generateApiKey', () => {
  it('returns the full secret once, with a prefix and last four that match it', async () => {
    const { apiKey, secret, userErrors } = await generateOk(acme, '  CI pipeline  ');
    expect(userErrors).toEqual([]);
    expect(secret).toEqual(expect.any(String));
    expect(apiKey.id).toMatch(/^key_[0-9a-z]{26}$/);
    expect(apiKey.name).toBe('CI pipeline');
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(apiKey.prefix.length).toBeGreaterThanOrEqual(4);
    expect(apiKey.prefix.length).toBeLessThan(secret.length - 16);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.lastFour).toHaveLength(4);
    expect(secret.endsWith(apiKey.lastFour)).toBe(true);
    expect(apiKey.lastUsedAt).toBeNull();
    expect(apiKey.revokedAt).toBeNull();
    expect(Number.isNaN(Date.parse(apiKey.createdAt))).toBe(false);

    // Never again: not in the listing, not through node(), not through viewer, whatever fields are asked.
    // (Documents built at run time from the introspected fields: sent as strings.)
    const fields = await allApiKeyFields(acme);
    expect(fields).toContain('lastFour');
    const later = [
      succeeded(await sendRaw(acme, `{ apiKeys(first: 100) { edges { cursor node { ${fields} } } } }`)),
      succeeded(await sendRaw(acme, `query ($id: ID!) { node(id: $id) { id ... on ApiKey { ${fields} } } }`, { id: apiKey.id })),
      succeeded(await sendRaw({ apiKey: secret }, `{ viewer { apiKey { ${fields} } organization { id name features } } }`)),
    ];
    for (const result of later) {
      const text = JSON.stringify(result);
      expect(text).not.toContain(secret);
      // Not even most of it: only the display prefix and last four are ever shown.
      expect(text).not.toContain(secret.slice(apiKey.prefix.length, -4));
    }
    expect(JSON.stringify(later[0])).toContain(apiKey.id);
  });

  it('mints a different secret every time', async () => {
    const [a, b] = await Promise.all([generateOk(acme, 'twin'), generateOk(acme, 'twin')]);
    expect(a.secret).not.toBe(b.secret);
    expect(a.apiKey.id).not.toBe(b.apiKey.id);
  });

  it('authenticates with the new key, as that key, in that organization', async () => {
    const { apiKey, secret } = await generateOk(acme, 'Partner script');
    const { viewer } = await execute({ apiKey: secret }, VIEWER);
    expect(viewer).toEqual({ organization: { id: acme.id }, apiKey: { id: apiKey.id, name: 'Partner script' } });
  });

  it('rejects an empty or blank name with REQUIRED and creates nothing', async () => {
    const before = (await execute(acme, COUNT)).apiKeys.totalCount;
    for (const name of ['', '   ']) {
      const result = await generate(acme, name);
      expect(result.apiKey).toBeNull();
      expect(result.secret).toBeNull();
      expect(result.userErrors).toEqual([{ code: 'REQUIRED', field: ['input', 'name'], message: expect.any(String) }]);
    }
    const tooLong = await generate(acme, 'x'.repeat(101));
    expect(tooLong.secret).toBeNull();
    expect(tooLong.userErrors).toEqual([{ code: 'INVALID', field: ['input', 'name'], message: expect.any(String) }]);
    expect((await execute(acme, COUNT)).apiKeys.totalCount).toBe(before);
  });

  it('refuses a missing name at the top level (a schema error, not a userError)', async () => {
    // Invalid against the schema on purpose, so a string, not a generated document.
    const answer = await sendRaw(acme, 'mutation { generateApiKey(input: {}) { secret } }');
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.length).toBeGreaterThan(0);
  });
});

describe('revokeApiKey', () => {
  it('stops the key at once, keeps it listed with revokedAt, and is harmless twice', async () => {
    const { apiKey, secret } = await generateOk(acme, 'Short-lived');
    const keyCaller = { apiKey: secret };
    expect((await execute(keyCaller, VIEWER)).viewer.apiKey?.id).toBe(apiKey.id);

    const revoked = await revokeOk(acme, apiKey.id);
    expect(revoked.userErrors).toEqual([]);
    expect(revoked.apiKey.id).toBe(apiKey.id);
    expect(revoked.apiKey.revokedAt).not.toBeNull();

    // The very next request is refused.
    await errors(send(keyCaller, VIEWER), 'UNAUTHENTICATED');
    const raw = await sendRaw(keyCaller, '{ viewer { organization { id } } }');
    expect(raw.status).toBe(401);

    const again = await revokeOk(acme, apiKey.id);
    expect(again.userErrors).toEqual([]);
    expect(again.apiKey.revokedAt).toBe(revoked.apiKey.revokedAt);

    const { node } = await execute(acme, REVOKED_NODE, { id: apiKey.id });
    expect(node).toEqual({ id: apiKey.id, revokedAt: revoked.apiKey.revokedAt });
  });

  it('a key can revoke itself; the other keys keep working', async () => {
    const { apiKey, secret } = await generateOk(acme, 'Self-revoking');
    const own = await revokeOk({ apiKey: secret }, apiKey.id);
    expect(own.userErrors).toEqual([]);
    await errors(send({ apiKey: secret }, VIEWER), 'UNAUTHENTICATED');
    expect((await execute(acme, VIEWER)).viewer.organization.id).toBe(acme.id);
  });

  it("answers another organization's key, an unknown ID and a garbage ID identically, and changes nothing", async () => {
    const theirs = await generateOk(other, 'Theirs');
    const foreign = await revoke(acme, theirs.apiKey.id);
    const unknown = await revoke(acme, 'key_01m8mwbn4xqpj3fypwxwrsccbr');
    const garbage = await revoke(acme, 'definitely not an id');
    const wrongType = await revoke(acme, acme.id);
    const expected = { apiKey: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'], message: unknown.userErrors[0]?.message }] };
    expect(unknown.userErrors[0]?.message).toEqual(expect.any(String));
    for (const result of [foreign, unknown, garbage, wrongType]) expect(result).toEqual(expected);
    // Their key still works.
    const { viewer } = await execute({ apiKey: theirs.secret }, VIEWER);
    expect(viewer).toEqual({ organization: { id: other.id }, apiKey: { id: theirs.apiKey.id, name: 'Theirs' } });
  });
});

describe('apiKeys connection', () => {
  it("pages newest first with totalCount, and lists only the organization's own keys", async ({ org }) => {
    const adminKey = present((await execute(org, VIEWER)).viewer.apiKey, 'viewer.apiKey').id;
    const ids = [adminKey];
    for (let i = 1; i <= 4; i++) ids.push((await generateOk(org, `K${i}`)).apiKey.id);
    await generateOk(other, 'Not in Pager');

    const page1 = (await execute(org, PAGE, { first: 2 })).apiKeys;
    expect(page1.totalCount).toBe(5);
    expect(nodeIds(page1)).toEqual([ids[4], ids[3]]);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page1.pageInfo.startCursor).toBe(page1.edges[0].cursor);
    expect(page1.pageInfo.endCursor).toBe(page1.edges[1].cursor);

    const page2 = (await execute(org, PAGE, { first: 2, after: page1.pageInfo.endCursor })).apiKeys;
    expect(page2.totalCount).toBe(5);
    expect(nodeIds(page2)).toEqual([ids[2], ids[1]]);
    expect(page2.pageInfo.hasNextPage).toBe(true);

    const page3 = (await execute(org, PAGE, { first: 2, after: page2.pageInfo.endCursor })).apiKeys;
    expect(nodeIds(page3)).toEqual([ids[0]]);
    expect(page3.pageInfo.hasNextPage).toBe(false);

    const back = (await execute(org, PAGE, { last: 2, before: page3.pageInfo.startCursor })).apiKeys;
    expect(nodeIds(back)).toEqual([ids[2], ids[1]]);
    expect(back.pageInfo.hasPreviousPage).toBe(true);

    const all = (await execute(org, PAGE, {})).apiKeys;
    expect(nodeIds(all)).toEqual([...ids].reverse());
    expect(nodes(all).map((node) => node.name)).not.toContain('Not in Pager');
  });

  it('takes first: 100 and answers first/last above 100 (or negative) with a top-level BAD_USER_INPUT', async () => {
    const ok = (await execute(acme, PAGE, { first: 100 })).apiKeys;
    expect(ok.totalCount).toBeGreaterThan(0);
    const refusals: VariablesOf<typeof PAGE>[] = [{ first: 101 }, { last: 101 }, { first: 100_000 }, { first: -1 }];
    for (const variables of refusals) {
      const response = await errors(send(acme, PAGE, variables), 'BAD_USER_INPUT');
      expect(response.data ?? null, JSON.stringify(variables)).toBeNull();
    }
    // Inline literals are checked the same way as variables.
    await errors(send(acme, FIRST_101), 'BAD_USER_INPUT');
  });

  it('defaults to 20 per page', async ({ org }) => {
    for (let i = 0; i < 21; i++) await generateOk(org, `M${i}`);
    const page = (await execute(org, PAGE, {})).apiKeys;
    expect(page.totalCount).toBe(22);
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });
});

describe('node(id:)', () => {
  it("resolves the organization's own key and answers null for a foreign, unknown or garbage ID", async () => {
    const mine = await generateOk(acme, 'Mine');
    const theirs = await generateOk(other, 'Theirs too');
    expect((await execute(acme, NODE, { id: mine.apiKey.id })).node).toEqual({
      __typename: 'ApiKey',
      id: mine.apiKey.id,
      name: 'Mine',
      lastFour: mine.apiKey.lastFour,
    });
    for (const id of [theirs.apiKey.id, 'key_01m8mwbn4xqpj3fypwxwrsccbr', 'garbage', '']) {
      expect((await execute(acme, NODE, { id })).node, id).toBeNull();
    }
    // And the owner still sees theirs.
    expect((await execute(other, NODE, { id: theirs.apiKey.id })).node).toMatchObject({ name: 'Theirs too' });
  });
});

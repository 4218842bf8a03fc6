// Credential lifecycle (contract 6.5; README: "Client secrets", "API keys"): client
// secrets rotated with an overlap during which both obtain tokens, their lastUsedAt, and
// API keys that expire and roll. Expiry is tested by waiting for a few-second deadline to
// pass (polled, never timed).
import { beforeAll, describe, expect } from 'vitest';
import { clientFor } from './support/api.ts';
import { type Caller, type Org, errors, execute, graphql, it, mutate, mutateOk, nodes, present, refused, send, testOrg } from './support/kit.ts';
import { tokenRequest } from './support/oauth.ts';

const ROTATE = graphql(`
  mutation CredentialsRotate($input: GenerateClientSecretInput!) {
    generateClientSecret(input: $input) {
      clientSecret
      integration {
        id
        clientSecret {
          id
          lastFour
        }
        clientSecrets {
          id
          lastFour
          createdAt
          expiresAt
          lastUsedAt
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
const SECRETS = graphql(`
  query CredentialsSecrets($id: ID!) {
    integration(id: $id) {
      clientSecret {
        id
        lastFour
      }
      clientSecrets {
        id
        lastFour
        expiresAt
        lastUsedAt
      }
    }
  }
`);
const GENERATE_KEY = graphql(`
  mutation CredentialsGenerateKey($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      apiKey {
        id
        name
        expiresAt
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
const ROLL_KEY = graphql(`
  mutation CredentialsRollKey($input: RollApiKeyInput!) {
    rollApiKey(input: $input) {
      apiKey {
        id
        name
        expiresAt
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
const KEYS = graphql(`
  query CredentialsKeys {
    apiKeys(first: 100) {
      edges {
        node {
          id
          name
          expiresAt
          revokedAt
        }
      }
    }
  }
`);
const VIEWER = graphql(`
  query CredentialsViewer {
    viewer {
      apiKey {
        id
      }
    }
  }
`);
const EVENTS = graphql(`
  query CredentialsEvents($types: [String!]) {
    events(first: 50, filter: { types: $types }) {
      edges {
        node {
          type
          data
        }
      }
    }
  }
`);

/** Polls `check` until it holds, for at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const tokenFor = (clientId: string, secret: string) => tokenRequest({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
const obtains = async (clientId: string, secret: string) => (await tokenFor(clientId, secret)).status === 200;
const keyWorks = async (key: string) => {
  const answer = await send({ apiKey: key }, VIEWER);
  return answer.status === 200 && answer.data != null;
};
const rotate = (caller: Caller, integrationId: string, previousSecretExpiresInSeconds?: number) =>
  mutate(caller, ROTATE, { integrationId, previousSecretExpiresInSeconds });

let org: Org;
beforeAll(async () => {
  org = await testOrg({ name: 'Credential lifecycle' });
});

describe('client secrets with overlap', () => {
  it('with an overlap, both secrets obtain tokens until the old one expires; clientSecrets lists the live ones newest first', async () => {
    const client = await org.oidcClient({ name: 'Overlap' });
    const before = Date.now();
    const rotated = await rotate(org, client.integrationId, 3);
    expect(rotated.userErrors).toEqual([]);
    const newSecret = present(rotated.clientSecret);
    const live = present(rotated.integration).clientSecrets;
    expect(live.map((s) => s.lastFour)).toEqual([newSecret.slice(-4), client.clientSecret.slice(-4)]);
    expect(live[0].expiresAt).toBeNull();
    const oldExpiry = Date.parse(present(live[1].expiresAt));
    expect(oldExpiry).toBeGreaterThanOrEqual(before + 3000 - 1000);
    expect(oldExpiry).toBeLessThanOrEqual(Date.now() + 3000 + 1000);
    expect(present(rotated.integration).clientSecret?.id).toBe(live[0].id);

    expect(await obtains(client.clientId, client.clientSecret)).toBe(true);
    expect(await obtains(client.clientId, newSecret)).toBe(true);
    await eventually(async () => !(await obtains(client.clientId, client.clientSecret)), 15_000, 'the old secret stops');
    const refusedAnswer = await tokenFor(client.clientId, client.clientSecret);
    expect(refusedAnswer.status).toBe(401);
    expect(refusedAnswer.json).toMatchObject({ error: 'invalid_client' });
    expect(await obtains(client.clientId, newSecret)).toBe(true);
    const after = present((await execute(org, SECRETS, { id: client.integrationId })).integration);
    expect(after.clientSecrets.map((s) => s.lastFour)).toEqual([newSecret.slice(-4)]);
  });

  it('with 0 (the default) the previous secret stops at once', async () => {
    const client = await org.oidcClient({ name: 'No overlap' });
    const rotated = await rotate(org, client.integrationId);
    const newSecret = present(rotated.clientSecret);
    expect(await obtains(client.clientId, client.clientSecret)).toBe(false);
    expect(await obtains(client.clientId, newSecret)).toBe(true);
    expect(present(rotated.integration).clientSecrets).toHaveLength(1);
  });

  it('lastUsedAt tells which secret obtained tokens', async () => {
    const client = await org.oidcClient({ name: 'Last used' });
    const rotated = await rotate(org, client.integrationId, 600);
    const newSecret = present(rotated.clientSecret);
    const [current, previous] = present(rotated.integration).clientSecrets;
    expect([current.lastUsedAt, previous.lastUsedAt]).toEqual([null, null]);
    const usedAt = Date.now();
    expect(await obtains(client.clientId, client.clientSecret)).toBe(true);
    await eventually(
      async () => present((await execute(org, SECRETS, { id: client.integrationId })).integration).clientSecrets[1].lastUsedAt !== null,
      10_000,
      'lastUsedAt of the previous secret is written',
    );
    const read = present((await execute(org, SECRETS, { id: client.integrationId })).integration).clientSecrets;
    expect(Math.abs(Date.parse(present(read[1].lastUsedAt)) - usedAt)).toBeLessThan(60_000);
    expect(read[0].lastUsedAt).toBeNull();
    expect(newSecret).not.toBe(client.clientSecret);
  });

  it('refuses an overlap outside 0..604800 and changes nothing', async () => {
    const client = await org.oidcClient({ name: 'Bad overlap' });
    for (const seconds of [-1, 604_801]) {
      const result = await rotate(org, client.integrationId, seconds);
      refused(result, 'INVALID', ['input', 'previousSecretExpiresInSeconds']);
      expect(result.clientSecret).toBeNull();
    }
    expect(await obtains(client.clientId, client.clientSecret)).toBe(true);
    const read = present((await execute(org, SECRETS, { id: client.integrationId })).integration);
    expect(read.clientSecrets.map((s) => s.lastFour)).toEqual([client.clientSecret.slice(-4)]);
  });

  it('keeps at most 5 live secrets: a sixth with overlap is refused, one with 0 stops all the others', async () => {
    const client = await org.oidcClient({ name: 'Limit' });
    const secrets = [client.clientSecret];
    for (let i = 0; i < 4; i++) secrets.push(present((await rotate(org, client.integrationId, 3600)).clientSecret));
    const sixth = await rotate(org, client.integrationId, 3600);
    refused(sixth, 'INVALID', ['input', 'previousSecretExpiresInSeconds']);
    for (const secret of secrets) expect(await obtains(client.clientId, secret)).toBe(true);
    const reset = await mutateOk(org, ROTATE, { integrationId: client.integrationId, previousSecretExpiresInSeconds: 0 });
    expect(reset.integration.clientSecrets).toHaveLength(1);
    for (const secret of secrets) expect(await obtains(client.clientId, secret)).toBe(false);
    expect(await obtains(client.clientId, present(reset.clientSecret))).toBe(true);
  });

  it('records client_secret.generated with when the previous secrets stop, never a secret', async () => {
    const client = await org.oidcClient({ name: 'Events' });
    const rotated = await rotate(org, client.integrationId, 60);
    const events = nodes((await execute(org, EVENTS, { types: ['client_secret.generated'] })).events).filter(
      (e) => (e.data as { integrationId?: string }).integrationId === client.integrationId,
    );
    expect(events).toHaveLength(2);
    const latest = events[0].data as Record<string, unknown>;
    expect(latest).toMatchObject({ lastFour: present(rotated.clientSecret).slice(-4), previousSecretsExpireAt: expect.any(String) });
    expect(JSON.stringify(events)).not.toContain(present(rotated.clientSecret));
    expect(JSON.stringify(events)).not.toContain(client.clientSecret);
  });
});

describe('API keys that expire and roll', () => {
  it('a key with expiresAt works until then, then is UNAUTHENTICATED', async () => {
    const expiresAt = new Date(Date.now() + 4000).toISOString();
    const made = await mutateOk(org, GENERATE_KEY, { name: 'Short-lived', expiresAt });
    expect(Date.parse(present(made.apiKey.expiresAt))).toBe(Date.parse(expiresAt));
    expect(await keyWorks(made.secret)).toBe(true);
    await eventually(async () => !(await keyWorks(made.secret)), 15_000, 'the key expires');
    await errors(send({ apiKey: made.secret }, VIEWER), 'UNAUTHENTICATED');
    // Listed, with its expiry, not revoked.
    const listed = nodes((await execute(org, KEYS)).apiKeys).find((k) => k.id === made.apiKey.id);
    expect(listed).toMatchObject({ expiresAt: made.apiKey.expiresAt, revokedAt: null });
  });

  it('refuses an expiresAt in the past or more than two years ahead, and makes no key', async () => {
    const before = nodes((await execute(org, KEYS)).apiKeys).length;
    for (const expiresAt of [new Date(Date.now() - 1000), new Date(Date.now() + 3 * 365 * 86_400_000)]) {
      const result = await mutate(org, GENERATE_KEY, { name: 'Bad expiry', expiresAt: expiresAt.toISOString() });
      refused(result, 'INVALID', ['input', 'expiresAt']);
      expect(result.secret).toBeNull();
    }
    const wrongType = await send(org, GENERATE_KEY, { input: { name: 'x', expiresAt: 'next tuesday' } });
    expect(wrongType.data).toBeFalsy();
    expect(wrongType.errors?.length).toBeGreaterThan(0);
    expect(nodes((await execute(org, KEYS)).apiKeys)).toHaveLength(before);
  });

  it('rollApiKey with 0 gives a new key of the same name and revokes the old one at once', async () => {
    const made = await mutateOk(org, GENERATE_KEY, { name: 'Deploy bot' });
    const rolled = await mutateOk(org, ROLL_KEY, { id: made.apiKey.id });
    expect(rolled.apiKey.name).toBe('Deploy bot');
    expect(rolled.apiKey.id).not.toBe(made.apiKey.id);
    expect(rolled.secret).not.toBe(made.secret);
    expect(await keyWorks(made.secret)).toBe(false);
    expect(await keyWorks(rolled.secret)).toBe(true);
    const viewer = await execute({ apiKey: rolled.secret }, VIEWER);
    expect(viewer.viewer.apiKey?.id).toBe(rolled.apiKey.id);
    const old = nodes((await execute(org, KEYS)).apiKeys).find((k) => k.id === made.apiKey.id);
    expect(old?.revokedAt).not.toBeNull();
  });

  it('rollApiKey with an overlap keeps the old key working until then; a key with a lifetime rolls into the same lifetime', async () => {
    const lifetimeMs = 30 * 86_400_000;
    const made = await mutateOk(org, GENERATE_KEY, { name: 'Rolling', expiresAt: new Date(Date.now() + lifetimeMs).toISOString() });
    const rolledAt = Date.now();
    const rolled = await mutateOk(org, ROLL_KEY, { id: made.apiKey.id, previousKeyExpiresInSeconds: 3 });
    expect(Math.abs(Date.parse(present(rolled.apiKey.expiresAt)) - (rolledAt + lifetimeMs))).toBeLessThan(60_000);
    expect(await keyWorks(made.secret)).toBe(true);
    expect(await keyWorks(rolled.secret)).toBe(true);
    const old = nodes((await execute(org, KEYS)).apiKeys).find((k) => k.id === made.apiKey.id);
    expect(Date.parse(present(old?.expiresAt))).toBeLessThanOrEqual(Date.now() + 4000);
    await eventually(async () => !(await keyWorks(made.secret)), 15_000, 'the old key stops');
    expect(await keyWorks(rolled.secret)).toBe(true);
  });

  it('refuses bad input and keys that no longer work, changing nothing', async ({ otherOrg }) => {
    const made = await mutateOk(org, GENERATE_KEY, { name: 'Refusals' });
    const count = () => execute(org, KEYS).then((r) => nodes(r.apiKeys).length);
    const before = await count();
    for (const seconds of [-5, 604_801]) {
      refused(await mutate(org, ROLL_KEY, { id: made.apiKey.id, previousKeyExpiresInSeconds: seconds }), 'INVALID', [
        'input',
        'previousKeyExpiresInSeconds',
      ]);
    }
    refused(await mutate(org, ROLL_KEY, { id: made.apiKey.id, expiresAt: new Date(Date.now() - 1).toISOString() }), 'INVALID', [
      'input',
      'expiresAt',
    ]);
    for (const id of ['key_01m8mwbn4xqpj3fypwxwrsccbr', 'nope']) refused(await mutate(org, ROLL_KEY, { id }), 'NOT_FOUND', ['input', 'id']);
    // Another organization's key is not found, and keeps working.
    refused(await mutate(otherOrg, ROLL_KEY, { id: made.apiKey.id }), 'NOT_FOUND', ['input', 'id']);
    expect(await keyWorks(made.secret)).toBe(true);
    expect(await count()).toBe(before);
    // A revoked key is not rolled.
    const rolled = await mutateOk(org, ROLL_KEY, { id: made.apiKey.id });
    refused(await mutate(org, ROLL_KEY, { id: made.apiKey.id }), 'INVALID', ['input', 'id']);
    expect(await count()).toBe(before + 1);
    expect(await keyWorks(rolled.secret)).toBe(true);
  });

  it('a key rolled over the graphql-request client, as a partner script would', async () => {
    const made = await mutateOk(org, GENERATE_KEY, { name: 'Script' });
    const client = clientFor(made.secret);
    const { rollApiKey } = await client.request(ROLL_KEY, { input: { id: made.apiKey.id, previousKeyExpiresInSeconds: 60 } });
    expect(rollApiKey.userErrors).toEqual([]);
    expect(await keyWorks(present(rollApiKey.secret))).toBe(true);
    // The old key still works during the overlap, so the script that rolled it can finish.
    expect(await keyWorks(made.secret)).toBe(true);
  });
});

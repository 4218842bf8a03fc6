// Authentication is remembered for a few seconds (README: "Edge: authentication, request
// IDs, limits, headers, metrics"): a key in steady use costs no SQL to authenticate, and
// still a revoked key or a DISABLED integration's token stops working within 5 s on every
// instance: at once where the change was made, through Redis on the others, and by the
// verdicts' lifetime (AUTH_CACHE_TTL_MS, 4 s) where no message arrives.
import { afterAll, describe, expect, inject } from 'vitest';
import { createDatabase } from './support/databases.ts';
import { eventually } from './support/directory.ts';
import { type Caller, type Org, execute, graphql, it, mutateOk, send, testOrg } from './support/kit.ts';
import { bearer, obtainToken, setIntegrationStatus } from './support/oauth.ts';
import { type ServerProcess, startServer } from './support/process.ts';

const storage = inject('storage');
const REDIS_URL = 'redis://127.0.0.1:6379';
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

const VIEWER = graphql(`
  query CredentialCacheViewer {
    viewer {
      organization {
        id
      }
    }
  }
`);
const GENERATE = graphql(`
  mutation CredentialCacheGenerate($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      apiKey {
        id
      }
      secret
      userErrors {
        code
        field
        message
      }
    }
  }
`);
const REVOKE = graphql(`
  mutation CredentialCacheRevoke($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        revokedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** The HTTP status of a `viewer` call: 200 while the credential holds, 401 once it does not. */
async function viewerStatus(caller: Caller): Promise<number> {
  const answer = await send(caller, VIEWER);
  expect([200, 401], answer.text).toContain(answer.status);
  return answer.status;
}

/** Milliseconds until the caller is refused, polling every 100 ms; fails after `withinMs`. */
async function refusedWithin(caller: Caller, withinMs: number): Promise<number> {
  const started = Date.now();
  await eventually(
    `the credential to be refused within ${withinMs} ms`,
    async () => ((await viewerStatus(caller)) === 401 ? true : undefined),
    withinMs,
    100,
  );
  return Date.now() - started;
}

/** A second API key of the organization, for revoking (the organization's own key makes the calls). */
async function spareKey(org: Org, server?: string): Promise<{ id: string; caller: (graphqlUrl?: string) => Caller }> {
  const { apiKey, secret } = await mutateOk(org, GENERATE, { name: 'Spare' });
  return { id: apiKey.id, caller: (graphqlUrl = server) => ({ apiKey: secret, ...(graphqlUrl ? { graphqlUrl } : {}) }) };
}

describe('on one server', () => {
  it('a key in steady use costs no SQL statement to authenticate', async ({ org }) => {
    await execute(org, VIEWER); // its first request looks it up
    for (let i = 0; i < 5; i++) {
      const answer = await send(org, VIEWER);
      expect(answer.extensions?.sqlStatements, answer.text).toBe(0);
    }
  });

  it('a revoked key and a DISABLED integration token stop at once, though both were just used', async ({ org }) => {
    const spare = await spareKey(org);
    expect(await viewerStatus(spare.caller())).toBe(200);
    await mutateOk(org, REVOKE, { id: spare.id });
    expect(await viewerStatus(spare.caller())).toBe(401);

    const client = await org.oidcClient();
    const token = bearer(await obtainToken(client));
    expect(await viewerStatus(token)).toBe(200);
    await setIntegrationStatus(org, client.integrationId, 'DISABLED');
    expect(await viewerStatus(token)).toBe(401);
    // And it is not remembered as refused: enabled again, the token holds again.
    await setIntegrationStatus(org, client.integrationId, 'ACTIVE');
    expect(await viewerStatus(token)).toBe(200);
  });
});

// PostgreSQL only: two server processes on one database (PGlite serves one process per data directory).
describe.runIf(storage === 'postgres')('on several instances of one PostgreSQL database', () => {
  async function serve(env: Record<string, string>): Promise<ServerProcess> {
    const server = await startServer(env);
    cleanups.push(() => server.stop('SIGKILL'));
    return server;
  }

  async function instances(settings: Record<string, string>[]) {
    const database = await createDatabase(process.env.TEST_DATABASE_URL!, 'integrations_auth_cache');
    cleanups.push(database.drop);
    const env = { DATABASE_URL: database.url };
    const servers = [];
    for (const extra of settings) servers.push(await serve({ ...env, ...extra }));
    const org = await testOrg({ name: 'Instances', server: { storageEnv: env, graphqlUrl: `${servers[0].url}/graphql` } });
    return { servers, org, urls: servers.map((s) => `${s.url}/graphql`) };
  }

  it('without Redis, a key revoked on A and a token disabled on A stop on B within 5 s', { timeout: 180_000 }, async () => {
    const {
      org,
      urls: [, onB],
    } = await instances([{}, {}]);
    const spare = await spareKey(org);
    expect(await viewerStatus(spare.caller(onB))).toBe(200); // remembered on B
    await mutateOk(org, REVOKE, { id: spare.id });
    await refusedWithin(spare.caller(onB), 5000);

    const client = await org.oidcClient();
    const token = bearer(await obtainToken(client, {}, { baseUrl: new URL(onB).origin }), onB);
    expect(await viewerStatus(token)).toBe(200);
    await setIntegrationStatus(org, client.integrationId, 'DISABLED');
    await refusedWithin(token, 5000);
  });

  it('with Redis, B drops a revoked key at once, even when it keeps verdicts for a minute', { timeout: 180_000 }, async () => {
    // A and B share Redis; C keeps verdicts a minute and hears nothing: it shows what B would do without Redis.
    const long = { AUTH_CACHE_TTL_MS: '60000' };
    const {
      org,
      urls: [, onB, onC],
    } = await instances([{ REDIS_URL, ...long }, { REDIS_URL, ...long }, long]);
    const spare = await spareKey(org);
    expect(await viewerStatus(spare.caller(onB))).toBe(200);
    expect(await viewerStatus(spare.caller(onC))).toBe(200);
    await mutateOk(org, REVOKE, { id: spare.id });
    await refusedWithin(spare.caller(onB), 2000);
    expect(await viewerStatus(spare.caller(onC)), 'C, without Redis, still remembers the key').toBe(200);
  });
});

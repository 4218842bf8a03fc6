// `npm run admin -- rotate-encryption-key` (README: "Rotating the encryption key"): stored
// credentials of every kind (a directory's API token, a webhook endpoint's signing secret,
// the OAuth signing key) re-encrypted under NEW_ENCRYPTION_KEY, on a server of this file's
// own: with it running, then restarted on the new key (the credentials still work; on the
// old key they no longer open), again with it stopped, and refusals that change nothing.
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOktaIntegration, startSync, waitForSync } from './support/directory.ts';
import { TEST_ENCRYPTION_KEY } from './support/env.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import { type Org, execute, graphql, jsonObject, mutateOk, present, testOrg } from './support/kit.ts';
import { bearer, obtainToken, parseJson } from './support/oauth.ts';
import { type ServerProcess, runAdmin, startServer } from './support/process.ts';
import { type OktaStandIn, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';
import { type WebhookReceiver, startWebhookReceiver } from './support/webhook-receiver.ts';

const SLOW = 180_000;
const KEY_2 = 'b'.repeat(64);
const KEY_3 = Buffer.alloc(32, 7).toString('base64');
const SETTINGS = { SYNC_POLL_MS: '200', WEBHOOK_POLL_MS: '200' };

const CREATE_ENDPOINT = graphql(`
  mutation AdminRotateCreateEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        id
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
const VIEWER = graphql(`
  query AdminRotateViewer {
    viewer {
      organization {
        id
      }
    }
  }
`);

let isolated: IsolatedServer;
/** The server now running on the isolated storage (restarted with other keys by the tests). */
let server: ServerProcess | undefined;
let okta: OktaStandIn;
let receiver: WebhookReceiver;
let org: Org;
let integrationId: string;
let webhookSecret: string;
let oidc: Awaited<ReturnType<Org['oidcClient']>>;

const rotate = (env: Record<string, string>, ...args: string[]) => runAdmin(['rotate-encryption-key', ...args], { ...isolated.storageEnv, ...env });

/** Every encrypted column as stored, to tell whether a run changed anything. */
async function stored(): Promise<string> {
  const client = isolated.database();
  await client.connect();
  try {
    const rows = [];
    for (const sql of [
      'SELECT "id", "secrets"::text FROM "Integration" ORDER BY "id"',
      'SELECT "id", "secret", "previousSecret" FROM "WebhookEndpoint" ORDER BY "id"',
      'SELECT "id", "privateKey" FROM "SigningKey" ORDER BY "id"',
    ])
      rows.push(await client.query(sql));
    return JSON.stringify(rows.map((r) => r.rows));
  } finally {
    await client.end();
  }
}

async function restartWith(key: string | undefined) {
  const port = server?.port ?? isolated.server.port;
  await (server ?? isolated.server).stop('SIGTERM');
  server = key === undefined ? undefined : await startServer({ ...isolated.storageEnv, ...SETTINGS, ENCRYPTION_KEY: key, PORT: String(port) });
}

/** What a server on `key` can do with the stored credentials: a sync authenticated at Okta, a verifiable webhook, an OAuth token. */
async function credentialsWork() {
  const before = okta.authorizations.length;
  const sync = present((await startSync(org, integrationId)).sync);
  expect((await waitForSync(org, sync.id)).status).toBe('SUCCEEDED');
  expect(okta.authorizations.slice(before)).toContain(`SSWS ${okta.token}`);
  const key = await runAdmin(['create-api-key', '--org', org.id, '--name', `Rotated ${Date.now()}`, '--json'], isolated.storageEnv);
  expect(key.code, key.stderr).toBe(0);
  const keyId = String(jsonObject(jsonObject(parseJson(key.stdout)).apiKey).id);
  const [hook] = await receiver.waitFor((h) => h.payload.type === 'api_key.created' && h.payload.data.id === keyId);
  expect(() => new Webhook(webhookSecret).verify(hook.body, hook.headers)).not.toThrow();
  const token = await obtainToken(oidc, {}, { baseUrl: present(server).url });
  expect((await execute(bearer(token, org.graphqlUrl), VIEWER)).viewer.organization.id).toBe(org.id);
}

beforeAll(async () => {
  okta = await startOktaStandIn({ users: oktaUsers(30) });
  receiver = await startWebhookReceiver();
  isolated = await startIsolatedServer(SETTINGS);
  org = await testOrg({ name: 'Admin Rotate', server: { storageEnv: isolated.storageEnv, graphqlUrl: isolated.graphqlUrl } });
  const made = await createOktaIntegration(org, okta);
  integrationId = made.id;
  expect((await waitForSync(org, made.firstSync.id)).status).toBe('SUCCEEDED');
  webhookSecret = (await mutateOk(org, CREATE_ENDPOINT, { url: `${receiver.url}/rotate`, eventTypes: ['api_key.created'] })).secret;
  oidc = await org.oidcClient();
  await obtainToken(oidc, {}, { baseUrl: isolated.server.url }); // the signing key, made and stored
}, SLOW);

afterAll(async () => {
  await server?.stop('SIGKILL');
  await isolated?.stop();
  await okta?.close();
  await receiver?.close();
});

describe('refusals change nothing', () => {
  it(
    'no NEW_ENCRYPTION_KEY, a malformed one, or the current key: exit 2, one line on stderr',
    async () => {
      const before = await stored();
      const cases: [Record<string, string>, RegExp][] = [
        [{}, /^error: NEW_ENCRYPTION_KEY is not set/],
        [{ NEW_ENCRYPTION_KEY: 'abc123' }, /^error: NEW_ENCRYPTION_KEY must be 32 bytes/],
        [{ NEW_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY.toUpperCase() }, /^error: NEW_ENCRYPTION_KEY is the current key/],
      ];
      for (const [env, message] of cases) {
        const result = await rotate(env);
        expect(result.code, result.stderr).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(message);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
      }
      expect(await stored()).toBe(before);
    },
    SLOW,
  );

  it(
    'a value that does not decrypt under the current key stops the run (exit 1), and nothing changes',
    async () => {
      const before = await stored();
      const result = await rotate({ ENCRYPTION_KEY: KEY_3, NEW_ENCRYPTION_KEY: 'c'.repeat(64) });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^error: a value of integration secrets \(int_\w+\) decrypts under neither ENCRYPTION_KEY nor NEW_ENCRYPTION_KEY; nothing was changed\n$/,
      );
      expect(await stored()).toBe(before);
    },
    SLOW,
  );
});

describe('with the server running', () => {
  it(
    'rotates every kind (--json: one line), and a server restarted on the new key still uses them all; on the old key it cannot',
    async () => {
      const before = await stored();
      const result = await rotate({ NEW_ENCRYPTION_KEY: KEY_2 }, '--json');
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.trim().split('\n')).toHaveLength(1);
      const { kinds } = parseJson(result.stdout) as { kinds: { kind: string; rotated: number; already: number }[] };
      const count = (kind: string) => kinds.find((k) => k.kind === kind);
      expect(count('integration secrets')).toEqual({ kind: 'integration secrets', rotated: 1, already: 0 });
      expect(count('webhook endpoint secrets')).toEqual({ kind: 'webhook endpoint secrets', rotated: 1, already: 0 });
      expect(count('OAuth signing keys')?.rotated).toBeGreaterThanOrEqual(1);
      expect(result.stderr).toMatch(/set ENCRYPTION_KEY to the new key on every server instance and restart them/);
      expect(await stored()).not.toBe(before);

      // Safe to run again: everything is already under the new key.
      const again = await rotate({ NEW_ENCRYPTION_KEY: KEY_2 });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/integration secrets: 0 re-encrypted, 1 already under the new key/);
      expect(again.stdout).toMatch(/webhook endpoint secrets: 0 re-encrypted, 1 already under the new key/);

      await restartWith(KEY_2);
      await credentialsWork();

      // On the old key, the stored API token no longer opens: the sync fails.
      await restartWith(TEST_ENCRYPTION_KEY);
      const sync = present((await startSync(org, integrationId)).sync);
      expect((await waitForSync(org, sync.id)).status).toBe('FAILED');
    },
    SLOW,
  );
});

describe('with the server stopped', () => {
  it(
    'rotates again to a third key, and a server started on it uses the credentials',
    async () => {
      await restartWith(undefined);
      const result = await rotate({ ENCRYPTION_KEY: KEY_2, NEW_ENCRYPTION_KEY: KEY_3 });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/integration secrets: 1 re-encrypted, 0 already under the new key/);
      expect(result.stdout).toMatch(/webhook endpoint secrets: 1 re-encrypted/);
      await restartWith(KEY_3);
      await credentialsWork();
    },
    SLOW,
  );
});

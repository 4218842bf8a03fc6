// Secrets never enter events, deliveries, the audit log or logs (contract 6.4.4): a
// server of the file's own, logging at trace, is given every kind of secret this server
// knows (API keys, client secrets and the access tokens they obtain, webhook secrets and
// their rotation, directory credentials as created and as replaced, onboarding links'
// tokens, the encryption key); every event is delivered to a receiver; then every row of
// Event, WebhookDelivery and AuditLogEntry, everything the receiver got, and every line
// the server logged are searched for each of them.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createEntraIntegration, createOktaIntegration, eventually, waitForSync } from './support/directory.ts';
import { TEST_ENCRYPTION_KEY } from './support/env.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import { type Org, execute, graphql, it, mutateOk, testOrg } from './support/kit.ts';
import { obtainToken } from './support/oauth.ts';
import { type GraphStandIn, graphUsers, startGraphStandIn } from './support/standins/microsoft-graph.ts';
import { type OktaStandIn, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';
import { type WebhookReceiver, startWebhookReceiver } from './support/webhook-receiver.ts';

const CREATE_ENDPOINT = graphql(`
  mutation SecretsScanCreateEndpoint($input: CreateWebhookEndpointInput!) {
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
const ROTATE = graphql(`
  mutation SecretsScanRotate($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
      secret
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const GENERATE_KEY = graphql(`
  mutation SecretsScanGenerateKey($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      secret
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const CLIENT_SECRET = graphql(`
  mutation SecretsScanClientSecret($input: GenerateClientSecretInput!) {
    generateClientSecret(input: $input) {
      clientSecret
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const UPDATE_INTEGRATION = graphql(`
  mutation SecretsScanUpdateIntegration($input: UpdateIntegrationInput!) {
    updateIntegration(input: $input) {
      integration {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const SESSION_URL = graphql(`
  query SecretsScanSession($id: ID!) {
    onboardingSession(id: $id) {
      onboardingUrl
    }
  }
`);
const PENDING = graphql(`
  query SecretsScanPending($id: ID!) {
    webhookEndpoint(id: $id) {
      deliveries(first: 100) {
        totalCount
        edges {
          node {
            status
          }
        }
      }
    }
  }
`);

let server: IsolatedServer;
let receiver: WebhookReceiver;
let okta: OktaStandIn;
let entra: GraphStandIn;
let org: Org;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  okta = await startOktaStandIn({ users: oktaUsers(3), token: 'okta-scan-token-first-0000000000' });
  entra = await startGraphStandIn({ users: graphUsers(3) });
  server = await startIsolatedServer({ LOG_LEVEL: 'trace', WEBHOOK_POLL_MS: '100' });
  org = await testOrg({ name: 'Secrets scan', server: { storageEnv: server.storageEnv, graphqlUrl: server.graphqlUrl } });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await Promise.all([receiver?.close(), okta?.close(), entra?.close()]);
});

describe('secrets stay out of every record and log', { timeout: 120_000 }, () => {
  it('none of the secrets given to or minted by the server appears in events, deliveries, the audit log, webhooks or logs', async () => {
    const secrets: string[] = [org.apiKey, TEST_ENCRYPTION_KEY];
    const endpoint = await mutateOk(org, CREATE_ENDPOINT, { url: `${receiver.url}/scan` });
    secrets.push(endpoint.secret);
    secrets.push((await mutateOk(org, ROTATE, { id: endpoint.endpoint.id, previousSecretExpiresInSeconds: 60 })).secret);
    secrets.push((await mutateOk(org, GENERATE_KEY, { name: 'Scanned key' })).secret);
    const oidc = await org.oidcClient({ name: 'Scanned OIDC' });
    secrets.push(oidc.clientSecret);
    const replaced = (await mutateOk(org, CLIENT_SECRET, { integrationId: oidc.integrationId })).clientSecret;
    secrets.push(replaced);
    secrets.push(await obtainToken({ ...oidc, clientSecret: replaced }, {}, { baseUrl: server.server.url }));

    const directory = await createOktaIntegration(org, okta, { name: 'Scanned Okta' });
    await waitForSync(org, directory.firstSync.id);
    secrets.push(okta.token);
    await mutateOk(org, UPDATE_INTEGRATION, { id: directory.id, config: { apiToken: 'okta-scan-token-second-000000000' } });
    secrets.push('okta-scan-token-second-000000000');
    const graph = await createEntraIntegration(org, entra, { name: 'Scanned Entra' });
    await waitForSync(org, graph.firstSync.id);
    secrets.push(entra.clientSecret);

    const session = await org.session({ externalUserId: 'scanned' });
    const url = new URL(String((await execute(org, SESSION_URL, { id: session.id })).onboardingSession?.onboardingUrl));
    secrets.push(url.searchParams.get('token')!);
    expect(secrets.every((secret) => typeof secret === 'string' && secret.length >= 16)).toBe(true);

    // Every event delivered before looking.
    await eventually('every delivery settled', async () => {
      const deliveries = (await execute(org, PENDING, { id: endpoint.endpoint.id })).webhookEndpoint!.deliveries;
      return deliveries.totalCount > 10 && deliveries.edges.every((e) => e.node.status === 'DELIVERED') ? deliveries : undefined;
    });

    const db = server.database();
    await db.connect();
    let stored: string;
    try {
      const rows = await Promise.all(
        ['Event', 'WebhookDelivery', 'AuditLogEntry'].map(async (table) =>
          (await db.query(`SELECT t::text AS row FROM "${table}" t`)).rows.map((r) => r.row as string),
        ),
      );
      expect(rows.map((r) => r.length).every((n) => n > 0)).toBe(true);
      stored = rows.flat().join('\n');
    } finally {
      await db.end();
    }
    const webhooks = receiver.received
      .map((hook) => `${hook.body}\n${JSON.stringify({ ...hook.headers, 'webhook-signature': undefined })}`)
      .join('\n');
    const logs = server.server.output();
    expect(logs.length).toBeGreaterThan(1000);
    for (const [where, text] of Object.entries({ stored, webhooks, logs })) {
      for (const secret of secrets) expect(text.includes(secret), `a secret (${secret.slice(0, 6)}…) in ${where}`).toBe(false);
    }
  });
});

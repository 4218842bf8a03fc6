// Webhooks (README: "Events and webhooks"): endpoints made, changed and removed through
// the API; deliveries to a real receiver on loopback, signed as Standard Webhooks says and
// verified here with the `standardwebhooks` package, as a receiver would; retries (500,
// 500, 200), giving up, disabled endpoints, secret rotation with both signatures, test
// events and redelivery, a delivery that survives SIGKILL, and every new query and
// mutation held to the caller's organization. A server of the file's own, with short
// retry delays.
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { eventually } from './support/directory.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import { startServer } from './support/process.ts';
import { type Caller, type Org, errors, execute, graphql, it, mutate, mutateOk, nodes, refused, same, send, testOrg } from './support/kit.ts';
import { bearer, obtainToken } from './support/oauth.ts';
import { type ReceivedWebhook, type WebhookReceiver, startWebhookReceiver } from './support/webhook-receiver.ts';

const CREATE = graphql(`
  mutation WebhooksCreate($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
        id
        url
        description
        eventTypes
        enabled
        createdAt
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
const UPDATE = graphql(`
  mutation WebhooksUpdate($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      endpoint {
        id
        url
        eventTypes
        enabled
        description
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const DELETE = graphql(`
  mutation WebhooksDelete($input: DeleteWebhookEndpointInput!) {
    deleteWebhookEndpoint(input: $input) {
      deletedWebhookEndpointId
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const ROTATE = graphql(`
  mutation WebhooksRotate($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
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
const TEST = graphql(`
  mutation WebhooksTest($input: SendTestWebhookInput!) {
    sendTestWebhook(input: $input) {
      delivery {
        id
        status
        event {
          id
          type
        }
        endpoint {
          id
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
const REDELIVER = graphql(`
  mutation WebhooksRedeliver($input: RedeliverWebhookEventInput!) {
    redeliverWebhookEvent(input: $input) {
      delivery {
        id
        status
        event {
          id
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
const ENDPOINT = graphql(`
  query WebhooksEndpoint($id: ID!) {
    webhookEndpoint(id: $id) {
      id
      url
      enabled
      deliveries(first: 50) {
        totalCount
        edges {
          node {
            id
            status
            attempts
            lastResponseStatus
            lastError
            nextAttemptAt
            deliveredAt
            createdAt
            event {
              id
              type
            }
          }
        }
      }
    }
  }
`);
const ENDPOINTS = graphql(`
  query WebhooksEndpoints {
    webhookEndpoints(first: 50) {
      totalCount
      edges {
        node {
          id
        }
      }
    }
  }
`);
const EVENTS = graphql(`
  query WebhooksEvents($filter: EventFilter) {
    events(first: 50, filter: $filter) {
      edges {
        node {
          id
          type
          occurredAt
          data
        }
      }
    }
  }
`);
const MAKE_KEY = graphql(`
  mutation WebhooksMakeKey($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      apiKey {
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

const UNKNOWN_ENDPOINT = `whe_01j${'0'.repeat(23)}`;
const UNKNOWN_EVENT = `evt_01j${'0'.repeat(23)}`;

const SETTINGS = {
  WEBHOOK_RETRY_SCHEDULE_SECONDS: '0.3,0.3',
  WEBHOOK_POLL_MS: '100',
  WEBHOOK_LEASE_MS: '3000',
  WEBHOOK_TIMEOUT_MS: '2000',
  METRICS_TOKEN: 'webhook-metrics-token',
  LOG_LEVEL: 'info',
};

let server: IsolatedServer;
let receiver: WebhookReceiver;
let acme: Org;
let other: Org;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  server = await startIsolatedServer(SETTINGS);
  const on = { server: { storageEnv: server.storageEnv, graphqlUrl: server.graphqlUrl } };
  acme = await testOrg({ name: 'Webhooks Acme', ...on });
  other = await testOrg({ name: 'Webhooks Other', ...on });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

/** A new endpoint at its own path of the receiver; its secret. */
async function endpoint(org: Caller, path: string, input: { eventTypes?: string[]; description?: string } = {}) {
  const created = await mutateOk(org, CREATE, { url: `${receiver.url}/${path}`, ...input });
  expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  return { id: created.endpoint.id, secret: created.secret, url: created.endpoint.url };
}

/** Webhooks received at `/path`. */
function receivedAt(path: string, type?: string) {
  return receiver.received.filter((hook) => hook.path === `/${path}` && (!type || hook.payload.type === type));
}

async function apiKeyEvent(org: Org, name: string): Promise<string> {
  const { apiKey } = await mutateOk(org, MAKE_KEY, { name });
  const events = nodes((await execute(org, EVENTS, { filter: { types: ['api_key.created'] } })).events);
  const event = events.find((e) => (e.data as { id: string }).id === apiKey.id);
  expect(event, 'the api_key.created event of the new key').toBeDefined();
  return event!.id;
}

async function deliveriesOf(org: Caller, endpointId: string) {
  const found = (await execute(org, ENDPOINT, { id: endpointId })).webhookEndpoint;
  expect(found).not.toBeNull();
  return nodes(found!.deliveries);
}

describe('endpoints', () => {
  it('creates an endpoint with a whsec_ secret shown once, lists and updates it; bad input changes nothing', async () => {
    const made = await endpoint(acme, 'crud', { eventTypes: ['integration.created'], description: '  CRM  ' });
    const listed = nodes((await execute(acme, ENDPOINTS)).webhookEndpoints).map((e) => e.id);
    expect(listed).toContain(made.id);
    const updated = await mutateOk(acme, UPDATE, { id: made.id, eventTypes: [], description: 'CRM sync', enabled: false });
    expect(updated.endpoint).toMatchObject({ eventTypes: [], enabled: false, description: 'CRM sync', url: `${receiver.url}/crud` });

    refused(await mutate(acme, CREATE, { url: receiver.url, eventTypes: ['integration.created', 'no.such.type'] }), 'INVALID', [
      'input',
      'eventTypes',
      '1',
    ]);
    refused(await mutate(acme, UPDATE, { id: made.id, eventTypes: ['nope'] }), 'INVALID', ['input', 'eventTypes', '0']);
    refused(await mutate(acme, CREATE, { url: 'ftp://example.com/hook' }), 'INVALID', ['input', 'url']);
    refused(await mutate(acme, CREATE, { url: 'https://user:pw@example.com/hook' }), 'INVALID', ['input', 'url']);
    refused(await mutate(acme, ROTATE, { id: made.id, previousSecretExpiresInSeconds: 604_801 }), 'INVALID', [
      'input',
      'previousSecretExpiresInSeconds',
    ]);
    refused(await mutate(acme, ROTATE, { id: made.id, previousSecretExpiresInSeconds: -1 }), 'INVALID', ['input', 'previousSecretExpiresInSeconds']);
    const after = (await execute(acme, ENDPOINT, { id: made.id })).webhookEndpoint;
    expect(after).toMatchObject({ enabled: false });

    expect((await mutateOk(acme, DELETE, { id: made.id })).deletedWebhookEndpointId).toBe(made.id);
    expect((await execute(acme, ENDPOINT, { id: made.id })).webhookEndpoint).toBeNull();
    refused(await mutate(acme, DELETE, { id: made.id }), 'NOT_FOUND', ['input', 'id']);
  });

  it("another organization's endpoints and events are not found, exactly like unknown ones", async () => {
    const theirs = await endpoint(other, 'theirs');
    const theirEvent = await apiKeyEvent(other, 'Their key');
    const mine = await endpoint(acme, 'mine');
    const myEvent = await apiKeyEvent(acme, 'My key');
    await same(async (id) => (await execute(acme, ENDPOINT, { id })).webhookEndpoint, theirs.id, UNKNOWN_ENDPOINT);
    const notFound = (field: string[]) => (result: Parameters<typeof refused>[0]) => refused(result, 'NOT_FOUND', field);
    await same(async (id) => notFound(['input', 'id'])(await mutate(acme, UPDATE, { id, enabled: false })), theirs.id, UNKNOWN_ENDPOINT);
    await same(async (id) => notFound(['input', 'id'])(await mutate(acme, DELETE, { id })), theirs.id, UNKNOWN_ENDPOINT);
    await same(async (id) => notFound(['input', 'id'])(await mutate(acme, ROTATE, { id })), theirs.id, UNKNOWN_ENDPOINT);
    await same(async (id) => notFound(['input', 'endpointId'])(await mutate(acme, TEST, { endpointId: id })), theirs.id, UNKNOWN_ENDPOINT);
    await same(
      async (id) => notFound(['input', 'endpointId'])(await mutate(acme, REDELIVER, { endpointId: id, eventId: myEvent })),
      theirs.id,
      UNKNOWN_ENDPOINT,
    );
    await same(
      async (id) => notFound(['input', 'eventId'])(await mutate(acme, REDELIVER, { endpointId: mine.id, eventId: id })),
      theirEvent,
      UNKNOWN_EVENT,
    );
    const mineListed = nodes((await execute(acme, ENDPOINTS)).webhookEndpoints).map((e) => e.id);
    expect(mineListed).not.toContain(theirs.id);
    const myEvents = nodes((await execute(acme, EVENTS, {})).events).map((e) => e.id);
    expect(myEvents).not.toContain(theirEvent);
    // Theirs still works for them.
    expect((await execute(other, ENDPOINT, { id: theirs.id })).webhookEndpoint?.enabled).toBe(true);
    await mutateOk(acme, DELETE, { id: mine.id });
    await mutateOk(other, DELETE, { id: theirs.id });
  });

  it('an OAuth access token reads endpoints but may not manage them (FORBIDDEN)', async () => {
    const oidc = await acme.oidcClient();
    const token = bearer(await obtainToken(oidc, {}, { baseUrl: server.server.url }), server.graphqlUrl);
    expect((await send(token, ENDPOINTS)).errors).toBeUndefined();
    await errors(send(token, CREATE, { input: { url: `${receiver.url}/oauth` } }), 'FORBIDDEN');
  });
});

describe('deliveries', () => {
  it('signs each delivery as Standard Webhooks says: the standardwebhooks package verifies it, webhook-id is the event ID', async () => {
    const hook = await endpoint(acme, 'signed', { eventTypes: ['api_key.created'] });
    const eventId = await apiKeyEvent(acme, 'Signed key');
    const [got] = await receiver.waitFor((h) => h.path === '/signed' && h.id === eventId);
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(Math.abs(Number(got.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const verified = new Webhook(hook.secret).verify(got.body, got.headers) as ReceivedWebhook['payload'];
    expect(verified.type).toBe('api_key.created');
    expect(new Date(verified.timestamp).toISOString()).toBe(verified.timestamp);
    expect(verified.data).toMatchObject({ name: 'Signed key' });
    // Tampered, it does not verify.
    expect(() => new Webhook(hook.secret).verify(got.body.replace('Signed key', 'Other key'), got.headers)).toThrow();
    const [delivery] = await eventually('the delivery DELIVERED', async () => {
      const list = await deliveriesOf(acme, hook.id);
      return list[0]?.status === 'DELIVERED' ? list : undefined;
    });
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 1, lastResponseStatus: 200, lastError: null, nextAttemptAt: null });
    expect(delivery.event).toEqual({ id: eventId, type: 'api_key.created' });
    await mutateOk(acme, DELETE, { id: hook.id });
  });

  it('retries with the same webhook-id: 500, 500, then 200 is DELIVERED after 3 attempts', async () => {
    const hook = await endpoint(acme, 'retry', { eventTypes: ['api_key.created'] });
    receiver.answerNext(500, 500);
    const eventId = await apiKeyEvent(acme, 'Retried key');
    const attempts = await receiver.waitFor((h) => h.path === '/retry', 3);
    expect(attempts.map((a) => a.id)).toEqual([eventId, eventId, eventId]);
    const delivery = await eventually('DELIVERED', async () => (await deliveriesOf(acme, hook.id)).find((d) => d.status === 'DELIVERED'));
    expect(delivery).toMatchObject({ attempts: 3, lastResponseStatus: 200, lastError: null });
    expect(delivery.deliveredAt).not.toBeNull();
    await mutateOk(acme, DELETE, { id: hook.id });
  });

  it('gives up after the last retry: FAILED, with the status and at most 200 characters of what the receiver said', async () => {
    const hook = await endpoint(acme, 'give-up', { eventTypes: ['api_key.created'] });
    receiver.answerNext(503, 503, 503);
    await apiKeyEvent(acme, 'Doomed key');
    await receiver.waitFor((h) => h.path === '/give-up', 3);
    const delivery = await eventually('FAILED', async () => (await deliveriesOf(acme, hook.id)).find((d) => d.status === 'FAILED'));
    expect(delivery).toMatchObject({ attempts: 3, lastResponseStatus: 503, nextAttemptAt: null, deliveredAt: null });
    expect(delivery.lastError).toMatch(/^HTTP 503: receiver says no/);
    expect(delivery.lastError!.length).toBeLessThanOrEqual(200);
    // No fourth attempt.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receivedAt('give-up')).toHaveLength(3);
    await mutateOk(acme, DELETE, { id: hook.id });
  });

  it('a disabled endpoint gets nothing; an endpoint gets only the types it asked for', async () => {
    const off = await endpoint(acme, 'disabled');
    await mutateOk(acme, UPDATE, { id: off.id, enabled: false });
    const keysOnly = await endpoint(acme, 'keys-only', { eventTypes: ['api_key.created'] });
    const everything = await endpoint(acme, 'everything');
    const workflow = await acme.workflow({ name: 'Webhook filter flow' });
    const eventId = await apiKeyEvent(acme, 'Filtered key');
    await receiver.waitFor((h) => h.path === '/everything' && h.id === eventId);
    await receiver.waitFor((h) => h.path === '/keys-only' && h.id === eventId);
    await acme.apiIntegration({ name: 'Webhook filter API', workflowId: workflow.id });
    await receiver.waitFor((h) => h.path === '/everything' && h.payload.type === 'integration.created');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(receivedAt('keys-only').map((h) => h.payload.type)).toEqual(['api_key.created']);
    expect(receivedAt('disabled')).toEqual([]);
    expect(await deliveriesOf(acme, off.id)).toEqual([]);
    refused(await mutate(acme, TEST, { endpointId: off.id }), 'WEBHOOK_ENDPOINT_DISABLED', ['input', 'endpointId']);
    for (const id of [off.id, keysOnly.id, everything.id]) await mutateOk(acme, DELETE, { id });
  });

  it('rotating the secret signs with both until the old one expires; with no overlap only the new one verifies', async () => {
    const hook = await endpoint(acme, 'rotate', { eventTypes: ['webhook.test'] });
    const rotated = await mutateOk(acme, ROTATE, { id: hook.id, previousSecretExpiresInSeconds: 3600 });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);
    const first = (await mutateOk(acme, TEST, { endpointId: hook.id })).delivery;
    const [both] = await receiver.waitFor((h) => h.path === '/rotate' && h.id === first.event.id);
    expect(both.signature.split(' ')).toHaveLength(2);
    expect(() => new Webhook(hook.secret).verify(both.body, both.headers)).not.toThrow();
    expect(() => new Webhook(rotated.secret).verify(both.body, both.headers)).not.toThrow();

    const again = await mutateOk(acme, ROTATE, { id: hook.id, previousSecretExpiresInSeconds: 0 });
    const second = (await mutateOk(acme, TEST, { endpointId: hook.id })).delivery;
    const [one] = await receiver.waitFor((h) => h.path === '/rotate' && h.id === second.event.id);
    expect(one.signature.split(' ')).toHaveLength(1);
    expect(() => new Webhook(again.secret).verify(one.body, one.headers)).not.toThrow();
    expect(() => new Webhook(rotated.secret).verify(one.body, one.headers)).toThrow();
    await mutateOk(acme, DELETE, { id: hook.id });
  });

  it('sendTestWebhook reaches that endpoint only; redeliverWebhookEvent sends an event again with the same webhook-id', async () => {
    const target = await endpoint(acme, 'test-target');
    const bystander = await endpoint(acme, 'test-bystander');
    const sent = (await mutateOk(acme, TEST, { endpointId: target.id })).delivery;
    expect(sent).toMatchObject({ status: 'PENDING', event: { type: 'webhook.test' }, endpoint: { id: target.id } });
    const [got] = await receiver.waitFor((h) => h.path === '/test-target' && h.payload.type === 'webhook.test');
    expect(got.id).toBe(sent.event.id);
    const again = (await mutateOk(acme, REDELIVER, { endpointId: target.id, eventId: sent.event.id })).delivery;
    expect(again.id).not.toBe(sent.id);
    expect(again.event.id).toBe(sent.event.id);
    await receiver.waitFor((h) => h.path === '/test-target' && h.id === sent.event.id, 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receivedAt('test-bystander', 'webhook.test')).toEqual([]);
    for (const id of [target.id, bystander.id]) await mutateOk(acme, DELETE, { id });
  });

  it('a delivery in flight when its server is killed (SIGKILL) is sent again after the restart, with the same webhook-id', async () => {
    const hook = await endpoint(acme, 'durable', { eventTypes: ['webhook.test'] });
    receiver.hangNext(1);
    const sent = (await mutateOk(acme, TEST, { endpointId: hook.id })).delivery;
    await receiver.waitFor((h) => h.path === '/durable' && h.id === sent.event.id);
    await server.restart();
    const hooks = await receiver.waitFor((h) => h.path === '/durable' && h.id === sent.event.id, 2, 60_000);
    expect(new Set(hooks.map((h) => h.id))).toEqual(new Set([sent.event.id]));
    const delivery = await eventually('DELIVERED after the restart', async () =>
      (await deliveriesOf(acme, hook.id)).find((d) => d.status === 'DELIVERED'),
    );
    expect(delivery.attempts).toBe(2);
    await mutateOk(acme, DELETE, { id: hook.id });
  });

  it('a delivery claimed again after its last attempt ended with its sender gone is given up, not sent again', async () => {
    const hook = await endpoint(acme, 'poison', { eventTypes: ['webhook.test'] });
    receiver.hangNext(1);
    const sent = (await mutateOk(acme, TEST, { endpointId: hook.id })).delivery;
    await receiver.waitFor((h) => h.path === '/poison' && h.id === sent.event.id);
    // As if every attempt of the schedule (1 + 2 retries) had ended with its server killed mid-send.
    const db = server.database();
    await db.connect();
    try {
      await db.query(
        `UPDATE "WebhookDelivery" SET "attempts" = 3, "leaseOwner" = 'gone', "leaseExpiresAt" = now() - interval '1 second' WHERE id = $1`,
        [sent.id],
      );
    } finally {
      await db.end();
    }
    const delivery = await eventually('FAILED', async () => (await deliveriesOf(acme, hook.id)).find((d) => d.status === 'FAILED'));
    expect(delivery).toMatchObject({ attempts: 4, nextAttemptAt: null, lastResponseStatus: null });
    expect(delivery.lastError).toMatch(/^given up/);
    expect(receivedAt('poison')).toHaveLength(1);
    await mutateOk(acme, DELETE, { id: hook.id });
  });

  it('/metrics counts delivery attempts by outcome and their latency', async () => {
    const response = await fetch(`${server.server.url}/metrics`, { headers: { authorization: 'Bearer webhook-metrics-token' } });
    const text = await response.text();
    expect(text).toMatch(/^webhook_delivery_attempts_total\{outcome="delivered"\} [1-9]/m);
    expect(text).toMatch(/^webhook_delivery_duration_seconds_count [1-9]/m);
  });
});

// PostgreSQL only: two server processes on one database (PGlite serves one process per data directory).
describe.runIf(inject('storage') === 'postgres')('on two server instances of one PostgreSQL database', { timeout: 120_000 }, () => {
  it('deliveries are spread over both instances, each event delivered, none twice', async () => {
    const second = await startServer({ ...server.storageEnv, ...SETTINGS });
    try {
      const hook = await endpoint(acme, 'spread', { eventTypes: ['api_key.created'] });
      receiver.delayMs = 150;
      const eventIds = [];
      for (let i = 0; i < 24; i++) eventIds.push(await apiKeyEvent(acme, `Spread key ${i}`));
      const got = await receiver.waitFor((h) => h.path === '/spread', eventIds.length, 60_000);
      expect(new Set(got.map((h) => h.id))).toEqual(new Set(eventIds));
      await eventually('every delivery DELIVERED', async () => {
        const list = await deliveriesOf(acme, hook.id);
        return list.length === eventIds.length && list.every((d) => d.status === 'DELIVERED') ? list : undefined;
      });
      expect(receivedAt('spread')).toHaveLength(eventIds.length);
      const attempts = (output: string) =>
        output.split('\n').filter((line) => line.includes('webhook delivery attempt') && line.includes(hook.id)).length;
      const [one, two] = [attempts(server.server.output()), attempts(second.output())];
      expect(one + two).toBe(eventIds.length);
      expect(one, 'the first instance delivered some').toBeGreaterThan(0);
      expect(two, 'the second instance delivered some').toBeGreaterThan(0);
      await mutateOk(acme, DELETE, { id: hook.id });
    } finally {
      receiver.delayMs = 0;
      await second.stop('SIGTERM');
    }
  });
});

// The partner example scripts (examples/*.ts, README: "Partner examples") run as a partner
// runs them, as child processes configured only by their environment, against the suite's
// server: their exit codes and output, and what they did, read back through the API.
// Their outside world is on loopback: an Okta stand-in, and the webhook receiver the
// receive-webhooks example starts itself.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLClient } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Sdk, getSdk } from '../client/sdk.ts';
import { type TestOrg, createOrg, graphqlUrl } from './support/api.ts';
import { eventually } from './support/directory.ts';
import { ROOT, freePort } from './support/process.ts';
import { oktaUsers, startOktaStandIn } from './support/standins/okta.ts';

// Generous: each run starts Node with the tsx loader (seconds on a busy machine), and a
// webhook waits for the delivery worker's next poll. A test runs several scripts in turn.
const DEADLINE_MS = 60_000;
const TEST_TIMEOUT = { timeout: 4 * DEADLINE_MS };

interface Example {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The first match of `pattern` in stdout, as soon as it is printed (fails at the deadline or when the script exits first). */
  printed(pattern: RegExp): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/**
 * Starts `npx tsx examples/<name>.ts` (the tsx loader in this Node, without npx's extra
 * process) with only the given settings besides PATH and HOME, so a developer's own
 * INTEGRATIONS_* variables never reach it.
 */
function startExample(name: string, settings: Record<string, string>): Example {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, INTEGRATIONS_API_URL: graphqlUrl, ...settings };
  const child = spawn(process.execPath, ['--import', 'tsx', `examples/${name}.ts`], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
  const printed = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = stdout.match(pattern);
        if (!match) return false;
        done();
        resolve(match);
        return true;
      };
      const timer = setTimeout(() => fail(`not printed within ${DEADLINE_MS} ms`), DEADLINE_MS);
      const fail = (why: string) => {
        done();
        reject(new Error(`examples/${name}.ts: ${pattern} ${why}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      };
      const onExit = () => check() || fail(`not printed before the script exited`);
      const done = () => {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        child.off('close', onExit);
      };
      if (!check()) {
        child.stdout!.on('data', check);
        child.once('close', onExit);
      }
    });
  return { child, stdout: () => stdout, stderr: () => stderr, printed, exited };
}

/** Runs an example to its end. */
function runExample(name: string, settings: Record<string, string>) {
  return startExample(name, settings).exited;
}

/** One capture of `pattern` in `text`, failing with the text when it is not there. */
function capture(text: string, pattern: RegExp): string {
  const match = text.match(pattern);
  expect(match, `${pattern} in:\n${text}`).not.toBeNull();
  return match![1];
}

/**
 * A loopback gate in front of an upstream: it holds every request until open() is called,
 * then forwards them (path, Authorization) and relays the answers. A sync behind it cannot
 * end before the test lets it, so a follower sees more than the sync's last step.
 */
async function startGate(upstream: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const server = createServer(async (request, response) => {
    await opened;
    const answer = await fetch(`${upstream}${request.url}`, { headers: { authorization: request.headers.authorization ?? '' } });
    const headers = Object.fromEntries(
      ['content-type', 'link'].flatMap((name) => (answer.headers.has(name) ? [[name, answer.headers.get(name)!]] : [])),
    );
    response.writeHead(answer.status, headers).end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    open,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let org: TestOrg;
let api: Sdk;

beforeAll(async () => {
  org = await createOrg('Examples Partner');
  api = getSdk(new GraphQLClient(graphqlUrl, { headers: { 'x-api-key': org.apiKey } }));
});

describe('examples/request-onboarding.ts', TEST_TIMEOUT, () => {
  it('makes a workflow and an API integration once, then requests a session through them on every run', async () => {
    const first = await runExample('request-onboarding', { INTEGRATIONS_API_KEY: org.apiKey, EXTERNAL_USER_ID: 'crm-7', EMAIL: 'ada@example.com' });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Created workflow wf_\S+ \(Partner example KYC, version 1\)/);
    const integrationId = capture(first.stdout, /Created integration (int_\S+) \(Partner example\)/);
    const sessionId = capture(first.stdout, /Session (ses_\S+): PENDING/);
    const onboardingUrl = capture(first.stdout, /Onboarding URL: (\S+)/);
    expect(first.stdout).toContain(`Read back ${sessionId}: PENDING`);

    const { onboardingSession } = await api.OnboardingSession({ id: sessionId });
    expect(onboardingSession).toMatchObject({
      status: 'PENDING',
      externalUserId: 'crm-7',
      email: 'ada@example.com',
      onboardingUrl,
      steps: ['DOCUMENT', 'SELFIE'],
      integration: { id: integrationId },
    });

    const second = await runExample('request-onboarding', { INTEGRATIONS_API_KEY: org.apiKey });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`Reusing integration ${integrationId}`);
    const secondSessionId = capture(second.stdout, /Session (ses_\S+): PENDING/);
    expect(secondSessionId).not.toBe(sessionId);
    expect((await api.OnboardingSession({ id: secondSessionId })).onboardingSession?.integration?.id).toBe(integrationId);
    expect((await api.Integrations({ first: 10, filter: { templateKey: 'API' } })).integrations.totalCount).toBe(1);
  });

  it('stops with a clear message and a non-zero exit on a missing setting, a wrong key or userErrors', async () => {
    const missing = await runExample('request-onboarding', {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Set INTEGRATIONS_API_KEY: /);

    const wrongKey = await runExample('request-onboarding', { INTEGRATIONS_API_KEY: 'iapi_not-a-key' });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/HTTP 401:\n {2}UNAUTHENTICATED: /);

    const unknown = await runExample('request-onboarding', {
      INTEGRATIONS_API_KEY: org.apiKey,
      INTEGRATIONS_INTEGRATION_ID: `int_01j${'0'.repeat(23)}`,
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^requestNewOnboarding was refused:\n {2}INTEGRATION_NOT_FOUND at input\.integrationId: /);
    for (const result of [missing, wrongKey, unknown]) expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('examples/create-oauth-client.ts and examples/request-onboarding-oauth.ts', TEST_TIMEOUT, () => {
  it('set up an OAuth client with an API key, then onboard with its client ID and secret alone', async () => {
    const setup = await runExample('create-oauth-client', { INTEGRATIONS_API_KEY: org.apiKey, REDIRECT_URIS: 'https://partner.example.com/done' });
    expect(setup.code, setup.stderr).toBe(0);
    const integrationId = capture(setup.stdout, /Created integration (int_\S+) \(Partner example client\)/);
    const clientId = capture(setup.stdout, /^export INTEGRATIONS_CLIENT_ID=(icid_\S+)$/m);
    const clientSecret = capture(setup.stdout, /^export INTEGRATIONS_CLIENT_SECRET=(icsec_\S+)$/m);
    const { integration } = await api.Integration({ id: integrationId });
    expect(integration).toMatchObject({
      clientId,
      template: { key: 'OIDC_CLIENT_CREDENTIALS' },
      config: { redirectUris: ['https://partner.example.com/done'] },
    });
    expect(integration?.clientSecret?.lastFour).toBe(clientSecret.slice(-4));

    const onboarding = await runExample('request-onboarding-oauth', {
      INTEGRATIONS_CLIENT_ID: clientId,
      INTEGRATIONS_CLIENT_SECRET: clientSecret,
      EXTERNAL_USER_ID: 'oauth-person',
      REDIRECT_URL: 'https://partner.example.com/done',
    });
    expect(onboarding.code, onboarding.stderr).toBe(0);
    expect(onboarding.stdout).toMatch(/^Got an access token for icid_\S+ \(expires in \d+ s\)$/m);
    expect(onboarding.stdout).toContain(`Integration ${integrationId} (Partner example client)`);
    const sessionId = capture(onboarding.stdout, /Session (ses_\S+): PENDING/);
    const { onboardingSession } = await api.OnboardingSession({ id: sessionId });
    expect(onboardingSession).toMatchObject({
      externalUserId: 'oauth-person',
      redirectUrl: 'https://partner.example.com/done',
      integration: { id: integrationId },
    });
  });

  it('stops with a clear message when the client credentials are missing or wrong', async () => {
    const missing = await runExample('request-onboarding-oauth', { INTEGRATIONS_CLIENT_ID: 'icid_x' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Set INTEGRATIONS_CLIENT_SECRET: /);
    const wrong = await runExample('request-onboarding-oauth', { INTEGRATIONS_CLIENT_ID: 'icid_unknown', INTEGRATIONS_CLIENT_SECRET: 'icsec_wrong' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/refused the client \(HTTP 401\): invalid_client/);
  });
});

describe('examples/follow-directory-sync.ts', TEST_TIMEOUT, () => {
  it('connects an Okta directory, prints every step of its first sync, then some users', async () => {
    const okta = await startOktaStandIn({ users: oktaUsers(3) });
    const gate = await startGate(okta.url);
    try {
      const example = startExample('follow-directory-sync', {
        INTEGRATIONS_API_KEY: org.apiKey,
        OKTA_ORG_URL: gate.url,
        OKTA_API_TOKEN: okta.token,
        USERS_TO_LIST: '2',
      });
      // The sync waits at the gate: its first step is printed before it can end.
      const syncId = (await example.printed(/^Sync (sync_\S+) (QUEUED|RUNNING): 0 users read/m))[1];
      gate.open();
      const result = await example.exited;
      expect(result.code, result.stderr).toBe(0);
      const integrationId = capture(result.stdout, /Created directory integration (int_\S+) \(Okta directory\)/);
      const steps = [...result.stdout.matchAll(/^Sync (sync_\S+) ([A-Z]+): /gm)].map(([, id, status]) => ({ id, status }));
      expect(steps.length).toBeGreaterThanOrEqual(2);
      expect(steps.every((step) => step.id === syncId)).toBe(true);
      expect(result.stdout).toMatch(/^Sync sync_\S+ SUCCEEDED: 3 users read, 3 created, 0 updated, 0 deactivated$/m);
      expect(steps.at(-1)?.status).toBe('SUCCEEDED');
      expect(result.stdout).toContain('3 user(s) synced; the newest 2:');
      const listed = [...result.stdout.matchAll(/^ {2}(dus_\S+) {2}(\S+)/gm)];
      expect(listed).toHaveLength(2);

      const { directoryUsers } = await api.DirectoryUsers({ integrationId, first: 10 });
      expect(directoryUsers.totalCount).toBe(3);
      const users = new Map(directoryUsers.edges.map((e) => [e.node.id, e.node.email]));
      for (const [, id, email] of listed) expect(users.get(id)).toBe(email);
    } finally {
      gate.open();
      await gate.close();
      await okta.close();
    }
  });

  it('exits non-zero with the reason when the sync fails, and with the setting it lacks', async () => {
    const okta = await startOktaStandIn({ users: oktaUsers(1) });
    try {
      const failed = await runExample('follow-directory-sync', {
        INTEGRATIONS_API_KEY: org.apiKey,
        OKTA_ORG_URL: okta.url,
        OKTA_API_TOKEN: 'not-the-token',
      });
      expect(failed.code).toBe(1);
      expect(failed.stdout).toMatch(/Sync sync_\S+ FAILED/);
      expect(failed.stderr).toMatch(/^The sync failed: .*Invalid token provided/);
    } finally {
      await okta.close();
    }
    const missing = await runExample('follow-directory-sync', { INTEGRATIONS_API_KEY: org.apiKey });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Set OKTA_ORG_URL: /);
  });
});

describe('examples/receive-webhooks.ts', TEST_TIMEOUT, () => {
  it('registers its own receiver, verifies the signed test event, refuses a forged one, and deletes the endpoint when stopped', async () => {
    const port = await freePort();
    const example = startExample('receive-webhooks', { INTEGRATIONS_API_KEY: org.apiKey, WEBHOOK_PORT: String(port), SEND_TEST_WEBHOOK: 'true' });
    try {
      const endpointId = (await example.printed(/Created webhook endpoint (whe_\S+) for http:\/\/127\.0\.0\.1:\d+\/webhooks/))[1];
      const eventId = (await example.printed(/Asked for a test event (evt_\S+)/))[1];
      await example.printed(new RegExp(`Verified webhook\\.test ${eventId} `));

      // The server recorded the receiver's 2xx answer.
      const delivery = await eventually(
        'the test delivery DELIVERED',
        async () => {
          const { webhookEndpoint } = await api.WebhookEndpoint({ id: endpointId, deliveriesFirst: 10 });
          return webhookEndpoint?.deliveries.edges.find((e) => e.node.event.id === eventId && e.node.status === 'DELIVERED')?.node;
        },
        DEADLINE_MS,
      );
      expect(delivery).toMatchObject({ lastResponseStatus: 204, attempts: 1, event: { type: 'webhook.test' } });

      // A request signed with another secret is refused, and not printed as an event.
      const forged = await fetch(`http://127.0.0.1:${port}/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': 'evt_forged',
          'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
          'webhook-signature': 'v1,bm90IHRoZSBzaWduYXR1cmU=',
        },
        body: JSON.stringify({ type: 'integration.deleted', timestamp: new Date().toISOString(), data: {} }),
      });
      expect(forged.status).toBe(400);
      await example.printed(/Rejected a request to \/webhooks: No matching signature found/);
      expect(example.stdout()).not.toContain('evt_forged');

      example.child.kill('SIGTERM');
      const result = await example.exited;
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`Deleted webhook endpoint ${endpointId}; received 1 event(s)`);
      expect((await api.WebhookEndpoint({ id: endpointId })).webhookEndpoint).toBeNull();
    } finally {
      example.child.kill('SIGKILL');
    }
  });
  it('stops by itself after WEBHOOK_EXIT_AFTER events, and refuses a malformed port', async () => {
    const port = await freePort();
    const result = await runExample('receive-webhooks', {
      INTEGRATIONS_API_KEY: org.apiKey,
      WEBHOOK_PORT: String(port),
      WEBHOOK_EVENT_TYPES: 'webhook.test',
      SEND_TEST_WEBHOOK: 'true',
      WEBHOOK_EXIT_AFTER: '1',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Created webhook endpoint whe_\S+ for \S+ \(webhook\.test\)/);
    expect(result.stdout).toMatch(/^Verified webhook\.test evt_\S+ /m);
    const endpointId = capture(result.stdout, /Deleted webhook endpoint (whe_\S+); received 1 event\(s\)/);
    expect((await api.WebhookEndpoint({ id: endpointId })).webhookEndpoint).toBeNull();

    const malformed = await runExample('receive-webhooks', { INTEGRATIONS_API_KEY: org.apiKey, WEBHOOK_PORT: 'http' });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^WEBHOOK_PORT must be a positive whole number\./);
  });
});

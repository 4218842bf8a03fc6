// Where directory credentials may go (CONTRACT 6.2.2, 6.2.6), end to end through real
// servers:
// - an update that changes where a directory integration connects (Okta orgUrl; Entra
//   authorityUrl, graphUrl, tenantId; effective values, defaults included) must give the
//   template's secret fields again, or it is REQUIRED at each secret field and nothing
//   changes: a stored secret never reaches a host it was not entered for;
// - a URL field whose host is localhost or a literal address in a refused range is
//   URL_NOT_ALLOWED at create and update (a dedicated server in the strict default);
// - OAuth access tokens read integrations, start sessions and syncs, but cannot create,
//   update or delete integrations (FORBIDDEN; FEATURE_DISABLED still wins when gated).
// Every stand-in listens on 127.0.0.1, and no test makes the server reach any other host.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gql } from 'graphql-request';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type TestOrg, createOrg, graphqlUrl, post, setFeature, storageEnv } from './support/api.ts';
import { type Sync, startSync, waitForSync } from './support/directory.ts';
import { bearerGraphQL, createOAuthClient, obtainToken } from './support/oauth.ts';
import { type ServerProcess, runAdmin, startServer } from './support/process.ts';
import { type GraphStandIn, graphUsers, startGraphStandIn } from './support/standins/microsoft-graph.ts';
import { type OktaStandIn, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';

type UserError = { field: string[] | null; code: string; message: string };

const storage = inject('storage');
/** Admin command runs and server starts are slow on a busy machine. */
const SLOW = 240_000;

const FIELDS = `id name status config updatedAt directory { lastSync { id status error } }`;
const CREATE = gql`mutation ($input: CreateIntegrationInput!) { createIntegration(input: $input) { integration { ${FIELDS} } userErrors { field message code } } }`;
const UPDATE = gql`mutation ($input: UpdateIntegrationInput!) { updateIntegration(input: $input) { integration { ${FIELDS} } userErrors { field message code } } }`;
const DELETE = gql`mutation ($input: DeleteIntegrationInput!) { deleteIntegration(input: $input) { deletedIntegrationId userErrors { field message code } } }`;
const GET = gql`query ($id: ID!) { integration(id: $id) { ${FIELDS} } }`;
const COUNT = gql`{ integrations { totalCount } }`;

/** A GraphQL POST with an API key that must succeed without top-level errors. */
async function callAt(graphql: string, apiKey: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(graphql, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const json = JSON.parse(text);
  expect(json.errors, text).toBeUndefined();
  return { data: json.data as any, text };
}

interface Caller {
  graphql: string;
  apiKey: string;
}

const onSuite = (org: TestOrg): Caller => ({ graphql: graphqlUrl, apiKey: org.apiKey });

async function mutate(caller: Caller, query: string, input: object): Promise<{ userErrors: UserError[]; [field: string]: any }> {
  const { data } = await callAt(caller.graphql, caller.apiKey, query, { input });
  return Object.values(data)[0] as any;
}

const create = (caller: Caller, input: object) => mutate(caller, CREATE, input);
const update = (caller: Caller, input: object) => mutate(caller, UPDATE, input);
const read = async (caller: Caller, id: string) => (await callAt(caller.graphql, caller.apiKey, GET, { id })).data.integration;
const count = async (caller: Caller) => (await callAt(caller.graphql, caller.apiKey, COUNT)).data.integrations.totalCount as number;

async function createOk(caller: Caller, input: object) {
  const result = await create(caller, input);
  expect(result.userErrors).toEqual([]);
  return result.integration;
}

async function updateOk(caller: Caller, input: object) {
  const result = await update(caller, input);
  expect(result.userErrors, JSON.stringify(input)).toEqual([]);
  return result.integration;
}

/** Exactly these user errors (code and field), no integration, and a message for each. */
function expectErrors(result: { userErrors: UserError[]; integration?: unknown }, expected: [string, string[]][], what = '') {
  expect(result.integration ?? null, what).toBeNull();
  expect(result.userErrors.map((e) => [e.code, e.field]), what).toEqual(expected);
  for (const error of result.userErrors) expect(error.message.length, what).toBeGreaterThan(0);
}

const REQUIRED_AT = (key: string): [string, string[]] => ['REQUIRED', ['input', 'config', key]];

/** An update that must be refused with REQUIRED at the secret field, changing nothing. */
async function refusedWithoutSecret(caller: Caller, before: any, input: object, secretKey: string) {
  const result = await update(caller, { id: before.id, ...input });
  expectErrors(result, [REQUIRED_AT(secretKey)], JSON.stringify(input));
  expect(result.userErrors[0].message).toMatch(new RegExp(secretKey));
  const after = await read(caller, before.id);
  expect({ name: after.name, status: after.status, config: after.config, updatedAt: after.updatedAt }, JSON.stringify(input)).toEqual({
    name: before.name,
    status: before.status,
    config: before.config,
    updatedAt: before.updatedAt,
  });
}

/** The integration's queued first sync, once it finished. */
async function firstSyncDone(org: TestOrg, integration: { directory: { lastSync: Sync } }) {
  return waitForSync(org, integration.directory.lastSync.id);
}

const standIns: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const standIn of standIns) await standIn.close();
});

async function okta(options: Parameters<typeof startOktaStandIn>[0] = {}): Promise<OktaStandIn> {
  const standIn = await startOktaStandIn(options);
  standIns.push(standIn);
  return standIn;
}

async function graph(options: Parameters<typeof startGraphStandIn>[0] = {}): Promise<GraphStandIn> {
  const standIn = await startGraphStandIn(options);
  standIns.push(standIn);
  return standIn;
}

let acme: TestOrg;
let caller: Caller;

beforeAll(async () => {
  acme = await createOrg('Credentials Acme');
  caller = onSuite(acme);
}, SLOW);

describe('templates say which fields are where the secrets go', () => {
  it('TemplateField.secretDestination: Okta orgUrl; Entra tenantId, authorityUrl, graphUrl', async () => {
    const { data } = await callAt(caller.graphql, caller.apiKey, gql`{ integrationTemplates { key fields { key secret secretDestination } } }`);
    const flagged = Object.fromEntries(
      data.integrationTemplates.map((t: any) => [t.key, t.fields.filter((f: any) => f.secretDestination).map((f: any) => f.key)]),
    );
    expect(flagged).toMatchObject({ OKTA: ['orgUrl'], MICROSOFT_ENTRA: ['tenantId', 'authorityUrl', 'graphUrl'], OIDC_CLIENT_CREDENTIALS: [], API: [] });
  });
});

describe('credentials stay where they were given: Okta', () => {
  let legit: OktaStandIn;
  let attacker: OktaStandIn;

  beforeAll(async () => {
    legit = await okta({ users: oktaUsers(3), token: 'okta-legit-token-0123456789abcdef' });
    // The "attacker" host: another Okta stand-in with its own token, recording every request.
    attacker = await okta({ users: oktaUsers(2, 100), token: 'okta-attacker-token-fedcba9876543210' });
  });

  it('repointing orgUrl without apiToken is REQUIRED at apiToken, changes nothing, and the token never reaches the new host', async () => {
    const created = await createOk(caller, { templateKey: 'OKTA', name: 'Okta legit', config: { orgUrl: legit.url, apiToken: legit.token } });
    expect((await firstSyncDone(acme, created)).status).toBe('SUCCEEDED');
    const before = await read(caller, created.id);

    await refusedWithoutSecret(caller, before, { config: { orgUrl: attacker.url } }, 'apiToken');
    // The masked hint sent back is not the secret given again.
    expect(before.config.apiToken).toBe(`••••${legit.token.slice(-4)}`);
    await refusedWithoutSecret(caller, before, { config: { orgUrl: attacker.url, apiToken: before.config.apiToken } }, 'apiToken');
    // Other edits in the same update do not slip through either.
    await refusedWithoutSecret(caller, before, { name: 'Renamed meanwhile', status: 'DISABLED', config: { orgUrl: `${attacker.url}/` } }, 'apiToken');

    // A sync started now still goes to the host the token was entered for.
    const started = await startSync(acme, created.id);
    expect(started.userErrors).toEqual([]);
    expect(await waitForSync(acme, started.sync!.id)).toMatchObject({ status: 'SUCCEEDED', processed: 3, error: null });
    expect(legit.authorizations.every((a) => a === `SSWS ${legit.token}`)).toBe(true);
    expect(attacker.requests).toEqual([]);
    expect(attacker.authorizations).not.toContain(`SSWS ${legit.token}`);
  });

  it('other problems are reported beside the missing secret, still changing nothing', async () => {
    const created = await createOk(caller, { templateKey: 'OKTA', name: 'Okta all at once', config: { orgUrl: legit.url, apiToken: legit.token } });
    await firstSyncDone(acme, created);
    const result = await update(caller, { id: created.id, name: ' ', config: { orgUrl: attacker.url, bogus: 1 } });
    expect(result.integration).toBeNull();
    expect(result.userErrors.map((e) => `${e.code} ${e.field?.join('.')}`).sort()).toEqual([
      'REQUIRED input.config.apiToken',
      'REQUIRED input.name',
      'UNKNOWN_FIELD input.config.bogus',
    ]);
    expect((await read(caller, created.id)).config.orgUrl).toBe(legit.url);
    // An orgUrl that is itself wrong is reported as such, alone: it moves nothing.
    expectErrors(await update(caller, { id: created.id, config: { orgUrl: 'not a url' } }), [['INVALID', ['input', 'config', 'orgUrl']]]);
    expectErrors(await update(caller, { id: created.id, config: { orgUrl: null } }), [['REQUIRED', ['input', 'config', 'orgUrl']]]);
  });

  it('repointing with a new token works, and the next sync sends only that token there', async () => {
    const created = await createOk(caller, { templateKey: 'OKTA', name: 'Okta moved', config: { orgUrl: legit.url, apiToken: legit.token } });
    expect((await firstSyncDone(acme, created)).status).toBe('SUCCEEDED');
    const seenBefore = attacker.requests.length;
    const moved = await updateOk(caller, { id: created.id, config: { orgUrl: attacker.url, apiToken: attacker.token } });
    expect(moved.config).toEqual({ orgUrl: attacker.url, apiToken: `••••${attacker.token.slice(-4)}` });
    const started = await startSync(acme, created.id);
    expect(await waitForSync(acme, started.sync!.id)).toMatchObject({ status: 'SUCCEEDED', processed: 2 });
    const sent = attacker.authorizations.slice(seenBefore);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((a) => a === `SSWS ${attacker.token}`)).toBe(true);
    expect(attacker.authorizations).not.toContain(`SSWS ${legit.token}`);
  });

  it('the same orgUrl (as normalized), renames, status changes and a new token alone need nothing more', async () => {
    const created = await createOk(caller, { templateKey: 'OKTA', name: 'Okta steady', config: { orgUrl: legit.url, apiToken: legit.token } });
    await firstSyncDone(acme, created);
    await updateOk(caller, { id: created.id, config: { orgUrl: legit.url } });
    await updateOk(caller, { id: created.id, config: { orgUrl: ` ${legit.url}/ ` } });
    await updateOk(caller, { id: created.id, config: { orgUrl: legit.url, apiToken: `••••${legit.token.slice(-4)}` } });
    await updateOk(caller, { id: created.id, name: 'Okta steady, renamed' });
    await updateOk(caller, { id: created.id, status: 'DISABLED' });
    await updateOk(caller, { id: created.id, status: 'ACTIVE' });
    const rotated = await updateOk(caller, { id: created.id, config: { apiToken: 'okta-rotated-token-000011112222' } });
    expect(rotated).toMatchObject({ name: 'Okta steady, renamed', status: 'ACTIVE', config: { orgUrl: legit.url, apiToken: '••••2222' } });
  });
});

describe('credentials stay where they were given: Microsoft Entra', () => {
  let legit: GraphStandIn;
  let attacker: GraphStandIn;

  beforeAll(async () => {
    legit = await graph({ users: graphUsers(3) });
    attacker = await graph({ users: graphUsers(1, 50), clientSecret: 'attacker~graph-secret-value-9876543210' });
  });

  const entra = (name: string, extra: object = {}) => ({
    templateKey: 'MICROSOFT_ENTRA',
    name,
    config: { tenantId: legit.tenantId, clientId: legit.clientId, clientSecret: legit.clientSecret, authorityUrl: legit.url, graphUrl: legit.url, ...extra },
  });

  it('authorityUrl, graphUrl and tenantId changes need clientSecret; the secret never reaches the new host', async () => {
    const created = await createOk(caller, entra('Entra legit'));
    expect((await firstSyncDone(acme, created)).status).toBe('SUCCEEDED');
    const before = await read(caller, created.id);
    const hint = before.config.clientSecret;
    expect(hint).toBe(`••••${legit.clientSecret.slice(-4)}`);

    const moves: object[] = [
      { authorityUrl: attacker.url },
      { graphUrl: attacker.url },
      { authorityUrl: attacker.url, graphUrl: attacker.url },
      { tenantId: 'another-tenant' },
      { tenantId: 'another-tenant', clientId: 'another-client' },
      // Cleared back to the default host: that is somewhere else too.
      { authorityUrl: null },
      { graphUrl: null },
      // The masked hint is not the secret given again.
      { authorityUrl: attacker.url, clientSecret: hint },
      { tenantId: 'another-tenant', clientSecret: hint },
    ];
    for (const config of moves) await refusedWithoutSecret(caller, before, { config }, 'clientSecret');

    const started = await startSync(acme, created.id);
    expect(await waitForSync(acme, started.sync!.id)).toMatchObject({ status: 'SUCCEEDED', processed: 3, error: null });
    expect(attacker.tokenRequests).toEqual([]);
    expect(attacker.requests).toEqual([]);
    expect(legit.tokenRequests.every((r) => r.tenant === legit.tenantId && r.form.client_secret === legit.clientSecret)).toBe(true);
  });

  it('moving with a new clientSecret works and the next sync uses the new host and secret', async () => {
    const created = await createOk(caller, entra('Entra moved'));
    expect((await firstSyncDone(acme, created)).status).toBe('SUCCEEDED');
    const moved = await updateOk(caller, {
      id: created.id,
      config: { tenantId: attacker.tenantId, clientId: attacker.clientId, clientSecret: attacker.clientSecret, authorityUrl: attacker.url, graphUrl: attacker.url },
    });
    expect(moved.config.clientSecret).toBe(`••••${attacker.clientSecret.slice(-4)}`);
    const started = await startSync(acme, created.id);
    expect(await waitForSync(acme, started.sync!.id)).toMatchObject({ status: 'SUCCEEDED', processed: 1 });
    expect(attacker.tokenRequests.length).toBeGreaterThan(0);
    expect(attacker.tokenRequests.every((r) => r.form.client_secret === attacker.clientSecret)).toBe(true);
  });

  it('the same effective values, defaults included, and non-location fields need nothing more', async () => {
    const created = await createOk(caller, entra('Entra steady'));
    await firstSyncDone(acme, created);
    // The same values, as given or as normalized.
    await updateOk(caller, { id: created.id, config: { authorityUrl: legit.url, graphUrl: `${legit.url}/`, tenantId: ` ${legit.tenantId} ` } });
    // Neither clientId nor a name or status says where the secret goes.
    await updateOk(caller, { id: created.id, config: { clientId: 'another-client-id' } });
    await updateOk(caller, { id: created.id, name: 'Entra steady, renamed', status: 'DISABLED' });
    await updateOk(caller, { id: created.id, config: { clientId: legit.clientId }, status: 'ACTIVE' });

    // Moved to the default authority with the secret given again (no sync is started by an update).
    const toDefault = await updateOk(caller, { id: created.id, config: { authorityUrl: null, clientSecret: 'entra-rotated-secret-00001111' } });
    expect(toDefault.config).not.toHaveProperty('authorityUrl');
    // Now unset (the default): clearing it again, or naming the default, is no move.
    await updateOk(caller, { id: created.id, config: { authorityUrl: null } });
    const explicit = await updateOk(caller, { id: created.id, config: { authorityUrl: 'https://login.microsoftonline.com/' } });
    expect(explicit.config.authorityUrl).toBe('https://login.microsoftonline.com');
    await updateOk(caller, { id: created.id, config: { authorityUrl: null } });
    // But from the default to anywhere else is.
    const before = await read(caller, created.id);
    await refusedWithoutSecret(caller, before, { config: { authorityUrl: attacker.url } }, 'clientSecret');
    expect(attacker.tokenRequests.filter((r) => r.form.client_secret === 'entra-rotated-secret-00001111')).toEqual([]);
  });
});

describe('URL_NOT_ALLOWED: localhost and literal addresses in refused ranges, in the strict default', () => {
  let strict: ServerProcess;
  let strictCaller: Caller;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    // Its own server and storage: the suite's server allows loopback for the stand-ins.
    let env: Record<string, string>;
    if (storage === 'postgres') {
      const name = `integrations_credentials_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
      const admin = new pg.Client({ connectionString: storageEnv.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      cleanups.push(async () => {
        const client = new pg.Client({ connectionString: storageEnv.DATABASE_URL });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      });
      const url = new URL(storageEnv.DATABASE_URL);
      url.pathname = `/${name}`;
      env = { DATABASE_URL: url.toString() };
    } else {
      const dir = await mkdtemp(path.join(tmpdir(), 'integrations-credentials-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      env = { DATA_DIR: dir };
    }
    strict = await startServer({ ...env, ALLOW_PRIVATE_NETWORK_TARGETS: 'false' });
    cleanups.unshift(async () => void (await strict.stop()));
    const created = await runAdmin(['create-org', '--name', 'Strict Org', '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    strictCaller = { graphql: `${strict.url}/graphql`, apiKey: JSON.parse(created.stdout).apiKey };
  }, SLOW);

  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  }, SLOW);

  const PORT = 8443;
  const REFUSED = [
    `http://127.0.0.1:${PORT}`,
    `http://127.1:${PORT}`,
    `http://2130706433:${PORT}`,
    `http://0x7f.0.0.1:${PORT}`,
    `http://[::ffff:127.0.0.1]:${PORT}`,
    `http://[::1]:${PORT}`,
    `http://localhost:${PORT}`,
    `http://LocalHost.:${PORT}`,
    `http://tenant.localhost:${PORT}`,
    `http://0.0.0.0:${PORT}`,
    'http://169.254.169.254/',
    'http://[fe80::1]/',
    'http://10.0.0.1/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://[fc00::1]/',
    'https://224.0.0.1/',
  ];
  // A host name in the reserved .example domain: public in form, judged only when connecting
  // (its queued first sync can reach nobody).
  const PUBLIC = 'https://acme.okta.example';

  it('createIntegration refuses each written form at its field, writing nothing', async () => {
    const before = await count(strictCaller);
    for (const url of REFUSED) {
      expectErrors(
        await create(strictCaller, { templateKey: 'OKTA', name: 'Okta', config: { orgUrl: url, apiToken: 'okta-token-0123456789' } }),
        [['URL_NOT_ALLOWED', ['input', 'config', 'orgUrl']]],
        url,
      );
    }
    const entra = { tenantId: 't', clientId: 'c', clientSecret: 'entra-secret-0123456789', authorityUrl: PUBLIC, graphUrl: PUBLIC };
    for (const key of ['authorityUrl', 'graphUrl']) {
      for (const url of ['http://169.254.169.254/', `http://[::ffff:127.0.0.1]:${PORT}`]) {
        expectErrors(
          await create(strictCaller, { templateKey: 'MICROSOFT_ENTRA', name: 'Entra', config: { ...entra, [key]: url } }),
          [['URL_NOT_ALLOWED', ['input', 'config', key]]],
          `${key} ${url}`,
        );
      }
    }
    expect(await count(strictCaller)).toBe(before);
  });

  it('accepts a public host name at create time, and refuses each form on update, changing nothing', async () => {
    const created = await createOk(strictCaller, { templateKey: 'OKTA', name: 'Okta public', config: { orgUrl: PUBLIC, apiToken: 'okta-token-0123456789' } });
    expect(created.config.orgUrl).toBe(PUBLIC);
    const before = await read(strictCaller, created.id);
    for (const url of REFUSED) {
      // With the token given again, and without it: the refused URL is the one problem.
      for (const config of [{ orgUrl: url, apiToken: 'okta-token-new-9876543210' }, { orgUrl: url }]) {
        expectErrors(await update(strictCaller, { id: created.id, config }), [['URL_NOT_ALLOWED', ['input', 'config', 'orgUrl']]], url);
      }
    }
    const after = await read(strictCaller, created.id);
    expect({ config: after.config, updatedAt: after.updatedAt }).toEqual({ config: before.config, updatedAt: before.updatedAt });
    // Another public host name, with the token given again, is fine.
    const moved = await updateOk(strictCaller, { id: created.id, config: { orgUrl: 'https://other.okta.example', apiToken: 'okta-token-new-9876543210' } });
    expect(moved.config.orgUrl).toBe('https://other.okta.example');
  });

  it('the suite server (ALLOW_PRIVATE_NETWORK_TARGETS=true) accepts loopback', async () => {
    const local = await createOk(caller, { templateKey: 'OKTA', name: 'Okta loopback', config: { orgUrl: 'http://[::1]:9', apiToken: 'okta-token-0123456789' } });
    expect(local.config.orgUrl).toBe('http://[::1]:9');
  });
});

describe('OAuth access tokens cannot create, update or delete integrations', () => {
  const INTEGRATION_QUERY = gql`query ($id: ID!) { integration(id: $id) { id name status config } integrations { totalCount } }`;

  function expectForbidden(json: any, code = 'FORBIDDEN') {
    expect(json.errors?.map((e: any) => e.extensions?.code)).toEqual([code]);
    for (const value of Object.values(json.data ?? {})) expect(value).toBeNull();
  }

  it('FORBIDDEN at the top level, nothing changed; reading, onboarding and syncs still work', async () => {
    const partner = await createOAuthClient(acme, 'Credentials partner');
    const token = await obtainToken(partner);
    const directory = await okta({ users: oktaUsers(2), token: 'okta-partner-token-0123456789' });
    const target = await createOk(caller, { templateKey: 'OKTA', name: 'Okta partner', config: { orgUrl: directory.url, apiToken: directory.token } });
    await firstSyncDone(acme, target);
    const before = (await bearerGraphQL(token, INTEGRATION_QUERY, { id: target.id })).json;
    expect(before.errors).toBeUndefined();
    expect(before.data.integration).toMatchObject({ id: target.id, name: 'Okta partner', config: { orgUrl: directory.url } });

    const attempts: [string, object][] = [
      [CREATE, { input: { templateKey: 'OKTA', name: 'From a token', config: { orgUrl: directory.url, apiToken: 'okta-token-from-token' } } }],
      [CREATE, { input: { templateKey: 'API', name: 'From a token', workflowId: 'wf_01m8mwbn4xqpj3fypwxwrsccbr' } }],
      [UPDATE, { input: { id: target.id, name: 'Renamed by a token' } }],
      [UPDATE, { input: { id: target.id, config: { orgUrl: 'http://127.0.0.1:9', apiToken: 'okta-token-from-token' } } }],
      [UPDATE, { input: { id: partner.integrationId, status: 'DISABLED' } }],
      [DELETE, { input: { id: target.id } }],
      [DELETE, { input: { id: partner.integrationId } }],
    ];
    for (const [query, variables] of attempts) {
      const { status, json } = await bearerGraphQL(token, query, variables);
      expect(status).toBe(200);
      expectForbidden(json);
      expect(json.errors[0].message).toMatch(/API key/);
    }
    const after = (await bearerGraphQL(token, INTEGRATION_QUERY, { id: target.id })).json;
    expect(after).toEqual(before);
    // The partner's own integration is still there and ACTIVE: its token still works.
    const own = await bearerGraphQL(token, gql`query ($id: ID!) { integration(id: $id) { id status } }`, { id: partner.integrationId });
    expect(own.json.data.integration).toEqual({ id: partner.integrationId, status: 'ACTIVE' });

    const onboarding = await bearerGraphQL(
      token,
      gql`mutation ($input: RequestNewOnboardingInput!) { requestNewOnboarding(input: $input) { session { id status } userErrors { code } } }`,
      { input: { integrationId: partner.integrationId, externalUserId: 'credentials-partner-1' } },
    );
    expect(onboarding.json.errors).toBeUndefined();
    expect(onboarding.json.data.requestNewOnboarding).toMatchObject({ session: { status: 'PENDING' }, userErrors: [] });
    const sync = await bearerGraphQL(
      token,
      gql`mutation ($id: ID!) { startDirectorySync(input: { integrationId: $id }) { sync { id } userErrors { code } } }`,
      { id: target.id },
    );
    expect(sync.json.errors).toBeUndefined();
    expect(sync.json.data.startDirectorySync.userErrors).toEqual([]);
    expect((await waitForSync(acme, sync.json.data.startDirectorySync.sync.id)).status).toBe('SUCCEEDED');

    // An API key of the same organization still manages integrations.
    expect((await post({ query: UPDATE, variables: { input: { id: target.id, name: 'Renamed by a key' } } }, { 'x-api-key': acme.apiKey })).json.data.updateIntegration.userErrors).toEqual([]);
  });

  it('FEATURE_DISABLED still wins for a gated organization', async () => {
    const gated = await createOrg('Credentials gated');
    const partner = await createOAuthClient(gated, 'Gated partner');
    const token = await obtainToken(partner);
    await setFeature(gated.id, false);
    try {
      const attempts: [string, object][] = [
        [CREATE, { input: { templateKey: 'API', name: 'From a token', workflowId: 'wf_01m8mwbn4xqpj3fypwxwrsccbr' } }],
        [UPDATE, { input: { id: partner.integrationId, name: 'Renamed by a token' } }],
        [DELETE, { input: { id: partner.integrationId } }],
      ];
      for (const [query, variables] of attempts) expectForbidden((await bearerGraphQL(token, query, variables)).json, 'FEATURE_DISABLED');
    } finally {
      await setFeature(gated.id, true);
    }
  }, SLOW);
});

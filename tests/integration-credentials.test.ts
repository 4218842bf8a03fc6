// Where directory credentials may go (README: "Outbound requests"), end to end through real
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sync, startSync, waitForSync } from './support/directory.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import {
  type Answer,
  type Caller,
  type CreateIntegrationInput,
  type CredentialsIntegrationFieldsFragment,
  type Org,
  type UpdateIntegrationInput,
  type UserError,
  codes,
  execute,
  graphql,
  jsonObject,
  mutate,
  mutateOk,
  present,
  send,
  setFeature,
  testOrg,
} from './support/kit.ts';
import { obtainToken } from './support/oauth.ts';
import { type GraphStandIn, graphUsers, startGraphStandIn } from './support/standins/microsoft-graph.ts';
import { type OktaStandIn, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';

/** Admin command runs and server starts are slow on a busy machine. */
const SLOW = 240_000;

graphql(`
  fragment CredentialsIntegrationFields on Integration {
    id
    name
    status
    config
    updatedAt
    directory {
      lastSync {
        id
        status
        error
      }
    }
  }
`);
const CREATE = graphql(`
  mutation CredentialsCreate($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      integration {
        ...CredentialsIntegrationFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation CredentialsUpdate($input: UpdateIntegrationInput!) {
    updateIntegration(input: $input) {
      integration {
        ...CredentialsIntegrationFields
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
  mutation CredentialsDelete($input: DeleteIntegrationInput!) {
    deleteIntegration(input: $input) {
      deletedIntegrationId
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const GET = graphql(`
  query CredentialsGet($id: ID!) {
    integration(id: $id) {
      ...CredentialsIntegrationFields
    }
  }
`);
const COUNT = graphql(`
  query CredentialsCount {
    integrations {
      totalCount
    }
  }
`);
const TEMPLATES = graphql(`
  query CredentialsTemplates {
    integrationTemplates {
      key
      fields {
        key
        secret
        secretDestination
      }
    }
  }
`);

type Integration = CredentialsIntegrationFieldsFragment;

const create = (caller: Caller, input: CreateIntegrationInput) => mutate(caller, CREATE, input);
const update = (caller: Caller, input: UpdateIntegrationInput) => mutate(caller, UPDATE, input);
/** An integration that must be there. */
const read = async (caller: Caller, id: string) => present((await execute(caller, GET, { id })).integration, `integration ${id}`);
const count = async (caller: Caller) => (await execute(caller, COUNT)).integrations.totalCount;
/** An integration's config (a JSON object; secrets masked). */
const configOf = (integration: { config: unknown }) => jsonObject(integration.config);

async function createOk(caller: Caller, input: CreateIntegrationInput) {
  return (await mutateOk(caller, CREATE, input)).integration;
}

async function updateOk(caller: Caller, input: UpdateIntegrationInput) {
  const result = await update(caller, input);
  expect(result.userErrors, JSON.stringify(input)).toEqual([]);
  expect(result.integration, JSON.stringify(input)).not.toBeNull();
  return result.integration!;
}

/** Exactly these user errors (code and field), no integration, and a message for each. */
function expectErrors(result: { userErrors: readonly UserError[]; integration?: unknown }, expected: [string, string[]][], what = '') {
  expect(result.integration ?? null, what).toBeNull();
  expect(
    result.userErrors.map((e) => [e.code, e.field]),
    what,
  ).toEqual(expected);
  for (const error of result.userErrors) expect(error.message.length, what).toBeGreaterThan(0);
}

const REQUIRED_AT = (key: string): [string, string[]] => ['REQUIRED', ['input', 'config', key]];

/** An update that must be refused with REQUIRED at the secret field, changing nothing. */
async function refusedWithoutSecret(caller: Caller, before: Integration, input: Omit<UpdateIntegrationInput, 'id'>, secretKey: string) {
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
async function firstSyncDone(org: Caller, integration: { directory: { lastSync: Pick<Sync, 'id'> | null } | null }) {
  return waitForSync(org, integration.directory!.lastSync!.id);
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

let acme: Org;

beforeAll(async () => {
  acme = await testOrg({ name: 'Credentials Acme' });
}, SLOW);

describe('templates say which fields are where the secrets go', () => {
  it('TemplateField.secretDestination: Okta orgUrl; Entra tenantId, authorityUrl, graphUrl', async () => {
    const data = await execute(acme, TEMPLATES);
    const flagged = Object.fromEntries(data.integrationTemplates.map((t) => [t.key, t.fields.filter((f) => f.secretDestination).map((f) => f.key)]));
    expect(flagged).toMatchObject({
      OKTA: ['orgUrl'],
      MICROSOFT_ENTRA: ['tenantId', 'authorityUrl', 'graphUrl'],
      OIDC_CLIENT_CREDENTIALS: [],
      API: [],
    });
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
    const created = await createOk(acme, { templateKey: 'OKTA', name: 'Okta legit', config: { orgUrl: legit.url, apiToken: legit.token } });
    expect((await firstSyncDone(acme, created)).status).toBe('SUCCEEDED');
    const before = await read(acme, created.id);

    await refusedWithoutSecret(acme, before, { config: { orgUrl: attacker.url } }, 'apiToken');
    // The masked hint sent back is not the secret given again.
    expect(configOf(before).apiToken).toBe(`••••${legit.token.slice(-4)}`);
    await refusedWithoutSecret(acme, before, { config: { orgUrl: attacker.url, apiToken: configOf(before).apiToken } }, 'apiToken');
    // Other edits in the same update do not slip through either.
    await refusedWithoutSecret(acme, before, { name: 'Renamed meanwhile', status: 'DISABLED', config: { orgUrl: `${attacker.url}/` } }, 'apiToken');

    // A sync started now still goes to the host the token was entered for.
    const started = await startSync(acme, created.id);
    expect(started.userErrors).toEqual([]);
    expect(await waitForSync(acme, started.sync!.id)).toMatchObject({ status: 'SUCCEEDED', processed: 3, error: null });
    expect(legit.authorizations.every((a) => a === `SSWS ${legit.token}`)).toBe(true);
    expect(attacker.requests).toEqual([]);
    expect(attacker.authorizations).not.toContain(`SSWS ${legit.token}`);
  });

  it('other problems are reported beside the missing secret, still changing nothing', async () => {
    const created = await createOk(acme, { templateKey: 'OKTA', name: 'Okta all at once', config: { orgUrl: legit.url, apiToken: legit.token } });
    await firstSyncDone(acme, created);
    const result = await update(acme, { id: created.id, name: ' ', config: { orgUrl: attacker.url, bogus: 1 } });
    expect(result.integration).toBeNull();
    expect(result.userErrors.map((e) => `${e.code} ${e.field?.join('.')}`).sort()).toEqual([
      'REQUIRED input.config.apiToken',
      'REQUIRED input.name',
      'UNKNOWN_FIELD input.config.bogus',
    ]);
    expect(configOf(await read(acme, created.id)).orgUrl).toBe(legit.url);
    // An orgUrl that is itself wrong is reported as such, alone: it moves nothing.
    expectErrors(await update(acme, { id: created.id, config: { orgUrl: 'not a url' } }), [['INVALID', ['input', 'config', 'orgUrl']]]);
    expectErrors(await update(acme, { id: created.id, config: { orgUrl: null } }), [['REQUIRED', ['input', 'config', 'orgUrl']]]);
  });

  it('repointing with a new token works, and the next sync sends only that token there', async () => {
    const created = await createOk(acme, { templateKey: 'OKTA', name: 'Okta moved', config: { orgUrl: legit.url, apiToken: legit.token } });
    expect((await firstSyncDone(acme, created)).status).toBe('SUCCEEDED');
    const seenBefore = attacker.requests.length;
    const moved = await updateOk(acme, { id: created.id, config: { orgUrl: attacker.url, apiToken: attacker.token } });
    expect(moved.config).toEqual({ orgUrl: attacker.url, apiToken: `••••${attacker.token.slice(-4)}` });
    const started = await startSync(acme, created.id);
    expect(await waitForSync(acme, started.sync!.id)).toMatchObject({ status: 'SUCCEEDED', processed: 2 });
    const sent = attacker.authorizations.slice(seenBefore);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((a) => a === `SSWS ${attacker.token}`)).toBe(true);
    expect(attacker.authorizations).not.toContain(`SSWS ${legit.token}`);
  });

  it('the same orgUrl (as normalized), renames, status changes and a new token alone need nothing more', async () => {
    const created = await createOk(acme, { templateKey: 'OKTA', name: 'Okta steady', config: { orgUrl: legit.url, apiToken: legit.token } });
    await firstSyncDone(acme, created);
    await updateOk(acme, { id: created.id, config: { orgUrl: legit.url } });
    await updateOk(acme, { id: created.id, config: { orgUrl: ` ${legit.url}/ ` } });
    await updateOk(acme, { id: created.id, config: { orgUrl: legit.url, apiToken: `••••${legit.token.slice(-4)}` } });
    await updateOk(acme, { id: created.id, name: 'Okta steady, renamed' });
    await updateOk(acme, { id: created.id, status: 'DISABLED' });
    await updateOk(acme, { id: created.id, status: 'ACTIVE' });
    const rotated = await updateOk(acme, { id: created.id, config: { apiToken: 'okta-rotated-token-000011112222' } });
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

  const entra = (name: string, extra: object = {}): CreateIntegrationInput => ({
    templateKey: 'MICROSOFT_ENTRA',
    name,
    config: {
      tenantId: legit.tenantId,
      clientId: legit.clientId,
      clientSecret: legit.clientSecret,
      authorityUrl: legit.url,
      graphUrl: legit.url,
      ...extra,
    },
  });

  it('authorityUrl, graphUrl and tenantId changes need clientSecret; the secret never reaches the new host', async () => {
    const created = await createOk(acme, entra('Entra legit'));
    expect((await firstSyncDone(acme, created)).status).toBe('SUCCEEDED');
    const before = await read(acme, created.id);
    const hint = configOf(before).clientSecret;
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
    for (const config of moves) await refusedWithoutSecret(acme, before, { config }, 'clientSecret');

    const started = await startSync(acme, created.id);
    expect(await waitForSync(acme, started.sync!.id)).toMatchObject({ status: 'SUCCEEDED', processed: 3, error: null });
    expect(attacker.tokenRequests).toEqual([]);
    expect(attacker.requests).toEqual([]);
    expect(legit.tokenRequests.every((r) => r.tenant === legit.tenantId && r.form.client_secret === legit.clientSecret)).toBe(true);
  });

  it('moving with a new clientSecret works and the next sync uses the new host and secret', async () => {
    const created = await createOk(acme, entra('Entra moved'));
    expect((await firstSyncDone(acme, created)).status).toBe('SUCCEEDED');
    const moved = await updateOk(acme, {
      id: created.id,
      config: {
        tenantId: attacker.tenantId,
        clientId: attacker.clientId,
        clientSecret: attacker.clientSecret,
        authorityUrl: attacker.url,
        graphUrl: attacker.url,
      },
    });
    expect(configOf(moved).clientSecret).toBe(`••••${attacker.clientSecret.slice(-4)}`);
    const started = await startSync(acme, created.id);
    expect(await waitForSync(acme, started.sync!.id)).toMatchObject({ status: 'SUCCEEDED', processed: 1 });
    expect(attacker.tokenRequests.length).toBeGreaterThan(0);
    expect(attacker.tokenRequests.every((r) => r.form.client_secret === attacker.clientSecret)).toBe(true);
  });

  it('the same effective values, defaults included, and non-location fields need nothing more', async () => {
    const created = await createOk(acme, entra('Entra steady'));
    await firstSyncDone(acme, created);
    // The same values, as given or as normalized.
    await updateOk(acme, { id: created.id, config: { authorityUrl: legit.url, graphUrl: `${legit.url}/`, tenantId: ` ${legit.tenantId} ` } });
    // Neither clientId nor a name or status says where the secret goes.
    await updateOk(acme, { id: created.id, config: { clientId: 'another-client-id' } });
    await updateOk(acme, { id: created.id, name: 'Entra steady, renamed', status: 'DISABLED' });
    await updateOk(acme, { id: created.id, config: { clientId: legit.clientId }, status: 'ACTIVE' });

    // Moved to the default authority with the secret given again (no sync is started by an update).
    const toDefault = await updateOk(acme, { id: created.id, config: { authorityUrl: null, clientSecret: 'entra-rotated-secret-00001111' } });
    expect(toDefault.config).not.toHaveProperty('authorityUrl');
    // Now unset (the default): clearing it again, or naming the default, is no move.
    await updateOk(acme, { id: created.id, config: { authorityUrl: null } });
    const explicit = await updateOk(acme, { id: created.id, config: { authorityUrl: 'https://login.microsoftonline.com/' } });
    expect(configOf(explicit).authorityUrl).toBe('https://login.microsoftonline.com');
    await updateOk(acme, { id: created.id, config: { authorityUrl: null } });
    // But from the default to anywhere else is.
    const before = await read(acme, created.id);
    await refusedWithoutSecret(acme, before, { config: { authorityUrl: attacker.url } }, 'clientSecret');
    expect(attacker.tokenRequests.filter((r) => r.form.client_secret === 'entra-rotated-secret-00001111')).toEqual([]);
  });
});

describe('URL_NOT_ALLOWED: localhost and literal addresses in refused ranges, in the strict default', () => {
  let strict: IsolatedServer;
  let strictCaller: Org;

  beforeAll(async () => {
    // Its own server and storage: the suite's server allows loopback for the stand-ins.
    strict = await startIsolatedServer({ ALLOW_PRIVATE_NETWORK_TARGETS: 'false' });
    strictCaller = await testOrg({ name: 'Strict Org', server: strict });
  }, SLOW);

  afterAll(() => strict?.stop(), SLOW);

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
    const created = await createOk(strictCaller, {
      templateKey: 'OKTA',
      name: 'Okta public',
      config: { orgUrl: PUBLIC, apiToken: 'okta-token-0123456789' },
    });
    expect(configOf(created).orgUrl).toBe(PUBLIC);
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
    const moved = await updateOk(strictCaller, {
      id: created.id,
      config: { orgUrl: 'https://other.okta.example', apiToken: 'okta-token-new-9876543210' },
    });
    expect(configOf(moved).orgUrl).toBe('https://other.okta.example');
  });

  it('the suite server (ALLOW_PRIVATE_NETWORK_TARGETS=true) accepts loopback', async () => {
    const local = await createOk(acme, {
      templateKey: 'OKTA',
      name: 'Okta loopback',
      config: { orgUrl: 'http://[::1]:9', apiToken: 'okta-token-0123456789' },
    });
    expect(configOf(local).orgUrl).toBe('http://[::1]:9');
  });
});

describe('OAuth access tokens cannot create, update or delete integrations', () => {
  const INTEGRATION_QUERY = graphql(`
    query CredentialsTokenRead($id: ID!) {
      integration(id: $id) {
        id
        name
        status
        config
      }
      integrations {
        totalCount
      }
    }
  `);
  const OWN = graphql(`
    query CredentialsTokenOwn($id: ID!) {
      integration(id: $id) {
        id
        status
      }
    }
  `);
  const ONBOARDING = graphql(`
    mutation CredentialsTokenOnboarding($input: RequestNewOnboardingInput!) {
      requestNewOnboarding(input: $input) {
        session {
          id
          status
        }
        userErrors {
          field
          message
          code
        }
      }
    }
  `);
  const START = graphql(`
    mutation CredentialsTokenStartSync($input: StartDirectorySyncInput!) {
      startDirectorySync(input: $input) {
        sync {
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

  /** A caller with an OAuth access token. */
  const bearer = (token: string): Caller => ({ headers: { authorization: `Bearer ${token}` } });
  /** An answer's parsed body, as a whole. */
  // Not extensions: its SQL count includes authentication when the token's verdict was not remembered yet.
  const body = (answer: Answer<unknown>) => ({ data: answer.data, errors: answer.errors });

  function expectForbidden(answer: Answer<object>, code = 'FORBIDDEN') {
    expect(codes(answer), answer.text).toEqual([code]);
    for (const value of Object.values(answer.data ?? {})) expect(value).toBeNull();
  }

  it('FORBIDDEN at the top level, nothing changed; reading, onboarding and syncs still work', async () => {
    const partner = await acme.oidcClient({ name: 'Credentials partner' });
    const token = await obtainToken(partner);
    const asPartner = bearer(token);
    const directory = await okta({ users: oktaUsers(2), token: 'okta-partner-token-0123456789' });
    const target = await createOk(acme, { templateKey: 'OKTA', name: 'Okta partner', config: { orgUrl: directory.url, apiToken: directory.token } });
    await firstSyncDone(acme, target);
    const before = await send(asPartner, INTEGRATION_QUERY, { id: target.id });
    expect(before.errors).toBeUndefined();
    expect(before.data?.integration).toMatchObject({ id: target.id, name: 'Okta partner', config: { orgUrl: directory.url } });

    const attempts: (() => Promise<Answer<object>>)[] = [
      () =>
        send(asPartner, CREATE, {
          input: { templateKey: 'OKTA', name: 'From a token', config: { orgUrl: directory.url, apiToken: 'okta-token-from-token' } },
        }),
      () => send(asPartner, CREATE, { input: { templateKey: 'API', name: 'From a token', workflowId: 'wf_01m8mwbn4xqpj3fypwxwrsccbr' } }),
      () => send(asPartner, UPDATE, { input: { id: target.id, name: 'Renamed by a token' } }),
      () => send(asPartner, UPDATE, { input: { id: target.id, config: { orgUrl: 'http://127.0.0.1:9', apiToken: 'okta-token-from-token' } } }),
      () => send(asPartner, UPDATE, { input: { id: partner.integrationId, status: 'DISABLED' } }),
      () => send(asPartner, DELETE, { input: { id: target.id } }),
      () => send(asPartner, DELETE, { input: { id: partner.integrationId } }),
    ];
    for (const attempt of attempts) {
      const answer = await attempt();
      expect(answer.status).toBe(200);
      expectForbidden(answer);
      expect(present(answer.errors)[0].message).toMatch(/API key/);
    }
    const after = await send(asPartner, INTEGRATION_QUERY, { id: target.id });
    expect(body(after)).toEqual(body(before));
    // The partner's own integration is still there and ACTIVE: its token still works.
    const own = await execute(asPartner, OWN, { id: partner.integrationId });
    expect(own.integration).toEqual({ id: partner.integrationId, status: 'ACTIVE' });

    const onboarding = await mutate(asPartner, ONBOARDING, { integrationId: partner.integrationId, externalUserId: 'credentials-partner-1' });
    expect(onboarding).toMatchObject({ session: { status: 'PENDING' }, userErrors: [] });
    const sync = await mutate(asPartner, START, { integrationId: target.id });
    expect(sync.userErrors).toEqual([]);
    expect((await waitForSync(acme, present(sync.sync).id)).status).toBe('SUCCEEDED');

    // An API key of the same organization still manages integrations.
    expect((await update(acme, { id: target.id, name: 'Renamed by a key' })).userErrors).toEqual([]);
  });

  it(
    'FEATURE_DISABLED still wins for a gated organization',
    async () => {
      const gated = await testOrg({ name: 'Credentials gated' });
      const partner = await gated.oidcClient({ name: 'Gated partner' });
      const asPartner = bearer(await obtainToken(partner));
      await setFeature(gated.id, false);
      try {
        const attempts: (() => Promise<Answer<object>>)[] = [
          () => send(asPartner, CREATE, { input: { templateKey: 'API', name: 'From a token', workflowId: 'wf_01m8mwbn4xqpj3fypwxwrsccbr' } }),
          () => send(asPartner, UPDATE, { input: { id: partner.integrationId, name: 'Renamed by a token' } }),
          () => send(asPartner, DELETE, { input: { id: partner.integrationId } }),
        ];
        for (const attempt of attempts) expectForbidden(await attempt(), 'FEATURE_DISABLED');
      } finally {
        await setFeature(gated.id, true);
      }
    },
    SLOW,
  );
});

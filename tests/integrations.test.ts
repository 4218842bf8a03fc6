// Integrations end to end through the real server: create from every template, per-template
// validation (every userErrors code, nothing written), masked secrets, merge-on-update,
// filters and paging, deletion, tenancy for every operation, and the feature gate.
import { beforeAll, describe, expect } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type Answer,
  type CreateIntegrationInput,
  type IntegrationFilter,
  type Org,
  type UpdateIntegrationInput,
  type VariablesOf,
  type Workflow,
  codes,
  errors,
  execute,
  executeText,
  expectGraphQLErrors,
  graphql,
  it,
  jsonObject,
  mutate,
  mutateOk,
  nodeIds,
  nodes,
  onlyError,
  present,
  same,
  send,
  testOrg,
} from './support/kit.ts';
import { startOktaStandIn, oktaUser } from './support/standins/okta.ts';

graphql(`
  fragment IntegrationsFields on Integration {
    id
    name
    status
    config
    clientId
    createdAt
    updatedAt
    template {
      key
      name
      category
      fields {
        key
        type
        required
        secret
      }
    }
    workflow {
      id
      name
      version
    }
    clientSecret {
      lastFour
      createdAt
    }
    directory {
      userCount
    }
  }
`);
const CREATE = graphql(`
  mutation IntegrationsCreate($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      integration {
        ...IntegrationsFields
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
  mutation IntegrationsUpdate($input: UpdateIntegrationInput!) {
    updateIntegration(input: $input) {
      integration {
        ...IntegrationsFields
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
  mutation IntegrationsDelete($input: DeleteIntegrationInput!) {
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
const GENERATE = graphql(`
  mutation IntegrationsGenerateSecret($input: GenerateClientSecretInput!) {
    generateClientSecret(input: $input) {
      clientSecret
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
const REQUEST = graphql(`
  mutation IntegrationsRequestOnboarding($input: RequestNewOnboardingInput!) {
    requestNewOnboarding(input: $input) {
      session {
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
const COMPLETE = graphql(`
  mutation IntegrationsCompleteOnboarding($input: CompleteOnboardingSessionInput!) {
    completeOnboardingSession(input: $input) {
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
const GET = graphql(`
  query IntegrationsGet($id: ID!) {
    integration(id: $id) {
      ...IntegrationsFields
    }
    node(id: $id) {
      id
      ... on Integration {
        name
      }
    }
  }
`);
const COUNT = graphql(`
  query IntegrationsCount {
    integrations {
      totalCount
    }
  }
`);
const CONFIGS = graphql(`
  query IntegrationsConfigs {
    integrations(first: 100) {
      edges {
        node {
          config
        }
      }
    }
  }
`);
const TEMPLATES = graphql(`
  query IntegrationsTemplates {
    integrationTemplates {
      key
      category
      fields {
        key
        type
        required
        secret
      }
    }
  }
`);
const LAST_SYNC = graphql(`
  query IntegrationsLastSync($id: ID!) {
    integration(id: $id) {
      directory {
        lastSync {
          id
          status
          error
        }
      }
    }
  }
`);
const START_SYNC = graphql(`
  mutation IntegrationsStartSync($id: ID!) {
    startDirectorySync(input: { integrationId: $id }) {
      sync {
        id
      }
      userErrors {
        code
      }
    }
  }
`);
const LIST = graphql(`
  query IntegrationsList($filter: IntegrationFilter, $first: Int, $after: String, $last: Int, $before: String) {
    integrations(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
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
const FULL_PAGE = graphql(`
  query IntegrationsFullPage {
    integrations(first: 100) {
      totalCount
      edges {
        node {
          ...IntegrationsFields
          onboardingSessions(first: 5) {
            totalCount
          }
        }
      }
    }
  }
`);
const DIRECTORY_USERS = graphql(`
  query IntegrationsDirectoryUsers($id: ID!) {
    directoryUsers(integrationId: $id) {
      totalCount
    }
  }
`);
const SESSIONS_OF = graphql(`
  query IntegrationsSessionsOf($id: ID!) {
    integration(id: $id) {
      onboardingSessions {
        totalCount
        edges {
          node {
            id
          }
        }
      }
    }
  }
`);
const SESSION = graphql(`
  query IntegrationsSession($id: ID!) {
    onboardingSession(id: $id) {
      id
      status
    }
    node(id: $id) {
      id
    }
  }
`);
const USERS_OF = graphql(`
  query IntegrationsUsersOf($id: ID!) {
    directoryUsers(integrationId: $id) {
      totalCount
      edges {
        node {
          id
        }
      }
    }
  }
`);
const IDS = graphql(`
  query IntegrationsIds {
    integrations(first: 100) {
      edges {
        node {
          id
        }
      }
    }
  }
`);
const THEIRS = graphql(`
  query IntegrationsTheirs($oidc: ID!, $okta: ID!, $session: ID!) {
    oidc: integration(id: $oidc) {
      name
      status
      clientSecret {
        lastFour
      }
      onboardingSessions {
        totalCount
      }
    }
    okta: integration(id: $okta) {
      name
      status
    }
    onboardingSession(id: $session) {
      status
      completedAt
    }
  }
`);
const GATED_TEMPLATES = graphql(`
  query IntegrationsGatedTemplates {
    integrationTemplates {
      key
    }
  }
`);
const GATED_INTEGRATION = graphql(`
  query IntegrationsGatedIntegration($id: ID!) {
    integration(id: $id) {
      id
    }
  }
`);
const GATED_SESSION = graphql(`
  query IntegrationsGatedSession($id: ID!) {
    onboardingSession(id: $id) {
      id
    }
  }
`);
const GATED_VIEWER = graphql(`
  query IntegrationsGatedViewer {
    viewer {
      organization {
        id
        features
      }
    }
  }
`);
const GATED_WORKFLOWS = graphql(`
  query IntegrationsGatedWorkflows {
    workflows {
      totalCount
      edges {
        node {
          id
        }
      }
    }
  }
`);

const UNKNOWN_INTEGRATION = 'int_01m8mwbn4xqpj3fypwxwrsccbr';
const UNKNOWN_WORKFLOW = 'wf_01m8mwbn4xqpj3fypwxwrsccbr';
const UNKNOWN_SESSION = 'ses_01m8mwbn4xqpj3fypwxwrsccbr';
// Loopback addresses nobody listens on: a directory integration's queued first sync must
// never reach out to the internet from a test.
const OKTA_URL = 'http://127.0.0.1:9';
const ENTRA_AUTHORITY = 'http://127.0.0.1:9/authority';
const ENTRA_GRAPH = 'http://127.0.0.1:9/graph';

/** createIntegration's payload, with the raw body text (for "the secret is not in it" checks). */
async function create(org: Org, input: CreateIntegrationInput) {
  const { data, text } = await executeText(org, CREATE, { input });
  return { ...data.createIntegration, text };
}
/** updateIntegration's payload, with the raw body text. */
async function update(org: Org, input: UpdateIntegrationInput) {
  const { data, text } = await executeText(org, UPDATE, { input });
  return { ...data.updateIntegration, text };
}
const remove = (org: Org, id: string) => mutate(org, DELETE, { id });

async function createOk(org: Org, input: CreateIntegrationInput) {
  return (await mutateOk(org, CREATE, input)).integration;
}

async function totalCount(org: Org): Promise<number> {
  return (await execute(org, COUNT)).integrations.totalCount;
}

let acme: Org;
let other: Org;
let kyc: Workflow;
let otherWorkflow: Workflow;

beforeAll(async () => {
  acme = await testOrg({ name: 'Acme integrations' });
  other = await testOrg({ name: 'Other integrations' });
  [kyc, otherWorkflow] = await Promise.all([acme.workflow({ name: 'KYC' }), other.workflow({ name: 'Theirs' })]);
});

describe('createIntegration, for every template', () => {
  it('creates an OKTA directory integration; the API token comes back masked only', async () => {
    const apiToken = '00aBcDeFgHiJkLmNoPqRsTuVwXyZ-okta-9876';
    const created = await create(acme, { templateKey: 'OKTA', name: '  Okta prod  ', config: { orgUrl: OKTA_URL, apiToken } });
    expect(created.integration).toMatchObject({
      name: 'Okta prod',
      status: 'ACTIVE',
      template: { key: 'OKTA', category: 'DIRECTORY' },
      workflow: null,
      clientId: null,
      clientSecret: null,
      config: { orgUrl: OKTA_URL, apiToken: '••••9876' },
      directory: { userCount: 0 },
    });
    const integration = present(created.integration);
    expect(integration.id).toMatch(/^int_[0-9a-z]{26}$/);
    expect(Object.keys(jsonObject(integration.config)).sort()).toEqual(['apiToken', 'orgUrl']);
    expect(created.text).not.toContain(apiToken);
    const read = await executeText(acme, GET, { id: integration.id });
    expect(read.data.integration).toEqual(integration);
    expect(read.data.node).toEqual({ id: integration.id, name: 'Okta prod' });
    expect(read.text).not.toContain(apiToken);
    const list = await executeText(acme, CONFIGS);
    expect(list.text).not.toContain(apiToken);
  });

  it('creates a MICROSOFT_ENTRA directory integration, with and without the optional URLs', async () => {
    const clientSecret = 'entra~Secret.Value_0123456789wxyz';
    const full = await create(acme, {
      templateKey: 'MICROSOFT_ENTRA',
      name: 'Entra',
      config: { tenantId: 'tenant-1', clientId: 'app-1', clientSecret, authorityUrl: ENTRA_AUTHORITY, graphUrl: ENTRA_GRAPH },
    });
    expect(full.userErrors).toEqual([]);
    expect(full.integration).toMatchObject({
      template: { key: 'MICROSOFT_ENTRA', category: 'DIRECTORY' },
      workflow: null,
      clientId: null,
      config: { tenantId: 'tenant-1', clientId: 'app-1', clientSecret: '••••wxyz', authorityUrl: ENTRA_AUTHORITY, graphUrl: ENTRA_GRAPH },
    });
    expect(full.text).not.toContain(clientSecret);

    const minimal = await create(acme, {
      templateKey: 'MICROSOFT_ENTRA',
      name: 'Entra min',
      config: { tenantId: 't', clientId: 'c', clientSecret: 'short' },
    });
    expect(minimal.userErrors).toEqual([]);
    // Under 8 characters nothing of the secret is shown.
    expect(present(minimal.integration).config).toEqual({ tenantId: 't', clientId: 'c', clientSecret: '••••' });
    expect(minimal.text).not.toContain('short');
    // Exactly 8 characters: the last four.
    const eight = await create(acme, {
      templateKey: 'MICROSOFT_ENTRA',
      name: 'Entra 8',
      config: { tenantId: 't', clientId: 'c', clientSecret: 'abcd1234' },
    });
    expect(jsonObject(present(eight.integration).config).clientSecret).toBe('••••1234');
    expect(eight.text).not.toContain('abcd1234');
  });

  it('creates an OIDC_CLIENT_CREDENTIALS integration with a workflow, redirect URIs and a client ID', async () => {
    const created = await create(acme, {
      templateKey: 'OIDC_CLIENT_CREDENTIALS',
      name: 'Portal',
      workflowId: kyc.id,
      config: { redirectUris: ['https://app.example.com/done', 'https://app.example.com/other'] },
    });
    expect(created.userErrors).toEqual([]);
    expect(created.integration).toMatchObject({
      template: { key: 'OIDC_CLIENT_CREDENTIALS', category: 'CUSTOM' },
      workflow: { id: kyc.id, name: kyc.name, version: 1 },
      clientSecret: null,
      directory: null,
      config: { redirectUris: ['https://app.example.com/done', 'https://app.example.com/other'] },
    });
    const integration = present(created.integration);
    expect(integration.id).toMatch(/^int_/);
    expect(integration.clientId).toEqual(expect.any(String));
    const bare = await createOk(acme, { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'Bare OIDC', workflowId: kyc.id });
    expect(bare.config).toEqual({});
    expect(bare.clientId).not.toBe(integration.clientId);
  });

  it('creates an API integration with a workflow and no config', async () => {
    const integration = await createOk(acme, { templateKey: 'API', name: 'Backend', workflowId: kyc.id });
    expect(integration).toMatchObject({
      template: { key: 'API', category: 'CUSTOM', fields: [] },
      workflow: { id: kyc.id },
      config: {},
      clientId: null,
      clientSecret: null,
      directory: null,
    });
    expect(integration.id).toMatch(/^int_/);
    const explicitEmpty = await createOk(acme, { templateKey: 'API', name: 'Backend 2', workflowId: kyc.id, config: {} });
    expect(explicitEmpty.config).toEqual({});
  });

  it('lists the four templates with their fields', async () => {
    const data = await execute(acme, TEMPLATES);
    const byKey = Object.fromEntries(data.integrationTemplates.map((t) => [t.key, t]));
    // Every directory template also takes its schedule, its safety valve and its group scope.
    const directoryFields = [
      ['syncIntervalSeconds', 'INTEGER', false],
      ['maxDeactivationPercent', 'INTEGER', false],
      ['groupFilter', 'STRING_LIST', false],
    ];
    expect(byKey.OKTA.fields.map((f) => [f.key, f.type, f.required])).toEqual([
      ['orgUrl', 'URL', true],
      ['apiToken', 'SECRET', true],
      ...directoryFields,
    ]);
    expect(byKey.MICROSOFT_ENTRA.fields.map((f) => [f.key, f.type, f.required])).toEqual([
      ['tenantId', 'STRING', true],
      ['clientId', 'STRING', true],
      ['clientSecret', 'SECRET', true],
      ['authorityUrl', 'URL', false],
      ['graphUrl', 'URL', false],
      ...directoryFields,
    ]);
    expect(byKey.OIDC_CLIENT_CREDENTIALS.fields).toEqual([{ key: 'redirectUris', type: 'STRING_LIST', required: false, secret: false }]);
    expect(byKey.API.fields).toEqual([]);
    expect(byKey.OKTA.category).toBe('DIRECTORY');
    expect(byKey.API.category).toBe('CUSTOM');
  });
});

describe('createIntegration validation: a userErrors entry at the field, nothing written', () => {
  const okta = { templateKey: 'OKTA', name: 'Okta', config: { orgUrl: OKTA_URL, apiToken: 'token-123456789' } };

  async function rejects(input: CreateIntegrationInput, code: string, field: string[]) {
    const before = await totalCount(acme);
    const result = await create(acme, input);
    expect(result.integration).toBeNull();
    const error = onlyError(result, code, field);
    expect(await totalCount(acme)).toBe(before);
    return error;
  }

  it('TEMPLATE_NOT_FOUND', async () => {
    await rejects({ templateKey: 'NOPE', name: 'X', config: {} }, 'TEMPLATE_NOT_FOUND', ['input', 'templateKey']);
  });

  it('REQUIRED for a missing required field, per field', async () => {
    await rejects({ ...okta, config: { apiToken: 'token-123456789' } }, 'REQUIRED', ['input', 'config', 'orgUrl']);
    await rejects({ ...okta, config: { orgUrl: OKTA_URL } }, 'REQUIRED', ['input', 'config', 'apiToken']);
    await rejects({ ...okta, config: { orgUrl: OKTA_URL, apiToken: '   ' } }, 'REQUIRED', ['input', 'config', 'apiToken']);
    await rejects({ templateKey: 'MICROSOFT_ENTRA', name: 'E', config: { tenantId: 't', clientSecret: 'secret-value' } }, 'REQUIRED', [
      'input',
      'config',
      'clientId',
    ]);
    // No config at all: every required field is named.
    const before = await totalCount(acme);
    const none = await create(acme, { templateKey: 'OKTA', name: 'Okta' });
    expect(none.userErrors.map((e) => [e.code, e.field])).toEqual([
      ['REQUIRED', ['input', 'config', 'orgUrl']],
      ['REQUIRED', ['input', 'config', 'apiToken']],
    ]);
    expect(await totalCount(acme)).toBe(before);
  });

  it('INVALID for a value of the wrong type', async () => {
    await rejects({ ...okta, config: { ...okta.config, orgUrl: 5 } }, 'INVALID', ['input', 'config', 'orgUrl']);
    await rejects({ ...okta, config: { ...okta.config, orgUrl: 'not a url' } }, 'INVALID', ['input', 'config', 'orgUrl']);
    await rejects({ ...okta, config: { ...okta.config, orgUrl: 'ftp://files.example.com' } }, 'INVALID', ['input', 'config', 'orgUrl']);
    await rejects({ ...okta, config: { ...okta.config, apiToken: ['x'] } }, 'INVALID', ['input', 'config', 'apiToken']);
    await rejects({ templateKey: 'MICROSOFT_ENTRA', name: 'E', config: { tenantId: 7, clientId: 'c', clientSecret: 'secret-value' } }, 'INVALID', [
      'input',
      'config',
      'tenantId',
    ]);
    await rejects({ templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'O', workflowId: kyc.id, config: { redirectUris: 'x' } }, 'INVALID', [
      'input',
      'config',
      'redirectUris',
    ]);
    await rejects(
      { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'O', workflowId: kyc.id, config: { redirectUris: ['https://ok.example.com', 3] } },
      'INVALID',
      ['input', 'config', 'redirectUris'],
    );
    await rejects({ templateKey: 'API', name: 'A', workflowId: kyc.id, config: 'x' }, 'INVALID', ['input', 'config']);
  });

  it('UNKNOWN_FIELD', async () => {
    await rejects({ ...okta, config: { ...okta.config, bogus: 1 } }, 'UNKNOWN_FIELD', ['input', 'config', 'bogus']);
    await rejects({ templateKey: 'API', name: 'A', workflowId: kyc.id, config: { bogus: 'x' } }, 'UNKNOWN_FIELD', ['input', 'config', 'bogus']);
  });

  it('REQUIRED for a blank name', async () => {
    await rejects({ ...okta, name: '  ' }, 'REQUIRED', ['input', 'name']);
  });

  it('WORKFLOW_REQUIRED for CUSTOM templates, WORKFLOW_NOT_ALLOWED for DIRECTORY ones', async () => {
    await rejects({ templateKey: 'API', name: 'A' }, 'WORKFLOW_REQUIRED', ['input', 'workflowId']);
    await rejects({ templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'O', workflowId: null }, 'WORKFLOW_REQUIRED', ['input', 'workflowId']);
    await rejects({ templateKey: 'API', name: 'A', workflowId: '' }, 'WORKFLOW_REQUIRED', ['input', 'workflowId']);
    await rejects({ ...okta, workflowId: kyc.id }, 'WORKFLOW_NOT_ALLOWED', ['input', 'workflowId']);
    await rejects(
      { templateKey: 'MICROSOFT_ENTRA', name: 'E', workflowId: kyc.id, config: { tenantId: 't', clientId: 'c', clientSecret: 'secret-value' } },
      'WORKFLOW_NOT_ALLOWED',
      ['input', 'workflowId'],
    );
  });

  it("WORKFLOW_NOT_FOUND, identical for an unknown and another organization's workflow", async () => {
    const unknown = await rejects({ templateKey: 'API', name: 'A', workflowId: UNKNOWN_WORKFLOW }, 'WORKFLOW_NOT_FOUND', ['input', 'workflowId']);
    const foreign = await rejects({ templateKey: 'API', name: 'A', workflowId: otherWorkflow.id }, 'WORKFLOW_NOT_FOUND', ['input', 'workflowId']);
    const garbage = await rejects({ templateKey: 'API', name: 'A', workflowId: 'garbage' }, 'WORKFLOW_NOT_FOUND', ['input', 'workflowId']);
    expect(foreign).toEqual(unknown);
    expect(garbage).toEqual(unknown);
  });

  it('reports every problem at once, still writing nothing', async () => {
    const before = await totalCount(acme);
    const result = await create(acme, { templateKey: 'OKTA', name: 'Okta', workflowId: kyc.id, config: { orgUrl: 5, bogus: true } });
    expect(result.integration).toBeNull();
    expect(result.userErrors.map((e) => `${e.code} ${e.field?.join('.')}`).sort()).toEqual([
      'INVALID input.config.orgUrl',
      'REQUIRED input.config.apiToken',
      'UNKNOWN_FIELD input.config.bogus',
      'WORKFLOW_NOT_ALLOWED input.workflowId',
    ]);
    expect(await totalCount(acme)).toBe(before);
  });
});

describe('updateIntegration', () => {
  it('merges config: keys given replace, keys omitted stay (secrets too), null clears an optional field', async () => {
    const clientSecret = 'entra-secret-value-9999';
    const created = await createOk(acme, {
      templateKey: 'MICROSOFT_ENTRA',
      name: 'Entra merge',
      config: { tenantId: 'tenant-a', clientId: 'client-a', clientSecret, authorityUrl: ENTRA_AUTHORITY, graphUrl: ENTRA_GRAPH },
    });
    expect(jsonObject(created.config).clientSecret).toBe('••••9999');

    // A change of where the secret goes (here the tenant) gives the secret again (integration-credentials.test.ts).
    const renamed = await update(acme, { id: created.id, config: { tenantId: 'tenant-b', clientSecret } });
    expect(renamed.userErrors).toEqual([]);
    expect(renamed.integration?.config).toEqual({
      tenantId: 'tenant-b',
      clientId: 'client-a',
      clientSecret: '••••9999',
      authorityUrl: ENTRA_AUTHORITY,
      graphUrl: ENTRA_GRAPH,
    });

    const cleared = await update(acme, { id: created.id, config: { authorityUrl: null, clientSecret } });
    expect(cleared.userErrors).toEqual([]);
    expect(cleared.integration?.config).toEqual({ tenantId: 'tenant-b', clientId: 'client-a', clientSecret: '••••9999', graphUrl: ENTRA_GRAPH });

    const newSecret = 'a-brand-new-secret-0042';
    const rotated = await update(acme, { id: created.id, config: { clientSecret: newSecret } });
    expect(jsonObject(present(rotated.integration).config).clientSecret).toBe('••••0042');
    expect(rotated.text).not.toContain(newSecret);

    // Edits that leave the config alone keep it, secrets included.
    const nameOnly = await update(acme, { id: created.id, name: 'Entra renamed' });
    expect(nameOnly.integration).toMatchObject({ name: 'Entra renamed', config: { clientSecret: '••••0042', tenantId: 'tenant-b' } });
    const read = await executeText(acme, GET, { id: created.id });
    expect(read.data.integration?.config).toEqual({ tenantId: 'tenant-b', clientId: 'client-a', clientSecret: '••••0042', graphUrl: ENTRA_GRAPH });
    expect(read.text).not.toContain(clientSecret);
    expect(read.text).not.toContain(newSecret);
  });

  it('keeps a secret when its masked value is sent back, as a form re-submitting what it read would', async () => {
    const okta = await startOktaStandIn({ users: [oktaUser(1), oktaUser(2)] });
    try {
      const created = await createOk(acme, { templateKey: 'OKTA', name: 'Okta roundtrip', config: { orgUrl: okta.url, apiToken: okta.token } });
      const lastSync = async () => {
        for (let i = 0; i < 200; i++) {
          const { integration } = await execute(acme, LAST_SYNC, { id: created.id });
          const sync = present(present(present(integration, 'integration').directory, 'directory').lastSync, 'lastSync');
          if (sync.status === 'SUCCEEDED' || sync.status === 'FAILED') return sync;
          await sleep(100);
        }
        throw new Error('sync did not finish');
      };
      expect((await lastSync()).status).toBe('SUCCEEDED');
      const resubmitted = await update(acme, { id: created.id, config: { orgUrl: okta.url, apiToken: jsonObject(created.config).apiToken } });
      expect(resubmitted.userErrors).toEqual([]);
      const started = await execute(acme, START_SYNC, { id: created.id });
      expect(started.startDirectorySync.userErrors).toEqual([]);
      // Had the mask replaced the token, Okta would refuse it and the sync would fail.
      expect(await lastSync()).toMatchObject({ id: present(started.startDirectorySync.sync).id, status: 'SUCCEEDED', error: null });
    } finally {
      await okta.close();
    }
  });

  it('applies concurrent config merges one after the other, losing none', async () => {
    const created = await createOk(acme, {
      templateKey: 'MICROSOFT_ENTRA',
      name: 'Entra concurrent',
      config: { tenantId: 't0', clientId: 'c0', clientSecret: 'entra-secret-concurrent', authorityUrl: ENTRA_AUTHORITY, graphUrl: ENTRA_GRAPH },
    });
    // Moving tenantId or a URL gives the secret again (the same one here).
    const clientSecret = 'entra-secret-concurrent';
    const patches = [
      { tenantId: 'tenant-final', clientSecret },
      { clientId: 'client-final' },
      { authorityUrl: `${ENTRA_AUTHORITY}/final`, clientSecret },
      { graphUrl: `${ENTRA_GRAPH}/final`, clientSecret },
    ];
    const results = await Promise.all(patches.map((config) => update(acme, { id: created.id, config })));
    for (const result of results) expect(result.userErrors).toEqual([]);
    const read = await execute(acme, GET, { id: created.id });
    expect(read.integration?.config).toEqual({
      tenantId: 'tenant-final',
      clientId: 'client-final',
      clientSecret: '••••rent',
      authorityUrl: `${ENTRA_AUTHORITY}/final`,
      graphUrl: `${ENTRA_GRAPH}/final`,
    });
  });

  it('rejects null on a required field, unknown fields and wrong types, changing nothing', async () => {
    const created = await createOk(acme, { templateKey: 'OKTA', name: 'Okta strict', config: { orgUrl: OKTA_URL, apiToken: 'token-abcdefgh' } });
    const cases: [Omit<UpdateIntegrationInput, 'id'>, string, string[]][] = [
      [{ config: { orgUrl: null } }, 'REQUIRED', ['input', 'config', 'orgUrl']],
      [{ config: { apiToken: null } }, 'REQUIRED', ['input', 'config', 'apiToken']],
      [{ config: { bogus: 'x' } }, 'UNKNOWN_FIELD', ['input', 'config', 'bogus']],
      [{ config: { orgUrl: 5 } }, 'INVALID', ['input', 'config', 'orgUrl']],
      [{ name: '' }, 'REQUIRED', ['input', 'name']],
      [{ workflowId: kyc.id }, 'WORKFLOW_NOT_ALLOWED', ['input', 'workflowId']],
    ];
    for (const [patch, code, field] of cases) {
      const result = await update(acme, { id: created.id, ...patch });
      expect(result.integration).toBeNull();
      onlyError(result, code, field);
    }
    const read = await execute(acme, GET, { id: created.id });
    expect(read.integration).toMatchObject({ name: 'Okta strict', config: { orgUrl: OKTA_URL, apiToken: '••••efgh' } });
    expect(read.integration?.updatedAt).toBe(created.updatedAt);
  });

  it('renames, disables and re-enables, and changes the workflow', async () => {
    const second = await acme.workflow({ name: 'Second', steps: ['SELFIE'] });
    const created = await createOk(acme, { templateKey: 'API', name: 'Edit me', workflowId: kyc.id });
    const renamed = await update(acme, { id: created.id, name: 'Edited' });
    expect(renamed.integration).toMatchObject({ name: 'Edited', status: 'ACTIVE', workflow: { id: kyc.id } });
    const disabled = await update(acme, { id: created.id, status: 'DISABLED' });
    expect(disabled.integration?.status).toBe('DISABLED');
    expect((await execute(acme, GET, { id: created.id })).integration?.status).toBe('DISABLED');
    const enabled = await update(acme, { id: created.id, status: 'ACTIVE' });
    expect(enabled.integration?.status).toBe('ACTIVE');
    const relinked = await update(acme, { id: created.id, workflowId: second.id });
    expect(relinked.userErrors).toEqual([]);
    expect(relinked.integration?.workflow).toEqual({ id: second.id, name: 'Second', version: 1 });
    expect((await execute(acme, GET, { id: created.id })).integration?.workflow?.id).toBe(second.id);
  });

  it('refuses a missing, unknown or foreign workflow on a CUSTOM integration', async () => {
    const created = await createOk(acme, { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'Keep workflow', workflowId: kyc.id });
    onlyError(await update(acme, { id: created.id, workflowId: null }), 'WORKFLOW_REQUIRED', ['input', 'workflowId']);
    const unknown = onlyError(await update(acme, { id: created.id, workflowId: UNKNOWN_WORKFLOW }), 'WORKFLOW_NOT_FOUND', ['input', 'workflowId']);
    const foreign = onlyError(await update(acme, { id: created.id, workflowId: otherWorkflow.id }), 'WORKFLOW_NOT_FOUND', ['input', 'workflowId']);
    expect(foreign).toEqual(unknown);
    expect((await execute(acme, GET, { id: created.id })).integration?.workflow?.id).toBe(kyc.id);
  });
});

describe('integrations: filters and paging', () => {
  let org: Org;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    org = await testOrg({ name: 'Filters' });
    const wf = await org.workflow({ name: 'KYC' });
    const inputs: [string, CreateIntegrationInput][] = [
      ['okta1', { templateKey: 'OKTA', name: 'okta1', config: { orgUrl: OKTA_URL, apiToken: 'token-11111111' } }],
      ['okta2', { templateKey: 'OKTA', name: 'okta2', config: { orgUrl: OKTA_URL, apiToken: 'token-22222222' } }],
      [
        'entra',
        {
          templateKey: 'MICROSOFT_ENTRA',
          name: 'entra',
          config: { tenantId: 't', clientId: 'c', clientSecret: 'secret-value', authorityUrl: ENTRA_AUTHORITY, graphUrl: ENTRA_GRAPH },
        },
      ],
      ['oidc1', { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'oidc1', workflowId: wf.id }],
      ['oidc2', { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'oidc2', workflowId: wf.id }],
      ['api', { templateKey: 'API', name: 'api', workflowId: wf.id }],
    ];
    // One at a time: the list is newest first.
    for (const [key, input] of inputs) ids[key] = (await createOk(org, input)).id;
    expect((await update(org, { id: ids.okta2, status: 'DISABLED' })).userErrors).toEqual([]);
    expect((await update(org, { id: ids.oidc1, status: 'DISABLED' })).userErrors).toEqual([]);
  });

  async function list(variables: VariablesOf<typeof LIST>) {
    return (await execute(org, LIST, variables)).integrations;
  }
  const names = (connection: { edges: readonly { node: { name: string } }[] }) => nodes(connection).map((node) => node.name);

  it('lists all, newest first, with totalCount', async () => {
    const all = await list({});
    expect(all.totalCount).toBe(6);
    expect(names(all)).toEqual(['api', 'oidc2', 'oidc1', 'entra', 'okta2', 'okta1']);
  });

  it('serves a full page of 100 with the whole selection, first given literally (within the query cost limit)', async () => {
    const data = await execute(acme, FULL_PAGE);
    expect(data.integrations.totalCount).toBeGreaterThan(0);
  });

  it('filters by templateKey, category and status, alone and combined', async () => {
    const cases: [IntegrationFilter, string[]][] = [
      [{ templateKey: 'OKTA' }, ['okta2', 'okta1']],
      [{ templateKey: 'API' }, ['api']],
      [{ templateKey: 'NOPE' }, []],
      [{ category: 'DIRECTORY' }, ['entra', 'okta2', 'okta1']],
      [{ category: 'CUSTOM' }, ['api', 'oidc2', 'oidc1']],
      [{ status: 'DISABLED' }, ['oidc1', 'okta2']],
      [{ status: 'ACTIVE' }, ['api', 'oidc2', 'entra', 'okta1']],
      [{ category: 'CUSTOM', status: 'ACTIVE' }, ['api', 'oidc2']],
      [{ templateKey: 'OKTA', status: 'ACTIVE' }, ['okta1']],
      [{ templateKey: 'OKTA', category: 'CUSTOM' }, []],
      [{ templateKey: 'OIDC_CLIENT_CREDENTIALS', category: 'CUSTOM', status: 'DISABLED' }, ['oidc1']],
    ];
    for (const [filter, expected] of cases) {
      const result = await list({ filter });
      expect(names(result), JSON.stringify(filter)).toEqual(expected);
      expect(result.totalCount, JSON.stringify(filter)).toBe(expected.length);
    }
  });

  it('pages forward and backward; totalCount follows the filter, not the page', async () => {
    const page1 = await list({ first: 2 });
    expect(names(page1)).toEqual(['api', 'oidc2']);
    expect(page1.totalCount).toBe(6);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await list({ first: 2, after: page1.pageInfo.endCursor });
    expect(names(page2)).toEqual(['oidc1', 'entra']);
    const page3 = await list({ first: 2, after: page2.pageInfo.endCursor });
    expect(names(page3)).toEqual(['okta2', 'okta1']);
    expect(page3.pageInfo.hasNextPage).toBe(false);
    const back = await list({ last: 2, before: page2.pageInfo.startCursor });
    expect(names(back)).toEqual(['api', 'oidc2']);
    const filtered = await list({ first: 1, filter: { category: 'DIRECTORY' } });
    expect(names(filtered)).toEqual(['entra']);
    expect(filtered.totalCount).toBe(3);
    expect(filtered.pageInfo.hasNextPage).toBe(true);
    const filtered2 = await list({ first: 5, after: filtered.pageInfo.endCursor, filter: { category: 'DIRECTORY' } });
    expect(names(filtered2)).toEqual(['okta2', 'okta1']);
    await errors(send(org, LIST, { first: 101 }), 'BAD_USER_INPUT');
  });
});

describe('deleteIntegration', () => {
  it('removes it for good: integration(id) and node(id) null, delete again NOT_FOUND, requestNewOnboarding INTEGRATION_NOT_FOUND', async () => {
    const created = await createOk(acme, { templateKey: 'API', name: 'Doomed', workflowId: kyc.id });
    const before = await totalCount(acme);
    const deleted = await remove(acme, created.id);
    expect(deleted).toMatchObject({ deletedIntegrationId: created.id, userErrors: [] });
    expect(await totalCount(acme)).toBe(before - 1);
    expect(await execute(acme, GET, { id: created.id })).toEqual({ integration: null, node: null });
    const again = await remove(acme, created.id);
    expect(again.deletedIntegrationId).toBeNull();
    onlyError(again, 'NOT_FOUND', ['input', 'id']);
    const onboarding = await mutate(acme, REQUEST, { integrationId: created.id });
    expect(onboarding.session).toBeNull();
    onlyError(onboarding, 'INTEGRATION_NOT_FOUND', ['input', 'integrationId']);
    onlyError(await update(acme, { id: created.id, name: 'Back?' }), 'NOT_FOUND', ['input', 'id']);
    onlyError(await mutate(acme, GENERATE, { integrationId: created.id }), 'NOT_FOUND', ['input', 'integrationId']);
  });

  it('deletes directory integrations with their credentials', async () => {
    const created = await createOk(acme, { templateKey: 'OKTA', name: 'Doomed Okta', config: { orgUrl: OKTA_URL, apiToken: 'token-doomed-1' } });
    expect((await remove(acme, created.id)).userErrors).toEqual([]);
    expect((await execute(acme, GET, { id: created.id })).integration).toBeNull();
    const users = await execute(acme, DIRECTORY_USERS, { id: created.id });
    expect(users.directoryUsers.totalCount).toBe(0);
  });
});

describe("tenancy: another organization's IDs behave exactly like unknown IDs", () => {
  let theirs: { oidc: string; okta: string; session: string };

  beforeAll(async () => {
    const oidc = await createOk(other, { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'Their OIDC', workflowId: otherWorkflow.id });
    const okta = await createOk(other, { templateKey: 'OKTA', name: 'Their Okta', config: { orgUrl: OKTA_URL, apiToken: 'their-token-1234' } });
    const requested = await mutateOk(other, REQUEST, { integrationId: oidc.id, externalUserId: 'their-person' });
    expect(requested.userErrors).toEqual([]);
    theirs = { oidc: oidc.id, okta: okta.id, session: requested.session.id };
  });

  it('queries: integration, node, integration.onboardingSessions, onboardingSession, directoryUsers', async () => {
    for (const theirId of [theirs.oidc, theirs.okta]) {
      expect(await same((id) => execute(acme, GET, { id }), theirId, UNKNOWN_INTEGRATION)).toEqual({ integration: null, node: null });
      expect(await same((id) => execute(acme, SESSIONS_OF, { id }), theirId, UNKNOWN_INTEGRATION)).toEqual({ integration: null });
    }
    expect(await same((id) => execute(acme, SESSION, { id }), theirs.session, UNKNOWN_SESSION)).toEqual({ onboardingSession: null, node: null });
    expect(await same((id) => execute(acme, USERS_OF, { id }), theirs.okta, UNKNOWN_INTEGRATION)).toEqual({
      directoryUsers: { totalCount: 0, edges: [] },
    });
    // The listing never shows them either.
    const listed = nodeIds((await execute(acme, IDS)).integrations);
    expect(listed).not.toContain(theirs.oidc);
    expect(listed).not.toContain(theirs.okta);
  });

  it('mutations: updateIntegration, deleteIntegration, generateClientSecret, requestNewOnboarding, completeOnboardingSession', async () => {
    // Each refusal: the same for their ID and an unknown one, exactly one user error.
    onlyError(await same((id) => mutate(acme, UPDATE, { id, name: 'Hijacked' }), theirs.oidc, UNKNOWN_INTEGRATION), 'NOT_FOUND', ['input', 'id']);
    onlyError(await same((id) => mutate(acme, UPDATE, { id, status: 'DISABLED' }), theirs.okta, UNKNOWN_INTEGRATION), 'NOT_FOUND', ['input', 'id']);
    onlyError(await same((id) => mutate(acme, DELETE, { id }), theirs.oidc, UNKNOWN_INTEGRATION), 'NOT_FOUND', ['input', 'id']);
    onlyError(await same((id) => mutate(acme, DELETE, { id }), theirs.okta, UNKNOWN_INTEGRATION), 'NOT_FOUND', ['input', 'id']);
    onlyError(await same((id) => mutate(acme, GENERATE, { integrationId: id }), theirs.oidc, UNKNOWN_INTEGRATION), 'NOT_FOUND', [
      'input',
      'integrationId',
    ]);
    for (const theirId of [theirs.oidc, theirs.okta]) {
      const refusal = await same((id) => mutate(acme, REQUEST, { integrationId: id }), theirId, UNKNOWN_INTEGRATION);
      onlyError(refusal, 'INTEGRATION_NOT_FOUND', ['input', 'integrationId']);
    }
    const completed = await same((id) => mutate(acme, COMPLETE, { sessionId: id, outcome: 'COMPLETED' }), theirs.session, UNKNOWN_SESSION);
    onlyError(completed, 'SESSION_NOT_FOUND', ['input', 'sessionId']);
    // Nothing of theirs changed.
    const read = await execute(other, THEIRS, theirs);
    expect(read).toEqual({
      oidc: { name: 'Their OIDC', status: 'ACTIVE', clientSecret: null, onboardingSessions: { totalCount: 1 } },
      okta: { name: 'Their Okta', status: 'ACTIVE' },
      onboardingSession: { status: 'PENDING', completedAt: null },
    });
  });
});

describe('feature gate: INTEGRATIONS_ECOSYSTEM off', () => {
  let gated: Org;
  beforeAll(async () => {
    gated = await testOrg({ name: 'No integrations', integrations: false });
  });

  it('answers FEATURE_DISABLED at the top level for every integration operation', async () => {
    const operations: [string, () => Promise<Answer<object>>][] = [
      ['integrationTemplates', () => send(gated, GATED_TEMPLATES)],
      ['integrations', () => send(gated, COUNT)],
      ['integration', () => send(gated, GATED_INTEGRATION, { id: UNKNOWN_INTEGRATION })],
      ['onboardingSession', () => send(gated, GATED_SESSION, { id: UNKNOWN_SESSION })],
      ['directoryUsers', () => send(gated, DIRECTORY_USERS, { id: UNKNOWN_INTEGRATION })],
      ['createIntegration', () => send(gated, CREATE, { input: { templateKey: 'API', name: 'A', workflowId: UNKNOWN_WORKFLOW } })],
      ['updateIntegration', () => send(gated, UPDATE, { input: { id: UNKNOWN_INTEGRATION, name: 'X' } })],
      ['deleteIntegration', () => send(gated, DELETE, { input: { id: UNKNOWN_INTEGRATION } })],
      ['generateClientSecret', () => send(gated, GENERATE, { input: { integrationId: UNKNOWN_INTEGRATION } })],
      ['requestNewOnboarding', () => send(gated, REQUEST, { input: { integrationId: UNKNOWN_INTEGRATION } })],
      ['completeOnboardingSession', () => send(gated, COMPLETE, { input: { sessionId: UNKNOWN_SESSION, outcome: 'FAILED' } })],
    ];
    for (const [operation, run] of operations) {
      const response = await run();
      expect(codes(response), `${operation}\n${response.text}`).toContain('FEATURE_DISABLED');
      // Nothing else comes back: no data (or null for a nullable field).
      for (const value of Object.values(response.data ?? {})) expect(value, response.text).toBeNull();
    }
    // graphql-request, as a partner script would, sees the error too.
    await expectGraphQLErrors(gated.client.request(COUNT), 'FEATURE_DISABLED');
  });

  it('keeps viewer and workflows available', async () => {
    const viewer = await execute(gated, GATED_VIEWER);
    expect(viewer.viewer.organization).toEqual({ id: gated.id, features: [] });
    const wf = await gated.workflow({ name: 'Still works' });
    const workflows = await execute(gated, GATED_WORKFLOWS);
    expect(workflows.workflows).toEqual({ totalCount: 1, edges: [{ node: { id: wf.id } }] });
  });
});

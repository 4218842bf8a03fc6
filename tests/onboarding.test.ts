// Onboarding sessions end to end: requestNewOnboarding (snapshot of the workflow version,
// idempotency, concurrency, every refusal), completeOnboardingSession, and sessions
// outliving their integration.
import { beforeAll, describe, expect } from 'vitest';
import {
  type CompleteOnboardingSessionInput,
  type OnboardingOutcome,
  type Org,
  type RequestNewOnboardingInput,
  type Workflow,
  execute,
  graphql,
  it,
  mutate,
  mutateOk,
  nodeIds,
  present,
  refused,
  testOrg,
} from './support/kit.ts';

graphql(`
  fragment OnboardingSessionFields on OnboardingSession {
    id
    status
    onboardingUrl
    createdAt
    completedAt
    workflowVersion
    steps
    workflow {
      id
      version
      steps
    }
    integration {
      id
    }
    directoryUser {
      id
    }
  }
`);
const REQUEST = graphql(`
  mutation OnboardingRequest($input: RequestNewOnboardingInput!) {
    requestNewOnboarding(input: $input) {
      session {
        ...OnboardingSessionFields
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
  mutation OnboardingComplete($input: CompleteOnboardingSessionInput!) {
    completeOnboardingSession(input: $input) {
      session {
        ...OnboardingSessionFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const GET_SESSION = graphql(`
  query OnboardingGetSession($id: ID!) {
    onboardingSession(id: $id) {
      ...OnboardingSessionFields
    }
    node(id: $id) {
      id
    }
  }
`);
const SESSIONS = graphql(`
  query OnboardingSessionCount($id: ID!) {
    integration(id: $id) {
      onboardingSessions(first: 100) {
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
const PAGE = graphql(`
  query OnboardingSessionsPage($id: ID!, $first: Int, $after: String) {
    integration(id: $id) {
      onboardingSessions(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id
            integration {
              id
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation OnboardingUpdateIntegration($input: UpdateIntegrationInput!) {
    updateIntegration(input: $input) {
      integration {
        id
        status
        workflow {
          id
        }
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
const DELETE = graphql(`
  mutation OnboardingDeleteIntegration($input: DeleteIntegrationInput!) {
    deleteIntegration(input: $input) {
      deletedIntegrationId
      userErrors {
        code
        field
        message
      }
    }
  }
`);
const UPDATE_WORKFLOW = graphql(`
  mutation OnboardingUpdateWorkflow($input: UpdateWorkflowInput!) {
    updateWorkflow(input: $input) {
      workflow {
        id
        version
        steps
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

const UNKNOWN_INTEGRATION = 'int_01m8mwbn4xqpj3fypwxwrsccbr';
const UNKNOWN_SESSION = 'ses_01m8mwbn4xqpj3fypwxwrsccbr';
const REDIRECT = 'https://app.example.com/done';

const request = (org: Org, input: RequestNewOnboardingInput) => mutate(org, REQUEST, input);
async function requestOk(org: Org, input: RequestNewOnboardingInput) {
  return (await mutateOk(org, REQUEST, input)).session;
}
const complete = (org: Org, input: CompleteOnboardingSessionInput) => mutate(org, COMPLETE, input);

async function readSession(org: Org, id: string) {
  return (await execute(org, GET_SESSION, { id })).onboardingSession;
}

async function sessionCount(org: Org, integrationId: string): Promise<number> {
  return present((await execute(org, SESSIONS, { id: integrationId })).integration).onboardingSessions.totalCount;
}

/** The longest run of URL-safe characters in the URL's path segments and query values. */
function tokenOf(onboardingUrl: string, sessionId: string): string {
  const url = new URL(onboardingUrl);
  const parts = [...url.pathname.split('/'), ...url.searchParams.values()].filter((part) => part !== sessionId);
  return parts.sort((a, b) => b.length - a.length)[0] ?? '';
}

let acme: Org;
let kyc: Workflow;
let oidc: string;
let api: string;
let okta: string;

beforeAll(async () => {
  acme = await testOrg({ name: 'Onboarding' });
  kyc = await acme.workflow({ name: 'KYC', steps: ['DOCUMENT', 'SELFIE'] });
  oidc = (
    await acme.integration({
      templateKey: 'OIDC_CLIENT_CREDENTIALS',
      name: 'Portal',
      workflowId: kyc.id,
      config: { redirectUris: [REDIRECT, 'https://app.example.com'] },
    })
  ).id;
  api = (await acme.apiIntegration({ name: 'Backend', workflowId: kyc.id })).id;
  okta = (await acme.integration({ templateKey: 'OKTA', name: 'Okta', config: { orgUrl: 'http://127.0.0.1:9', apiToken: 'okta-token-1234' } })).id;
});

describe('requestNewOnboarding', () => {
  it('creates a PENDING session on OIDC and API integrations, pinned to the current workflow version', async () => {
    const tokens = new Set<string>();
    for (const integrationId of [oidc, api]) {
      const session = await requestOk(acme, { integrationId, externalUserId: 'person-1', email: 'person@example.com' });
      expect(session).toMatchObject({
        status: 'PENDING',
        completedAt: null,
        integration: { id: integrationId },
        workflow: { id: kyc.id },
        workflowVersion: 1,
        steps: ['DOCUMENT', 'SELFIE'],
        directoryUser: null,
      });
      expect(session.id).toMatch(/^ses_[0-9a-z]{26}$/);
      const url = new URL(session.onboardingUrl);
      expect(url.protocol).toMatch(/^https?:$/);
      const token = tokenOf(session.onboardingUrl, session.id);
      expect(token.length).toBeGreaterThanOrEqual(32);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      tokens.add(token);
      const read = await execute(acme, GET_SESSION, { id: session.id });
      expect(read.onboardingSession).toEqual(session);
      expect(read.node).toEqual({ id: session.id });
    }
    expect(tokens.size).toBe(2);
  });

  it('keeps the workflow snapshot forever; new sessions get the current workflow and version (rule 3)', async () => {
    const wf = await acme.workflow({ name: 'Snapshot', steps: ['DOCUMENT'] });
    const replacement = await acme.workflow({ name: 'Replacement', steps: ['LIVENESS', 'ADDRESS'] });
    const integration = (await acme.integration({ templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'Snap OIDC', workflowId: wf.id })).id;
    const sibling = (await acme.apiIntegration({ name: 'Snap API', workflowId: wf.id })).id;
    const old = await requestOk(acme, { integrationId: integration, externalUserId: 'before' });
    expect(old).toMatchObject({ workflow: { id: wf.id }, workflowVersion: 1, steps: ['DOCUMENT'] });

    const edited = await mutateOk(acme, UPDATE_WORKFLOW, { id: wf.id, steps: ['DOCUMENT', 'SELFIE', 'LIVENESS'] });
    expect(edited.workflow.version).toBe(2);
    const relinked = await mutateOk(acme, UPDATE, { id: integration, workflowId: replacement.id });
    expect(relinked.integration.workflow?.id).toBe(replacement.id);

    const oldNow = await readSession(acme, old.id);
    expect(oldNow).toMatchObject({ workflow: { id: wf.id, version: 2 }, workflowVersion: 1, steps: ['DOCUMENT'], status: 'PENDING' });

    const fresh = await requestOk(acme, { integrationId: integration, externalUserId: 'after' });
    expect(fresh).toMatchObject({ workflow: { id: replacement.id }, workflowVersion: 1, steps: ['LIVENESS', 'ADDRESS'] });
    // The integration still on the edited workflow gets its new version.
    const onEdited = await requestOk(acme, { integrationId: sibling, externalUserId: 'after' });
    expect(onEdited).toMatchObject({ workflow: { id: wf.id }, workflowVersion: 2, steps: ['DOCUMENT', 'SELFIE', 'LIVENESS'] });

    // A later edit of the replacement does not move the fresh session either.
    await mutateOk(acme, UPDATE_WORKFLOW, { id: replacement.id, steps: ['ADDRESS'] });
    const freshNow = await readSession(acme, fresh.id);
    expect(freshNow).toMatchObject({ workflow: { id: replacement.id, version: 2 }, workflowVersion: 1, steps: ['LIVENESS', 'ADDRESS'] });
  });

  it('a session may name no person at all', async () => {
    const session = await requestOk(acme, { integrationId: api });
    expect(session).toMatchObject({ status: 'PENDING', directoryUser: null, integration: { id: api } });
  });

  it('refuses directory, disabled, unknown and deleted integrations', async () => {
    refused(await request(acme, { integrationId: okta }), 'INTEGRATION_CANNOT_ONBOARD', ['input', 'integrationId']);

    const disabled = (await acme.apiIntegration({ name: 'Paused', workflowId: kyc.id })).id;
    await mutateOk(acme, UPDATE, { id: disabled, status: 'DISABLED' });
    refused(await request(acme, { integrationId: disabled, externalUserId: 'x' }), 'INTEGRATION_DISABLED', ['input', 'integrationId']);
    expect(await sessionCount(acme, disabled)).toBe(0);
    await mutateOk(acme, UPDATE, { id: disabled, status: 'ACTIVE' });
    await requestOk(acme, { integrationId: disabled, externalUserId: 'x' });

    const unknown = refused(await request(acme, { integrationId: UNKNOWN_INTEGRATION }), 'INTEGRATION_NOT_FOUND', ['input', 'integrationId']);
    refused(await request(acme, { integrationId: 'not-an-id' }), 'INTEGRATION_NOT_FOUND', ['input', 'integrationId']);

    const doomed = (await acme.apiIntegration({ name: 'Doomed', workflowId: kyc.id })).id;
    await mutateOk(acme, DELETE, { id: doomed });
    const deleted = refused(await request(acme, { integrationId: doomed }), 'INTEGRATION_NOT_FOUND', ['input', 'integrationId']);
    expect(deleted.message).toBe(unknown.message);
  });

  it('DIRECTORY_USER_NOT_FOUND for a loginHint that matches nobody', async () => {
    refused(await request(acme, { integrationId: api, loginHint: 'nobody@example.com' }), 'DIRECTORY_USER_NOT_FOUND', ['input', 'loginHint']);
    refused(await request(acme, { integrationId: api, directoryUserId: 'dus_01m8mwbn4xqpj3fypwxwrsccbr' }), 'DIRECTORY_USER_NOT_FOUND', [
      'input',
      'directoryUserId',
    ]);
    expect(await sessionCount(acme, api)).toBeGreaterThan(0);
  });

  it("INVALID redirectUrl when it is not one of the OIDC integration's redirectUris", async () => {
    const before = await sessionCount(acme, oidc);
    refused(await request(acme, { integrationId: oidc, redirectUrl: 'https://evil.example.com/done' }), 'INVALID', ['input', 'redirectUrl']);
    refused(await request(acme, { integrationId: oidc, redirectUrl: 'https://app.example.com/done/more' }), 'INVALID', ['input', 'redirectUrl']);
    expect(await sessionCount(acme, oidc)).toBe(before);
    // Exactly as registered: accepted (an origin without a path included).
    await requestOk(acme, { integrationId: oidc, redirectUrl: REDIRECT });
    await requestOk(acme, { integrationId: oidc, redirectUrl: 'https://app.example.com' });
    expect(await sessionCount(acme, oidc)).toBe(before + 2);
  });
});

describe('integration.onboardingSessions', () => {
  it('lists the integration’s sessions newest first, paged, with totalCount', async () => {
    const integrationId = (await acme.apiIntegration({ name: 'Listed', workflowId: kyc.id })).id;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await requestOk(acme, { integrationId, externalUserId: `listed-${i}` })).id);
    const sessions = async (variables: { id: string; first: number; after?: string | null }) =>
      present((await execute(acme, PAGE, variables)).integration).onboardingSessions;
    const page1 = await sessions({ id: integrationId, first: 2 });
    expect(page1.totalCount).toBe(3);
    expect(nodeIds(page1)).toEqual([ids[2], ids[1]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await sessions({ id: integrationId, first: 2, after: page1.pageInfo.endCursor });
    expect(nodeIds(page2)).toEqual([ids[0]]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page2.edges[0].node.integration).toEqual({ id: integrationId });
    // Other integrations' sessions are not in the list.
    expect(nodeIds(await sessions({ id: api, first: 100 }))).not.toContain(ids[0]);
  });
});

describe('idempotency', () => {
  it('a replay returns the same session and creates nothing', async () => {
    const input = { integrationId: api, idempotencyKey: 'order-1', externalUserId: 'cust-1', email: 'cust1@example.com' };
    const first = await requestOk(acme, input);
    const count = await sessionCount(acme, api);
    const replay = await requestOk(acme, input);
    expect(replay).toEqual(first);
    // Field order and omitted optionals do not make a different request.
    const reordered = await requestOk(acme, {
      email: 'cust1@example.com',
      externalUserId: 'cust-1',
      idempotencyKey: 'order-1',
      integrationId: api,
      loginHint: null,
    });
    expect(reordered.id).toBe(first.id);
    expect(await sessionCount(acme, api)).toBe(count);
  });

  it('the same key with other parameters is IDEMPOTENCY_KEY_REUSED', async () => {
    const input = { integrationId: api, idempotencyKey: 'order-2', externalUserId: 'cust-2', email: 'cust2@example.com' };
    await requestOk(acme, input);
    const count = await sessionCount(acme, api);
    refused(await request(acme, { ...input, externalUserId: 'someone-else' }), 'IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey']);
    refused(await request(acme, { ...input, email: 'other@example.com' }), 'IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey']);
    refused(await request(acme, { ...input, email: null }), 'IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey']);
    expect(await sessionCount(acme, api)).toBe(count);
  });

  it('keys are scoped to one integration', async () => {
    const input = { idempotencyKey: 'order-3', externalUserId: 'cust-3' };
    const onApi = await requestOk(acme, { ...input, integrationId: api });
    const onOidc = await requestOk(acme, { ...input, integrationId: oidc });
    expect(onOidc.id).not.toBe(onApi.id);
    expect(onOidc.integration?.id).toBe(oidc);
    expect((await requestOk(acme, { ...input, integrationId: api })).id).toBe(onApi.id);
    expect((await requestOk(acme, { ...input, integrationId: oidc })).id).toBe(onOidc.id);
  });

  it('10 parallel requests with one key create one session', async () => {
    const integrationId = (await acme.apiIntegration({ name: 'Parallel', workflowId: kyc.id })).id;
    await requestOk(acme, { integrationId, externalUserId: 'earlier' });
    const before = await sessionCount(acme, integrationId);
    const input = { integrationId, idempotencyKey: 'parallel-key', externalUserId: 'cust-p' };
    const results = await Promise.all(Array.from({ length: 10 }, () => request(acme, input)));
    for (const result of results) expect(result.userErrors).toEqual([]);
    const ids = new Set(results.map((r) => present(r.session).id));
    expect(ids.size).toBe(1);
    expect(await sessionCount(acme, integrationId)).toBe(before + 1);
  });

  it('10 parallel requests with one key but different parameters: one session, the rest IDEMPOTENCY_KEY_REUSED', async () => {
    const integrationId = (await acme.apiIntegration({ name: 'Parallel mixed', workflowId: kyc.id })).id;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => request(acme, { integrationId, idempotencyKey: 'mixed-key', externalUserId: `cust-${i}` })),
    );
    const ok = results.filter((r) => r.userErrors.length === 0);
    expect(ok).toHaveLength(1);
    for (const result of results.filter((r) => r.userErrors.length > 0)) {
      refused(result, 'IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey']);
    }
    expect(await sessionCount(acme, integrationId)).toBe(1);
  });
});

describe('completeOnboardingSession', () => {
  it('COMPLETED and FAILED finish a session with completedAt; finishing again is SESSION_ALREADY_FINISHED', async () => {
    for (const outcome of ['COMPLETED', 'FAILED'] as const) {
      const session = await requestOk(acme, { integrationId: api, externalUserId: `finish-${outcome}` });
      const done = await mutate(acme, COMPLETE, { sessionId: session.id, outcome, fullName: 'Ada Lovelace' });
      expect(done.userErrors).toEqual([]);
      expect(done.session).toMatchObject({ id: session.id, status: outcome, workflowVersion: session.workflowVersion });
      const completedAt = present(present(done.session).completedAt, 'completedAt');
      expect(Date.parse(completedAt)).toBeGreaterThanOrEqual(Date.parse(session.createdAt));
      const read = await readSession(acme, session.id);
      expect(read).toMatchObject({ status: outcome, completedAt });
      for (const again of ['COMPLETED', 'FAILED'] as const) {
        refused(await complete(acme, { sessionId: session.id, outcome: again }), 'SESSION_ALREADY_FINISHED', ['input', 'sessionId']);
      }
      expect(await readSession(acme, session.id)).toMatchObject({ status: outcome, completedAt });
    }
  });

  it('concurrent callbacks: exactly one finishes the session, the others are SESSION_ALREADY_FINISHED', async () => {
    const session = await requestOk(acme, { integrationId: api, externalUserId: 'racing-callbacks' });
    const outcomes = Array.from({ length: 6 }, (_, i): OnboardingOutcome => (i % 2 ? 'FAILED' : 'COMPLETED'));
    const results = await Promise.all(outcomes.map((outcome) => complete(acme, { sessionId: session.id, outcome })));
    const winners = results.filter((r) => r.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((r) => r.userErrors.length > 0)) {
      refused(loser, 'SESSION_ALREADY_FINISHED', ['input', 'sessionId']);
    }
    const winner = present(winners[0].session);
    const read = await readSession(acme, session.id);
    expect(read).toMatchObject({ status: winner.status, completedAt: winner.completedAt });
  });

  it("unknown and another organization's sessions: SESSION_NOT_FOUND, identical", async ({ otherOrg }) => {
    const theirs = await otherOrg.session();
    const foreign = refused(await complete(acme, { sessionId: theirs.id, outcome: 'COMPLETED' }), 'SESSION_NOT_FOUND', ['input', 'sessionId']);
    const unknown = refused(await complete(acme, { sessionId: UNKNOWN_SESSION, outcome: 'COMPLETED' }), 'SESSION_NOT_FOUND', ['input', 'sessionId']);
    const garbage = refused(await complete(acme, { sessionId: 'nope', outcome: 'FAILED' }), 'SESSION_NOT_FOUND', ['input', 'sessionId']);
    expect(foreign).toEqual(unknown);
    expect(garbage).toEqual(unknown);
    expect(await execute(acme, GET_SESSION, { id: theirs.id })).toEqual({ onboardingSession: null, node: null });
    expect((await readSession(otherOrg, theirs.id))?.status).toBe('PENDING');
  });
});

describe('sessions outlive their integration', () => {
  it('after deleteIntegration the session reads with integration null and keeps its workflow snapshot', async () => {
    const wf = await acme.workflow({ name: 'Outlive', steps: ['DOCUMENT', 'SELFIE'] });
    const integration = (await acme.integration({ templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'Short-lived', workflowId: wf.id })).id;
    const open = await requestOk(acme, { integrationId: integration, externalUserId: 'keeps-history' });
    const finished = await requestOk(acme, { integrationId: integration, externalUserId: 'finished' });
    await mutateOk(acme, COMPLETE, { sessionId: finished.id, outcome: 'COMPLETED' });
    await mutateOk(acme, UPDATE_WORKFLOW, { id: wf.id, steps: ['SELFIE'] });
    const deleted = await mutateOk(acme, DELETE, { id: integration });
    expect(deleted.deletedIntegrationId).toBe(integration);

    const read = await readSession(acme, open.id);
    expect(read).toMatchObject({
      id: open.id,
      status: 'PENDING',
      integration: null,
      workflow: { id: wf.id, version: 2 },
      workflowVersion: 1,
      steps: ['DOCUMENT', 'SELFIE'],
      onboardingUrl: open.onboardingUrl,
    });
    const readFinished = await readSession(acme, finished.id);
    expect(readFinished).toMatchObject({ status: 'COMPLETED', integration: null, workflowVersion: 1 });
    // The integration's ID is refused from now on, idempotency keys included.
    refused(await request(acme, { integrationId: integration, externalUserId: 'keeps-history' }), 'INTEGRATION_NOT_FOUND', [
      'input',
      'integrationId',
    ]);
  });
});

// The audit log (README: "Audit log"): every change made through the API or the admin
// command, with who made it (API key, OAuth client, admin command), the request ID and
// client address, and a from/to diff of the non-secret fields; API keys only; only the
// caller's organization; kept AUDIT_LOG_RETENTION_DAYS (and events EVENT_RETENTION_DAYS),
// older entries deleted by the retention job.
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createOktaIntegration } from './support/directory.ts';
import { startIsolatedServer } from './support/isolated-server.ts';
import { type Caller, type Org, errors, execute, graphql, it, mutate, mutateOk, nodes, refused, send, setFeature, testOrg } from './support/kit.ts';
import { bearer, obtainToken } from './support/oauth.ts';
import { type OktaStandIn, startOktaStandIn } from './support/standins/okta.ts';

const AUDIT = graphql(`
  query AuditLogEntries($first: Int, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          occurredAt
          actor {
            type
            id
            name
          }
          targetId
          requestId
          ipAddress
          changes
        }
      }
    }
  }
`);
const KEYS = graphql(`
  query AuditLogKeys {
    apiKeys(first: 10) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
const UPDATE_INTEGRATION = graphql(`
  mutation AuditLogUpdateIntegration($input: UpdateIntegrationInput!) {
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
const UPDATE_WORKFLOW = graphql(`
  mutation AuditLogUpdateWorkflow($input: UpdateWorkflowInput!) {
    updateWorkflow(input: $input) {
      workflow {
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
  mutation AuditLogRequest($input: RequestNewOnboardingInput!) {
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

type Entry = {
  id: string;
  action: string;
  occurredAt: string;
  actor: { type: string; id?: string | null; name?: string | null };
  targetId?: string | null;
  requestId?: string | null;
  ipAddress?: string | null;
  changes?: unknown;
};

async function entries(caller: Caller, filter: Record<string, string> = {}): Promise<Entry[]> {
  const all: Entry[] = [];
  let after: string | null | undefined;
  do {
    const page = (await execute(caller, AUDIT, { first: 100, after, filter })).auditLog;
    all.push(...(nodes(page) as Entry[]));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return all;
}

let acme: Org;
let other: Org;
let upstream: OktaStandIn;
let adminKeyId: string;

beforeAll(async () => {
  [acme, other] = await Promise.all([testOrg({ name: 'Audit Acme' }), testOrg({ name: 'Audit Other' })]);
  upstream = await startOktaStandIn({ token: 'okta-audit-token-0000000001' });
  adminKeyId = nodes((await execute(acme, KEYS)).apiKeys).find((k) => k.name === 'Admin key')!.id;
});
afterAll(async () => {
  await upstream?.close();
});

describe('entries', () => {
  it('records who changed what and from where: the API key, the request ID, the client address, a diff without secrets', async () => {
    const traced: Caller = { ...acme, headers: { 'x-request-id': 'audit-request-0001' } };
    const okta = await createOktaIntegration(traced, upstream, { name: 'Audited Okta' });
    await mutateOk({ ...acme, headers: { 'x-request-id': 'audit-request-0002' } }, UPDATE_INTEGRATION, {
      id: okta.id,
      name: 'Audited Okta renamed',
      config: { apiToken: 'okta-audit-token-0000000002' },
    });
    const log = await entries(acme, { targetId: okta.id });
    expect(log.map((e) => e.action)).toEqual(['integration.update', 'integration.create']);
    const [update, create] = log;
    expect(create).toMatchObject({
      actor: { type: 'API_KEY', id: adminKeyId, name: 'Admin key' },
      requestId: 'audit-request-0001',
      targetId: okta.id,
    });
    expect(create.ipAddress).toMatch(/127\.0\.0\.1$/);
    expect(create.changes).toMatchObject({
      name: { from: null, to: 'Audited Okta' },
      templateKey: { from: null, to: 'OKTA' },
      'config.orgUrl': { to: upstream.url },
    });
    expect(update).toMatchObject({ requestId: 'audit-request-0002' });
    expect(update.changes).toEqual({
      name: { from: 'Audited Okta', to: 'Audited Okta renamed' },
      'config.apiToken': { from: null, to: '[secret changed]' },
    });
    expect(JSON.stringify(log)).not.toMatch(/okta-audit-token/);
  });

  it('names each action <object>.<verb>; filters by action, target, actor and time; newest first', async () => {
    const started = new Date().toISOString();
    const workflow = await acme.workflow({ name: 'Audit flow' });
    await mutateOk(acme, UPDATE_WORKFLOW, { id: workflow.id, steps: ['DOCUMENT'] });
    const integration = await acme.apiIntegration({ name: 'Audit API', workflowId: workflow.id });
    await mutateOk(acme, REQUEST, { integrationId: integration.id, externalUserId: 'audited' });
    await acme.oidcClient({ name: 'Audit OIDC', workflowId: workflow.id });
    const since = await entries(acme, { occurredAfter: started });
    const ids = since.map((e) => e.id);
    expect([...ids].sort().reverse()).toEqual(ids);
    expect(since.map((e) => e.action).reverse()).toEqual([
      'workflow.create',
      'workflow.update',
      'integration.create',
      'onboarding_session.create',
      'integration.create',
      'client_secret.generate',
    ]);
    const workflowUpdate = since.find((e) => e.action === 'workflow.update')!;
    expect(workflowUpdate.changes).toEqual({ steps: { from: ['DOCUMENT', 'SELFIE'], to: ['DOCUMENT'] }, version: { from: 1, to: 2 } });
    expect(JSON.stringify(since.find((e) => e.action === 'client_secret.generate'))).not.toContain('icsec_');
    expect((await entries(acme, { action: 'workflow.update', occurredAfter: started })).map((e) => e.targetId)).toEqual([workflow.id]);
    expect((await entries(acme, { actorId: adminKeyId, occurredAfter: started })).length).toBe(since.length);
    expect(await entries(acme, { actorId: 'key_nobody', occurredAfter: started })).toEqual([]);
    expect(await entries(acme, { occurredBefore: started, action: 'onboarding_session.create' })).toEqual([]);
  });

  it('a refused mutation, or one that changes nothing, records nothing', async () => {
    const workflow = await acme.workflow({ name: 'Audit nothing' });
    const before = (await entries(acme)).length;
    refused(await mutate(acme, UPDATE_WORKFLOW, { id: workflow.id, steps: [] }), 'REQUIRED', ['input', 'steps']);
    refused(await mutate(acme, UPDATE_WORKFLOW, { id: 'wf_nope', name: 'X' }), 'NOT_FOUND', ['input', 'id']);
    await mutateOk(acme, UPDATE_WORKFLOW, { id: workflow.id, name: 'Audit nothing' });
    expect((await entries(acme)).length).toBe(before);
  });

  it("the admin command's changes are recorded as ADMIN_COMMAND", async () => {
    const org = await testOrg({ name: 'Audit admin' });
    await setFeature(org.id, false);
    await setFeature(org.id, true);
    const log = await entries(org);
    expect(log.map((e) => [e.action, e.actor.type, e.actor.name])).toEqual([
      ['organization.set_feature', 'ADMIN_COMMAND', 'set-feature'],
      ['organization.set_feature', 'ADMIN_COMMAND', 'set-feature'],
      ['api_key.create', 'ADMIN_COMMAND', 'create-org'],
      ['organization.create', 'ADMIN_COMMAND', 'create-org'],
    ]);
    expect(log[1].changes).toEqual({ features: { from: ['INTEGRATIONS_ECOSYSTEM'], to: [] } });
    expect(log[0].changes).toEqual({ features: { from: [], to: ['INTEGRATIONS_ECOSYSTEM'] } });
  });
});

describe('who may read it', () => {
  it("only the caller's organization, and only with an API key (FORBIDDEN for OAuth access tokens)", async () => {
    await acme.workflow({ name: 'Audit private' });
    const mine = new Set((await entries(acme)).map((e) => e.id));
    expect((await entries(other)).filter((e) => mine.has(e.id))).toEqual([]);
    const oidc = await acme.oidcClient({ name: 'Audit reader' });
    await errors(send(bearer(await obtainToken(oidc)), AUDIT, {}), 'FORBIDDEN');
  });
});

describe('retention', { timeout: 120_000 }, () => {
  it('deletes events past EVENT_RETENTION_DAYS and audit entries past AUDIT_LOG_RETENTION_DAYS, keeps the rest', async () => {
    const server = await startIsolatedServer({ EVENT_RETENTION_DAYS: '30', AUDIT_LOG_RETENTION_DAYS: '90' });
    try {
      const org = await server.createOrg('Retention');
      const days = (n: number) => new Date(Date.now() - n * 86_400_000);
      const id = (prefix: string, n: number) => `${prefix}_01a${'0'.repeat(22)}${n}`;
      const seed = server.database();
      await seed.connect();
      try {
        for (const [n, age] of [
          [1, 31],
          [2, 29],
        ]) {
          await seed.query(
            `INSERT INTO "Event" ("id", "organizationId", "type", "occurredAt", "data") VALUES ($1, $2, 'api_key.created', $3, '{}')`,
            [id('evt', n), org.id, days(age)],
          );
        }
        for (const [n, age] of [
          [1, 91],
          [2, 89],
        ]) {
          await seed.query(
            `INSERT INTO "AuditLogEntry" ("id", "organizationId", "action", "occurredAt", "actorType") VALUES ($1, $2, 'test.old', $3, 'SYSTEM')`,
            [id('aud', n), org.id, days(age)],
          );
        }
      } finally {
        await seed.end();
      }
      await server.restart(); // the retention job runs at start, then hourly
      const db = server.database();
      await db.connect();
      try {
        const left = async () => ({
          events: (await db.query(`SELECT id FROM "Event" WHERE id LIKE 'evt_01a%' ORDER BY id`)).rows.map((r) => r.id as string),
          entries: (await db.query(`SELECT id FROM "AuditLogEntry" WHERE id LIKE 'aud_01a%' ORDER BY id`)).rows.map((r) => r.id as string),
        });
        const deadline = Date.now() + 30_000;
        let rows = await left();
        while ((rows.events.length > 1 || rows.entries.length > 1) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          rows = await left();
        }
        expect(rows).toEqual({ events: [id('evt', 2)], entries: [id('aud', 2)] });
      } finally {
        await db.end();
      }
    } finally {
      await server.stop();
    }
  });
});

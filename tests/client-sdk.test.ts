// The typed client partner scripts use (client/sdk.ts, from codegen.ts): it works against
// the real server, and the committed file is what `npm run codegen` produces today. So are
// the tests' typed documents (tests/generated/, from every graphql(`…`) in tests/).
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { GraphQLClient } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../codegen.ts';
import { followDirectorySync } from '../client/follow-directory-sync.ts';
import { getSdk } from '../client/sdk.ts';
import { type TestOrg, createOrg, graphqlUrl } from './support/api.ts';
import { eventually } from './support/directory.ts';
import { ROOT } from './support/process.ts';
import { oktaGroup, oktaUser, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';

let org: TestOrg;

beforeAll(async () => {
  org = await createOrg('SDK Partner');
});

describe('generated SDK (client/sdk.ts)', () => {
  it('calls viewer and createWorkflow with an API key, typed end to end', async () => {
    const api = getSdk(new GraphQLClient(graphqlUrl, { headers: { 'x-api-key': org.apiKey } }));

    const { viewer } = await api.Viewer();
    expect(viewer.organization).toMatchObject({ id: org.id, name: 'SDK Partner' });
    expect(viewer.organization.features).toContain('INTEGRATIONS_ECOSYSTEM');
    expect(viewer.apiKey?.id).toMatch(/^key_/);

    const { createWorkflow } = await api.CreateWorkflow({ input: { name: 'SDK flow', steps: ['DOCUMENT', 'SELFIE'] } });
    expect(createWorkflow.userErrors).toEqual([]);
    expect(createWorkflow.workflow).toMatchObject({ name: 'SDK flow', steps: ['DOCUMENT', 'SELFIE'], version: 1, status: 'ACTIVE' });

    const { workflow } = await api.Workflow({ id: createWorkflow.workflow!.id });
    expect(workflow?.configurationId).toBe(createWorkflow.workflow!.configurationId);
  });

  it('covers a partner flow: integrations, client secrets, onboarding sessions, events and webhook endpoints', async () => {
    const api = getSdk(new GraphQLClient(graphqlUrl, { headers: { 'x-api-key': org.apiKey } }));
    const { createWorkflow } = await api.CreateWorkflow({ input: { name: 'SDK partner flow', steps: ['DOCUMENT'] } });
    const created = (await api.CreateIntegration({ input: { templateKey: 'API', name: 'SDK API', workflowId: createWorkflow.workflow!.id } }))
      .createIntegration;
    expect(created.userErrors).toEqual([]);
    const integrationId = created.integration!.id;
    expect((await api.UpdateIntegration({ input: { id: integrationId, name: 'SDK API renamed' } })).updateIntegration.integration?.name).toBe(
      'SDK API renamed',
    );
    expect((await api.Integration({ id: integrationId })).integration?.template.key).toBe('API');
    expect((await api.Integrations({ first: 10, filter: { templateKey: 'API' } })).integrations.edges.map((e) => e.node.id)).toContain(integrationId);
    const refused = (await api.CreateIntegration({ input: { templateKey: 'NOPE', name: 'x' } })).createIntegration;
    expect(refused.userErrors.map((e) => e.code)).toEqual(['TEMPLATE_NOT_FOUND']);

    const { requestNewOnboarding } = await api.RequestNewOnboarding({ input: { integrationId, externalUserId: 'sdk-person' } });
    const session = requestNewOnboarding.session!;
    expect(session).toMatchObject({ status: 'PENDING', workflowVersion: 1, steps: ['DOCUMENT'], integration: { id: integrationId } });
    expect((await api.OnboardingSession({ id: session.id })).onboardingSession?.id).toBe(session.id);
    const { completeOnboardingSession } = await api.CompleteOnboardingSession({ input: { sessionId: session.id, outcome: 'COMPLETED' } });
    expect(completeOnboardingSession.session?.status).toBe('COMPLETED');

    const oidc = (
      await api.CreateIntegration({ input: { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'SDK OIDC', workflowId: createWorkflow.workflow!.id } })
    ).createIntegration.integration!;
    const { generateClientSecret } = await api.GenerateClientSecret({ input: { integrationId: oidc.id } });
    expect(generateClientSecret.clientSecret).toMatch(/^icsec_/);

    const { createWebhookEndpoint } = await api.CreateWebhookEndpoint({
      input: { url: 'http://127.0.0.1:9/sdk', eventTypes: ['integration.deleted'] },
    });
    expect(createWebhookEndpoint.secret).toMatch(/^whsec_/);
    expect((await api.WebhookEndpoints({ first: 10 })).webhookEndpoints.edges.map((e) => e.node.id)).toContain(createWebhookEndpoint.endpoint!.id);
    expect((await api.DeleteIntegration({ input: { id: oidc.id } })).deleteIntegration.deletedIntegrationId).toBe(oidc.id);
    const { events } = await api.Events({ first: 20, filter: { types: ['integration.deleted'] } });
    expect(events.edges.map((e) => e.node.data)).toEqual([expect.objectContaining({ id: oidc.id })]);
    expect((await api.AuditLog({ first: 5, filter: { targetId: oidc.id } })).auditLog.edges.map((e) => e.node.action)).toEqual([
      'integration.delete',
      'client_secret.generate',
      'integration.create',
    ]);
    await api.DeleteWebhookEndpoint({ input: { id: createWebhookEndpoint.endpoint!.id } });
  });

  it('covers a directory flow: an Okta integration, its sync, users and groups', async () => {
    const api = getSdk(new GraphQLClient(graphqlUrl, { headers: { 'x-api-key': org.apiKey } }));
    const okta = await startOktaStandIn({ users: oktaUsers(3), groups: [oktaGroup(1, ['00u00000001', '00u00000002'], { name: 'SDK group' })] });
    try {
      const { createIntegration } = await api.CreateIntegration({
        input: { templateKey: 'OKTA', name: 'SDK Okta', config: { orgUrl: okta.url, apiToken: okta.token } },
      });
      const id = createIntegration.integration!.id;
      const synced = await eventually('the first sync', async () => {
        const { integration } = await api.Integration({ id });
        return integration?.directory?.lastSync?.status === 'SUCCEEDED' ? integration : undefined;
      });
      expect(synced.directory).toMatchObject({ userCount: 3, groupCount: 1 });
      const { directoryUsers } = await api.DirectoryUsers({ integrationId: id, first: 10 });
      expect(directoryUsers.totalCount).toBe(3);
      const user = directoryUsers.edges.find((e) => e.node.externalId === '00u00000001')!.node;
      expect((await api.DirectoryUser({ id: user.id })).directoryUser?.groups.edges.map((e) => e.node.name)).toEqual(['SDK group']);
      expect((await api.DirectoryGroups({ integrationId: id, first: 10 })).directoryGroups.edges.map((e) => e.node.memberCount)).toEqual([2]);
      okta.users.push(oktaUser(4));
      const { startDirectorySync } = await api.StartDirectorySync({ input: { integrationId: id } });
      const started = startDirectorySync.sync!;
      expect(started).toMatchObject({ kind: 'FULL', trigger: 'MANUAL' });
      // followDirectorySync: every step of that sync over SSE, until it ends.
      const steps = [];
      for await (const step of followDirectorySync({ url: graphqlUrl, apiKey: org.apiKey, integrationId: id, syncId: started.id })) steps.push(step);
      expect(steps.length).toBeGreaterThan(0);
      expect(steps.every((step) => step.id === started.id)).toBe(true);
      expect(steps.at(-1)).toMatchObject({ status: 'SUCCEEDED', processed: 4, created: 1 });
      // An unknown integration: the server's error, thrown.
      const unknown = followDirectorySync({ url: graphqlUrl, apiKey: org.apiKey, integrationId: `int_01j${'0'.repeat(23)}` });
      await expect(unknown.next()).rejects.toThrow(/integration/i);
    } finally {
      await okta.close();
    }
  });

  it('is not stale: codegen from schema.graphql, client/operations and tests/ gives the committed files', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: ROOT }, false);
    const filenames = outputs.map((output) => output.filename);
    expect(filenames).toContain('client/sdk.ts');
    // tests/generated/ holds exactly what codegen writes there, nothing left over.
    const generated = (await readdir(path.join(ROOT, 'tests/generated'))).map((file) => `tests/generated/${file}`);
    expect(generated.sort()).toEqual(filenames.filter((filename) => filename.startsWith('tests/generated/')).sort());
    for (const output of outputs) {
      const committed = await readFile(path.join(ROOT, output.filename), 'utf8');
      expect(committed === output.content, `${output.filename} is stale: run \`npm run codegen\` and commit it`).toBe(true);
    }
  }, 120_000);
});

import { storedConfigOf, visibleConfig } from '../domain/integration-config.ts';
import { generateClientSecret, liveClientSecrets } from '../domain/client-secrets.ts';
import { createIntegration, deleteIntegration, integrationWhere, updateIntegration } from '../domain/integrations.ts';
import { templateOf } from '../domain/templates.ts';
import { builder, integrationsByApiKey, integrationsOnly } from './builder.ts';
import { newestFirstList } from './connections.ts';
import { DirectorySyncRef } from './directory.ts';
import { IntegrationStatusEnum } from './enums.ts';
import { byIdField, payloadNode, tenantNode } from './nodes.ts';
import { OnboardingSessionConnection } from './onboarding.ts';
import { payload, payloadType } from './payloads.ts';
import { IntegrationCategoryEnum, IntegrationTemplateRef } from './templates.ts';

const ClientSecretInfo = builder.prismaObject('ClientSecret', {
  name: 'ClientSecretInfo',
  description: 'Metadata of a client secret; the secret itself is shown only when generated.',
  fields: (t) => ({
    id: t.exposeID('id'),
    lastFour: t.exposeString('lastFour'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it stops obtaining tokens: null for the current secret, set once a newer one replaced it with an overlap.',
    }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'When it last obtained a token, accurate to the minute.' }),
  }),
});

const Directory = builder.simpleObject('Directory', {
  fields: (t) => ({
    lastSync: t.field({ type: DirectorySyncRef, nullable: true }),
    userCount: t.int({ description: 'Directory users, active and inactive.' }),
    groupCount: t.int({ description: 'Directory groups, as the last FULL sync read them.' }),
    nextSyncAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When the directory syncs next on its own (syncIntervalSeconds after its last sync started); null while the integration is DISABLED.',
    }),
  }),
});

builder.prismaNode('Integration', {
  ...tenantNode,
  ...integrationsOnly,
  description: 'A connection between the organization and one of its systems, made from a template.',
  fields: (t) => ({
    name: t.exposeString('name'),
    template: t.field({ type: IntegrationTemplateRef, resolve: templateOf }),
    status: t.expose('status', { type: IntegrationStatusEnum }),
    workflow: t.relation('workflow', { nullable: true, description: 'The linked workflow (CUSTOM templates).' }),
    config: t.field({
      type: 'JSON',
      description: 'Template field values; secret fields only as "••••" + their last four characters.',
      resolve: (integration) => visibleConfig(templateOf(integration), storedConfigOf(integration)),
    }),
    clientId: t.exposeString('clientId', { nullable: true, description: 'OAuth client ID (OIDC_CLIENT_CREDENTIALS only).' }),
    clientSecret: t.field({
      type: ClientSecretInfo,
      nullable: true,
      description: 'The current client secret (the newest live one); null before the first one.',
      select: (_args, _ctx, nestedSelection) => ({
        clientSecrets: nestedSelection({ where: liveClientSecrets(new Date()), orderBy: { id: 'desc' }, take: 1 }),
      }),
      resolve: (integration) => integration.clientSecrets[0] ?? null,
    }),
    clientSecrets: t.relation('clientSecrets', {
      description: 'The live client secrets, newest first: the current one and any still in the overlap of a rotation.',
      query: () => ({ where: liveClientSecrets(new Date()), orderBy: { id: 'desc' } }),
    }),
    directory: t.field({
      type: Directory,
      nullable: true,
      description: 'Directory-backed templates only.',
      select: {
        templateKey: true,
        status: true,
        nextSyncAt: true,
        directorySyncs: { orderBy: { createdAt: 'desc' }, take: 1 },
        _count: { select: { directoryUsers: true, directoryGroups: true } },
      },
      resolve: (i) =>
        templateOf(i).connector
          ? {
              lastSync: i.directorySyncs[0] ?? null,
              userCount: i._count.directoryUsers,
              groupCount: i._count.directoryGroups,
              nextSyncAt: i.status === 'ACTIVE' ? i.nextSyncAt : null,
            }
          : null,
    }),
    onboardingSessions: t.relatedConnection(
      'onboardingSessions',
      { cursor: 'id', totalCount: true, query: { orderBy: { id: 'desc' } } },
      OnboardingSessionConnection,
    ),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const IntegrationFilter = builder.inputType('IntegrationFilter', {
  fields: (t) => ({
    templateKey: t.string(),
    category: t.field({ type: IntegrationCategoryEnum }),
    status: t.field({ type: IntegrationStatusEnum }),
  }),
});

builder.queryFields((t) => ({
  integrations: t.prismaConnection(
    {
      ...integrationsOnly,
      type: 'Integration',
      cursor: 'id',
      description: 'Integrations of the organization, newest first.',
      args: { filter: t.arg({ type: IntegrationFilter }) },
      ...newestFirstList(
        (ctx) => ctx.deps.db.integration,
        (args: { filter?: typeof IntegrationFilter.$inferInput | null }) => integrationWhere(args.filter),
      ),
    },
    { name: 'IntegrationConnection' },
    { name: 'IntegrationEdge' },
  ),
  integration: byIdField(t, 'Integration', integrationsOnly),
}));

const CreateIntegrationInput = builder.inputType('CreateIntegrationInput', {
  fields: (t) => ({
    templateKey: t.string({ required: true }),
    name: t.string({ required: true }),
    workflowId: t.id({ description: 'Required for CUSTOM templates; refused for DIRECTORY templates.' }),
    config: t.field({ type: 'JSON', description: "Values for the template's fields, by field key." }),
  }),
});
const UpdateIntegrationInput = builder.inputType('UpdateIntegrationInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    workflowId: t.id({ description: 'Takes effect for new sessions; sessions in progress keep theirs.' }),
    config: t.field({
      type: 'JSON',
      description:
        'Merged: keys given replace, keys omitted stay (secrets too), null clears an optional field. A change to a secretDestination field (where the secrets are sent) must give the secret fields again, or it is REQUIRED at each.',
    }),
    status: t.field({ type: IntegrationStatusEnum }),
  }),
});
const DeleteIntegrationInput = builder.inputType('DeleteIntegrationInput', { fields: (t) => ({ id: t.id({ required: true }) }) });
const GenerateClientSecretInput = builder.inputType('GenerateClientSecretInput', {
  fields: (t) => ({
    integrationId: t.id({ required: true }),
    previousSecretExpiresInSeconds: t.int({
      description: 'How long the live secrets it replaces keep obtaining tokens beside the new one: 0 to 604800, default 0 (they stop at once).',
    }),
  }),
});

const IntegrationPayload = payloadType<Awaited<ReturnType<typeof createIntegration>>>('IntegrationPayload', (t) => ({
  integration: payloadNode(t, 'Integration', (p) => p.integration),
}));
const DeleteIntegrationPayload = payloadType<Awaited<ReturnType<typeof deleteIntegration>>>('DeleteIntegrationPayload', (t) => ({
  deletedIntegrationId: t.id({ nullable: true, resolve: (p) => p.deletedIntegrationId }),
}));
const GenerateClientSecretPayload = payloadType<Awaited<ReturnType<typeof generateClientSecret>>>('GenerateClientSecretPayload', (t) => ({
  integration: payloadNode(t, 'Integration', (p) => p.integration),
  clientSecret: t.string({
    nullable: true,
    description: 'The full secret. Shown this once; the previous one stops at once, or after previousSecretExpiresInSeconds.',
    resolve: (p) => p.clientSecret,
  }),
}));

// An OAuth access token reads integrations but does not make, repoint or remove them,
// nor mint their credentials (README: "Scopes").
builder.mutationFields((t) => ({
  createIntegration: t.field({
    ...integrationsByApiKey,
    type: IntegrationPayload,
    description: 'Needs an API key (FORBIDDEN for an OAuth access token). A directory integration queues its first sync.',
    args: { input: t.arg({ type: CreateIntegrationInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => createIntegration(ctx.deps, input)),
  }),
  updateIntegration: t.field({
    ...integrationsByApiKey,
    type: IntegrationPayload,
    description: 'Needs an API key (FORBIDDEN for an OAuth access token).',
    args: { input: t.arg({ type: UpdateIntegrationInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => updateIntegration(ctx.deps, input)),
  }),
  deleteIntegration: t.field({
    ...integrationsByApiKey,
    type: DeleteIntegrationPayload,
    description:
      'Irreversible. Later requestNewOnboarding with this ID answers INTEGRATION_NOT_FOUND; past sessions stay, with integration null. Needs an API key (FORBIDDEN for an OAuth access token).',
    args: { input: t.arg({ type: DeleteIntegrationInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => deleteIntegration(ctx.deps, input)),
  }),
  generateClientSecret: t.field({
    ...integrationsByApiKey,
    type: GenerateClientSecretPayload,
    args: { input: t.arg({ type: GenerateClientSecretInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => generateClientSecret(ctx.deps, input)),
  }),
}));

import {
  createIntegration,
  deleteIntegration,
  generateClientSecret,
  updateIntegration,
} from '../domain/integrations.ts';
import { storedConfigOf, visibleConfig } from '../domain/integration-config.ts';
import { isIdOf } from '../domain/ids.ts';
import { TEMPLATES, findTemplate } from '../domain/templates.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { builder } from './builder.ts';
import { countOf, newestFirst } from './connections.ts';
import type { Context } from './context.ts';
import { DirectorySyncRef } from './directory.ts';
import { OnboardingSessionConnection } from './onboarding.ts';
import { IntegrationCategoryEnum, IntegrationTemplateRef } from './templates.ts';
import { UserErrorRef, payload } from './user-errors.ts';

export const IntegrationStatusEnum = builder.enumType('IntegrationStatus', { values: ['ACTIVE', 'DISABLED'] as const });

const ClientSecretInfo = builder.simpleObject('ClientSecretInfo', {
  description: 'Metadata of the current client secret; the secret itself is shown only when generated.',
  fields: (t) => ({
    lastFour: t.string(),
    createdAt: t.field({ type: 'DateTime' }),
  }),
});

const Directory = builder.simpleObject('Directory', {
  fields: (t) => ({
    lastSync: t.field({ type: DirectorySyncRef, nullable: true }),
    userCount: t.int({ description: 'Directory users, active and inactive.' }),
  }),
});

export const IntegrationRef = builder.prismaNode('Integration', {
  id: { field: 'id' },
  nullable: true, // node(id:) of an unknown or foreign ID is null, not an error
  authScopes: { integrations: true },
  description: 'A connection between the organization and one of its systems, made from a template.',
  fields: (t) => ({
    name: t.exposeString('name'),
    template: t.field({
      type: IntegrationTemplateRef,
      resolve: (integration) => {
        const template = findTemplate(integration.templateKey);
        if (!template) throw new Error(`unknown template ${integration.templateKey}`);
        return template;
      },
    }),
    status: t.expose('status', { type: IntegrationStatusEnum }),
    workflow: t.relation('workflow', { nullable: true, description: 'The linked workflow (CUSTOM templates).' }),
    config: t.field({
      type: 'JSON',
      description: 'Template field values; secret fields only as "••••" + their last four characters.',
      resolve: (integration) => visibleConfig(findTemplate(integration.templateKey), storedConfigOf(integration)),
    }),
    clientId: t.exposeString('clientId', { nullable: true, description: 'OAuth client ID (OIDC_CLIENT_CREDENTIALS only).' }),
    clientSecret: t.field({
      type: ClientSecretInfo,
      nullable: true,
      resolve: (i) =>
        i.clientSecretLastFour && i.clientSecretCreatedAt ? { lastFour: i.clientSecretLastFour, createdAt: i.clientSecretCreatedAt } : null,
    }),
    directory: t.field({
      type: Directory,
      nullable: true,
      description: 'Directory-backed templates only.',
      select: {
        templateKey: true,
        directorySyncs: { orderBy: { createdAt: 'desc' }, take: 1 },
        _count: { select: { directoryUsers: true } },
      },
      resolve: (i) =>
        findTemplate(i.templateKey)?.connector
          ? { lastSync: i.directorySyncs[0] ?? null, userCount: i._count.directoryUsers }
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

function integrationWhere(filter: typeof IntegrationFilter.$inferInput | null | undefined): Prisma.IntegrationWhereInput {
  const conditions: Prisma.IntegrationWhereInput[] = [];
  if (filter?.status) conditions.push({ status: filter.status });
  if (filter?.templateKey != null) conditions.push({ templateKey: filter.templateKey });
  if (filter?.category) {
    conditions.push({ templateKey: { in: TEMPLATES.filter((tpl) => tpl.category === filter.category).map((tpl) => tpl.key) } });
  }
  return { AND: conditions };
}

builder.queryFields((t) => ({
  integrations: t.prismaConnection(
    {
      type: 'Integration',
      cursor: 'id',
      authScopes: { integrations: true },
      description: 'Integrations of the organization, newest first.',
      args: { filter: t.arg({ type: IntegrationFilter }) },
      resolve: (query, _root, args, ctx) =>
        ctx.db.integration.findMany({ ...query, where: integrationWhere(args.filter), ...newestFirst }),
      totalCount: (_parent, args, ctx) => ctx.db.integration.count({ where: integrationWhere(args.filter) }),
    },
    { name: 'IntegrationConnection' },
    { name: 'IntegrationEdge' },
  ),
  integration: t.prismaField({
    type: 'Integration',
    nullable: true,
    authScopes: { integrations: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      isIdOf('Integration', String(id)) ? ctx.db.integration.findUnique({ ...query, where: { id: String(id) } }) : null,
  }),
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
  fields: (t) => ({ integrationId: t.id({ required: true }) }),
});

const IntegrationPayload = builder.simpleObject('IntegrationPayload', {
  fields: (t) => ({
    integration: t.field({ type: IntegrationRef, nullable: true }),
    userErrors: t.field({ type: [UserErrorRef] }),
  }),
});
const DeleteIntegrationPayload = builder.simpleObject('DeleteIntegrationPayload', {
  fields: (t) => ({
    deletedIntegrationId: t.id({ nullable: true }),
    userErrors: t.field({ type: [UserErrorRef] }),
  }),
});
const GenerateClientSecretPayload = builder.simpleObject('GenerateClientSecretPayload', {
  fields: (t) => ({
    integration: t.field({ type: IntegrationRef, nullable: true }),
    clientSecret: t.string({ nullable: true, description: 'The full secret. Shown this once; the previous secret no longer works.' }),
    userErrors: t.field({ type: [UserErrorRef] }),
  }),
});

// The feature on, and an API key: an OAuth access token reads integrations but does not
// make, repoint or remove them (CONTRACT 6.2.6). `integrations` comes first: scope-auth
// stops at the first failed scope of $all, so a gated organization gets FEATURE_DISABLED.
const apiKeyOnly = { authScopes: { $all: { integrations: true, apiKeyCaller: true } } } as const;

/** What the config validator needs: the cipher and the outbound address policy. */
const configServices = (ctx: Context) => ({ cipher: ctx.services.cipher, addressPolicy: ctx.services.config.outbound });

builder.mutationFields((t) => ({
  createIntegration: t.field({
    ...apiKeyOnly,
    type: IntegrationPayload,
    description: 'Needs an API key (FORBIDDEN for an OAuth access token). A directory integration queues its first sync.',
    args: { input: t.arg({ type: CreateIntegrationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      payload(async () => {
        const integration = await createIntegration(ctx.db, configServices(ctx), {
          ...input,
          workflowId: input.workflowId == null ? input.workflowId : String(input.workflowId),
        });
        ctx.services.wakeSyncRunner(); // a directory integration's first sync is queued
        return { integration };
      }),
  }),
  updateIntegration: t.field({
    ...apiKeyOnly,
    type: IntegrationPayload,
    description: 'Needs an API key (FORBIDDEN for an OAuth access token).',
    args: { input: t.arg({ type: UpdateIntegrationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      payload(async () => ({
        integration: await updateIntegration(ctx.db, configServices(ctx), {
          ...input,
          id: String(input.id),
          workflowId: input.workflowId == null ? input.workflowId : String(input.workflowId),
        }),
      })),
  }),
  deleteIntegration: t.field({
    ...apiKeyOnly,
    type: DeleteIntegrationPayload,
    description:
      'Irreversible. Later requestNewOnboarding with this ID answers INTEGRATION_NOT_FOUND; past sessions stay, with integration null. Needs an API key (FORBIDDEN for an OAuth access token).',
    args: { input: t.arg({ type: DeleteIntegrationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      payload(async () => ({ deletedIntegrationId: await deleteIntegration(ctx.db, String(input.id)) })),
  }),
  generateClientSecret: t.field({
    // A token must not mint its own credentials.
    ...apiKeyOnly,
    type: GenerateClientSecretPayload,
    args: { input: t.arg({ type: GenerateClientSecretInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => generateClientSecret(ctx.db, String(input.integrationId))),
  }),
}));

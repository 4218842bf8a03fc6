import { generateApiKey, revokeApiKey } from '../domain/api-keys.ts';
import { builder } from './builder.ts';
import { UserErrorRef, payload } from './user-errors.ts';
import { countOf, newestFirst } from './connections.ts';

export const ApiKeyRef = builder.prismaNode('ApiKey', {
  id: { field: 'id' },
  nullable: true, // node(id:) of an unknown or foreign ID is null, not an error
  description: 'An API key of the organization. The secret is shown only when generated.',
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: "The secret's first characters." }),
    lastFour: t.exposeString('lastFour'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Accurate to the minute.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaConnection({
    type: 'ApiKey',
    cursor: 'id',
    description: 'API keys of the organization, newest first, revoked ones included. API key callers only.',
    authScopes: { apiKeyCaller: true },
    resolve: (query, _root, _args, ctx) => ctx.db.apiKey.findMany({ ...query, ...newestFirst }),
    totalCount: countOf((ctx) => ctx.db.apiKey.count()),
  }, { name: 'ApiKeyConnection' }, { name: 'ApiKeyEdge' }),
);

const GenerateApiKeyInput = builder.inputType('GenerateApiKeyInput', {
  fields: (t) => ({ name: t.string({ required: true }) }),
});
const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const GenerateApiKeyPayload = builder.simpleObject('GenerateApiKeyPayload', {
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, nullable: true }),
    secret: t.string({ nullable: true, description: 'The full key. Shown this once; store it now.' }),
    userErrors: t.field({ type: [UserErrorRef] }),
  }),
});
const ApiKeyPayload = builder.simpleObject('ApiKeyPayload', {
  fields: (t) => ({
    apiKey: t.field({ type: ApiKeyRef, nullable: true }),
    userErrors: t.field({ type: [UserErrorRef] }),
  }),
});

builder.mutationFields((t) => ({
  generateApiKey: t.field({
    type: GenerateApiKeyPayload,
    authScopes: { apiKeyCaller: true },
    args: { input: t.arg({ type: GenerateApiKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      payload(() => generateApiKey(ctx.db, ctx.viewer.organization.id, input.name)),
  }),
  revokeApiKey: t.field({
    type: ApiKeyPayload,
    authScopes: { apiKeyCaller: true },
    description: 'Revokes a key at once; requests with it are then UNAUTHENTICATED. Revoking twice is harmless.',
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(async () => ({ apiKey: await revokeApiKey(ctx.db, String(input.id)) })),
  }),
}));

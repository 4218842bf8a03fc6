import { generateApiKey, revokeApiKey, rollApiKey } from '../domain/api-keys.ts';
import { apiKeyOnly, builder } from './builder.ts';
import { newestFirstList } from './connections.ts';
import { payloadNode, tenantNode } from './nodes.ts';
import { payload, payloadType } from './payloads.ts';

export const ApiKeyRef = builder.prismaNode('ApiKey', {
  ...tenantNode,
  description: 'An API key of the organization. The secret is shown only when generated.',
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: "The secret's first characters." }),
    lastFour: t.exposeString('lastFour'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Accurate to the minute.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it stops working on its own (then UNAUTHENTICATED); null: never.',
    }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaConnection(
    {
      ...apiKeyOnly,
      type: 'ApiKey',
      cursor: 'id',
      description: 'API keys of the organization, newest first, revoked ones included. API key callers only.',
      ...newestFirstList((ctx) => ctx.deps.db.apiKey),
    },
    { name: 'ApiKeyConnection' },
    { name: 'ApiKeyEdge' },
  ),
);

const GenerateApiKeyInput = builder.inputType('GenerateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    expiresAt: t.field({ type: 'DateTime', description: 'When the key stops working: in the future, at most two years ahead. Omitted: never.' }),
  }),
});
const RollApiKeyInput = builder.inputType('RollApiKeyInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    previousKeyExpiresInSeconds: t.int({
      description: 'How long the old key keeps working beside the new one: 0 to 604800, default 0 (it is revoked at once).',
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: "The new key's expiry (at most two years ahead). Omitted: as long a life as the old key was given, or none if it had none.",
    }),
  }),
});
const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const GenerateApiKeyPayload = payloadType<Awaited<ReturnType<typeof generateApiKey>>>('GenerateApiKeyPayload', (t) => ({
  apiKey: payloadNode(t, 'ApiKey', (p) => p.apiKey),
  secret: t.string({ nullable: true, description: 'The full key. Shown this once; store it now.', resolve: (p) => p.secret }),
}));
const ApiKeyPayload = payloadType<Awaited<ReturnType<typeof revokeApiKey>>>('ApiKeyPayload', (t) => ({
  apiKey: payloadNode(t, 'ApiKey', (p) => p.apiKey),
}));

builder.mutationFields((t) => ({
  generateApiKey: t.field({
    ...apiKeyOnly,
    type: GenerateApiKeyPayload,
    args: { input: t.arg({ type: GenerateApiKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => generateApiKey(ctx.deps, input)),
  }),
  rollApiKey: t.field({
    ...apiKeyOnly,
    type: GenerateApiKeyPayload,
    description: 'A new key of the same name, shown once; the old one stops at once, or after previousKeyExpiresInSeconds.',
    args: { input: t.arg({ type: RollApiKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => rollApiKey(ctx.deps, input)),
  }),
  revokeApiKey: t.field({
    ...apiKeyOnly,
    type: ApiKeyPayload,
    description: 'Revokes a key at once; requests with it are then UNAUTHENTICATED. Revoking twice is harmless.',
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => revokeApiKey(ctx.deps, input)),
  }),
}));

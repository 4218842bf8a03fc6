import { generateApiKey, revokeApiKey } from '../domain/api-keys.ts';
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
  fields: (t) => ({ name: t.string({ required: true }) }),
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
  revokeApiKey: t.field({
    ...apiKeyOnly,
    type: ApiKeyPayload,
    description: 'Revokes a key at once; requests with it are then UNAUTHENTICATED. Revoking twice is harmless.',
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => revokeApiKey(ctx.deps, input)),
  }),
}));

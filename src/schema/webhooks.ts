import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverWebhookEvent,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from '../domain/webhooks.ts';
import { builder, integrationsByApiKey, integrationsOnly } from './builder.ts';
import { newestFirstList, totalCountField } from './connections.ts';
import { WebhookDeliveryStatusEnum } from './enums.ts';
import { byIdField, payloadNode, tenantNode } from './nodes.ts';
import { payload, payloadType } from './payloads.ts';

const WebhookDeliveryRef = builder.prismaNode('WebhookDelivery', {
  ...tenantNode,
  ...integrationsOnly,
  description: 'One event sent to one endpoint: its attempts so far, and how the last one went.',
  fields: (t) => ({
    event: t.relation('event'),
    endpoint: t.relation('endpoint'),
    status: t.expose('status', {
      type: WebhookDeliveryStatusEnum,
      description: 'PENDING until a 2xx answer (DELIVERED) or the last retry failed (FAILED).',
    }),
    attempts: t.exposeInt('attempts'),
    lastResponseStatus: t.exposeInt('lastResponseStatus', { nullable: true, description: "The receiver's HTTP status of the last attempt." }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description: "What went wrong the last time, at most 200 characters (the start of the receiver's answer).",
    }),
    nextAttemptAt: t.expose('nextAttemptAt', { type: 'DateTime', nullable: true }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const WebhookDeliveryConnection = builder.connectionObject(
  { type: WebhookDeliveryRef, name: 'WebhookDeliveryConnection', fields: (t) => ({ totalCount: totalCountField(t) }) },
  { name: 'WebhookDeliveryEdge' },
);

builder.prismaNode('WebhookEndpoint', {
  ...tenantNode,
  ...integrationsOnly,
  description: "A receiver of the organization's events, signed as Standard Webhooks says. Its secret is shown only when created or rotated.",
  fields: (t) => ({
    url: t.field({ type: 'URL', resolve: (endpoint) => endpoint.url }),
    description: t.exposeString('description', { nullable: true }),
    eventTypes: t.exposeStringList('eventTypes', { description: 'The event types sent here; empty: every type.' }),
    enabled: t.exposeBoolean('enabled', { description: 'A disabled endpoint gets nothing.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    deliveries: t.relatedConnection(
      'deliveries',
      { cursor: 'id', totalCount: true, description: 'Newest first.', query: { orderBy: { id: 'desc' } } },
      WebhookDeliveryConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  webhookEndpoints: t.prismaConnection(
    {
      ...integrationsOnly,
      type: 'WebhookEndpoint',
      cursor: 'id',
      description: 'Webhook endpoints of the organization, newest first.',
      ...newestFirstList((ctx) => ctx.deps.db.webhookEndpoint),
    },
    { name: 'WebhookEndpointConnection' },
    { name: 'WebhookEndpointEdge' },
  ),
  webhookEndpoint: byIdField(t, 'WebhookEndpoint', integrationsOnly),
}));

const CreateWebhookEndpointInput = builder.inputType('CreateWebhookEndpointInput', {
  fields: (t) => ({
    url: t.field({ type: 'URL', required: true, description: 'http(s); the outbound rules apply (README: "Outbound requests").' }),
    eventTypes: t.stringList({ description: 'Event types to send; empty or omitted: every type. An unknown type is INVALID.' }),
    description: t.string(),
  }),
});
const UpdateWebhookEndpointInput = builder.inputType('UpdateWebhookEndpointInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    url: t.field({ type: 'URL' }),
    eventTypes: t.stringList(),
    description: t.string(),
    enabled: t.boolean(),
  }),
});
const DeleteWebhookEndpointInput = builder.inputType('DeleteWebhookEndpointInput', { fields: (t) => ({ id: t.id({ required: true }) }) });
const RotateWebhookSecretInput = builder.inputType('RotateWebhookSecretInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    previousSecretExpiresInSeconds: t.int({ description: 'How long the old secret keeps signing beside the new one: 0 to 604800, default 86400.' }),
  }),
});
const RedeliverWebhookEventInput = builder.inputType('RedeliverWebhookEventInput', {
  fields: (t) => ({ endpointId: t.id({ required: true }), eventId: t.id({ required: true }) }),
});
const SendTestWebhookInput = builder.inputType('SendTestWebhookInput', { fields: (t) => ({ endpointId: t.id({ required: true }) }) });

const secretField = 'The signing secret (whsec_…). Shown this once; store it now.';
const CreateWebhookEndpointPayload = payloadType<Awaited<ReturnType<typeof createWebhookEndpoint>>>('CreateWebhookEndpointPayload', (t) => ({
  endpoint: payloadNode(t, 'WebhookEndpoint', (p) => p.endpoint),
  secret: t.string({ nullable: true, description: secretField, resolve: (p) => p.secret }),
}));
const WebhookEndpointPayload = payloadType<Awaited<ReturnType<typeof updateWebhookEndpoint>>>('WebhookEndpointPayload', (t) => ({
  endpoint: payloadNode(t, 'WebhookEndpoint', (p) => p.endpoint),
}));
const DeleteWebhookEndpointPayload = payloadType<Awaited<ReturnType<typeof deleteWebhookEndpoint>>>('DeleteWebhookEndpointPayload', (t) => ({
  deletedWebhookEndpointId: t.id({ nullable: true, resolve: (p) => p.deletedWebhookEndpointId }),
}));
const RotateWebhookSecretPayload = payloadType<Awaited<ReturnType<typeof rotateWebhookSecret>>>('RotateWebhookSecretPayload', (t) => ({
  endpoint: payloadNode(t, 'WebhookEndpoint', (p) => p.endpoint),
  secret: t.string({ nullable: true, description: secretField, resolve: (p) => p.secret }),
}));
const WebhookDeliveryPayload = payloadType<Awaited<ReturnType<typeof sendTestWebhook>>>('WebhookDeliveryPayload', (t) => ({
  delivery: payloadNode(t, 'WebhookDelivery', (p) => p.delivery),
}));

// Endpoints hold signing secrets: only API keys manage them (an OAuth access token reads them).
builder.mutationFields((t) => ({
  createWebhookEndpoint: t.field({
    ...integrationsByApiKey,
    type: CreateWebhookEndpointPayload,
    args: { input: t.arg({ type: CreateWebhookEndpointInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => createWebhookEndpoint(ctx.deps, input)),
  }),
  updateWebhookEndpoint: t.field({
    ...integrationsByApiKey,
    type: WebhookEndpointPayload,
    args: { input: t.arg({ type: UpdateWebhookEndpointInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => updateWebhookEndpoint(ctx.deps, input)),
  }),
  deleteWebhookEndpoint: t.field({
    ...integrationsByApiKey,
    type: DeleteWebhookEndpointPayload,
    description: 'The endpoint and its delivery log go; pending deliveries are dropped.',
    args: { input: t.arg({ type: DeleteWebhookEndpointInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => deleteWebhookEndpoint(ctx.deps, input)),
  }),
  rotateWebhookSecret: t.field({
    ...integrationsByApiKey,
    type: RotateWebhookSecretPayload,
    description: 'A new secret; the old one keeps signing beside it (two signatures) for previousSecretExpiresInSeconds.',
    args: { input: t.arg({ type: RotateWebhookSecretInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => rotateWebhookSecret(ctx.deps, input)),
  }),
  redeliverWebhookEvent: t.field({
    ...integrationsByApiKey,
    type: WebhookDeliveryPayload,
    description: 'Sends an event to the endpoint again, as a new delivery with the same webhook-id.',
    args: { input: t.arg({ type: RedeliverWebhookEventInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => redeliverWebhookEvent(ctx.deps, input)),
  }),
  sendTestWebhook: t.field({
    ...integrationsByApiKey,
    type: WebhookDeliveryPayload,
    description: 'Sends an event of type webhook.test to this endpoint only.',
    args: { input: t.arg({ type: SendTestWebhookInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => sendTestWebhook(ctx.deps, input)),
  }),
}));

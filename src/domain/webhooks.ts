// Webhook endpoints: where an organization's events are sent, signed with a secret of the
// endpoint's (contract 6.4.2). Deliveries themselves are jobs (src/jobs/webhook-deliveries.ts);
// here are the endpoints' life (create, update, delete, rotate the secret), a test event,
// and sending an event again.
import { lockRow } from '../db/sql.ts';
import type { Prisma, WebhookEndpoint } from '../generated/prisma/client.ts';
import type { Deps } from './deps.ts';
import { Problems, UserErrors, notFound } from './errors.ts';
import { isIdOf, newId } from './ids.ts';
import { EVENT_TYPES, SECRET_CHANGED, changesOf, isEventType, record } from './outbox.ts';
import { mintWebhookSecret } from './secrets.ts';
import { checkOverlapSeconds, checkTenantUrl } from './validation.ts';

/** Endpoints one organization may have (Stripe allows 16). */
export const MAX_WEBHOOK_ENDPOINTS = 20;
const MAX_DESCRIPTION = 500;
const MAX_URL = 2048;
/** How long a rotated-out secret keeps signing by default (contract 6.4: 86400 s). */
const DEFAULT_OVERLAP_SECONDS = 86_400;

export interface CreateWebhookEndpointInput {
  url: URL | string;
  eventTypes?: string[] | null;
  description?: string | null;
}

export interface UpdateWebhookEndpointInput {
  id: string;
  url?: URL | string | null;
  eventTypes?: string[] | null;
  description?: string | null;
  enabled?: boolean | null;
}

type Checked = { url?: string; eventTypes?: string[]; description?: string | null };

function checkFields(problems: Problems, deps: Pick<Deps, 'addressPolicy'>, input: Omit<UpdateWebhookEndpointInput, 'id' | 'enabled'>): Checked {
  const checked: Checked = {};
  if (input.url != null) {
    const url = String(input.url);
    const result =
      url.length > MAX_URL
        ? { code: 'INVALID' as const, error: `url is at most ${MAX_URL} characters.` }
        : checkTenantUrl(url, 'url', deps.addressPolicy);
    if ('url' in result) checked.url = result.url.toString();
    else problems.add(result.code, ['input', 'url'], result.error);
  }
  if (input.eventTypes != null && input.eventTypes.length > EVENT_TYPES.length) {
    problems.add('INVALID', ['input', 'eventTypes'], `At most ${EVENT_TYPES.length} event types (there are no more).`);
  } else if (input.eventTypes != null) {
    input.eventTypes.forEach((type, index) => {
      if (!isEventType(type))
        problems.add('INVALID', ['input', 'eventTypes', String(index)], `"${type.slice(0, 100)}" is not an event type (${EVENT_TYPES.join(', ')}).`);
    });
    checked.eventTypes = [...new Set(input.eventTypes)];
  }
  if (input.description !== undefined) {
    const description = input.description?.trim() || null;
    if (description && description.length > MAX_DESCRIPTION)
      problems.add('INVALID', ['input', 'description'], `A description is at most ${MAX_DESCRIPTION} characters.`);
    checked.description = description;
  }
  return checked;
}

/** The fields an audit entry shows of an endpoint (never its secrets). */
function auditFields(endpoint: WebhookEndpoint) {
  return { url: endpoint.url, eventTypes: endpoint.eventTypes, description: endpoint.description, enabled: endpoint.enabled };
}

async function findEndpoint(db: Pick<Deps['db'], 'webhookEndpoint'>, id: string, field: string[]) {
  const endpoint = isIdOf('WebhookEndpoint', id) ? await db.webhookEndpoint.findUnique({ where: { id } }) : null;
  if (!endpoint) throw notFound(field, 'webhook endpoint');
  return endpoint;
}

/** A new endpoint, and its signing secret (shown this once; kept encrypted, as the server signs with it). */
export async function createWebhookEndpoint(deps: Pick<Deps, 'db' | 'cipher' | 'addressPolicy' | 'actor'>, input: CreateWebhookEndpointInput) {
  const { db, cipher, actor } = deps;
  const problems = new Problems();
  const checked = checkFields(problems, deps, input);
  problems.throwIfAny();
  const secret = mintWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    // Counted under the organization's row lock, so concurrent creates cannot pass the limit
    // (NO KEY UPDATE: rows of the organization written meanwhile, which KEY SHARE it, go on).
    await lockRow(tx, { organization: db.organizationId }, 'NO KEY UPDATE');
    if ((await tx.webhookEndpoint.count()) >= MAX_WEBHOOK_ENDPOINTS) {
      throw UserErrors.of('INVALID', ['input'], `An organization has at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints; delete one first.`);
    }
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        id: newId('WebhookEndpoint'),
        organizationId: db.organizationId,
        url: checked.url!,
        eventTypes: checked.eventTypes ?? [],
        description: checked.description ?? null,
        secret: cipher.encrypt(secret),
      },
    });
    await record(tx, db.organizationId, actor, {
      audit: {
        action: 'webhook_endpoint.create',
        targetId: endpoint.id,
        changes: { ...changesOf(null, auditFields(endpoint)), secret: { from: null, to: SECRET_CHANGED } },
      },
    });
    return endpoint;
  });
  return { endpoint, secret };
}

export async function updateWebhookEndpoint(deps: Pick<Deps, 'db' | 'addressPolicy' | 'actor'>, input: UpdateWebhookEndpointInput) {
  const { db, actor } = deps;
  const problems = new Problems();
  const checked = checkFields(problems, deps, input);
  problems.throwIfAny();
  const endpoint = await db.$transaction(async (tx) => {
    // Concurrent changes (two rotations) apply one after the other.
    await lockRow(tx, { webhookEndpoint: input.id, of: db.organizationId });
    const current = await findEndpoint(tx, input.id, ['input', 'id']);
    const updated = await tx.webhookEndpoint.update({
      where: { id: current.id },
      data: { ...checked, enabled: input.enabled ?? undefined },
    });
    const changes = changesOf(auditFields(current), auditFields(updated));
    if (Object.keys(changes).length)
      await record(tx, db.organizationId, actor, { audit: { action: 'webhook_endpoint.update', targetId: current.id, changes } });
    return updated;
  });
  return { endpoint };
}

/** The endpoint and its delivery log go; events stay. */
export async function deleteWebhookEndpoint({ db, actor }: Pick<Deps, 'db' | 'actor'>, input: { id: string }) {
  const endpoint = await findEndpoint(db, input.id, ['input', 'id']);
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id: endpoint.id } });
    if (count === 0) throw notFound(['input', 'id'], 'webhook endpoint');
    await record(tx, db.organizationId, actor, {
      audit: {
        action: 'webhook_endpoint.delete',
        targetId: endpoint.id,
        changes: changesOf(auditFields(endpoint), { url: null, eventTypes: null, description: null, enabled: null }),
      },
    });
  });
  return { deletedWebhookEndpointId: endpoint.id };
}

/**
 * A new signing secret, shown once. The one it replaces keeps signing beside it (both
 * signatures in webhook-signature) for previousSecretExpiresInSeconds, so receivers can
 * switch without missing a delivery; 0 drops it at once.
 */
export async function rotateWebhookSecret(
  { db, cipher, actor }: Pick<Deps, 'db' | 'cipher' | 'actor'>,
  input: { id: string; previousSecretExpiresInSeconds?: number | null },
) {
  const problems = new Problems();
  const overlap = checkOverlapSeconds(problems, input.previousSecretExpiresInSeconds, DEFAULT_OVERLAP_SECONDS, [
    'input',
    'previousSecretExpiresInSeconds',
  ]);
  problems.throwIfAny();
  const secret = mintWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    // Concurrent changes (two rotations) apply one after the other.
    await lockRow(tx, { webhookEndpoint: input.id, of: db.organizationId });
    const current = await findEndpoint(tx, input.id, ['input', 'id']);
    const updated = await tx.webhookEndpoint.update({
      where: { id: current.id },
      data: {
        secret: cipher.encrypt(secret),
        previousSecret: overlap > 0 ? current.secret : null,
        previousSecretExpiresAt: overlap > 0 ? new Date(Date.now() + overlap * 1000) : null,
      },
    });
    await record(tx, db.organizationId, actor, {
      audit: {
        action: 'webhook_endpoint.rotate_secret',
        targetId: current.id,
        changes: { secret: { from: null, to: SECRET_CHANGED }, previousSecretExpiresAt: { from: null, to: updated.previousSecretExpiresAt } },
      },
    });
    return updated;
  });
  return { endpoint, secret };
}

function checkEnabled(endpoint: WebhookEndpoint, field: string[]) {
  if (!endpoint.enabled) throw UserErrors.of('WEBHOOK_ENDPOINT_DISABLED', field, 'This webhook endpoint is disabled; enable it first.');
}

/** A delivery due now. */
function newDelivery(organizationId: string, endpointId: string, eventId: string): Prisma.WebhookDeliveryUncheckedCreateInput {
  return { id: newId('WebhookDelivery'), organizationId, endpointId, eventId, status: 'PENDING', nextAttemptAt: new Date() };
}

/** The event sent to the endpoint again, as a new delivery (with the event's ID as webhook-id, so receivers dedupe it). */
export async function redeliverWebhookEvent({ db, actor }: Pick<Deps, 'db' | 'actor'>, input: { endpointId: string; eventId: string }) {
  const endpoint = await findEndpoint(db, input.endpointId, ['input', 'endpointId']);
  const event = isIdOf('Event', input.eventId) ? await db.event.findUnique({ where: { id: input.eventId }, select: { id: true } }) : null;
  if (!event) throw notFound(['input', 'eventId'], 'event');
  checkEnabled(endpoint, ['input', 'endpointId']);
  const delivery = await db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.create({ data: newDelivery(db.organizationId, endpoint.id, event.id) });
    await record(tx, db.organizationId, actor, {
      audit: {
        action: 'webhook_endpoint.redeliver',
        targetId: endpoint.id,
        changes: changesOf(null, { eventId: event.id, deliveryId: delivery.id }),
      },
    });
    return delivery;
  });
  return { delivery };
}

/** A webhook.test event, delivered to this endpoint only. */
export async function sendTestWebhook({ db, actor }: Pick<Deps, 'db' | 'actor'>, input: { endpointId: string }) {
  const endpoint = await findEndpoint(db, input.endpointId, ['input', 'endpointId']);
  checkEnabled(endpoint, ['input', 'endpointId']);
  const delivery = await db.$transaction(async (tx) => {
    const event = await tx.event.create({
      data: {
        id: newId('Event'),
        organizationId: db.organizationId,
        type: 'webhook.test',
        data: { endpointId: endpoint.id, message: 'A test event from sendTestWebhook.' },
      },
    });
    const delivery = await tx.webhookDelivery.create({ data: newDelivery(db.organizationId, endpoint.id, event.id) });
    await record(tx, db.organizationId, actor, {
      audit: { action: 'webhook_endpoint.test', targetId: endpoint.id, changes: changesOf(null, { eventId: event.id, deliveryId: delivery.id }) },
    });
    return delivery;
  });
  return { delivery };
}

// The outbox: what a change tells the world, written in the same transaction (most often
// the same statement) as the change itself, so there is no change without its record and
// no record of a change that rolled back (contract 6.4):
//   - events (Query.events), each queued at once as a delivery to every enabled webhook
//     endpoint of the organization that wants its type (the delivery rows are the jobs
//     src/jobs/webhook-deliveries.ts claims);
//   - the audit log entry of a mutation or admin command: who, from where, what changed.
// Neither ever holds a secret: events carry an object's ID and public fields, audit
// changes only non-secret fields (secret ones as SECRET_CHANGED).
import { Prisma } from '../generated/prisma/client.ts';
import type { AuditActorType } from '../generated/prisma/enums.ts';
import { newId, sqlNewIdPrefix } from './ids.ts';

/** Every event type (contract 6.4.1), and webhook.test (sendTestWebhook). */
export const EVENT_TYPES = [
  'integration.created',
  'integration.updated',
  'integration.deleted',
  'directory.sync.succeeded',
  'directory.sync.failed',
  'directory.user.created',
  'directory.user.updated',
  'directory.user.deactivated',
  'directory.group.created',
  'directory.group.deleted',
  'directory.group.user_added',
  'directory.group.user_removed',
  'onboarding.session.created',
  'onboarding.session.completed',
  'onboarding.session.failed',
  'api_key.created',
  'api_key.revoked',
  'client_secret.generated',
  'webhook.test',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** Who made a change, and from where (the audit log's actor, request ID and client address). */
export interface Actor {
  type: AuditActorType;
  id: string | null;
  name: string | null;
  requestId: string | null;
  ipAddress: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'SYSTEM', id: null, name: null, requestId: null, ipAddress: null };

/** What a changed secret field shows in an audit entry: that it changed, never a value. */
export const SECRET_CHANGED = '[secret changed]';

/** Non-secret fields: { field: { from, to } }. */
export type Changes = Record<string, { from: unknown; to: unknown }>;

export interface EventRecord {
  type: EventType;
  data: Record<string, unknown>;
}

export interface AuditRecord {
  /** `<object>.<verb>`, e.g. integration.update. */
  action: string;
  targetId?: string | null;
  changes?: Changes | null;
}

export interface Recorded {
  events?: EventRecord[];
  audit?: AuditRecord;
}

/** The fields that differ between `before` and `after` (before null: a new object, every field from null). */
export function changesOf(before: Record<string, unknown> | null, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const field of new Set([...Object.keys(before ?? {}), ...Object.keys(after)])) {
    const from = before?.[field] ?? null;
    const to = after[field] ?? null;
    if (before && JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[field] = { from, to };
  }
  return changes;
}

/** Anything that runs raw SQL: a Prisma client, a tenant client, or a transaction. */
interface RawSql {
  $executeRaw(query: Prisma.Sql): Prisma.PrismaPromise<number>;
  $queryRaw<T>(query: Prisma.Sql): Prisma.PrismaPromise<T>;
}

/** A SQL expression giving each row a new event ID. */
export function newEventIdSql(): Prisma.Sql {
  return Prisma.sql`(${sqlNewIdPrefix('Event')}::text || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16))`;
}

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/**
 * CTEs (to follow a WITH, comma-separated) that record the events of `source`, a query of
 * rows ("id" text, "type" text, "data" jsonb), and queue a delivery of each to every
 * enabled endpoint of the organization that takes its type. A delivery's ID is derived
 * from its event's and its endpoint's, so it sorts with its event. `name` keeps the CTE
 * names of several sources in one statement apart.
 */
export function eventCtes(organizationId: string, name: string, source: Prisma.Sql): Prisma.Sql {
  const src = Prisma.raw(`"${name}_source"`);
  const recorded = Prisma.raw(`"${name}_events"`);
  const queued = Prisma.raw(`"${name}_deliveries"`);
  return Prisma.sql`
    ${src} AS (${source}),
    ${recorded} AS (
      INSERT INTO "Event" ("id", "organizationId", "type", "occurredAt", "data")
      SELECT s."id", ${organizationId}, s."type", ${NOW}, s."data" FROM ${src} s
      RETURNING "id", "type"),
    ${queued} AS (
      INSERT INTO "WebhookDelivery" ("id", "organizationId", "eventId", "endpointId", "status", "attempts", "nextAttemptAt", "createdAt")
      SELECT 'whd_' || substr(e."id", 5, 16) || substr(md5(w."id" || e."id"), 1, 10), ${organizationId}, e."id", w."id",
             'PENDING'::"WebhookDeliveryStatus", 0, ${NOW}, ${NOW}
      FROM ${recorded} e
      JOIN "WebhookEndpoint" w ON w."organizationId" = ${organizationId} AND w."enabled"
                              AND (cardinality(w."eventTypes") = 0 OR e."type" = ANY(w."eventTypes"))
      RETURNING 1)`;
}

/** Events given by the application, as an eventCtes source. */
function givenEvents(events: EventRecord[]): Prisma.Sql {
  const rows = events.map((event) => ({ id: newId('Event'), type: event.type, data: event.data }));
  return Prisma.sql`SELECT x."id", x."type", x."data" FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x("id" text, "type" text, "data" jsonb)`;
}

function auditCte(organizationId: string, actor: Actor, audit: AuditRecord): Prisma.Sql {
  const changes = audit.changes && Object.keys(audit.changes).length ? JSON.stringify(audit.changes) : null;
  return Prisma.sql`
    "audit" AS (
      INSERT INTO "AuditLogEntry" ("id", "organizationId", "action", "occurredAt", "actorType", "actorId", "actorName",
                                   "targetId", "requestId", "ipAddress", "changes")
      VALUES (${newId('AuditLogEntry')}, ${organizationId}, ${audit.action}, ${NOW}, ${actor.type}::"AuditActorType", ${actor.id},
              ${actor.name}, ${audit.targetId ?? null}, ${actor.requestId}, ${actor.ipAddress}, ${changes}::jsonb)
      RETURNING 1)`;
}

function recordingCtes(organizationId: string, actor: Actor, recorded: Recorded): Prisma.Sql[] {
  const ctes: Prisma.Sql[] = [];
  if (recorded.events?.length) ctes.push(eventCtes(organizationId, 'given', givenEvents(recorded.events)));
  if (recorded.audit) ctes.push(auditCte(organizationId, actor, recorded.audit));
  return ctes;
}

/** Writes the events (and their deliveries) and the audit entry: one statement, in the caller's transaction. */
export async function record(tx: RawSql, organizationId: string, actor: Actor, recorded: Recorded): Promise<void> {
  const ctes = recordingCtes(organizationId, actor, recorded);
  if (!ctes.length) return;
  await tx.$executeRaw(Prisma.sql`WITH ${Prisma.join(ctes, ',')} SELECT 1`);
}

/**
 * A change and its record as one statement, atomic without a transaction: `change` is a
 * data-modifying statement with RETURNING, whose rows are answered.
 */
export async function changeAndRecord<Row>(db: RawSql, change: Prisma.Sql, organizationId: string, actor: Actor, recorded: Recorded): Promise<Row[]> {
  const all = [Prisma.sql`"changed" AS (${change})`, ...recordingCtes(organizationId, actor, recorded)];
  return db.$queryRaw<Row[]>(Prisma.sql`WITH ${Prisma.join(all, ',')} SELECT * FROM "changed"`);
}

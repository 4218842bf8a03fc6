// When a directory syncs, and what kind of sync it runs (README: "Directory sync").
//
// Every sync is queued through `queueSync`, whatever started it (the integration's
// creation, startDirectorySync, the scheduler), in a transaction that holds the
// integration's row lock: it also moves the integration's `nextSyncAt` to one interval
// later. The scheduler (src/jobs/directory-schedule.ts) only takes integrations whose
// `nextSyncAt` has passed and that have no sync open, under the same row lock, so a sync
// is queued once however many instances look at the same moment.
import { type DirectorySync, type DirectorySyncKind, type DirectorySyncTrigger, type Integration, Prisma } from '../generated/prisma/client.ts';
import { integerValue, storedConfigOf } from './integration-config.ts';
import { newId } from './ids.ts';
import { type IntegerSettings, templateOf } from './templates.ts';

/** The server settings schedules follow (src/config.ts, config.directory). */
export interface DirectorySettings extends IntegerSettings {
  /** FULL_SYNC_INTERVAL_HOURS: the oldest a last FULL sync may be before a scheduled sync is FULL again. */
  fullSyncIntervalHours: number;
}

export const OPEN_SYNC_STATUSES = ['QUEUED', 'RUNNING'] as const;

type SyncStart = { startedAt: Date | null; createdAt: Date };

/** What queuing a sync reads and writes: a transaction of the Prisma client or of a tenant client. */
interface Tx {
  directorySync: {
    create(args: { data: Prisma.DirectorySyncUncheckedCreateInput }): Promise<DirectorySync>;
    findFirst(args: {
      where: Prisma.DirectorySyncWhereInput;
      orderBy: { createdAt: 'desc' };
      select: { startedAt: true; createdAt: true };
    }): Promise<SyncStart | null>;
  };
  $executeRaw(query: Prisma.Sql): Promise<number>;
}

/**
 * Moves an integration's next scheduled sync. Raw, so the integration's updatedAt keeps
 * saying when someone last changed it, not when it was scheduled.
 */
export function setNextSyncAt(tx: Pick<Tx, '$executeRaw'>, integrationId: string, at: Date): Promise<number> {
  return tx.$executeRaw(Prisma.sql`UPDATE "Integration" SET "nextSyncAt" = ${at} WHERE "id" = ${integrationId}`);
}

/** What the schedule reads of an integration. */
type Configured = Pick<Integration, 'templateKey'> & { config: unknown; secrets: unknown };

/** syncIntervalSeconds of a directory integration, in milliseconds (its default when unset, never under the minimum). */
export function syncIntervalMs(integration: Configured, settings: DirectorySettings): number {
  return integerValue(templateOf(integration), storedConfigOf(integration), 'syncIntervalSeconds', settings) * 1000;
}

/** maxDeactivationPercent of a directory integration (its default when unset). */
export function maxDeactivationPercent(integration: Configured, settings: DirectorySettings): number {
  return integerValue(templateOf(integration), storedConfigOf(integration), 'maxDeactivationPercent', settings);
}

/** groupFilter of a directory integration: the group names or external IDs its active users must be in, or null (everyone). */
export function groupFilterOf(integration: Configured): string[] | null {
  const value = storedConfigOf(integration).config.groupFilter;
  return Array.isArray(value) && value.length ? value.map(String) : null;
}

/**
 * The kind a scheduled sync runs: INCREMENTAL when an earlier sync SUCCEEDED and the last
 * FULL one that did is younger than FULL_SYNC_INTERVAL_HOURS; FULL otherwise.
 */
export async function scheduledKind(tx: Tx, integrationId: string, settings: DirectorySettings, now: Date): Promise<DirectorySyncKind> {
  const lastFull = await tx.directorySync.findFirst({
    where: { integrationId, status: 'SUCCEEDED', kind: 'FULL' },
    orderBy: { createdAt: 'desc' },
    select: { startedAt: true, createdAt: true },
  });
  if (!lastFull) return 'FULL';
  const startedAt = lastFull.startedAt ?? lastFull.createdAt;
  return now.getTime() - startedAt.getTime() < settings.fullSyncIntervalHours * 3600_000 ? 'INCREMENTAL' : 'FULL';
}

export interface QueueOptions {
  trigger: DirectorySyncTrigger;
  kind: DirectorySyncKind;
  allowMassDeactivation?: boolean;
}

/**
 * Queues a sync of `integration` and moves its next scheduled sync one interval on. The
 * caller holds the integration's row lock and has made sure no sync of it is open.
 */
export async function queueSync(
  tx: Tx,
  integration: Configured & Pick<Integration, 'id' | 'organizationId'>,
  options: QueueOptions,
  settings: DirectorySettings,
  now = new Date(),
): Promise<DirectorySync> {
  const sync = await tx.directorySync.create({
    data: {
      id: newId('DirectorySync'),
      organizationId: integration.organizationId,
      integrationId: integration.id,
      trigger: options.trigger,
      kind: options.kind,
      allowMassDeactivation: options.allowMassDeactivation ?? false,
      createdAt: now,
    },
  });
  await setNextSyncAt(tx, integration.id, new Date(now.getTime() + syncIntervalMs(integration, settings)));
  return sync;
}

/**
 * The next scheduled sync after a change of the interval: one new interval after the last
 * sync was queued (now, if it never synced).
 */
export async function rescheduledAt(tx: Tx, integration: Configured & Pick<Integration, 'id'>, settings: DirectorySettings): Promise<Date> {
  const last = await tx.directorySync.findFirst({
    where: { integrationId: integration.id },
    orderBy: { createdAt: 'desc' },
    select: { startedAt: true, createdAt: true },
  });
  const from = last ? (last.startedAt ?? last.createdAt) : new Date();
  return new Date(from.getTime() + syncIntervalMs(integration, settings));
}

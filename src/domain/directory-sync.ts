// Starting a directory sync: one open (QUEUED or RUNNING) sync per integration; a second
// start returns the open one. The job itself runs in src/jobs/directory-sync.ts.
import type { TenantClient } from '../db/tenant.ts';
import type { DirectorySync } from '../generated/prisma/client.ts';
import type { SyncSnapshot } from '../pubsub.ts';
import { UserErrors, notFound } from './errors.ts';
import { isIdOf, newId } from './ids.ts';
import { findTemplate } from './templates.ts';

export const OPEN_SYNC_STATUSES = ['QUEUED', 'RUNNING'] as const;

export async function startDirectorySync(db: TenantClient, integrationId: string) {
  const field = ['input', 'integrationId'];
  const integration = isIdOf('Integration', integrationId) ? await db.integration.findUnique({ where: { id: integrationId } }) : null;
  if (!integration) throw notFound(field, 'integration');
  if (!findTemplate(integration.templateKey)?.connector) {
    throw UserErrors.of('INTEGRATION_NOT_DIRECTORY', field, 'Only directory integrations (Okta, Microsoft Entra) sync users.');
  }
  if (integration.status === 'DISABLED') throw UserErrors.of('INTEGRATION_DISABLED', field, 'This integration is disabled.');
  return db.$transaction(async (tx) => {
    // The integration's row lock serializes concurrent starts, so at most one is open.
    await tx.$queryRaw`SELECT id FROM "Integration" WHERE id = ${integration.id} FOR UPDATE`;
    const open = await tx.directorySync.findFirst({
      where: { integrationId: integration.id, status: { in: [...OPEN_SYNC_STATUSES] } },
      orderBy: { createdAt: 'desc' },
    });
    return (
      open ??
      tx.directorySync.create({ data: { id: newId('DirectorySync'), organizationId: db.organizationId, integrationId: integration.id } })
    );
  });
}

export function snapshotOf(sync: DirectorySync): SyncSnapshot {
  return {
    id: sync.id,
    organizationId: sync.organizationId,
    integrationId: sync.integrationId,
    status: sync.status,
    processed: sync.processed,
    total: sync.total,
    created: sync.created,
    updated: sync.updated,
    deactivated: sync.deactivated,
    error: sync.error,
    createdAt: sync.createdAt.toISOString(),
    startedAt: sync.startedAt?.toISOString() ?? null,
    finishedAt: sync.finishedAt?.toISOString() ?? null,
  };
}

/** A snapshot back in the row's shape, for the DirectorySync GraphQL type. */
export function syncFromSnapshot(snapshot: SyncSnapshot) {
  const date = (value: string | null) => (value ? new Date(value) : null);
  return {
    ...snapshot,
    createdAt: new Date(snapshot.createdAt),
    startedAt: date(snapshot.startedAt),
    finishedAt: date(snapshot.finishedAt),
  };
}

const STATUS_ORDER = { QUEUED: 0, RUNNING: 1, SUCCEEDED: 2, FAILED: 2 } as const;

/** True when `candidate` shows an earlier state of the same sync than `seen`. */
export function isEarlierState(candidate: SyncSnapshot, seen: SyncSnapshot): boolean {
  if (candidate.id !== seen.id) return false;
  const rank = STATUS_ORDER[candidate.status] - STATUS_ORDER[seen.status];
  return rank < 0 || (rank === 0 && candidate.processed < seen.processed);
}

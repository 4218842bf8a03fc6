// Directory syncs as callers see them: starting one (one open, QUEUED or RUNNING, sync per
// integration; a second start returns the open one) and watching their progress. The job
// itself runs in src/jobs/directory-sync.ts.
import { Repeater } from '@repeaterjs/repeater';
import { lockRow } from '../db/sql.ts';
import type { DirectorySync, DirectorySyncKind } from '../generated/prisma/client.ts';
import type { SyncSnapshot } from '../pubsub.ts';
import type { Deps } from './deps.ts';
import { OPEN_SYNC_STATUSES, queueSync } from './directory-schedule.ts';
import { UserErrors, apiError, notFound } from './errors.ts';
import { isIdOf } from './ids.ts';
import { changesOf, record } from './outbox.ts';
import { templateOf } from './templates.ts';

export interface StartDirectorySyncInput {
  integrationId: string;
  /** FULL (the default) reads the whole directory; INCREMENTAL only what changed since the last sync that succeeded. */
  kind?: DirectorySyncKind | null;
  /** Lets this run deactivate past the integration's maxDeactivationPercent. */
  allowMassDeactivation?: boolean | null;
}

/**
 * Queues a MANUAL sync, or returns the open one. An INCREMENTAL sync of a directory that
 * never synced successfully has nothing to start from: it runs FULL (its `kind` says so).
 */
export async function startDirectorySync(
  { db, events, directory, actor }: Pick<Deps, 'db' | 'events' | 'directory' | 'actor'>,
  input: StartDirectorySyncInput,
) {
  const field = ['input', 'integrationId'];
  const integration = isIdOf('Integration', input.integrationId) ? await db.integration.findUnique({ where: { id: input.integrationId } }) : null;
  if (!integration) throw notFound(field, 'integration');
  if (!templateOf(integration).connector) {
    throw UserErrors.of('INTEGRATION_NOT_DIRECTORY', field, 'Only directory integrations (Okta, Microsoft Entra) sync users.');
  }
  if (integration.status === 'DISABLED') throw UserErrors.of('INTEGRATION_DISABLED', field, 'This integration is disabled.');
  const sync = await db.$transaction(async (tx) => {
    // The integration's row lock serializes concurrent starts, so at most one is open.
    await lockRow(tx, { integration: integration.id, of: db.organizationId });
    const open = await tx.directorySync.findFirst({
      where: { integrationId: integration.id, status: { in: [...OPEN_SYNC_STATUSES] } },
      orderBy: { createdAt: 'desc' },
    });
    if (open) return open;
    const incremental =
      input.kind === 'INCREMENTAL' &&
      (await tx.directorySync.findFirst({ where: { integrationId: integration.id, status: 'SUCCEEDED' }, select: { id: true } })) !== null;
    const queued = await queueSync(
      tx,
      integration,
      { trigger: 'MANUAL', kind: incremental ? 'INCREMENTAL' : 'FULL', allowMassDeactivation: input.allowMassDeactivation ?? false },
      directory,
    );
    await record(tx, db.organizationId, actor, {
      audit: {
        action: 'directory_sync.start',
        targetId: integration.id,
        changes: changesOf(null, { syncId: queued.id, kind: queued.kind, allowMassDeactivation: queued.allowMassDeactivation }),
      },
    });
    return queued;
  });
  if (sync.status === 'QUEUED') await events.syncQueued(sync);
  return { sync };
}

/**
 * The integration's latest sync as it is now (if there is one), then every later state
 * of its syncs, in order, never going back: an event that shows an earlier state of the
 * sync last pushed (runners on several instances, Redis) is skipped. Ends when the
 * subscriber leaves.
 */
export async function watchSyncProgress({ db, events }: Pick<Deps, 'db' | 'events'>, integrationId: string): Promise<AsyncIterable<SyncSnapshot>> {
  const integration = isIdOf('Integration', integrationId)
    ? await db.integration.findUnique({ where: { id: integrationId }, select: { id: true } })
    : null;
  if (!integration) throw apiError('NOT_FOUND', 'No integration with this ID exists.');
  // A Repeater, not an async generator: when the subscriber leaves, `stop` ends the wait
  // for the next event at once (a generator would stay parked in that await, keeping its
  // pub/sub listener, and with Redis its channel subscription, until another event came).
  return new Repeater<SyncSnapshot>(async (push, stop) => {
    const updates = events.syncUpdates(integration.id);
    void stop.then(() => updates.return?.());
    // Listen before reading the current state, so no step between the two is lost.
    const firstUpdate = updates.next();
    try {
      const latest = await db.directorySync.findFirst({ where: { integrationId: integration.id }, orderBy: { createdAt: 'desc' } });
      let seen: SyncSnapshot | undefined = latest ? snapshotOf(latest) : undefined;
      if (seen) await push(seen);
      for (let next = await firstUpdate; !next.done; next = await updates.next()) {
        // Out of order, or the same state again (a runner that claims a sync again after its
        // lease lapsed announces the progress already committed): nothing new to tell.
        if (seen && (isEarlierState(next.value, seen) || sameState(next.value, seen))) continue;
        seen = next.value;
        await push(next.value);
      }
    } finally {
      await updates.return?.();
      stop();
    }
  });
}

export function snapshotOf(sync: DirectorySync): SyncSnapshot {
  return {
    id: sync.id,
    organizationId: sync.organizationId,
    integrationId: sync.integrationId,
    status: sync.status,
    kind: sync.kind,
    trigger: sync.trigger,
    processed: sync.processed,
    total: sync.total,
    created: sync.created,
    updated: sync.updated,
    deactivated: sync.deactivated,
    groups: sync.groups,
    deactivationBlocked: sync.deactivationBlocked,
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

/** True when two snapshots show the same sync in exactly the same state. */
export function sameState(a: SyncSnapshot, b: SyncSnapshot): boolean {
  return (Object.keys(a) as (keyof SyncSnapshot)[]).every((key) => a[key] === b[key]);
}

/** True when `candidate` shows an earlier state of the same sync than `seen`. */
export function isEarlierState(candidate: SyncSnapshot, seen: SyncSnapshot): boolean {
  if (candidate.id !== seen.id) return false;
  const rank = STATUS_ORDER[candidate.status] - STATUS_ORDER[seen.status];
  return rank < 0 || (rank === 0 && candidate.processed < seen.processed);
}

// The directory sync runner: a durable job queue in the DirectorySync table.
//
// Every server instance runs one. A runner claims a QUEUED sync, or a RUNNING one whose
// lease expired (its runner died), with SELECT ... FOR UPDATE SKIP LOCKED, so exactly one
// runner works a sync at a time. It then reads the directory page by page, the next page
// read while the current one is written (one page ahead, no more); each page's users, the
// counts and the cursor (the next page's URL) are committed in one transaction that
// commits only while the lease is ours. On PostgreSQL a page's users are written while the
// page before it commits (two transactions in flight, committing in page order). A crash therefore loses at most the pages in
// flight, and the next runner resumes from the saved cursor; users are upserted by
// externalId, so a re-read page never duplicates anyone.
//
// Fairness (README: "Directory sync"): an organization runs at most `concurrencyPerOrg`
// syncs at a time across every instance, so one tenant's slow upstreams cannot hold every
// runner; a sync whose runner died is claimed again only after a backoff that doubles
// with each interruption, and given up (FAILED) after MAX_ATTEMPTS, so a page that kills
// the process cannot take down server after server. A run stops at once when its lease is
// lost (the integration was deleted, or another runner took over).
import { randomUUID } from 'node:crypto';
import { lockRow } from '../db/sql.ts';
import { connectorFor } from '../directory/connectors/index.ts';
import {
  ResyncRequired,
  UpstreamError,
  type DirectoryPage,
  type DirectoryConnector,
  type GroupsPage,
  type Listing,
  type UpstreamUser,
} from '../directory/connectors/types.ts';
import type { Cipher } from '../domain/crypto.ts';
import { type DirectorySettings, groupFilterOf, maxDeactivationPercent, setNextSyncAt, syncIntervalMs } from '../domain/directory-schedule.ts';
import { snapshotOf } from '../domain/directory-sync.ts';
import { newId } from '../domain/ids.ts';
import { type EventRecord, type EventType, SYSTEM_ACTOR, eventCtes, newEventIdSql, record } from '../domain/outbox.ts';
import { Prisma, type DirectorySync, type PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { OutboundClient } from '../outbound/client.ts';
import type { PubSub } from '../pubsub.ts';
import { queueDueSyncs } from './directory-schedule.ts';
import { startJobLoop } from './job-loop.ts';

export interface SyncRunnerOptions {
  prisma: PrismaClient;
  cipher: Cipher;
  pubsub: PubSub;
  logger: Logger;
  /** The one way to call tenant-supplied URLs (address policy, caps, timeouts). */
  outbound: OutboundClient;
  /** How long a claim holds without renewal; a dead runner's sync is retried after it. */
  leaseMs?: number;
  pollMs?: number;
  /** Syncs this instance works at once. */
  concurrency?: number;
  /** Syncs one organization runs at once, across every instance. */
  concurrencyPerOrg?: number;
  /** A sync that reads more users than this fails (DIRECTORY_MAX_USERS). */
  maxUsers?: number;
  /**
   * Page commits of one run in flight at once: 2 lets one page's users be written while
   * the page before it commits (PostgreSQL); 1 on a database that runs one transaction at
   * a time anyway (embedded PGlite), where a second would only queue.
   */
  commitsInFlight?: 1 | 2;
  /** Sync runs and users processed (src/metrics.ts); optional for callers without a registry. */
  metrics?: Pick<Metrics, 'syncRuns' | 'usersProcessed'>;
  /** Schedules (SYNC_MIN_INTERVAL_SECONDS, FULL_SYNC_INTERVAL_HOURS): the runner also queues due syncs. */
  directory: DirectorySettings;
  /**
   * Works this one sync and nothing else (no other tenant's work, no scheduling): the admin
   * command's `sync --follow` when no server has claimed it. Same claims and leases as a server's runner.
   */
  onlySync?: string;
}

/** The run no longer owns its sync: another runner took it over, or it was deleted. */
class LeaseLost extends Error {}

/**
 * Claims of one sync that ended with its runner gone (a crash, a kill) before it is given
 * up as FAILED. Before claim n+1 the sync waits leaseMs * (2^(n-1) - 1) past its lease:
 * none after the first interruption (a restart resumes at once), then 1, 3, 7 leases.
 */
export const MAX_ATTEMPTS = 5;

/** Consecutive pages without users (but with a next link) before the listing counts as broken. */
const MAX_EMPTY_PAGES = 10;

/** Groups whose members are read at once. */
const GROUPS_IN_FLIGHT = 4;

/** The safety valve holds only for directories of at least this many active users. */
const SAFETY_VALVE_MIN_USERS = 20;

export function startSyncRunner({
  prisma,
  cipher,
  pubsub,
  logger,
  outbound,
  leaseMs = 30_000,
  pollMs = 1000,
  concurrency = 4,
  concurrencyPerOrg = 1,
  maxUsers = 1_000_000,
  commitsInFlight = 1,
  metrics,
  directory,
  onlySync,
}: SyncRunnerOptions) {
  const owner = `runner_${randomUUID()}`;
  let running = true;
  /** Aborts a run in flight, by lease: stop() ends upstream waits instead of sitting them out. */
  const stopRun = new Map<string, () => void>();

  /** A finished sync as its event tells it. */
  const syncEvent = (sync: DirectorySync): EventRecord => {
    const { organizationId: _org, ...data } = snapshotOf(sync);
    return { type: sync.status === 'SUCCEEDED' ? 'directory.sync.succeeded' : 'directory.sync.failed', data };
  };

  const publish = (sync: DirectorySync) => pubsub.publish('directorySync', sync.integrationId, snapshotOf(sync));

  async function claim(): Promise<DirectorySync | null> {
    return prisma.$transaction(async (tx) => {
      const now = new Date();
      // Work that is free to take: queued, or running under a lease that expired longer
      // ago than its backoff; of an organization below its running limit; oldest first.
      const [row] = await tx.$queryRaw<{ id: string; organizationId: string; startedAt: Date | null }[]>`
        SELECT s.id, s."organizationId", s."startedAt" FROM "DirectorySync" s
        WHERE (s.status = 'QUEUED'
               OR (s.status = 'RUNNING' AND s."leaseExpiresAt" + make_interval(secs =>
                     CASE WHEN s.attempts >= ${MAX_ATTEMPTS} THEN 0
                          ELSE ${leaseMs / 1000} * (power(2, GREATEST(s.attempts, 1) - 1) - 1) END) < ${now}))
          ${onlySync === undefined ? Prisma.empty : Prisma.sql`AND s.id = ${onlySync}`}
          AND (SELECT count(*) FROM "DirectorySync" r
               WHERE r."organizationId" = s."organizationId" AND r.status = 'RUNNING' AND r."leaseExpiresAt" >= ${now}) < ${concurrencyPerOrg}
        ORDER BY s."createdAt"
        LIMIT 1
        FOR UPDATE OF s SKIP LOCKED`;
      if (!row) return null;
      // Two runners may pick two syncs of one organization at the same moment: claims of
      // an organization take turns on its row, and the count is checked again under it.
      await lockRow(tx, { organization: row.organizationId }, 'NO KEY UPDATE');
      const running = await tx.directorySync.count({
        where: { organizationId: row.organizationId, status: 'RUNNING', leaseExpiresAt: { gte: now }, id: { not: row.id } },
      });
      if (running >= concurrencyPerOrg) return null;
      return tx.directorySync.update({
        where: { id: row.id },
        data: {
          status: 'RUNNING',
          // One lease per claim, not per instance: should this instance claim the sync
          // again (its lease lapsed), the older run can no longer commit.
          leaseOwner: `${owner}:${randomUUID()}`,
          leaseExpiresAt: new Date(now.getTime() + leaseMs),
          startedAt: row.startedAt ?? now, // the first claim starts it; a resumed sync keeps it
          attempts: { increment: 1 },
        },
      });
    });
  }

  /**
   * The page's users upserted by externalId (new ones inserted, known ones updated), as SQL
   * to run as a CTE; it returns one row per user, with `before`, the stored row as it was
   * before the statement (null for a new user). A subquery in RETURNING reads the
   * statement's snapshot, taken before its writes, and looks each user up by primary key.
   * The users travel as one JSON array: one parameter, parsed by PostgreSQL. Attributes an
   * upstream did not send (`absent`, a Graph delta) keep their stored values: only then is
   * the stored row joined in (`e`). A user going from active to inactive is marked with the
   * sync that deactivated them, so the safety valve can take it back. With a groupFilter,
   * `active` also needs membership of one of its groups (as the last FULL sync read them).
   */
  function upsertUsers(sync: DirectorySync, users: UpstreamUser[], scope: string[] | null): Prisma.Sql {
    const rows = users.map((u) => ({ ...u, id: newId('DirectoryUser'), keep: `,${(u.absent ?? []).join(',')},` }));
    const partial = users.some((u) => u.absent?.length);
    const value = (attribute: NonNullable<UpstreamUser['absent']>[number]) => {
      const column = Prisma.raw(`"${attribute}"`);
      if (!partial) return Prisma.sql`u.${column}`;
      const stored = attribute === 'active' ? Prisma.sql`COALESCE(e."upstreamActive", true)` : Prisma.sql`e.${column}`;
      return Prisma.sql`CASE WHEN position(${`,${attribute},`} in u."keep") > 0 THEN ${stored} ELSE u.${column} END`;
    };
    const stored = partial
      ? Prisma.sql`LEFT JOIN "DirectoryUser" e ON e."integrationId" = ${sync.integrationId} AND e."externalId" = u."externalId"`
      : Prisma.empty;
    const inScope = scope ? inGroups(sync, Prisma.sql`u."externalId"`, scope) : Prisma.sql`true`;
    return Prisma.sql`
      INSERT INTO "DirectoryUser" AS d ("id", "organizationId", "integrationId", "externalId", "email", "userPrincipalName",
                                        "employeeId", "displayName", "upstreamActive", "active", "lastSeenSyncId", "createdAt", "updatedAt")
      SELECT u."id", ${sync.organizationId}, ${sync.integrationId}, u."externalId", ${value('email')}, ${value('userPrincipalName')},
             ${value('employeeId')}, ${value('displayName')}, ${value('active')}, (${value('active')}) AND ${inScope}, ${sync.id},
             (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
      FROM json_to_recordset(${JSON.stringify(rows)}::json)
           AS u("id" text, "externalId" text, "email" text, "userPrincipalName" text, "employeeId" text, "displayName" text,
                "active" boolean, "keep" text)
      ${stored}
      ON CONFLICT ("integrationId", "externalId") DO UPDATE SET
        "email" = EXCLUDED."email",
        "userPrincipalName" = EXCLUDED."userPrincipalName",
        "employeeId" = EXCLUDED."employeeId",
        "displayName" = EXCLUDED."displayName",
        "upstreamActive" = EXCLUDED."upstreamActive",
        "active" = EXCLUDED."active",
        "lastSeenSyncId" = EXCLUDED."lastSeenSyncId",
        "deactivatedBySyncId" = CASE WHEN EXCLUDED."active" THEN NULL
                                     WHEN d."active" THEN ${sync.id}
                                     ELSE d."deactivatedBySyncId" END,
        "updatedAt" = CASE
          WHEN (d."email", d."userPrincipalName", d."employeeId", d."displayName", d."active")
               IS DISTINCT FROM (EXCLUDED."email", EXCLUDED."userPrincipalName", EXCLUDED."employeeId",
                                 EXCLUDED."displayName", EXCLUDED."active")
          THEN EXCLUDED."updatedAt" ELSE d."updatedAt" END
      RETURNING d."id", d."externalId", d."email", d."userPrincipalName", d."employeeId", d."displayName", d."active",
                (SELECT b FROM "DirectoryUser" b WHERE b."id" = d."id") AS before`;
  }

  /**
   * Counts over upsertUsers' rows (named `written`). Created: new users. Updated: an
   * attribute changed, or the user was reactivated. Deactivated: active to inactive.
   */
  const COUNT_WRITTEN = Prisma.sql`
    SELECT (count(*) FILTER (WHERE (before)."id" IS NULL))::int AS created,
           (count(*) FILTER (WHERE (before)."id" IS NOT NULL AND (
                              ((before)."email", (before)."userPrincipalName", (before)."employeeId", (before)."displayName")
                              IS DISTINCT FROM ("email", "userPrincipalName", "employeeId", "displayName")
                              OR (NOT (before)."active" AND "active"))))::int AS updated,
           (count(*) FILTER (WHERE (before)."active" AND NOT "active"))::int AS deactivated
    FROM written`;

  /** A directory user as events tell it, from a row of DirectoryUser's columns named `r`. */
  function userData(sync: DirectorySync): Prisma.Sql {
    return Prisma.sql`jsonb_build_object('id', r."id", 'integrationId', ${sync.integrationId}::text, 'externalId', r."externalId", 'email', r."email",
      'userPrincipalName', r."userPrincipalName", 'employeeId', r."employeeId", 'displayName', r."displayName", 'active', r."active")`;
  }

  /**
   * CTEs recording one event per row of the CTE `rows` (DirectoryUser's columns) whose
   * `type` expression is not null; `name` keeps several of them in one statement apart.
   */
  function userEvents(sync: DirectorySync, name: string, rows: string, type: Prisma.Sql): Prisma.Sql {
    return eventCtes(
      sync.organizationId,
      name,
      Prisma.sql`SELECT ${newEventIdSql()} AS "id", e."type", e."data" FROM (
        SELECT ${type} AS "type", ${userData(sync)} AS "data" FROM ${Prisma.raw(`"${rows}"`)} r) e WHERE e."type" IS NOT NULL`,
    );
  }

  /** An eventCtes source: one event of `type` per DirectoryGroup row of the CTE `rows` that matches `where`. */
  function groupEvents(type: EventType, rows: string, where: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
    return Prisma.sql`SELECT ${newEventIdSql()} AS "id", ${type}::text AS "type",
      jsonb_build_object('id', r."id", 'integrationId', r."integrationId", 'externalId', r."externalId", 'name', r."name",
                         'description', r."description") AS "data"
      FROM ${Prisma.raw(`"${rows}"`)} r WHERE ${where}`;
  }

  /** An eventCtes source: one event of `type` per membership row ("groupId", "userId") of the CTE `rows` that matches `where`. */
  function membershipEvents(type: EventType, rows: string, sync: DirectorySync, where: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
    return Prisma.sql`SELECT ${newEventIdSql()} AS "id", ${type}::text AS "type",
      jsonb_build_object('integrationId', ${sync.integrationId}::text, 'groupId', r."groupId", 'userId', r."userId") AS "data"
      FROM ${Prisma.raw(`"${rows}"`)} r WHERE ${where}`;
  }

  /** What a written user's row (upsertUsers) is an event of: created, deactivated, updated, or none. */
  const WRITTEN_EVENT = Prisma.sql`CASE
    WHEN (r.before)."id" IS NULL THEN 'directory.user.created'
    WHEN (r.before)."active" AND NOT r."active" THEN 'directory.user.deactivated'
    WHEN ((r.before)."email", (r.before)."userPrincipalName", (r.before)."employeeId", (r.before)."displayName", (r.before)."active")
         IS DISTINCT FROM (r."email", r."userPrincipalName", r."employeeId", r."displayName", r."active") THEN 'directory.user.updated'
    END`;

  /**
   * An UPDATE of DirectoryUser rows (RETURNING every column) with one event of `type` per
   * row it changed; answers how many rows it changed.
   */
  async function updateUsers(tx: Tx, sync: DirectorySync, update: Prisma.Sql, type: EventType): Promise<number> {
    const [{ count }] = await tx.$queryRaw<{ count: number }[]>`
      WITH "changed" AS (${update} RETURNING *), ${userEvents(sync, 'changed', 'changed', Prisma.sql`${type}::text`)}
      SELECT count(*)::int AS count FROM "changed"`;
    return count;
  }

  /** True when the integration's user with this external ID is a member of one of the `scope` groups (by name, case-insensitively, or external ID). */
  function inGroups(sync: DirectorySync, externalId: Prisma.Sql, scope: string[]): Prisma.Sql {
    const names = JSON.stringify(scope);
    return Prisma.sql`EXISTS (
      SELECT 1 FROM "DirectoryGroupMember" m
      JOIN "DirectoryGroup" g ON g."id" = m."groupId"
      JOIN "DirectoryUser" x ON x."id" = m."userId"
      WHERE x."integrationId" = ${sync.integrationId} AND x."externalId" = ${externalId}
        AND (lower(g."name") IN (SELECT lower(n) FROM json_array_elements_text(${names}::json) AS n)
             OR g."externalId" IN (SELECT json_array_elements_text(${names}::json))))`;
  }

  type Tx = Prisma.TransactionClient;

  /** What a run holds its directory to: the safety valve's share, and the groupFilter (null: everyone). */
  interface Rules {
    maxPercent: number;
    scope: string[] | null;
  }

  /** What one committed page adds to its sync. */
  interface Step {
    processed: number;
    created: number;
    updated: number;
    deactivated: number;
    groups: number;
    total?: number | null;
    deltaLink?: string;
  }

  /** Users the upstream says are gone (Graph's "@removed"): inactive, their attributes kept. */
  async function deactivateRemoved(tx: Tx, sync: DirectorySync, externalIds: string[]): Promise<number> {
    if (!externalIds.length) return 0;
    return updateUsers(
      tx,
      sync,
      Prisma.sql`
        UPDATE "DirectoryUser" SET "active" = false, "upstreamActive" = false, "deactivatedBySyncId" = ${sync.id}, "lastSeenSyncId" = ${sync.id},
                                   "updatedAt" = (now() AT TIME ZONE 'UTC')
        WHERE "integrationId" = ${sync.integrationId} AND "active"
          AND "externalId" IN (SELECT json_array_elements_text(${JSON.stringify([...new Set(externalIds)])}::json))`,
      'directory.user.deactivated',
    );
  }

  /**
   * The end of a listing: a FULL one deactivates whoever it did not contain, unless the
   * run would deactivate more than `rules.maxPercent` of the directory's active users (when it
   * has at least SAFETY_VALVE_MIN_USERS): then it deactivates nobody, takes back the
   * deactivations its pages made, and fails with `deactivationBlocked`.
   */
  async function finish(tx: Tx, sync: DirectorySync, lease: string, step: Step, rules: Rules): Promise<DirectorySync> {
    let scopedOut = 0;
    let scopedIn = 0;
    if (sync.kind === 'FULL') {
      // Groups, and memberships, the listing no longer has.
      // Memberships first: a group's go with it, and each is told as a user leaving the group.
      await tx.$executeRaw`
        WITH "gone" AS (
          DELETE FROM "DirectoryGroupMember" m WHERE m."integrationId" = ${sync.integrationId} AND m."lastSeenSyncId" IS DISTINCT FROM ${sync.id}
          RETURNING m."groupId", m."userId"),
        ${eventCtes(sync.organizationId, 'gone', membershipEvents('directory.group.user_removed', 'gone', sync))}
        SELECT 1`;
      await tx.$executeRaw`
        WITH "gone" AS (
          DELETE FROM "DirectoryGroup" d WHERE d."integrationId" = ${sync.integrationId} AND d."lastSeenSyncId" IS DISTINCT FROM ${sync.id}
          RETURNING d.*),
        ${eventCtes(sync.organizationId, 'gone', groupEvents('directory.group.deleted', 'gone'))}
        SELECT 1`;
      if (rules.scope) {
        // The groupFilter against the memberships just read: whoever is in none of its
        // groups is inactive; a listed user the directory says is active, and who is in one now, is active.
        const member = inGroups(sync, Prisma.sql`d."externalId"`, rules.scope);
        scopedOut = await updateUsers(
          tx,
          sync,
          Prisma.sql`
            UPDATE "DirectoryUser" d SET "active" = false, "deactivatedBySyncId" = ${sync.id}, "updatedAt" = (now() AT TIME ZONE 'UTC')
            WHERE d."integrationId" = ${sync.integrationId} AND d."active" AND NOT ${member}`,
          'directory.user.deactivated',
        );
        scopedIn = await updateUsers(
          tx,
          sync,
          Prisma.sql`
            UPDATE "DirectoryUser" d SET "active" = true, "deactivatedBySyncId" = NULL, "updatedAt" = (now() AT TIME ZONE 'UTC')
            WHERE d."integrationId" = ${sync.integrationId} AND NOT d."active" AND d."upstreamActive" AND d."lastSeenSyncId" = ${sync.id} AND ${member}`,
          'directory.user.updated',
        );
      }
    }
    const missing = { integrationId: sync.integrationId, active: true, OR: [{ lastSeenSyncId: null }, { lastSeenSyncId: { not: sync.id } }] };
    const toDeactivate = sync.kind === 'FULL' ? await tx.directoryUser.count({ where: missing }) : 0;
    const byPages = await tx.directoryUser.count({ where: { integrationId: sync.integrationId, deactivatedBySyncId: sync.id } });
    const would = toDeactivate + byPages;
    let blocked = false;
    let activeBefore = 0;
    if (would > 0 && !sync.allowMassDeactivation) {
      // The directory's active users as this run found them: active now or deactivated by it, not new in it.
      activeBefore = await tx.directoryUser.count({
        where: {
          integrationId: sync.integrationId,
          OR: [{ active: true }, { deactivatedBySyncId: sync.id }],
          createdAt: { lt: sync.startedAt ?? sync.createdAt },
        },
      });
      blocked = activeBefore >= SAFETY_VALVE_MIN_USERS && would * 100 > activeBefore * rules.maxPercent;
    }
    if (blocked) {
      // Taken back: the pages' deactivations were told as events when they committed; so is their undoing.
      await updateUsers(
        tx,
        sync,
        Prisma.sql`UPDATE "DirectoryUser" SET "active" = true, "deactivatedBySyncId" = NULL, "updatedAt" = (now() AT TIME ZONE 'UTC')
                   WHERE "integrationId" = ${sync.integrationId} AND "deactivatedBySyncId" = ${sync.id}`,
        'directory.user.updated',
      );
    } else if (toDeactivate > 0) {
      await updateUsers(
        tx,
        sync,
        Prisma.sql`UPDATE "DirectoryUser" SET "active" = false, "upstreamActive" = false, "deactivatedBySyncId" = ${sync.id},
                                              "updatedAt" = (now() AT TIME ZONE 'UTC')
                   WHERE "integrationId" = ${sync.integrationId} AND "active" AND "lastSeenSyncId" IS DISTINCT FROM ${sync.id}`,
        'directory.user.deactivated',
      );
    }
    const finished = await tx.directorySync.updateManyAndReturn({
      where: { id: sync.id, leaseOwner: lease, status: 'RUNNING' },
      data: {
        processed: { increment: step.processed },
        created: { increment: step.created },
        updated: { increment: step.updated + scopedIn },
        groups: { increment: step.groups },
        ...(blocked ? { deactivated: 0, deactivationBlocked: would } : { deactivated: { increment: step.deactivated + scopedOut + toDeactivate } }),
        total: step.total ?? undefined,
        cursor: null,
        // A delta's last page says where the next incremental listing starts.
        ...(step.deltaLink ? { deltaLink: cipher.encrypt(step.deltaLink) } : {}),
        status: blocked ? 'FAILED' : 'SUCCEEDED',
        error: blocked
          ? `the sync would have deactivated ${would} of the directory's ${activeBefore} active users, more than its maxDeactivationPercent (${rules.maxPercent}%), so it deactivated nobody; check the directory, then start a FULL sync with allowMassDeactivation: true to let it through`
          : null,
        finishedAt: new Date(),
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    });
    if (finished.length !== 1) throw new LeaseLost();
    await record(tx, sync.organizationId, SYSTEM_ACTOR, { events: [syncEvent(finished[0])] });
    return finished[0];
  }

  /**
   * Upserts one page and advances the sync, atomically and only while we hold the lease.
   * The users are written first; the sync's row is advanced only once `previous` (the
   * commit of the page before, if still in flight) has committed, so pages commit in
   * order and the saved cursor never goes back. The last page's deactivations wait for it
   * too: they rely on every earlier page's users being marked seen.
   */
  async function commitPage(
    sync: DirectorySync,
    lease: string,
    page: DirectoryPage,
    rules: Rules,
    previous?: Promise<unknown>,
  ): Promise<DirectorySync> {
    const users = [...new Map(page.users.map((u) => [u.externalId, u])).values()];
    return prisma.$transaction(async (tx) => {
      // The integration's row first, as deleteIntegration locks it before its syncs and
      // users: the same lock order in both, so a delete during a sync waits, never deadlocks.
      if (!(await lockRow(tx, { integration: sync.integrationId, of: sync.organizationId }, 'KEY SHARE'))) throw new LeaseLost();
      const [counts] = users.length
        ? await tx.$queryRaw<{ created: number; updated: number; deactivated: number }[]>`
            WITH written AS (${upsertUsers(sync, users, rules.scope)}), ${userEvents(sync, 'written', 'written', WRITTEN_EVENT)} ${COUNT_WRITTEN}`
        : [{ created: 0, updated: 0, deactivated: 0 }];
      counts.deactivated += await deactivateRemoved(tx, sync, page.removed);
      await previous;
      const step: Step = { ...counts, processed: page.users.length + page.removed.length, groups: 0, total: page.total, deltaLink: page.deltaLink };
      // The end of an INCREMENTAL listing ends the sync; a FULL one reads the groups next.
      if (page.next === null && sync.kind === 'INCREMENTAL') return finish(tx, sync, lease, step, rules);
      return advance(tx, sync, lease, step, page.next ?? { phase: 'GROUPS' });
    });
  }

  /**
   * The counts, the cursor (the next page's link, or the first of the next phase) and the
   * lease, only while the lease is ours. If it is not, nothing is returned and the page rolls back.
   */
  async function advance(tx: Tx, sync: DirectorySync, lease: string, step: Step, next: string | { phase: 'GROUPS' }): Promise<DirectorySync> {
    const cursor = typeof next === 'string' ? next : null;
    const phase = typeof next === 'string' ? sync.phase : next.phase;
    const [advanced] = await tx.$queryRaw<DirectorySync[]>`
      UPDATE "DirectorySync" s SET
        "processed" = s."processed" + ${step.processed},
        "created" = s."created" + ${step.created},
        "updated" = s."updated" + ${step.updated},
        "deactivated" = s."deactivated" + ${step.deactivated},
        "groups" = s."groups" + ${step.groups},
        "total" = COALESCE(${step.total ?? null}::int, s."total"),
        "cursor" = ${cursor},
        "phase" = ${phase}::"DirectorySyncPhase",
        "leaseExpiresAt" = (${new Date(Date.now() + leaseMs).toISOString()}::timestamptz AT TIME ZONE 'UTC')
      WHERE s."id" = ${sync.id} AND s."leaseOwner" = ${lease} AND s."status" = 'RUNNING'
      RETURNING s.*`;
    if (!advanced) throw new LeaseLost();
    return advanced;
  }

  /**
   * One page of groups with all their members: the groups upserted by externalId, their
   * memberships of stored users upserted (both marked seen by this sync), in one
   * statement each whatever the page's size; on the last page, the sync ends (finish).
   */
  async function commitGroups(
    sync: DirectorySync,
    lease: string,
    page: GroupsPage,
    members: Map<string, string[]>,
    rules: Rules,
  ): Promise<DirectorySync> {
    const groups = [...new Map(page.groups.map((g) => [g.externalId, g])).values()];
    const pairs = groups.flatMap((g) => [...new Set(members.get(g.externalId) ?? [])].map((user) => ({ group: g.externalId, user })));
    return prisma.$transaction(async (tx) => {
      if (!(await lockRow(tx, { integration: sync.integrationId, of: sync.organizationId }, 'KEY SHARE'))) throw new LeaseLost();
      if (groups.length) {
        const rows = groups.map((g) => ({ ...g, id: newId('DirectoryGroup') }));
        await tx.$executeRaw`
          WITH "upserted" AS (
          INSERT INTO "DirectoryGroup" AS d ("id", "organizationId", "integrationId", "externalId", "name", "description",
                                             "lastSeenSyncId", "createdAt", "updatedAt")
          SELECT g."id", ${sync.organizationId}, ${sync.integrationId}, g."externalId", g."name", g."description", ${sync.id},
                 (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
          FROM json_to_recordset(${JSON.stringify(rows)}::json) AS g("id" text, "externalId" text, "name" text, "description" text)
          ON CONFLICT ("integrationId", "externalId") DO UPDATE SET
            "name" = EXCLUDED."name",
            "description" = EXCLUDED."description",
            "lastSeenSyncId" = EXCLUDED."lastSeenSyncId",
            "updatedAt" = CASE WHEN (d."name", d."description") IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."description")
                               THEN EXCLUDED."updatedAt" ELSE d."updatedAt" END
          RETURNING d.*, (xmax = 0) AS "inserted"),
          ${eventCtes(sync.organizationId, 'upserted', groupEvents('directory.group.created', 'upserted', Prisma.sql`r."inserted"`))}
          SELECT 1`;
      }
      if (pairs.length) {
        // Members the directory lists but this server does not hold (not in the users
        // listing, such as Okta's deprovisioned users) have no membership.
        await tx.$executeRaw`
          WITH "added" AS (
          INSERT INTO "DirectoryGroupMember" ("groupId", "userId", "integrationId", "lastSeenSyncId")
          SELECT g."id", u."id", ${sync.integrationId}, ${sync.id}
          FROM json_to_recordset(${JSON.stringify(pairs)}::json) AS p("group" text, "user" text)
          JOIN "DirectoryGroup" g ON g."integrationId" = ${sync.integrationId} AND g."externalId" = p."group"
          JOIN "DirectoryUser" u ON u."integrationId" = ${sync.integrationId} AND u."externalId" = p."user"
          ON CONFLICT ("groupId", "userId") DO UPDATE SET "lastSeenSyncId" = EXCLUDED."lastSeenSyncId"
          RETURNING "groupId", "userId", (xmax = 0) AS "inserted"),
          ${eventCtes(sync.organizationId, 'added', membershipEvents('directory.group.user_added', 'added', sync, Prisma.sql`r."inserted"`))}
          SELECT 1`;
      }
      const step: Step = { processed: 0, created: 0, updated: 0, deactivated: 0, groups: groups.length };
      if (page.next === null) return finish(tx, sync, lease, step, rules);
      return advance(tx, sync, lease, step, page.next);
    });
  }

  async function fail(sync: DirectorySync, lease: string, message: string) {
    const failed = await prisma.$transaction(async (tx) => {
      const [failed] = await tx.directorySync.updateManyAndReturn({
        where: { id: sync.id, leaseOwner: lease },
        data: { status: 'FAILED', error: message, finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null },
      });
      if (failed) await record(tx, sync.organizationId, SYSTEM_ACTOR, { events: [syncEvent(failed)] });
      return failed;
    });
    if (failed) await publish(failed);
  }

  /**
   * Where an INCREMENTAL sync starts: Okta lists users updated since the last successful
   * sync started; Microsoft Graph follows the delta link that sync kept.
   */
  async function listingOf(sync: DirectorySync): Promise<Listing> {
    if (sync.kind === 'FULL') return { kind: 'FULL' };
    const last = await prisma.directorySync.findFirst({
      where: { integrationId: sync.integrationId, status: 'SUCCEEDED', id: { not: sync.id } },
      orderBy: { createdAt: 'desc' },
    });
    if (!last) throw new ResyncRequired('no sync of this directory has succeeded yet');
    const withLink = last.deltaLink
      ? last
      : await prisma.directorySync.findFirst({
          where: { integrationId: sync.integrationId, status: 'SUCCEEDED', deltaLink: { not: null } },
          orderBy: { createdAt: 'desc' },
        });
    return {
      kind: 'INCREMENTAL',
      since: last.startedAt ?? last.createdAt,
      deltaLink: withLink?.deltaLink ? cipher.decrypt(withLink.deltaLink) : null,
    };
  }

  /** An INCREMENTAL run that must list everything: FULL from the first page, its counts so far kept. */
  async function restartAsFull(sync: DirectorySync, lease: string): Promise<DirectorySync> {
    const [restarted] = await prisma.directorySync.updateManyAndReturn({
      where: { id: sync.id, leaseOwner: lease, status: 'RUNNING' },
      data: { kind: 'FULL', cursor: null, phase: 'USERS' },
    });
    if (!restarted) throw new LeaseLost();
    return restarted;
  }

  async function run(claimed: DirectorySync) {
    let sync = claimed;
    const lease = claimed.leaseOwner!;
    const log = logger.child({ syncId: sync.id, integrationId: sync.integrationId });
    if (sync.attempts > MAX_ATTEMPTS) {
      // Interrupted again and again (a page that crashes the process?): stop retrying.
      await fail(
        sync,
        lease,
        `the sync was interrupted ${MAX_ATTEMPTS} times before finishing (the server stopped while reading this directory); start it again`,
      );
      return;
    }
    log.info({ resumed: sync.cursor !== null, attempt: sync.attempts }, 'directory sync running');
    // Ends the run's upstream requests at once when it no longer owns the sync.
    const abort = new AbortController();
    // Keep the lease while a page is slow (rate limits, retries): it must lapse only when
    // this process is gone, or another runner would start the same sync alongside. A
    // renewal that finds the lease gone (deleted, taken over) stops the run.
    const heartbeat = setInterval(
      () => {
        if (!running) return; // stopping: stop() hands the lease back, a renewal must not undo that
        prisma.directorySync
          .updateMany({ where: { id: sync.id, leaseOwner: lease, status: 'RUNNING' }, data: { leaseExpiresAt: new Date(Date.now() + leaseMs) } })
          .then(({ count }) => count === 0 && abort.abort(new LeaseLost()))
          .catch((error) => log.warn({ err: { message: (error as Error).message } }, 'could not renew a directory sync lease'));
      },
      Math.max(Math.floor(leaseMs / 3), 50),
    );
    stopRun.set(lease, () => abort.abort(new LeaseLost()));
    /**
     * Reads the groups listing page by page from the sync's cursor, each group's members
     * (a few groups at a time), and commits a page of groups with their memberships at once.
     */
    async function readGroups(connector: DirectoryConnector, rules: Rules) {
      const seen = new Set<string>(sync.cursor ? [sync.cursor] : []);
      /** All the members of one group, page by page (a repeated link is a loop). */
      const membersOf = async (groupId: string) => {
        const ids: string[] = [];
        let skipped = 0;
        const links = new Set<string>();
        for (let cursor: string | null = null; ;) {
          const page = await connector.fetchMembersPage(groupId, cursor);
          ids.push(...page.userIds);
          skipped += page.skipped;
          if (page.next === null) return { ids, skipped };
          if (links.has(page.next)) throw new UpstreamError('the directory repeated a group members link it had already sent (a paging loop)');
          links.add(page.next);
          cursor = page.next;
        }
      };
      while (running && sync.status === 'RUNNING') {
        const page = await connector.fetchGroupsPage(sync.cursor);
        if (page.next !== null) {
          if (seen.has(page.next)) throw new UpstreamError('the directory repeated a groups link it had already sent (a paging loop)');
          seen.add(page.next);
        }
        const members = new Map<string, string[]>();
        let skipped = 0;
        // A few groups' members at a time: one request per members page, never one per member.
        for (let i = 0; i < page.groups.length; i += GROUPS_IN_FLIGHT) {
          const batch = page.groups.slice(i, i + GROUPS_IN_FLIGHT);
          const read = await Promise.all(batch.map((group) => membersOf(group.externalId)));
          batch.forEach((group, j) => members.set(group.externalId, read[j].ids));
          skipped += read.reduce((sum, r) => sum + r.skipped, 0);
        }
        if (skipped) log.warn({ skipped }, 'skipped group members that are not users (nested groups, devices) or are malformed');
        sync = await commitGroups(sync, lease, page, members, rules);
        await publish(sync);
      }
    }

    /** Reads the listing page by page from the sync's cursor, committing each page (see the top of this file). */
    async function readListing(connector: DirectoryConnector, reading: AbortController, listing: Listing, rules: Rules) {
      if (listing.kind === 'FULL' && sync.cursor === null && connector.trackChanges) {
        // Graph: where the next incremental run starts, taken before the listing, so changes
        // made while it runs are in the next delta. Kept with the sync, so a resumed run has it.
        const deltaLink = await connector.trackChanges();
        if (deltaLink) {
          const [tracked] = await prisma.directorySync.updateManyAndReturn({
            where: { id: sync.id, leaseOwner: lease, status: 'RUNNING' },
            data: { deltaLink: cipher.encrypt(deltaLink) },
          });
          if (!tracked) throw new LeaseLost();
          sync = tracked;
        }
      }
      /** Starts reading a page; its failure surfaces where it is awaited, not as an unhandled rejection. */
      const read = (cursor: string | null) => {
        const page = connector.fetchPage(cursor, listing);
        page.catch(() => {});
        return page;
      };
      // Page links seen in this run: an upstream that sends one twice is looping.
      const seen = new Set<string>(sync.cursor ? [sync.cursor] : []);
      let emptyPages = 0;
      // The next page is read while the current one is written: at most one page ahead, so
      // memory stays flat. The cursor committed with a page is the link of the page read
      // ahead, which is not committed yet: a crash resumes there and loses only it.
      let ahead: Promise<DirectoryPage> | undefined = read(sync.cursor);
      // With commitsInFlight 2, the commit of the page before, still running.
      let committing: Promise<DirectorySync> | undefined;
      /** Waits for a page's commit, then announces its progress. */
      const committed = async (commit: Promise<DirectorySync>, users: number) => {
        sync = await commit;
        metrics?.usersProcessed.inc(users);
        await publish(sync);
      };
      // The newest commit started, whether or not it is awaited yet.
      let latest: Promise<DirectorySync> | undefined;
      let usersRead = sync.processed;
      let inFlightUsers = 0;
      try {
        while (running && sync.status === 'RUNNING' && ahead) {
          // Taken off before awaiting: a page that failed is not one to abort below.
          const current = ahead;
          ahead = undefined;
          const page: DirectoryPage = await current;
          if (page.next !== null) {
            if (seen.has(page.next)) throw new UpstreamError('the directory repeated a page link it had already sent (a paging loop)');
            seen.add(page.next);
            emptyPages = page.users.length + page.removed.length ? 0 : emptyPages + 1;
            if (emptyPages >= MAX_EMPTY_PAGES) throw new UpstreamError(`the directory sent ${MAX_EMPTY_PAGES} pages in a row without users`);
          }
          usersRead += page.users.length + page.removed.length;
          if (usersRead > maxUsers) {
            throw new UpstreamError(`the directory has more than ${maxUsers} users, the most a sync reads (DIRECTORY_MAX_USERS)`);
          }
          // Only a page that passed the checks above has its link followed.
          if (page.next !== null) ahead = read(page.next);
          const commit = commitPage(sync, lease, page, rules, committing);
          // Its failure surfaces where it is awaited, below or in the next round.
          commit.catch(() => {});
          latest = commit;
          if (committing) await committed(committing, inFlightUsers);
          committing = undefined;
          if (commitsInFlight > 1 && page.next !== null) {
            committing = commit;
            inFlightUsers = page.users.length + page.removed.length;
          } else {
            await committed(commit, page.users.length + page.removed.length);
          }
        }
        // Stopping with a page commit in flight: let it land, so its progress is announced.
        if (committing) await committed(committing, inFlightUsers);
        committing = undefined;
      } finally {
        // Stopped, failed or lost the lease with a page still being read: drop it (its
        // users are not committed, and the saved cursor points at it).
        if (ahead) reading.abort(new LeaseLost());
        // Commits still in flight after a failure roll back (the one before failed) or
        // commit; either way they end before the run records anything else.
        await Promise.allSettled([committing, latest]);
      }
    }

    try {
      await publish(sync);
      const integration = await prisma.integration.findUnique({ where: { id: sync.integrationId } });
      if (!integration) return; // deleted meanwhile: its syncs went with it
      if (sync.attempts === 1) {
        // The schedule counts from a sync's start: the next one is an interval after now.
        await setNextSyncAt(prisma, integration.id, new Date((sync.startedAt ?? new Date()).getTime() + syncIntervalMs(integration, directory)));
      }
      const rules: Rules = { maxPercent: maxDeactivationPercent(integration, directory), scope: groupFilterOf(integration) };
      // One connector for the run (one upstream token); `reading` ends a read-ahead when the users listing stops early.
      const reading = new AbortController();
      const connector = connectorFor(integration, cipher, { outbound, signal: AbortSignal.any([abort.signal, reading.signal]) });
      if (sync.phase === 'USERS') {
        try {
          await readListing(connector, reading, await listingOf(sync), rules);
        } catch (error) {
          if (!(error instanceof ResyncRequired) || sync.kind !== 'INCREMENTAL') throw error;
          // The changes cannot be listed (Graph's delta token expired, or none is kept): this
          // run lists the whole directory instead, and says so.
          log.info({ reason: error.message }, 'an incremental directory sync runs as a full one');
          sync = await restartAsFull(sync, lease);
          await publish(sync);
          await readListing(connector, reading, { kind: 'FULL' }, rules);
        }
      }
      // A FULL sync reads the groups after the users, so memberships find their users.
      if (running && sync.status === 'RUNNING' && sync.phase === 'GROUPS') await readGroups(connector, rules);
      metrics?.syncRuns.inc({ outcome: sync.status === 'SUCCEEDED' ? 'succeeded' : sync.status === 'FAILED' ? 'failed' : 'handed_back' });
      // Fresh statistics, so the planner uses the trigram indexes for searches (PGlite never
      // autovacuums, and a server may run with autovacuum off).
      if (sync.status === 'SUCCEEDED' && sync.created > 0) {
        await prisma.$executeRawUnsafe('ANALYZE "DirectoryUser"').catch((error) => log.warn({ err: error }, 'could not analyze directory users'));
      }
      log.info({ status: sync.status, processed: sync.processed }, 'directory sync stopped');
    } catch (error) {
      if (error instanceof LeaseLost || abort.signal.aborted) {
        log.warn('a directory sync run stopped: its lease is gone (deleted, or taken over by another runner)');
        return;
      }
      const message = error instanceof UpstreamError ? error.message : 'internal error while syncing (see server logs)';
      if (!(error instanceof UpstreamError)) log.error({ err: error }, 'directory sync failed');
      else log.warn({ reason: message }, 'directory sync failed');
      metrics?.syncRuns.inc({ outcome: 'failed' });
      await fail(sync, lease, message).catch((e) => log.error({ err: e }, 'could not record the failed sync'));
    } finally {
      clearInterval(heartbeat);
      stopRun.delete(lease);
    }
  }

  let scheduledAt = 0;
  /** Queues the syncs that are due (once per poll at most), and announces them. */
  async function schedule() {
    if (onlySync !== undefined || Date.now() - scheduledAt < pollMs) return;
    scheduledAt = Date.now();
    const queued = await queueDueSyncs(prisma, directory).catch((error) => {
      if (running) logger.error({ err: error }, 'could not queue scheduled directory syncs');
      return [];
    });
    for (const sync of queued) publish(sync);
    if (queued.length) logger.info({ syncs: queued.map((s) => s.id) }, 'queued scheduled directory syncs');
  }

  const jobs = startJobLoop({
    name: 'directory syncs',
    logger,
    pollMs,
    concurrency,
    claim,
    work: run,
    beforeClaim: schedule,
  });
  return {
    /** Look for work now (after a start in this process) instead of at the next poll. */
    wake: () => jobs.wake(),
    /** Stops claiming; a sync in flight keeps its committed progress and is handed back. */
    async stop(graceMs = 5000) {
      running = false;
      await jobs.stop(graceMs);
      for (const abortRun of stopRun.values()) abortRun();
      // Hand our leases back so a restarted or another instance resumes at once, and take
      // back this claim's attempt: a graceful stop is not an interruption to back off from.
      await prisma.directorySync
        .updateMany({
          where: { leaseOwner: { startsWith: `${owner}:` }, status: 'RUNNING' },
          data: { leaseExpiresAt: new Date(0), attempts: { decrement: 1 } },
        })
        .catch(() => {});
    },
  };
}

export type SyncRunner = ReturnType<typeof startSyncRunner>;

// `admin sync --integration ID [--follow] [--json]`: queues a directory sync exactly as the
// startDirectorySync mutation does (one open sync per integration; audited as the admin
// command), and with --follow watches it to its end.
//
// Following works whether or not a server runs. Progress arrives as the
// directorySyncProgress subscription gets it (src/domain/directory-sync.ts watchSyncProgress:
// the pub/sub, through Redis when REDIS_URL is set), with the DirectorySync row polled beside
// it: often when no event can reach this process (no Redis, runner elsewhere), rarely
// otherwise (Redis pub/sub is at-most-once, and a lost last event must not leave the command
// waiting forever). When no runner claims the sync (no server is running: on the embedded
// database this process then owns DATA_DIR and knows it at once; on PostgreSQL nothing has
// claimed it within HANDOVER_MS), this process runs it itself with the server's own runner
// (src/jobs/directory-sync.ts), limited to this one sync: same claims, leases and per-
// organization limit, so a server that starts meanwhile can never run it twice.
import { setTimeout as sleep } from 'node:timers/promises';
import { Repeater } from '@repeaterjs/repeater';
import cliProgress from 'cli-progress';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { tenantClient } from '../db/tenant.ts';
import { loadCipher } from '../domain/crypto.ts';
import type { DomainEvents } from '../domain/deps.ts';
import { snapshotOf, startDirectorySync, watchSyncProgress } from '../domain/directory-sync.ts';
import { UserErrors } from '../domain/errors.ts';
import { isIdOf } from '../domain/ids.ts';
import { ADMIN_ACTOR } from '../domain/organizations.ts';
import { type SyncRunner, startSyncRunner } from '../jobs/directory-sync.ts';
import type { Logger } from '../logger.ts';
import { createOutboundClient } from '../outbound/client.ts';
import { type SyncSnapshot, createEventBus } from '../pubsub.ts';

export interface SyncOptions {
  integrationId: string;
  follow: boolean;
  json: boolean;
}

/** Polling the row: when no event can reach this process, and as a backstop when one can. */
const POLL_MS = { alone: 500, backstop: 5000 };

/** How long a queued sync waits for a server's runner before this process runs it itself. */
const handoverMs = (config: Config) => Math.max(3 * config.sync.pollMs, 3000);

class SyncGone extends Error {}

const isFinished = (snapshot: SyncSnapshot) => snapshot.status === 'SUCCEEDED' || snapshot.status === 'FAILED';

/** One step of a sync as one line: what a log or a script reading stdout gets. */
function describeStep(s: SyncSnapshot): string {
  const users = s.total === null ? `${s.processed} users read` : `${s.processed}/${s.total} users read`;
  const line = `sync ${s.id} ${s.status}: ${users}, ${s.created} created, ${s.updated} updated, ${s.deactivated} deactivated, ${s.groups} groups`;
  return s.status === 'FAILED' && s.error ? `${line}: ${s.error}` : line;
}

interface ProgressView {
  step(snapshot: SyncSnapshot): void;
  stop(): void;
}

/** A progress bar on a terminal (cli-progress), redrawn in place. */
function progressBar(): ProgressView {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stdout,
      format: ' {bar} {users} | {status} | {created} created, {updated} updated, {deactivated} deactivated',
      emptyOnZero: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    step(s) {
      // An unknown total (Okta does not tell it) leaves the bar empty and counts users alone.
      const payload = {
        users: s.total === null ? `${s.processed} users` : `${s.processed}/${s.total} users`,
        status: s.status,
        created: s.created,
        updated: s.updated,
        deactivated: s.deactivated,
      };
      const total = s.total ?? 0;
      const value = s.total === null ? 0 : Math.min(s.processed, total);
      if (!started) bar.start(total, value, payload);
      else {
        bar.setTotal(total);
        bar.update(value, payload);
      }
      started = true;
    },
    stop: () => bar.stop(),
  };
}

/** One plain line per step: no terminal (a pipe, a log), or --json (then on stderr, stdout keeps the one result line). */
function stepLines(stream: NodeJS.WriteStream): ProgressView {
  return { step: (s) => stream.write(`${describeStep(s)}\n`), stop: () => {} };
}

export async function syncCommand(db: Database, config: Config, logger: Logger, options: SyncOptions): Promise<number> {
  const { integrationId } = options;
  const integration = isIdOf('Integration', integrationId)
    ? await db.prisma.integration.findUnique({ where: { id: integrationId }, select: { id: true, name: true, organizationId: true } })
    : null;
  if (!integration) {
    process.stderr.write(`error: no integration with ID ${integrationId}\n`);
    return 2;
  }
  // Loaded before anything changes: following may need it to run the sync here.
  const cipher = options.follow ? await loadCipher(config) : undefined;
  const tenant = tenantClient(db.prisma, integration.organizationId);
  const bus = createEventBus(config.redisUrl, logger);
  let runner: SyncRunner | undefined;
  const events: DomainEvents = {
    async syncQueued(sync) {
      runner?.wake();
      await bus.pubsub.publish('directorySync', sync.integrationId, snapshotOf(sync));
    },
    syncUpdates: (id) => {
      const updates = bus.pubsub.subscribe('directorySync', id);
      return Repeater.merge([updates, rowUpdates(id)])[Symbol.asyncIterator]();
    },
    credentialsChanged: (tags) => void bus.pubsub.publish('credentialsChanged', tags),
  };
  let followed: string | undefined;
  /** The followed sync's row, every so often, for as long as it is watched. */
  function rowUpdates(id: string): AsyncIterable<SyncSnapshot> {
    return new Repeater<SyncSnapshot>(async (push, stop) => {
      let stopped = false;
      void stop.then(() => (stopped = true));
      while (!stopped) {
        await Promise.race([sleep(config.redisUrl || runner ? POLL_MS.backstop : POLL_MS.alone), stop]);
        if (stopped || !followed) continue;
        const row = await tenant.directorySync.findUnique({ where: { id: followed } });
        if (!row || row.integrationId !== id) stop(new SyncGone());
        else await push(snapshotOf(row));
      }
    });
  }

  const outbound = options.follow ? createOutboundClient(config.outbound) : undefined;
  const runHere = (syncId: string) => {
    if (runner || !cipher) return;
    runner = startSyncRunner({
      prisma: db.prisma,
      cipher,
      pubsub: bus.pubsub,
      logger,
      outbound: outbound!,
      ...config.sync,
      concurrency: 1,
      maxUsers: config.directory.maxUsers,
      directory: config.directory,
      commitsInFlight: db.mode === 'postgres' ? 2 : 1,
      onlySync: syncId,
    });
  };

  try {
    let sync;
    try {
      ({ sync } = await startDirectorySync({ db: tenant, events, directory: config.directory, actor: ADMIN_ACTOR('sync') }, { integrationId }));
    } catch (error) {
      if (!(error instanceof UserErrors)) throw error;
      process.stderr.write(`error: integration ${integrationId} (${integration.name}): ${error.message}\n`);
      return 2;
    }
    if (!options.follow) {
      if (options.json) process.stdout.write(`${JSON.stringify({ sync: snapshotOf(sync) })}\n`);
      else {
        const next =
          db.mode === 'embedded'
            ? 'No server is running on this DATA_DIR: the sync runs when one starts (or follow it with --follow, which runs it now).'
            : 'A running server works it (follow it with --follow).';
        process.stdout.write(`Directory sync ${sync.id} of ${integration.name} (${integration.id}) is ${sync.status}.\n${next}\n`);
      }
      return 0;
    }

    followed = sync.id;
    if (db.mode === 'embedded') runHere(sync.id);
    const handover = setInterval(async () => {
      if (runner) return;
      const row = await tenant.directorySync.findUnique({ where: { id: sync.id }, select: { status: true } }).catch(() => null);
      if (row?.status === 'QUEUED') {
        logger.info({ sync: sync.id }, 'no server claimed the sync: running it in this process');
        runHere(sync.id);
      }
    }, handoverMs(config));

    const onTerminal = process.stdout.isTTY && !options.json;
    const view = onTerminal ? progressBar() : stepLines(options.json ? process.stderr : process.stdout);
    const progress = (await watchSyncProgress({ db: tenant, events }, integration.id))[Symbol.asyncIterator]();
    // Ctrl-C stops following; a sync run here is handed back (a server resumes it).
    const interrupt = () => void progress.return?.();
    process.once('SIGINT', interrupt);
    let last: SyncSnapshot | undefined;
    try {
      for (let next = await progress.next(); !next.done; next = await progress.next()) {
        if (next.value.id !== sync.id) continue;
        last = next.value;
        view.step(last);
        if (isFinished(last)) break;
      }
    } catch (error) {
      if (!(error instanceof SyncGone)) throw error;
      view.stop();
      process.stderr.write(`error: sync ${sync.id} no longer exists (its integration was deleted)\n`);
      return 1;
    } finally {
      clearInterval(handover);
      process.off('SIGINT', interrupt);
      await progress.return?.();
    }
    view.stop();
    if (!last || !isFinished(last)) {
      process.stderr.write(`stopped following sync ${sync.id}: it goes on (${last?.status ?? sync.status})\n`);
      return 130;
    }
    // Lines already ended with the final step; the bar and --json end with it now.
    if (options.json) process.stdout.write(`${JSON.stringify({ sync: last })}\n`);
    else if (onTerminal) process.stdout.write(`${describeStep(last)}\n`);
    return last.status === 'FAILED' ? 1 : 0;
  } finally {
    await runner?.stop();
    await outbound?.close();
    await bus.close();
  }
}

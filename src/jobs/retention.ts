// Retention: events older than EVENT_RETENTION_DAYS (at least 30) and audit log entries
// older than AUDIT_LOG_RETENTION_DAYS are deleted, at start and then hourly, on every
// instance (a delete of what is already gone costs nothing), in batches so no statement
// holds many rows at once. An event's deliveries go with it.
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 5000;
const EVERY_MS = 60 * 60 * 1000;

/** Rows of `table` that occurred before `before`, deleted BATCH at a time. */
async function deleteBefore(prisma: PrismaClient, table: 'Event' | 'AuditLogEntry', before: Date): Promise<number> {
  const name = Prisma.raw(`"${table}"`);
  for (let total = 0; ;) {
    const deleted =
      await prisma.$executeRaw`DELETE FROM ${name} WHERE "id" IN (SELECT "id" FROM ${name} WHERE "occurredAt" < ${before} LIMIT ${BATCH})`;
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

export async function deleteExpired(prisma: PrismaClient, retention: { eventDays: number; auditLogDays: number }, now = Date.now()) {
  return {
    events: await deleteBefore(prisma, 'Event', new Date(now - retention.eventDays * DAY_MS)),
    auditLogEntries: await deleteBefore(prisma, 'AuditLogEntry', new Date(now - retention.auditLogDays * DAY_MS)),
  };
}

export function startRetention(prisma: PrismaClient, retention: { eventDays: number; auditLogDays: number }, logger: Logger) {
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = deleteExpired(prisma, retention).then(
      (deleted) => {
        if (deleted.events || deleted.auditLogEntries) logger.info(deleted, 'deleted events and audit log entries past their retention');
      },
      (error) => logger.warn({ err: error }, 'could not delete expired events and audit log entries'),
    );
  };
  sweep();
  const timer = setInterval(sweep, EVERY_MS).unref();
  return {
    async stop() {
      clearInterval(timer);
      await sweeping;
    },
  };
}

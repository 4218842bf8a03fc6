// The directory scheduler: queues a SCHEDULED sync of every ACTIVE directory integration
// whose nextSyncAt has passed and that has no sync open. Every instance's sync runner
// calls it once per poll; the integrations are taken with FOR UPDATE SKIP LOCKED and
// queueSync moves their nextSyncAt on in the same transaction, so however many instances
// look at once, each due integration gets one sync (src/domain/directory-schedule.ts).
import { type DirectorySettings, queueSync, scheduledKind } from '../domain/directory-schedule.ts';
import type { DirectorySync, PrismaClient } from '../generated/prisma/client.ts';

/** Integrations queued per look: the rest wait for the next poll, a moment later. */
const BATCH = 20;

export async function queueDueSyncs(prisma: PrismaClient, settings: DirectorySettings, now = new Date()): Promise<DirectorySync[]> {
  return prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT i.id FROM "Integration" i
      WHERE i."nextSyncAt" <= ${now} AND i.status = 'ACTIVE'
        AND NOT EXISTS (SELECT 1 FROM "DirectorySync" s WHERE s."integrationId" = i.id AND s.status IN ('QUEUED', 'RUNNING'))
      ORDER BY i."nextSyncAt"
      LIMIT ${BATCH}
      FOR UPDATE OF i SKIP LOCKED`;
    if (!due.length) return [];
    const integrations = await tx.integration.findMany({ where: { id: { in: due.map((row) => row.id) } } });
    const queued: DirectorySync[] = [];
    for (const integration of integrations) {
      const kind = await scheduledKind(tx, integration.id, settings, now);
      queued.push(await queueSync(tx, integration, { trigger: 'SCHEDULED', kind }, settings, now));
    }
    return queued;
  });
}

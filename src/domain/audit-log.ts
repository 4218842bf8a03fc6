// Reading the audit log (Query.auditLog, API keys only); entries are written by the
// outbox (src/domain/outbox.ts) with the changes they describe.
import type { Prisma } from '../generated/prisma/client.ts';

export interface AuditLogFilter {
  action?: string | null;
  targetId?: string | null;
  actorId?: string | null;
  occurredAfter?: Date | null;
  occurredBefore?: Date | null;
}

export function auditLogWhere(filter: AuditLogFilter | null | undefined): Prisma.AuditLogEntryWhereInput {
  return {
    action: filter?.action ?? undefined,
    targetId: filter?.targetId ?? undefined,
    actorId: filter?.actorId ?? undefined,
    occurredAt: { gt: filter?.occurredAfter ?? undefined, lt: filter?.occurredBefore ?? undefined },
  };
}

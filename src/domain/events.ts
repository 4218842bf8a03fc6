// Reading the organization's events (Query.events); they are written by the outbox
// (src/domain/outbox.ts) with the changes they describe.
import type { Prisma } from '../generated/prisma/client.ts';

export interface EventFilter {
  types?: string[] | null;
  occurredAfter?: Date | null;
  occurredBefore?: Date | null;
}

/** The `events(filter:)` condition: any of `types` (none given: every type), within the time window. */
export function eventWhere(filter: EventFilter | null | undefined): Prisma.EventWhereInput {
  return {
    ...(filter?.types?.length ? { type: { in: filter.types } } : {}),
    occurredAt: { gt: filter?.occurredAfter ?? undefined, lt: filter?.occurredBefore ?? undefined },
  };
}

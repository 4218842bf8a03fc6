// SQL details the domain and the jobs share, written once: row locks (always within one
// organization), LIKE patterns, and telling a unique violation from other failures.
import { Prisma } from '../generated/prisma/client.ts';

/** Anything that runs raw SQL: the Prisma client, a tenant client, or a transaction of either. */
interface RawSql {
  $queryRaw<T>(query: Prisma.Sql): Prisma.PrismaPromise<T>;
}

type LockMode = 'UPDATE' | 'NO KEY UPDATE' | 'KEY SHARE';

/**
 * Locks a row until the transaction ends: an organization's own row, or one of its
 * integrations or webhook endpoints. The organization is always part of the condition, so
 * another organization's ID locks nothing. Returns whether the row exists.
 */
export async function lockRow(
  tx: RawSql,
  target: { organization: string } | { integration: string; of: string } | { webhookEndpoint: string; of: string },
  mode: LockMode = 'UPDATE',
): Promise<boolean> {
  const lock = Prisma.raw(mode);
  const query =
    'organization' in target
      ? Prisma.sql`SELECT id FROM "Organization" WHERE id = ${target.organization} FOR ${lock}`
      : 'integration' in target
        ? Prisma.sql`SELECT id FROM "Integration" WHERE id = ${target.integration} AND "organizationId" = ${target.of} FOR ${lock}`
        : Prisma.sql`SELECT id FROM "WebhookEndpoint" WHERE id = ${target.webhookEndpoint} AND "organizationId" = ${target.of} FOR ${lock}`;
  const rows = await tx.$queryRaw<{ id: string }[]>(query);
  return rows.length > 0;
}

/** `text` as a LIKE / ILIKE pattern matching itself only (Prisma's `contains`/`equals` with `mode: 'insensitive'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** True for the error of a write that broke a unique constraint. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  // P2010: a raw statement failed; its meta carries PostgreSQL's SQLSTATE (23505: unique_violation).
  return error.code === 'P2002' || (error.code === 'P2010' && JSON.stringify(error.meta ?? {}).includes('23505'));
}

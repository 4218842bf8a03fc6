// SQL details the domain and the jobs share, written once: row locks (always within one
// organization), LIKE patterns, and telling a unique violation from other failures.
import { Prisma } from '../generated/prisma/client.ts';

/** Anything that runs raw SQL: the Prisma client, a tenant client, or a transaction of either. */
interface RawSql {
  $queryRaw<T>(query: Prisma.Sql): Prisma.PrismaPromise<T>;
}

type LockMode = 'UPDATE' | 'NO KEY UPDATE' | 'KEY SHARE';

/** The organization-owned tables whose rows are locked by ID (the key of a lockRow target). */
const LOCKABLE_TABLES = { integration: 'Integration', webhookEndpoint: 'WebhookEndpoint', apiKey: 'ApiKey' } as const;

type LockTarget =
  { organization: string } | ({ of: string } & { [K in keyof typeof LOCKABLE_TABLES]: { [P in K]: string } }[keyof typeof LOCKABLE_TABLES]);

/**
 * Locks a row until the transaction ends: an organization's own row, or one of its
 * integrations, webhook endpoints or API keys. The organization is always part of the
 * condition, so another organization's ID locks nothing. Returns whether the row exists.
 */
export async function lockRow(tx: RawSql, target: LockTarget, mode: LockMode = 'UPDATE'): Promise<boolean> {
  const lock = Prisma.raw(mode);
  let query: Prisma.Sql;
  if ('organization' in target) query = Prisma.sql`SELECT id FROM "Organization" WHERE id = ${target.organization} FOR ${lock}`;
  else {
    const key = (Object.keys(LOCKABLE_TABLES) as (keyof typeof LOCKABLE_TABLES)[]).find((k) => k in target)!;
    const id = (target as Record<string, string>)[key];
    query = Prisma.sql`SELECT id FROM ${Prisma.raw(`"${LOCKABLE_TABLES[key]}"`)} WHERE id = ${id} AND "organizationId" = ${target.of} FOR ${lock}`;
  }
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

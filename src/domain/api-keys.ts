// API keys: minted secrets shown once, looked up by hash. A key works until it is revoked
// or its expiresAt passes (contract 6.5.2); rolling one makes a successor of the same name
// and stops the old key at once or after an overlap, so a script can switch without an outage.
import type { ApiKey, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { lockRow } from '../db/sql.ts';
import type { Deps } from './deps.ts';
import { Problems, UserErrors, notFound } from './errors.ts';
import { isIdOf, newId } from './ids.ts';
import { type Actor, changesOf, record } from './outbox.ts';
import { mintSecret, sha256 } from './secrets.ts';
import { checkExpiry, checkName, checkOverlapSeconds } from './validation.ts';

type Tx = Pick<Prisma.TransactionClient, 'apiKey' | '$executeRaw' | '$queryRaw'>;

/** An API key as events tell it: never its secret or hash. */
function apiKeyData(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    lastFour: key.lastFour,
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
  };
}

/** lastUsedAt (of API keys and client secrets) is kept current to the minute, not written on every request. */
export const LAST_USED_PRECISION_MS = 60_000;

/** True once the key no longer works: revoked, or past its expiry. */
export function isApiKeyDead(key: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now = Date.now()): boolean {
  return key.revokedAt !== null || (key.expiresAt !== null && key.expiresAt.getTime() <= now);
}

/** isApiKeyDead's opposite as a query condition: the keys that still work at `now`. */
export function workingApiKeys(now: Date): Prisma.ApiKeyWhereInput {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/** A new key (in the caller's transaction), with its event and audit entry. */
export async function issueApiKey(db: Tx, organizationId: string, name: string, actor: Actor, expiresAt: Date | null = null, rolledFrom?: ApiKey) {
  const minted = mintSecret('apiKey');
  const apiKey = await db.apiKey.create({
    data: {
      id: newId('ApiKey'),
      organizationId,
      name,
      prefix: minted.prefix,
      lastFour: minted.lastFour,
      secretHash: minted.hash,
      expiresAt,
    },
  });
  await record(db, organizationId, actor, {
    events: [{ type: 'api_key.created', data: { ...apiKeyData(apiKey), rolledFromId: rolledFrom?.id ?? null } }],
    audit: {
      action: rolledFrom ? 'api_key.roll' : 'api_key.create',
      targetId: apiKey.id,
      changes: changesOf(null, { name: apiKey.name, prefix: apiKey.prefix, expiresAt: apiKey.expiresAt, rolledFromId: rolledFrom?.id ?? null }),
    },
  });
  return { apiKey, secret: minted.secret };
}

export async function generateApiKey({ db, actor }: Pick<Deps, 'db' | 'actor'>, input: { name: string; expiresAt?: Date | null }) {
  const problems = new Problems();
  const name = checkName(problems, input.name);
  const expiresAt = checkExpiry(problems, input.expiresAt, ['input', 'expiresAt']);
  problems.throwIfAny();
  // The tenant client's transaction, typed as a plain one: issueApiKey also runs in the admin command's.
  return db.$transaction((tx) => issueApiKey(tx as unknown as Tx, db.organizationId, name, actor, expiresAt));
}

export interface RollApiKeyInput {
  id: string;
  previousKeyExpiresInSeconds?: number | null;
  expiresAt?: Date | null;
}

/**
 * A successor of the same name, shown once. The old key stops after
 * previousKeyExpiresInSeconds (default 0: revoked at once), or sooner if it was due to.
 * The new key expires at `expiresAt` if given, else lives as long as the old one was
 * made to (a 90-day key rolls into a 90-day key), else never.
 */
export async function rollApiKey({ db, events, actor }: Pick<Deps, 'db' | 'events' | 'actor'>, input: RollApiKeyInput) {
  const problems = new Problems();
  const overlap = checkOverlapSeconds(problems, input.previousKeyExpiresInSeconds, 0, ['input', 'previousKeyExpiresInSeconds']);
  const requestedExpiry = checkExpiry(problems, input.expiresAt, ['input', 'expiresAt']);
  problems.throwIfAny();
  const result = await db.$transaction(async (tx) => {
    // Of two rolls at once, the second sees the first's outcome (the key revoked, or already rolled).
    const found = isIdOf('ApiKey', input.id) && (await lockRow(tx, { apiKey: input.id, of: db.organizationId }));
    const old = found ? await tx.apiKey.findUnique({ where: { id: input.id } }) : null;
    if (!old) throw notFound(['input', 'id'], 'API key');
    const now = new Date();
    if (isApiKeyDead(old, now.getTime())) {
      throw UserErrors.of('INVALID', ['input', 'id'], 'This API key is revoked or expired; generate a new one instead.');
    }
    const lifetime = old.expiresAt ? old.expiresAt.getTime() - old.createdAt.getTime() : null;
    const expiresAt = requestedExpiry ?? (lifetime === null ? null : new Date(now.getTime() + lifetime));
    const issued = await issueApiKey(tx as unknown as Tx, db.organizationId, old.name, actor, expiresAt, old);
    const stopsAt = new Date(now.getTime() + overlap * 1000);
    const previous =
      overlap === 0
        ? await tx.apiKey.update({ where: { id: old.id }, data: { revokedAt: now } })
        : old.expiresAt && old.expiresAt <= stopsAt
          ? old
          : await tx.apiKey.update({ where: { id: old.id }, data: { expiresAt: stopsAt } });
    if (overlap === 0) {
      await record(tx, db.organizationId, actor, {
        events: [{ type: 'api_key.revoked', data: apiKeyData(previous) }],
        audit: { action: 'api_key.revoke', targetId: previous.id, changes: changesOf({ revokedAt: null }, { revokedAt: previous.revokedAt }) },
      });
    } else if (previous !== old) {
      await record(tx, db.organizationId, actor, {
        audit: {
          action: 'api_key.update',
          targetId: previous.id,
          changes: changesOf({ expiresAt: old.expiresAt }, { expiresAt: previous.expiresAt }),
        },
      });
    }
    return issued;
  });
  events.credentialsChanged([`apiKey:${input.id}`]);
  return result;
}

/** Revoking twice is harmless: the key stays revoked since the first time. */
export async function revokeApiKey({ db, events, actor }: Pick<Deps, 'db' | 'events' | 'actor'>, input: { id: string }) {
  const existing = isIdOf('ApiKey', input.id) ? await db.apiKey.findUnique({ where: { id: input.id } }) : null;
  if (!existing) throw notFound(['input', 'id'], 'API key');
  if (existing.revokedAt) return { apiKey: existing };
  const apiKey = await db.$transaction(async (tx) => {
    // Conditional: of two concurrent revokes, one revokes (and is recorded); the other finds it done.
    const { count } = await tx.apiKey.updateMany({ where: { id: existing.id, revokedAt: null }, data: { revokedAt: new Date() } });
    const apiKey = await tx.apiKey.findUniqueOrThrow({ where: { id: existing.id } });
    if (count === 1) {
      await record(tx, db.organizationId, actor, {
        events: [{ type: 'api_key.revoked', data: apiKeyData(apiKey) }],
        audit: { action: 'api_key.revoke', targetId: apiKey.id, changes: changesOf({ revokedAt: null }, { revokedAt: apiKey.revokedAt }) },
      });
    }
    return apiKey;
  });
  events.credentialsChanged([`apiKey:${apiKey.id}`]);
  return { apiKey };
}

/** The key and its organization for a presented secret, or null (unknown, revoked or expired). */
export async function authenticateApiKey(prisma: PrismaClient, secret: string) {
  if (!secret || secret.length > 200) return null;
  const key = await prisma.apiKey.findUnique({ where: { secretHash: sha256(secret) }, include: { organization: true } });
  const now = Date.now();
  if (!key || isApiKeyDead(key, now)) return null;
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    const threshold = new Date(now - LAST_USED_PRECISION_MS);
    // Conditional, so concurrent requests write it once; not awaited by the request.
    prisma.apiKey
      .updateMany({ where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: threshold } }] }, data: { lastUsedAt: new Date(now) } })
      .catch(() => {});
  }
  return key;
}

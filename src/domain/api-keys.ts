// API keys: minted secrets shown once, looked up by hash.
import type { ApiKey, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Deps } from './deps.ts';
import { Problems, notFound } from './errors.ts';
import { isIdOf, newId } from './ids.ts';
import { type Actor, changesOf, record } from './outbox.ts';
import { mintSecret, sha256 } from './secrets.ts';
import { checkName } from './validation.ts';

type Tx = Pick<Prisma.TransactionClient, 'apiKey' | '$executeRaw' | '$queryRaw'>;

/** An API key as events tell it: never its secret or hash. */
function apiKeyData(key: ApiKey) {
  return { id: key.id, name: key.name, prefix: key.prefix, lastFour: key.lastFour, createdAt: key.createdAt, revokedAt: key.revokedAt };
}

/** lastUsedAt is kept current to the minute, not written on every request. */
const LAST_USED_PRECISION_MS = 60_000;

/** A new key (in the caller's transaction), with its event and audit entry. */
export async function issueApiKey(db: Tx, organizationId: string, name: string, actor: Actor) {
  const minted = mintSecret('apiKey');
  const apiKey = await db.apiKey.create({
    data: {
      id: newId('ApiKey'),
      organizationId,
      name,
      prefix: minted.prefix,
      lastFour: minted.lastFour,
      secretHash: minted.hash,
    },
  });
  await record(db, organizationId, actor, {
    events: [{ type: 'api_key.created', data: apiKeyData(apiKey) }],
    audit: { action: 'api_key.create', targetId: apiKey.id, changes: changesOf(null, { name: apiKey.name, prefix: apiKey.prefix }) },
  });
  return { apiKey, secret: minted.secret };
}

export async function generateApiKey({ db, actor }: Pick<Deps, 'db' | 'actor'>, input: { name: string }) {
  const problems = new Problems();
  const name = checkName(problems, input.name);
  problems.throwIfAny();
  // The tenant client's transaction, typed as a plain one: issueApiKey also runs in the admin command's.
  return db.$transaction((tx) => issueApiKey(tx as unknown as Tx, db.organizationId, name, actor));
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

/** The key and its organization for a presented secret, or null (unknown or revoked). */
export async function authenticateApiKey(prisma: PrismaClient, secret: string) {
  if (!secret || secret.length > 200) return null;
  const key = await prisma.apiKey.findUnique({ where: { secretHash: sha256(secret) }, include: { organization: true } });
  if (!key || key.revokedAt) return null;
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    const threshold = new Date(now - LAST_USED_PRECISION_MS);
    // Conditional, so concurrent requests write it once; not awaited by the request.
    prisma.apiKey
      .updateMany({ where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: threshold } }] }, data: { lastUsedAt: new Date(now) } })
      .catch(() => {});
  }
  return key;
}

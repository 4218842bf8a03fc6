// The keys that sign access tokens: ES256 key pairs kept in the SigningKey table, the
// private half encrypted with the Cipher (AES-256-GCM under ENCRYPTION_KEY), the public
// half stored as a JWK whose `kid` is the row ID.
//
// Life of a key: created on first need; active (signs) while it is the newest
// non-retired key; retired when a newer one replaces it (rotation, at most once per
// `rotateAfterMs`); still published in the JWKS and accepted for verification until
// every token it may have signed has expired (retiredAt + token lifetime + grace); then
// deleted at the next rotation.
//
// Several server instances share the database: creation and rotation happen inside a
// transaction holding a PostgreSQL advisory lock (PGlite too), which re-reads the
// current key first, so concurrent instances agree on one key and never rotate twice.
// Each instance caches the keys briefly; `graceMs` covers an instance that keeps
// signing with its cached key for up to `cacheTtlMs` after another one rotated.
import { type CryptoKey, type JWK, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { Cipher } from '../domain/crypto.ts';
import { newId } from '../domain/ids.ts';
import type { PrismaClient, SigningKey } from '../generated/prisma/client.ts';
import { SIGNING_ALGORITHM } from './settings.ts';

/** pg_advisory_xact_lock key serialising key creation and rotation across instances. */
const LOCK_ID = 0x4f415554; // "OAUT"

export interface SigningKeyOptions {
  /** Access token lifetime; a retired key stays published this long (plus grace). */
  tokenLifetimeSeconds: number;
  /** The active key is replaced once older than this. */
  rotateAfterMs: number;
  /** How long an instance trusts its in-memory copy of the keys. */
  cacheTtlMs?: number;
  /** Extra publication time after retirement + token lifetime (>= cacheTtlMs, plus clock skew). */
  graceMs?: number;
  /** A token with a kid we do not know reloads the keys at most this often. */
  unknownKidRefreshMs?: number;
  now?: () => number;
}

export interface ActiveKey {
  kid: string;
  key: CryptoKey;
}

interface PublishedKey {
  jwk: JWK;
  key?: CryptoKey;
}

export class SigningKeys {
  readonly #prisma: PrismaClient;
  readonly #cipher: Cipher;
  readonly #now: () => number;
  readonly #lifetimeMs: number;
  readonly #rotateAfterMs: number;
  readonly #cacheTtlMs: number;
  readonly #graceMs: number;
  readonly #unknownKidRefreshMs: number;

  #active?: { kid: string; key: CryptoKey; createdAt: number; loadedAt: number };
  #activeLoad?: Promise<ActiveKey>;
  #published?: { keys: Map<string, PublishedKey>; loadedAt: number };
  #publishedLoad?: Promise<Map<string, PublishedKey>>;

  constructor(prisma: PrismaClient, cipher: Cipher, options: SigningKeyOptions) {
    this.#prisma = prisma;
    this.#cipher = cipher;
    this.#now = options.now ?? Date.now;
    this.#lifetimeMs = options.tokenLifetimeSeconds * 1000;
    this.#rotateAfterMs = options.rotateAfterMs;
    this.#cacheTtlMs = options.cacheTtlMs ?? 60_000;
    this.#graceMs = Math.max(options.graceMs ?? 5 * 60_000, this.#cacheTtlMs);
    this.#unknownKidRefreshMs = options.unknownKidRefreshMs ?? 5_000;
  }

  /** The key to sign with now: created on first need, rotated when due. */
  async signingKey(): Promise<ActiveKey> {
    const now = this.#now();
    const cached = this.#active;
    if (cached && now - cached.loadedAt < this.#cacheTtlMs && !this.#isDue(cached.createdAt, now)) {
      return { kid: cached.kid, key: cached.key };
    }
    this.#activeLoad ??= this.#loadActive().finally(() => {
      this.#activeLoad = undefined;
    });
    return this.#activeLoad;
  }

  /** Public JWKs of every key whose tokens may still be valid, newest first. */
  async publishedJwks(): Promise<JWK[]> {
    const keys = await this.#publishedKeys(false);
    return [...keys.values()].map((k) => k.jwk);
  }

  /** The verification key for a kid, or undefined when it is not (or no longer) published. */
  async verificationKey(kid: string): Promise<CryptoKey | undefined> {
    let keys = await this.#publishedKeys(false);
    if (!keys.has(kid) && this.#now() - (this.#published?.loadedAt ?? 0) >= this.#unknownKidRefreshMs) {
      // Perhaps another instance just created or rotated a key.
      keys = await this.#publishedKeys(true);
    }
    const entry = keys.get(kid);
    if (!entry) return undefined;
    entry.key ??= (await importJWK(entry.jwk, SIGNING_ALGORITHM)) as CryptoKey;
    return entry.key;
  }

  /**
   * Replaces the active key now (whatever its age); the previous one stays published
   * until its tokens have expired. Returns the new key's kid.
   */
  async rotate(): Promise<string> {
    const row = await this.#createOrRotate(true);
    this.#invalidate();
    return row.id;
  }

  #isDue(createdAt: number, now: number): boolean {
    return now - createdAt >= this.#rotateAfterMs;
  }

  #invalidate() {
    this.#active = undefined;
    this.#published = undefined;
  }

  async #loadActive(): Promise<ActiveKey> {
    const now = this.#now();
    let row = await this.#prisma.signingKey.findFirst({ where: { retiredAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    if (!row || this.#isDue(row.createdAt.getTime(), now)) {
      row = await this.#createOrRotate(false);
      this.#published = undefined;
    }
    const jwk = JSON.parse(this.#cipher.decrypt(row.privateKey)) as JWK;
    const key = (await importJWK(jwk, SIGNING_ALGORITHM)) as CryptoKey;
    this.#active = { kid: row.id, key, createdAt: row.createdAt.getTime(), loadedAt: now };
    return { kid: row.id, key };
  }

  /** Under the advisory lock: the current key if it is fine, else a new one that retires the others. */
  async #createOrRotate(force: boolean): Promise<SigningKey> {
    const fresh = await this.#newKey();
    return this.#prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_ID})`);
      const now = this.#now();
      const current = await tx.signingKey.findFirst({ where: { retiredAt: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      if (current && !force && !this.#isDue(current.createdAt.getTime(), now)) return current;
      const created = await tx.signingKey.create({ data: { ...fresh, createdAt: new Date(now) } });
      await tx.signingKey.updateMany({ where: { retiredAt: null, id: { not: created.id } }, data: { retiredAt: new Date(now) } });
      // Keys whose every token has expired are of no further use: drop the private keys.
      await tx.signingKey.deleteMany({ where: { retiredAt: { lt: new Date(now - this.#publicationMs()) } } });
      return created;
    });
  }

  /** How long after retirement a key stays published. */
  #publicationMs(): number {
    return this.#lifetimeMs + this.#graceMs;
  }

  async #newKey() {
    const id = newId('SigningKey');
    const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const { kty, crv, x, y } = await exportJWK(publicKey);
    return {
      id,
      algorithm: SIGNING_ALGORITHM,
      privateKey: this.#cipher.encrypt(JSON.stringify(privateJwk)),
      publicJwk: { kty, crv, x, y, kid: id, alg: SIGNING_ALGORITHM, use: 'sig' } as Record<string, string>,
    };
  }

  async #publishedKeys(force: boolean): Promise<Map<string, PublishedKey>> {
    const cached = this.#published;
    if (!force && cached && this.#now() - cached.loadedAt < this.#cacheTtlMs) return cached.keys;
    this.#publishedLoad ??= this.#loadPublished().finally(() => {
      this.#publishedLoad = undefined;
    });
    return this.#publishedLoad;
  }

  async #loadPublished(): Promise<Map<string, PublishedKey>> {
    const now = this.#now();
    const rows = await this.#prisma.signingKey.findMany({
      where: { OR: [{ retiredAt: null }, { retiredAt: { gt: new Date(now - this.#publicationMs()) } }] },
      select: { id: true, publicJwk: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    const previous = this.#published?.keys;
    const keys = new Map<string, PublishedKey>();
    for (const row of rows) keys.set(row.id, { jwk: row.publicJwk as JWK, key: previous?.get(row.id)?.key });
    this.#published = { keys, loadedAt: now };
    return keys;
  }
}

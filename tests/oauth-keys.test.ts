// In-process tests of the OAuth building blocks where time or several server instances
// matter: signing keys (first key race-safe across instances, rotation, retired keys
// published until their tokens expire, private keys encrypted at rest), token
// verification with a moving clock (expiry, audience, issuer, type), and the
// brute-force limiter's windows, and the periodic re-check that ends SSE streams whose
// credentials no longer hold. The black-box behaviour is in oauth.test.ts.
import { SignJWT, decodeProtectedHeader, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cipher, parseKey } from '../src/domain/crypto.ts';
import { newId } from '../src/domain/ids.ts';
import { FailureLimiter, addressKey, clientAddress } from '../src/oauth/rate-limit.ts';
import { AUDIENCE } from '../src/oauth/settings.ts';
import { SigningKeys } from '../src/oauth/signing-keys.ts';
import { issueAccessToken } from '../src/oauth/tokens.ts';
import { createBearerVerifier, verifyAccessToken } from '../src/oauth/verify.ts';
import { guardStream } from '../src/server/stream-reauth.ts';
import { TEST_ENCRYPTION_KEY } from './support/env.ts';
import { type ScratchDatabase, scratchDatabase } from './support/oauth.ts';

const cipher = new Cipher(parseKey(TEST_ENCRYPTION_KEY));
const DAY = 24 * 3600 * 1000;
const LIFETIME = 3600;
const ISSUER = 'https://api.example.test';

let db: ScratchDatabase;

beforeAll(async () => {
  db = await scratchDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** A clock the test moves by hand. */
function clock(start = Date.UTC(2030, 0, 1)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

function store(now: () => number, options: { cacheTtlMs?: number } = {}) {
  return new SigningKeys(db.prisma, cipher, { tokenLifetimeSeconds: LIFETIME, rotateAfterMs: 30 * DAY, graceMs: 5 * 60_000, now, ...options });
}

async function resetKeys() {
  await db.prisma.signingKey.deleteMany({});
}

async function seedClient() {
  const organization = await db.prisma.organization.create({
    data: { id: newId('Organization'), name: 'Keys Org', features: ['INTEGRATIONS_ECOSYSTEM'] },
  });
  const integration = await db.prisma.integration.create({
    data: { id: newId('Integration'), organizationId: organization.id, name: 'c', templateKey: 'OIDC_CLIENT_CREDENTIALS', clientId: `icid_${newId('Integration')}` },
  });
  return { organization, integration };
}

describe('signing keys', () => {
  it('creates one key on first need, even when several instances race for it', async () => {
    await resetKeys();
    const t = clock();
    const instances = Array.from({ length: 6 }, () => store(t.now));
    const kids = await Promise.all(instances.map((s) => s.signingKey().then((k) => k.kid)));
    expect(new Set(kids).size).toBe(1);
    const rows = await db.prisma.signingKey.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: kids[0], algorithm: 'ES256', retiredAt: null });
    expect(rows[0].publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', kid: kids[0], alg: 'ES256', use: 'sig' });
    expect(rows[0].publicJwk).not.toHaveProperty('d');
  });

  it('keeps the private key encrypted at rest', async () => {
    const [row] = await db.prisma.signingKey.findMany();
    expect(row.privateKey).toMatch(/^v1\./);
    expect(row.privateKey).not.toContain('"d"');
    const jwk = JSON.parse(cipher.decrypt(row.privateKey));
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(typeof jwk.d).toBe('string');
  });

  it('rotates after 30 days, once across instances, and publishes the old key until its tokens expired', async () => {
    await resetKeys();
    const t = clock();
    const a = store(t.now);
    const b = store(t.now);
    const first = await a.signingKey();
    const { organization, integration } = await seedClient();
    const oldToken = await issueAccessToken(
      a,
      { issuer: ISSUER, clientId: integration.clientId!, organizationId: organization.id, integrationId: integration.id, scopes: ['integrations'] },
      { lifetimeSeconds: LIFETIME, now: t.now() },
    );

    t.advance(29 * DAY);
    expect((await a.signingKey()).kid).toBe(first.kid);

    t.advance(1 * DAY + 1);
    const [fromA, fromB] = await Promise.all([a.signingKey(), b.signingKey()]);
    expect(fromA.kid).not.toBe(first.kid);
    expect(fromB.kid).toBe(fromA.kid);
    const rows = await db.prisma.signingKey.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.id, r.retiredAt === null])).toEqual([
      [first.kid, false],
      [fromA.kid, true],
    ]);
    expect((await a.publishedJwks()).map((k) => k.kid)).toEqual([fromA.kid, first.kid]);

    // A token the old key signed just before retirement stays verifiable until it expires.
    const lateToken = await new SignJWT({ org: organization.id, int: integration.id, client_id: integration.clientId })
      .setProtectedHeader({ alg: 'ES256', kid: first.kid, typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setSubject(integration.clientId!)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(t.now() / 1000))
      .setExpirationTime(Math.floor(t.now() / 1000) + LIFETIME)
      .setJti('late')
      .sign(first.key);
    const verifier = { prisma: db.prisma, keys: b, publicUrl: ISSUER, now: t.now };
    expect(await verifyAccessToken(verifier, lateToken)).not.toBeNull();
    expect(await verifyAccessToken(verifier, oldToken)).toBeNull(); // signed 30 days ago: expired

    t.advance(LIFETIME * 1000 - 60_000);
    expect(await verifyAccessToken(verifier, lateToken)).not.toBeNull();

    // Past retirement + lifetime + grace: no longer published, and the next rotation deletes it.
    t.advance(60_000 + 5 * 60_000 + 1_000);
    const c = store(t.now);
    expect((await c.publishedJwks()).map((k) => k.kid)).toEqual([fromA.kid]);
    expect(await c.verificationKey(first.kid)).toBeUndefined();
    await c.rotate();
    expect(await db.prisma.signingKey.findUnique({ where: { id: first.kid } })).toBeNull();
  });

  it('rotate() replaces the active key at once and the new kid signs', async () => {
    await resetKeys();
    const t = clock();
    const keys = store(t.now);
    const before = await keys.signingKey();
    const kid = await keys.rotate();
    expect(kid).not.toBe(before.kid);
    expect((await keys.signingKey()).kid).toBe(kid);
    expect((await keys.publishedJwks()).map((k) => k.kid)).toEqual([kid, before.kid]);
  });

  it('finds a key another instance created after its cache was filled (unknown kid refresh)', async () => {
    await resetKeys();
    const t = clock();
    const verifierSide = store(t.now);
    const signerSide = store(t.now);
    expect(await verifierSide.publishedJwks()).toEqual([]);
    t.advance(10_000);
    const { kid } = await signerSide.signingKey();
    expect(await verifierSide.verificationKey(kid)).toBeDefined();
  });
});

describe('access token verification', () => {
  let keys: SigningKeys;
  let t: ReturnType<typeof clock>;
  let seeded: Awaited<ReturnType<typeof seedClient>>;

  beforeAll(async () => {
    await resetKeys();
    t = clock();
    keys = store(t.now);
    seeded = await seedClient();
  });

  const claims = () => ({
    issuer: ISSUER,
    clientId: seeded.integration.clientId!,
    organizationId: seeded.organization.id,
    integrationId: seeded.integration.id,
    scopes: ['integrations'],
  });

  it('accepts a fresh token and returns the viewer; refuses it once expired', async () => {
    const verify = createBearerVerifier({ prisma: db.prisma, keys, publicUrl: ISSUER, now: t.now });
    const token = await issueAccessToken(keys, claims(), { lifetimeSeconds: LIFETIME, now: t.now() });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    const viewer = await verify(token);
    expect(viewer).toMatchObject({ apiKey: null, integrationId: seeded.integration.id, organization: { id: seeded.organization.id } });

    t.advance(LIFETIME * 1000 - 1000);
    expect(await verify(token)).not.toBeNull();
    t.advance(31_000 + 1000); // past exp and the 30 s clock tolerance
    expect(await verify(token)).toBeNull();
  });

  it('refuses a wrong audience, issuer, type, algorithm or claim set even when signed by our key', async () => {
    const verify = createBearerVerifier({ prisma: db.prisma, keys, publicUrl: ISSUER, now: t.now });
    const { kid, key } = await keys.signingKey();
    const iat = Math.floor(t.now() / 1000);
    const sign = (overrides: { aud?: string; iss?: string; typ?: string; org?: string; int?: string; sub?: string }) =>
      new SignJWT({ org: overrides.org ?? seeded.organization.id, int: overrides.int ?? seeded.integration.id })
        .setProtectedHeader({ alg: 'ES256', kid, typ: overrides.typ ?? 'at+jwt' })
        .setIssuer(overrides.iss ?? ISSUER)
        .setSubject(overrides.sub ?? seeded.integration.clientId!)
        .setAudience(overrides.aud ?? AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + 600)
        .setJti('x')
        .sign(key);
    expect(await verify(await sign({}))).not.toBeNull();
    expect(await verify(await sign({ aud: 'https://other.example/api' }))).toBeNull();
    expect(await verify(await sign({ iss: 'https://evil.example' }))).toBeNull();
    expect(await verify(await sign({ typ: 'JWT' }))).toBeNull();
    const other = await seedClient();
    expect(await verify(await sign({ org: other.organization.id }))).toBeNull(); // org does not own the integration
    expect(await verify(await sign({ sub: other.integration.clientId! }))).toBeNull(); // sub is not the integration's client
    expect(await verify(await sign({ int: newId('Integration') }))).toBeNull(); // no such integration

    // Same kid, foreign key: the signature does not verify.
    const foreign = await generateKeyPair('ES256');
    const forged = await new SignJWT({ org: seeded.organization.id, int: seeded.integration.id })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setSubject(seeded.integration.clientId!)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 600)
      .setJti('y')
      .sign(foreign.privateKey);
    expect(await verify(forged)).toBeNull();
    // An HMAC token keyed with anything is refused by algorithm.
    const hmac = await new SignJWT({ org: seeded.organization.id, int: seeded.integration.id })
      .setProtectedHeader({ alg: 'HS256', kid, typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setSubject(seeded.integration.clientId!)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 600)
      .setJti('z')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    expect(await verify(hmac)).toBeNull();
    expect(await verify('not.a.jwt')).toBeNull();
    expect(await verify('x'.repeat(5000))).toBeNull();
  });

  it('accepts any issuer of ours when PUBLIC_URL is unset (the request origin names it)', async () => {
    const verify = createBearerVerifier({ prisma: db.prisma, keys, publicUrl: undefined, now: t.now });
    const token = await issueAccessToken(keys, { ...claims(), issuer: 'http://127.0.0.1:4000' }, { lifetimeSeconds: LIFETIME, now: t.now() });
    expect(await verify(token)).not.toBeNull();
  });

  it('refuses tokens of a DISABLED integration at once, and accepts them again when re-enabled', async () => {
    const verify = createBearerVerifier({ prisma: db.prisma, keys, publicUrl: ISSUER, now: t.now });
    const token = await issueAccessToken(keys, claims(), { lifetimeSeconds: LIFETIME, now: t.now() });
    await db.prisma.integration.update({ where: { id: seeded.integration.id }, data: { status: 'DISABLED' } });
    expect(await verify(token)).toBeNull();
    await db.prisma.integration.update({ where: { id: seeded.integration.id }, data: { status: 'ACTIVE' } });
    expect(await verify(token)).not.toBeNull();
  });
});

describe('failure limiter', () => {
  it('refuses after `limit` failures in the window, with the seconds until the oldest leaves it', () => {
    const t = clock();
    const limiter = new FailureLimiter({ limit: 3, windowMs: 60_000, now: t.now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds('c')).toBe(0);
      limiter.recordFailure('c');
      t.advance(10_000);
    }
    // Failures at 0 s, 10 s, 20 s; now 30 s: the first leaves the window at 60 s.
    expect(limiter.retryAfterSeconds('c')).toBe(30);
    expect(limiter.retryAfterSeconds('other')).toBe(0);
    t.advance(30_001);
    expect(limiter.retryAfterSeconds('c')).toBe(0); // one more attempt allowed
    limiter.recordFailure('c');
    expect(limiter.retryAfterSeconds('c')).toBe(10);
    t.advance(60_001);
    expect(limiter.retryAfterSeconds('c')).toBe(0);
    expect(limiter.size).toBe(0); // expired counters are dropped
  });

  it('bounds its memory by dropping the stalest keys', () => {
    const t = clock();
    const limiter = new FailureLimiter({ limit: 2, windowMs: 60_000, maxKeys: 100, now: t.now });
    for (let i = 0; i < 1000; i++) limiter.recordFailure(`k${i}`);
    expect(limiter.size).toBe(100);
    limiter.recordFailure('k999');
    expect(limiter.retryAfterSeconds('k999')).toBeGreaterThan(0);
  });

  it('counts addresses per IPv4 address and per IPv6 /64, behind trusted proxies by X-Forwarded-For', () => {
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('2001:db8:aa:bb:1::5')).toBe(addressKey('2001:0db8:00aa:00bb:ffff:1:2:3'));
    expect(addressKey('2001:db8:aa:bc::1')).not.toBe(addressKey('2001:db8:aa:bb::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
    const request = new Request('http://x/oauth/token', { headers: { 'x-forwarded-for': 'spoofed, 203.0.113.9' } });
    expect(clientAddress(request, '10.0.0.2', 0)).toBe('10.0.0.2');
    expect(clientAddress(request, '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress(new Request('http://x/'), '10.0.0.2', 1)).toBe('10.0.0.2');
  });
});

describe('stream re-authentication (SSE subscriptions)', () => {
  /** A source that yields when told to and records whether it was closed. */
  function source() {
    const state = { returned: false };
    let wake: (() => void) | undefined;
    const queue: number[] = [];
    const iterable: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => ({
        async next() {
          while (!queue.length) await new Promise<void>((resolve) => (wake = resolve));
          return { done: false, value: queue.shift()! };
        },
        async return() {
          state.returned = true;
          return { done: true, value: undefined };
        },
      }),
    };
    return { iterable, state, emit: (n: number) => (queue.push(n), wake?.()) };
  }

  it('passes values through while the credentials hold, then sends the error and ends', async () => {
    const s = source();
    let valid = true;
    const stream = guardStream(s.iterable, { everyMs: 20, stillValid: async () => valid, revoked: () => -1 });
    s.emit(1);
    expect(await stream.next()).toEqual({ done: false, value: 1 });
    const pending = stream.next();
    await new Promise((r) => setTimeout(r, 60));
    s.emit(2);
    expect(await pending).toEqual({ done: false, value: 2 });
    valid = false;
    expect(await stream.next()).toEqual({ done: false, value: -1 });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(s.state.returned).toBe(true);
  });

  it('ends at once even when the source is an async generator waiting for its next event', async () => {
    let cleaned = false;
    async function* silent() {
      try {
        yield 1;
        await new Promise(() => {}); // a pub/sub with no further event
      } finally {
        cleaned = true;
      }
    }
    const stream = guardStream(silent(), { everyMs: 20, stillValid: async () => false, revoked: () => -1 });
    expect(await stream.next()).toEqual({ done: false, value: 1 });
    expect(await stream.next()).toEqual({ done: false, value: -1 });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(cleaned).toBe(false); // its finally runs when its await settles; the stream did not wait for it
  });

  it('a failing check is no verdict; a consumer that stops closes a silent source', async () => {
    const s = source();
    let checks = 0;
    const stream = guardStream(s.iterable, {
      everyMs: 10,
      stillValid: async () => {
        checks++;
        throw new Error('database unavailable');
      },
      revoked: () => -1,
    });
    const pending = stream.next();
    for (const deadline = Date.now() + 5000; checks < 3 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 10));
    expect(checks).toBeGreaterThanOrEqual(3); // several failed checks, and the stream is still open
    await stream.return!();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(s.state.returned).toBe(true);
  });
});

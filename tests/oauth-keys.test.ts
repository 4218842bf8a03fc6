// In-process tests of the OAuth building blocks where time or several server instances
// matter: signing keys (first key race-safe across instances, rotation, retired keys
// published until their tokens expire, private keys encrypted at rest), token
// verification with a moving clock (expiry, audience, issuer, type), the token
// endpoint's failed-authentication budget per client address under concurrency, client
// address keys, and the periodic re-check that ends SSE streams whose credentials no
// longer hold. The black-box behaviour is in oauth.test.ts.
import { SignJWT, decodeProtectedHeader, generateKeyPair } from 'jose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cipher, parseKey } from '../src/domain/crypto.ts';
import { newId } from '../src/domain/ids.ts';
import { mintSecret } from '../src/domain/secrets.ts';
import { AUDIENCE, DEFAULT_SETTINGS } from '../src/oauth/settings.ts';
import { SigningKeys } from '../src/oauth/signing-keys.ts';
import { createTokenEndpoint } from '../src/oauth/token-endpoint.ts';
import { issueAccessToken } from '../src/oauth/tokens.ts';
import { createBearerVerifier, verifyAccessToken } from '../src/oauth/verify.ts';
import { createRateLimiter } from '../src/rate-limits.ts';
import { addressKey, clientAddress, clientAddressKey } from '../src/server/client-address.ts';
import { guardStream } from '../src/server/stream-reauth.ts';
import { TEST_ENCRYPTION_KEY } from './support/env.ts';
import { jsonObject } from './support/kit.ts';
import { type ScratchDatabase, parseJson, scratchDatabase } from './support/oauth.ts';

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
    data: {
      id: newId('Integration'),
      organizationId: organization.id,
      name: 'c',
      templateKey: 'OIDC_CLIENT_CREDENTIALS',
      clientId: `icid_${newId('Integration')}`,
    },
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
    const jwk = jsonObject(parseJson(cipher.decrypt(row.privateKey)));
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

describe('token endpoint: failed authentications per client address', () => {
  const BUDGET = 3;
  let seeded: Awaited<ReturnType<typeof seedClient>>;
  let secret: string;

  beforeAll(async () => {
    seeded = await seedClient();
    const minted = mintSecret('clientSecret');
    secret = minted.secret;
    const { organizationId, id: integrationId } = seeded.integration;
    await db.prisma.clientSecret.create({
      data: { id: newId('ClientSecret'), organizationId, integrationId, secretHash: minted.hash, lastFour: minted.lastFour },
    });
  });

  function endpoint(trustProxyHops = 0) {
    return createTokenEndpoint({
      prisma: db.prisma,
      keys: store(Date.now),
      logger: pino({ level: 'silent' }),
      publicUrl: ISSUER,
      settings: { ...DEFAULT_SETTINGS, trustProxyHops },
      authFailures: createRateLimiter({ keyPrefix: `auth-fail-test-${Math.random()}`, points: BUDGET, windowSeconds: 60 }, undefined),
    });
  }

  const post = (clientSecret: string, headers: Record<string, string> = {}) =>
    new Request('http://127.0.0.1/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: seeded.integration.clientId!,
        client_secret: clientSecret,
      }).toString(),
    });

  it('concurrent guesses from one address never get more than the budget of credential checks', async () => {
    const token = endpoint();
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => token(post(`icsec_guess${i}`), { remoteAddress: '10.9.0.1' }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(BUDGET);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - BUDGET);
    const refused = await token(post(secret), { remoteAddress: '10.9.0.1' });
    expect(refused.status).toBe(429);
    expect(parseJson(await refused.text())).toMatchObject({ error: 'slow_down' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address: the right secret gets its token at once.
    expect((await token(post(secret), { remoteAddress: '10.9.0.2' })).status).toBe(200);
  });

  it('a success gives back the point it took; successes from one address never run out', async () => {
    const token = endpoint();
    for (let i = 0; i < BUDGET * 3; i++) expect((await token(post(secret), { remoteAddress: '10.9.1.1' })).status).toBe(200);
    for (let i = 0; i < BUDGET; i++) expect((await token(post(`icsec_wrong${i}`), { remoteAddress: '10.9.1.1' })).status).toBe(401);
    expect((await token(post(`icsec_wrong-last`), { remoteAddress: '10.9.1.1' })).status).toBe(429);
  });

  it('uses X-Forwarded-For only behind trusted proxies, and counts anything not an address under one key', async () => {
    const direct = endpoint(0);
    // Without TRUST_PROXY a forwarded header changes nothing: all of these are the socket's failures.
    for (let i = 0; i < BUDGET; i++) {
      expect((await direct(post(`icsec_x${i}`, { 'x-forwarded-for': `198.51.100.${i}` }), { remoteAddress: '10.9.2.1' })).status).toBe(401);
    }
    expect((await direct(post('icsec_x', { 'x-forwarded-for': '198.51.100.99' }), { remoteAddress: '10.9.2.1' })).status).toBe(429);

    const proxied = endpoint(1);
    for (let i = 0; i < BUDGET; i++) {
      expect((await proxied(post(`icsec_y${i}`, { 'x-forwarded-for': `made-up-${i}` }), { remoteAddress: '10.9.2.2' })).status).toBe(401);
    }
    // Garbage in the forwarded entry is one bucket ("invalid"), not a fresh key each time.
    expect((await proxied(post('icsec_y', { 'x-forwarded-for': 'made-up-again' }), { remoteAddress: '10.9.2.2' })).status).toBe(429);
    expect((await proxied(post(secret, { 'x-forwarded-for': '203.0.113.50' }), { remoteAddress: '10.9.2.2' })).status).toBe(200);
  });
});

describe('client address keys', () => {
  it('counts addresses per IPv4 address and per IPv6 /64, behind trusted proxies by X-Forwarded-For', () => {
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('2001:db8:aa:bb:1::5')).toBe(addressKey('2001:0db8:00aa:00bb:ffff:1:2:3'));
    expect(addressKey('2001:db8:aa:bb:1::5')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:db8:aa:bc::1')).not.toBe(addressKey('2001:db8:aa:bb::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
    const request = new Request('http://x/oauth/token', { headers: { 'x-forwarded-for': 'spoofed, 203.0.113.9' } });
    expect(clientAddress(request, '10.0.0.2', 0)).toBe('10.0.0.2');
    expect(clientAddress(request, '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress(request, '10.0.0.2', 2)).toBe('spoofed');
    expect(clientAddress(new Request('http://x/'), '10.0.0.2', 1)).toBe('10.0.0.2');
    // The same from a header lookup (as /graphql has it) or a Headers object.
    expect(clientAddress((name) => (name === 'x-forwarded-for' ? '203.0.113.9' : undefined), '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddressKey(request.headers, '10.0.0.2', 1)).toBe('203.0.113.9');
  });

  it('never keys by request text: anything that is not an IP address is "invalid"; ports are dropped', () => {
    for (const text of ['icsec_abcdefghijklmnop', 'spoofed', '127.1', '0x7f.0.0.1', '010.1.2.3', '1.2.3.4.5', '']) {
      expect(addressKey(text), text).toBe(text ? 'invalid' : 'unknown');
    }
    expect(addressKey('203.0.113.9:51234')).toBe('203.0.113.9');
    expect(addressKey('[2001:db8:aa:bb::1]:443')).toBe('2001:db8:aa:bb::/64');
    expect(clientAddressKey(new Request('http://x/', { headers: { 'x-forwarded-for': 'icsec_secret' } }), '10.0.0.2', 1)).toBe('invalid');
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
    for (const deadline = Date.now() + 5000; checks < 3 && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 10));
    expect(checks).toBeGreaterThanOrEqual(3); // several failed checks, and the stream is still open
    await stream.return!();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(s.state.returned).toBe(true);
  });
});

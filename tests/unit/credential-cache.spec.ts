// The authentication cache's rules (src/auth/credential-cache.ts), on a fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CredentialCache } from '../../src/auth/credential-cache.ts';
import type { Viewer } from '../../src/auth/viewer.ts';

const TTL = 4000;

function viewer(apiKeyId: string, organizationId = 'org_1', integrationId: string | null = null, expiresAt: Date | null = null): Viewer {
  return {
    organization: { id: organizationId, name: 'Org', features: [], createdAt: new Date(0), updatedAt: new Date(0) },
    apiKey: integrationId
      ? null
      : {
          id: apiKeyId,
          organizationId,
          name: 'Key',
          prefix: 'iapi_abc',
          lastFour: 'abcd',
          secretHash: 'hash',
          createdAt: new Date(0),
          lastUsedAt: null,
          revokedAt: null,
          expiresAt,
        },
    integrationId,
    expiresAt,
  };
}

/** A lookup that answers `answer()` and counts its calls. */
function lookup(answer: () => Viewer | null) {
  const fn = vi.fn(async () => answer());
  return fn;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CredentialCache', () => {
  it('answers from memory while fresh, and looks up again once AUTH_CACHE_TTL_MS has passed unused', async () => {
    const cache = new CredentialCache({ ttlMs: TTL });
    const find = lookup(() => viewer('key_1'));
    await cache.get('a', find);
    await cache.get('a', find);
    expect(find).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(TTL + 1);
    const before = find.mock.calls.length; // one background refresh happened meanwhile
    await cache.get('a', find);
    expect(find.mock.calls.length).toBe(before + 1);
  });

  it("never answers from memory past the credential's own expiry", async () => {
    const cache = new CredentialCache({ ttlMs: TTL });
    const expiresAt = new Date(Date.now() + TTL / 4);
    const find = lookup(() => (Date.now() < expiresAt.getTime() ? viewer('key_1', 'org_1', null, expiresAt) : null));
    expect(await cache.get('a', find)).not.toBeNull();
    await vi.advanceTimersByTimeAsync(TTL / 4);
    expect(await cache.get('a', find)).toBeNull();
    expect(find).toHaveBeenCalledTimes(2);
  });

  it('never remembers a failure', async () => {
    const cache = new CredentialCache({ ttlMs: TTL });
    const find = lookup(() => null);
    expect(await cache.get('a', find)).toBeNull();
    expect(await cache.get('a', find)).toBeNull();
    expect(find).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it('drops entries by tag only: a key, an integration, an organization', async () => {
    const cache = new CredentialCache({ ttlMs: TTL });
    const key1 = lookup(() => viewer('key_1'));
    const key2 = lookup(() => viewer('key_2'));
    const token = lookup(() => viewer('', 'org_1', 'int_1'));
    const other = lookup(() => viewer('key_3', 'org_2'));
    for (const [k, f] of [
      ['k1', key1],
      ['k2', key2],
      ['t', token],
      ['o', other],
    ] as const)
      await cache.get(k, f);

    cache.invalidate(['apiKey:key_1']);
    await cache.get('k1', key1);
    await cache.get('k2', key2);
    expect(key1).toHaveBeenCalledTimes(2);
    expect(key2).toHaveBeenCalledTimes(1);

    cache.invalidate(['integration:int_1']);
    await cache.get('t', token);
    expect(token).toHaveBeenCalledTimes(2);

    cache.invalidate(['organization:org_1']);
    await cache.get('k2', key2);
    await cache.get('o', other);
    expect(key2).toHaveBeenCalledTimes(2);
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('does not remember a lookup that was under way while something was invalidated', async () => {
    const cache = new CredentialCache({ ttlMs: TTL });
    let release!: () => void;
    const slow = vi.fn(() => new Promise<Viewer>((resolve) => (release = () => resolve(viewer('key_1')))));
    const pending = cache.get('a', slow);
    cache.invalidate(['apiKey:key_1']);
    release();
    await pending;
    expect(cache.size).toBe(0);
  });

  it('keeps a credential in use fresh in the background, and forgets one unused for a lifetime', async () => {
    const cache = new CredentialCache({ ttlMs: TTL });
    let current: Viewer | null = viewer('key_1');
    const find = lookup(() => current);
    await cache.get('a', find);
    // Used every second for 10 s: refreshed behind the requests, which never wait for a lookup.
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      const before = find.mock.calls.length;
      await cache.get('a', find);
      expect(find.mock.calls.length).toBe(before);
    }
    expect(find.mock.calls.length).toBeGreaterThan(2);
    // A refresh that finds it revoked drops it.
    current = null;
    await vi.advanceTimersByTimeAsync(TTL);
    expect(cache.size).toBe(0);
    // Unused, an entry is forgotten and no longer refreshed.
    current = viewer('key_1');
    await cache.get('a', find);
    const calls = find.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10 * TTL);
    expect(cache.size).toBe(0);
    expect(find.mock.calls.length).toBeLessThanOrEqual(calls + 2);
  });

  it('holds at most maxEntries credentials, the oldest going first', async () => {
    const cache = new CredentialCache({ ttlMs: TTL, maxEntries: 2 });
    const finds = ['a', 'b', 'c'].map((k) => [k, lookup(() => viewer(`key_${k}`))] as const);
    for (const [k, f] of finds) await cache.get(k, f);
    expect(cache.size).toBe(2);
    await cache.get('a', finds[0][1]);
    expect(finds[0][1]).toHaveBeenCalledTimes(2);
  });

  it('with a lifetime of 0 remembers nothing', async () => {
    const cache = new CredentialCache({ ttlMs: 0 });
    const find = lookup(() => viewer('key_1'));
    await cache.get('a', find);
    await cache.get('a', find);
    expect(find).toHaveBeenCalledTimes(2);
  });
});

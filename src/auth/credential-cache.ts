// Who a credential belongs to, remembered for a few seconds, so a busy caller costs no
// SQL per request for authentication. Bounded staleness is the rule (README: "Edge:
// authentication, request IDs, limits, headers, metrics"): a verdict is used at most
// AUTH_CACHE_TTL_MS (4 s by default) after its lookup started, so a revoked key, a
// DISABLED integration's token or a feature switched by the admin command is seen within
// that time by every instance even with no message at all. A verdict is never used past
// the credential's own expiry (an API key's expiresAt, a token's exp). Changes made through the API
// are faster: the instance that made them drops the entries at once, and tells the other
// instances through the event bus (Redis when REDIS_URL is set).
//
// A credential in use is looked up again in the background once its verdict is half its
// lifetime old, so a busy caller never waits for a lookup after its first request; one
// unused for a lifetime is forgotten. Entries carry tags (`apiKey:<id>`,
// `integration:<id>`, `organization:<id>`) and are dropped by tag; a lookup that was
// under way while anything was invalidated is not remembered, as it may have read the
// state from before the change. Failures are never remembered.
import type { PubSub } from '../pubsub.ts';
import type { Viewer } from './viewer.ts';

/** What a change invalidates: every credential of that key, integration or organization. */
export type CredentialTag = `${'apiKey' | 'integration' | 'organization'}:${string}`;

export function tagsOf(viewer: Viewer): CredentialTag[] {
  const tags: CredentialTag[] = [`organization:${viewer.organization.id}`];
  if (viewer.apiKey) tags.push(`apiKey:${viewer.apiKey.id}`);
  if (viewer.integrationId) tags.push(`integration:${viewer.integrationId}`);
  return tags;
}

type Lookup = () => Promise<Viewer | null>;

function pastExpiry(viewer: Viewer, now: number): boolean {
  return viewer.expiresAt !== null && viewer.expiresAt.getTime() <= now;
}

interface Entry {
  viewer: Viewer;
  /** When the lookup that produced it started. */
  loadedAt: number;
  usedAt: number;
  tags: CredentialTag[];
  /** Looks the credential up again (for the background refresh). */
  lookup: Lookup;
  refreshing: boolean;
}

export interface CredentialCacheOptions {
  /** How long a verdict is used; 0 keeps none (every request is looked up). */
  ttlMs: number;
  /** Most credentials remembered at once; the oldest goes first. */
  maxEntries?: number;
  now?: () => number;
}

export class CredentialCache {
  /** By a digest of the credential (the caller's key), never the credential itself. */
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  /** Bumped by every invalidation: a lookup that saw it change is not remembered. */
  #generation = 0;
  readonly #timer: NodeJS.Timeout | undefined;

  constructor({ ttlMs, maxEntries = 10_000, now = Date.now }: CredentialCacheOptions) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
    this.#now = now;
    // Made here, outside any request: the refreshes it runs count against no request.
    if (ttlMs > 0) {
      this.#timer = setInterval(() => this.#refresh(), Math.max(Math.floor(ttlMs / 4), 10));
      this.#timer.unref();
    }
  }

  /** The viewer for `key`, from memory while fresh, else from `lookup`. */
  async get(key: string, lookup: Lookup): Promise<Viewer | null> {
    if (this.#ttlMs <= 0) return lookup();
    const now = this.#now();
    const entry = this.#entries.get(key);
    if (entry && now - entry.loadedAt < this.#ttlMs && !pastExpiry(entry.viewer, now)) {
      entry.usedAt = now;
      return entry.viewer;
    }
    return this.#load(key, lookup, now);
  }

  /** Looks the credential up; `usedAt` is when a request last needed it (a refresh keeps the old one). */
  async #load(key: string, lookup: Lookup, now: number, usedAt = now): Promise<Viewer | null> {
    const generation = this.#generation;
    const viewer = await lookup().catch((error: unknown) => {
      this.#entries.delete(key);
      throw error;
    });
    if (!viewer) this.#entries.delete(key);
    else if (generation === this.#generation) {
      this.#entries.delete(key); // re-inserted last: the oldest entries are evicted first
      if (this.#entries.size >= this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(key, { viewer, loadedAt: now, usedAt, tags: tagsOf(viewer), lookup, refreshing: false });
    }
    return viewer;
  }

  /** Looks again at credentials in use whose verdict is half its lifetime old; forgets unused ones. */
  #refresh(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (now - entry.usedAt >= this.#ttlMs) this.#entries.delete(key);
      else if (!entry.refreshing && now - entry.loadedAt >= this.#ttlMs / 2) {
        entry.refreshing = true;
        // A failed refresh leaves the entry to expire; the next request looks it up itself.
        this.#load(key, entry.lookup, now, entry.usedAt)
          .catch(() => {})
          .finally(() => {
            entry.refreshing = false;
          });
      }
    }
  }

  /** Forgets every credential carrying one of these tags. */
  invalidate(tags: readonly CredentialTag[]): void {
    this.#generation++;
    for (const [key, entry] of this.#entries) {
      if (entry.tags.some((tag) => tags.includes(tag))) this.#entries.delete(key);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

/**
 * Invalidations shared through the event bus: what other instances announce is applied
 * here as it arrives; the returned function applies a change here at once and announces
 * it to the others (this instance's own copy comes back too, harmlessly).
 */
export function shareInvalidations(cache: CredentialCache, pubsub: PubSub): (tags: CredentialTag[]) => void {
  void (async () => {
    for await (const tags of pubsub.subscribe('credentialsChanged')) cache.invalidate(tags);
  })();
  return (tags) => {
    cache.invalidate(tags);
    void pubsub.publish('credentialsChanged', tags);
  };
}

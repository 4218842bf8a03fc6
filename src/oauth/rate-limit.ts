// Brute-force protection for client authentication: a sliding window of failure times
// per key (a client ID, or a remote address). Once `limit` failures fall inside the
// window, the key is refused until the oldest one leaves it; then one more attempt is
// allowed, and so on, so nobody is locked out for longer than the window. Successes
// change nothing: a legitimate client's success does not reset an attacker's count for
// the same client ID or address, and vice versa.
//
// Counters live in memory, per server instance: with N instances an attacker gets at
// most N times the limit. Memory is bounded by `maxKeys` (oldest keys go first).

export interface FailureLimiterOptions {
  limit: number;
  windowMs: number;
  maxKeys?: number;
  now?: () => number;
}

export class FailureLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  readonly #now: () => number;
  /** key -> failure times, oldest first, at most `limit` entries. */
  readonly #failures = new Map<string, number[]>();

  constructor({ limit, windowMs, maxKeys = 10_000, now = Date.now }: FailureLimiterOptions) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#maxKeys = maxKeys;
    this.#now = now;
  }

  /** Seconds the key must wait before its next attempt; 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const times = this.#recent(key, this.#now());
    if (!times || times.length < this.#limit) return 0;
    return Math.max(1, Math.ceil((times[0] + this.#windowMs - this.#now()) / 1000));
  }

  recordFailure(key: string): void {
    const now = this.#now();
    const times = this.#recent(key, now) ?? [];
    times.push(now);
    if (times.length > this.#limit) times.splice(0, times.length - this.#limit);
    // Re-inserted so the map's order is least recently failed first.
    this.#failures.delete(key);
    this.#failures.set(key, times);
    if (this.#failures.size > this.#maxKeys) this.#evict();
  }

  get size(): number {
    return this.#failures.size;
  }

  /** The key's failures still inside the window (pruned in place), or undefined. */
  #recent(key: string, now: number): number[] | undefined {
    const times = this.#failures.get(key);
    if (!times) return undefined;
    const cutoff = now - this.#windowMs;
    let drop = 0;
    while (drop < times.length && times[drop] <= cutoff) drop++;
    if (drop === times.length) {
      this.#failures.delete(key);
      return undefined;
    }
    if (drop) times.splice(0, drop);
    return times;
  }

  /** Drops the least recently failed keys (the stalest) until the map fits. */
  #evict() {
    for (const key of this.#failures.keys()) {
      if (this.#failures.size <= this.#maxKeys) return;
      this.#failures.delete(key);
    }
  }
}

/**
 * The address to count failures against. IPv4-mapped IPv6 is unwrapped; other IPv6
 * addresses count per /64, the block one subscriber usually holds.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

/** The client's address: the socket's, or with trusted proxies the matching X-Forwarded-For entry. */
export function clientAddress(request: Request, socketAddress: string | undefined, trustProxyHops: number): string | undefined {
  if (trustProxyHops <= 0) return socketAddress;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? 'unknown'];
  return chain[Math.max(0, chain.length - 1 - trustProxyHops)];
}

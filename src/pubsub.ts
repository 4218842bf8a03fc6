// Publish/subscribe for live progress: in-process by default, through Redis when
// REDIS_URL is set so events reach subscribers on every server instance. Payloads are
// plain JSON values (Redis pub/sub carries JSON and is at-most-once).
//
// With Redis, an event is delivered to this instance's own subscribers at once, in
// process, and published to Redis for the other instances; the copy that comes back from
// Redis to this instance is recognized and dropped. So a Redis outage costs only the
// other instances' events: same-instance subscriptions go on as if nothing happened, and
// publishing never waits for Redis or throws into the request or the sync runner (an
// event Redis cannot take now is not queued for later, where it would arrive stale; the
// subscription reads the current state when it starts anyway). Once Redis is back, the
// client subscribes to its channels again and cross-instance delivery resumes. The
// channels and messages are the same as with @graphql-yoga/redis-event-target
// (`directorySync:<integrationId>`, the snapshot's JSON), so instances of the previous
// version interoperate during a rolling deploy.
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { CredentialTag } from './auth/credential-cache.ts';
import type { Logger } from './logger.ts';

/** A DirectorySync as published: the row's values, dates as ISO strings. */
export interface SyncSnapshot {
  id: string;
  organizationId: string;
  integrationId: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  kind: 'FULL' | 'INCREMENTAL';
  trigger: 'CREATED' | 'MANUAL' | 'SCHEDULED';
  processed: number;
  total: number | null;
  created: number;
  updated: number;
  deactivated: number;
  groups: number;
  deactivationBlocked: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

type Topics = {
  directorySync: [integrationId: string, snapshot: SyncSnapshot];
  /** Credentials whose remembered verdicts must go (src/auth/credential-cache.ts). */
  credentialsChanged: [tags: CredentialTag[]];
};

/** How long a published message waits for its own copy to come back from Redis. */
const ECHO_TTL_MS = 30_000;
const MAX_PENDING_ECHOES = 10_000;

type Listener = EventListenerOrEventListenerObject;

/**
 * The event target for Yoga's createPubSub: local delivery first, Redis for the other
 * instances, this instance's echoes from Redis dropped (see the top of this file).
 */
function localFirstRedisEventTarget(publishClient: Redis, subscribeClient: Redis, logger: Logger): EventTarget {
  const local = new EventTarget();
  const listeners = new Map<string, Set<Listener>>();
  /** Messages this instance published to Redis and will get back (channel + message), with a count. */
  const echoes = new Map<string, { count: number; expires: number }>();
  let nextSweep = 0;
  let degraded = false;

  const deliver = (topic: string, message: string) => {
    // A copy per delivery, exactly what a subscriber on another instance gets from Redis.
    local.dispatchEvent(new CustomEvent(topic, { detail: message === '' ? null : JSON.parse(message) }));
  };

  const sweep = (now: number) => {
    if (now < nextSweep) return;
    nextSweep = now + ECHO_TTL_MS / 3;
    for (const [key, echo] of echoes) if (echo.expires <= now) echoes.delete(key);
  };

  const unavailable = (error?: unknown) => {
    if (degraded) return;
    degraded = true;
    logger.warn(
      { reason: error instanceof Error ? error.message : undefined },
      "redis unavailable: live events reach only this instance's subscribers until it is back",
    );
  };
  publishClient.on('ready', () => {
    if (!degraded) return;
    degraded = false;
    logger.info('redis is back: live events reach every instance again');
  });

  subscribeClient.on('message', (channel: string, message: string) => {
    if (!listeners.has(channel)) return;
    const key = `${channel}\n${message}`;
    const echo = echoes.get(key);
    if (echo) {
      // Ours, already delivered here when it was published.
      if (--echo.count === 0) echoes.delete(key);
      return;
    }
    try {
      deliver(channel, message);
    } catch (error) {
      logger.warn({ reason: (error as Error).message, channel }, 'dropped an unreadable live event from redis');
    }
  });

  return {
    addEventListener(topic: string, listener: Listener | null) {
      if (!listener) return;
      let set = listeners.get(topic);
      if (!set) {
        listeners.set(topic, (set = new Set()));
        // Queued while Redis is away; ioredis subscribes again to every channel on reconnect.
        subscribeClient.subscribe(topic).catch((error: Error) => logger.warn({ reason: error.message, topic }, 'redis subscribe failed'));
      }
      set.add(listener);
      local.addEventListener(topic, listener);
    },
    removeEventListener(topic: string, listener: Listener | null) {
      if (!listener) return;
      local.removeEventListener(topic, listener);
      const set = listeners.get(topic);
      if (!set?.delete(listener) || set.size > 0) return;
      listeners.delete(topic);
      subscribeClient.unsubscribe(topic).catch(() => {});
    },
    dispatchEvent(event: Event) {
      const { type: topic, detail } = event as CustomEvent;
      const message = detail === undefined ? '' : JSON.stringify(detail);
      deliver(topic, message);
      if (publishClient.status !== 'ready') {
        unavailable();
        return true;
      }
      const now = Date.now();
      sweep(now);
      // Only a channel this instance listens to sends the message back.
      const key = `${topic}\n${message}`;
      if (listeners.has(topic) && echoes.size < MAX_PENDING_ECHOES) {
        const echo = echoes.get(key);
        if (echo) {
          echo.count++;
          echo.expires = now + ECHO_TTL_MS;
        } else echoes.set(key, { count: 1, expires: now + ECHO_TTL_MS });
      }
      // Not awaited: the request or the sync step does not wait for Redis.
      publishClient.publish(topic, message).catch((error: unknown) => unavailable(error));
      return true;
    },
  } as EventTarget;
}

export function createEventBus(redisUrl: string | undefined, logger: Logger) {
  if (!redisUrl) return { pubsub: createPubSub<Topics>(), close: async () => {} };
  // Publishing fails fast while Redis is away (no offline queue, no retries, a deadline);
  // subscribing waits for it (the subscriptions are wanted once it is back).
  const publishClient = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 2000 });
  const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: null });
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (error) => logger.warn({ reason: error.message }, 'redis connection problem'));
  }
  const pubsub = createPubSub<Topics>({ eventTarget: localFirstRedisEventTarget(publishClient, subscribeClient, logger) as never });
  return {
    pubsub,
    async close() {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
export type PubSub = EventBus['pubsub'];

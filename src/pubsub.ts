// Publish/subscribe for live progress: in-process by default, through Redis when
// REDIS_URL is set so events reach subscribers on every server instance. Payloads are
// plain JSON values (Redis pub/sub carries JSON and is at-most-once).
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from './logger.ts';

/** A DirectorySync as published: the row's values, dates as ISO strings. */
export interface SyncSnapshot {
  id: string;
  organizationId: string;
  integrationId: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  processed: number;
  total: number | null;
  created: number;
  updated: number;
  deactivated: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

type Topics = { directorySync: [integrationId: string, snapshot: SyncSnapshot] };

export function createEventBus(redisUrl: string | undefined, logger: Logger) {
  if (!redisUrl) return { pubsub: createPubSub<Topics>(), close: async () => {} };
  const options = { maxRetriesPerRequest: null, lazyConnect: false } as const;
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (error) => logger.warn({ err: { message: error.message } }, 'redis connection problem'));
  }
  const pubsub = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
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

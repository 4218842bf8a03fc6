// What every resolver knows about the request: who is calling, the data access scoped
// to their organization, and the process-wide services.
import type { Config } from '../config.ts';
import type { TenantClient } from '../db/tenant.ts';
import type { Cipher } from '../domain/crypto.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Metrics } from '../metrics.ts';
import type { PubSub } from '../pubsub.ts';

export type { Viewer };

/** Long-lived collaborators, made once per process. */
export interface Services {
  config: Config;
  cipher: Cipher;
  pubsub: PubSub;
  metrics: Metrics;
  /** Nudges this instance's sync runner after a sync was queued. */
  wakeSyncRunner(): void;
}

export interface Context {
  viewer: Viewer;
  /** Every query through this client is scoped to the viewer's organization. */
  db: TenantClient;
  /** Unscoped; only for lookups that are not an organization's rows. */
  prisma: PrismaClient;
  services: Services;
  /** The public base URL: PUBLIC_URL, else the request's origin. */
  origin: string;
}

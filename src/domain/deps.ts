// What a use case is given (one object per request, made in src/server/graphql.ts): the
// caller's organization's data, the few process-wide services the rules need, and the
// events port through which the domain announces what happened without knowing who
// listens (the sync runner, live subscribers).
import type { CredentialTag } from '../auth/credential-cache.ts';
import type { TenantClient } from '../db/tenant.ts';
import type { DirectorySync } from '../generated/prisma/client.ts';
import type { AddressPolicy } from '../outbound/address-policy.ts';
import type { SyncSnapshot } from '../pubsub.ts';
import type { Cipher } from './crypto.ts';
import type { DirectorySettings } from './directory-schedule.ts';
import type { Actor } from './outbox.ts';

export interface DomainEvents {
  /** A sync waits for a runner: wake one, and tell the integration's subscribers. */
  syncQueued(sync: DirectorySync): Promise<void>;
  /** The states the integration's syncs go through from now on, as runners publish them. */
  syncUpdates(integrationId: string): AsyncIterator<SyncSnapshot>;
  /** A key was revoked, or an integration disabled or deleted: its callers must be looked up again. */
  credentialsChanged(tags: CredentialTag[]): void;
}

export interface Deps {
  /** Every query through it is scoped to the caller's organization (src/db/tenant.ts). */
  db: TenantClient;
  cipher: Cipher;
  /** ALLOW_PRIVATE_NETWORK_TARGETS: which addresses tenants' URLs may name. */
  addressPolicy: AddressPolicy;
  /** Directory schedules: SYNC_MIN_INTERVAL_SECONDS, FULL_SYNC_INTERVAL_HOURS. */
  directory: DirectorySettings;
  /** The public base URL links are made from: PUBLIC_URL, else the request's origin. */
  origin: string;
  events: DomainEvents;
  /** Who is calling, and from where: what the audit log says of the changes they make. */
  actor: Actor;
  /** WEBHOOK_RETRY_SCHEDULE_SECONDS and the like: what webhook endpoints are held to. */
  webhooks: WebhookSettings;
}

export interface WebhookSettings {
  /** Delays before each retry of a failed delivery, in seconds. */
  retryScheduleSeconds: number[];
}

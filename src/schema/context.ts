// What every resolver knows about the request: who is calling, and what the use cases
// are given for this caller (src/domain/deps.ts), the organization's data among it.
import type { CredentialTag } from '../auth/credential-cache.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Config } from '../config.ts';
import type { Deps } from '../domain/deps.ts';
import type { Cipher } from '../domain/crypto.ts';
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
  /** Drops remembered authentications of these credentials, on every instance (src/auth/credential-cache.ts). */
  credentialsChanged(tags: CredentialTag[]): void;
}

export interface Context {
  viewer: Viewer;
  /** The use cases' dependencies; `deps.db` is scoped to the viewer's organization. */
  deps: Deps;
}

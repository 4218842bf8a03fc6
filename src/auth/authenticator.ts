// One place that decides who is calling, for every transport: HTTP requests (before any
// GraphQL parsing, src/server/http.ts), WebSocket connection_init, and the periodic
// re-checks of long-lived streams (SSE and WebSocket both call `reauthenticate`).
// Every failure is the same to the caller: no credential, a wrong one, a revoked key, an
// expired or foreign token all answer UNAUTHENTICATED. Verdicts are remembered for a
// few seconds (src/auth/credential-cache.ts).
import { createHash } from 'node:crypto';
import type { CredentialCache } from './credential-cache.ts';
import type { AuthStrategy, CredentialSource } from './strategies.ts';
import type { Viewer } from './viewer.ts';

/** A successful authentication: the caller, and what proved it (kept for re-checks). */
export interface Authenticated {
  viewer: Viewer;
  proof: { strategy: AuthStrategy; credential: string };
}

export interface Authenticator {
  /** True when the source carries any credential a strategy recognises. */
  hasCredential(source: CredentialSource): boolean;
  /** The first strategy with a credential in the source decides; null when it fails or none has one. */
  authenticate(source: CredentialSource): Promise<Authenticated | null>;
  /** The same proof checked again (a stream that stays open): the current viewer, or null once it no longer holds. */
  reauthenticate(proof: Authenticated['proof']): Promise<Viewer | null>;
}

export function createAuthenticator(strategies: AuthStrategy[], cache: CredentialCache): Authenticator {
  const find = (source: CredentialSource) => {
    for (const strategy of strategies) {
      const credential = strategy.credential(source);
      if (credential !== undefined) return { strategy, credential };
    }
    return undefined;
  };
  // Keyed by a digest of the credential.
  const check = ({ strategy, credential }: Authenticated['proof']) =>
    cache.get(`${strategy.name}:${createHash('sha256').update(credential).digest('base64url')}`, () => strategy.authenticate(credential));
  return {
    hasCredential: (source) => find(source) !== undefined,
    async authenticate(source) {
      const proof = find(source);
      if (!proof) return null;
      const viewer = await check(proof);
      return viewer ? { viewer, proof } : null;
    },
    reauthenticate: check,
  };
}

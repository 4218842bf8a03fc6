// The ways a caller proves who it is, tried in order. Each strategy finds its own
// credential in a request's headers (or a WebSocket's connection_init payload, read the
// same way) and turns it into a Viewer, or null. In the spirit of Hive's AuthN
// strategies, without a container: a list, built once in src/main.ts.
import { authenticateApiKey } from '../domain/api-keys.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Viewer } from './viewer.ts';

/** Reads a header (case-insensitively), or a connection_init field of that name. */
export type CredentialSource = (name: string) => string | null | undefined;

export interface AuthStrategy {
  name: 'api-key' | 'oauth-bearer';
  /** This strategy's credential in the source, or undefined when it has none. */
  credential(source: CredentialSource): string | undefined;
  authenticate(credential: string): Promise<Viewer | null>;
}

/** `x-api-key: iapi_…`, looked up by its SHA-256 (src/domain/api-keys.ts). */
export function apiKeyStrategy(prisma: PrismaClient): AuthStrategy {
  return {
    name: 'api-key',
    credential: (source) => source('x-api-key')?.trim() || undefined,
    async authenticate(secret) {
      const key = await authenticateApiKey(prisma, secret);
      if (!key) return null;
      const { organization, ...apiKey } = key;
      return { organization, apiKey, integrationId: null, expiresAt: apiKey.expiresAt };
    },
  };
}

/** Verifies an access token; provided by the OAuth module (src/oauth/verify.ts). */
export type BearerVerifier = (token: string) => Promise<Viewer | null>;

/** `Authorization: Bearer <access token>`, issued by this server's /oauth/token. */
export function bearerStrategy(verify: BearerVerifier): AuthStrategy {
  return {
    name: 'oauth-bearer',
    credential(source) {
      const authorization = source('authorization')?.trim();
      if (!authorization || !/^bearer\s+/i.test(authorization)) return undefined;
      return authorization.replace(/^bearer\s+/i, '').trim() || undefined;
    },
    authenticate: verify,
  };
}

/** A graphql-ws connection_init payload read like headers (keys case-insensitive). */
export function connectionParamsSource(params: Record<string, unknown> | undefined | null): CredentialSource {
  return (name) => {
    if (!params) return undefined;
    const key = Object.keys(params).find((k) => k.toLowerCase() === name);
    const value = key ? params[key] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
}

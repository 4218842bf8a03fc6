// Who is calling. API keys arrive as `x-api-key`; OAuth access tokens as
// `Authorization: Bearer` (verified by the OAuth module when it is configured). Every
// failure looks the same to the caller: UNAUTHENTICATED.
import { authenticateApiKey } from '../domain/api-keys.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Viewer } from '../schema/context.ts';

export interface Credentials {
  apiKey?: string;
  bearer?: string;
}

/** Verifies a Bearer token; provided by the OAuth module. */
export type BearerVerifier = (token: string) => Promise<Viewer | null>;

export function credentialsFromHeaders(get: (name: string) => string | null | undefined): Credentials {
  const apiKey = get('x-api-key')?.trim() || undefined;
  const authorization = get('authorization')?.trim();
  const bearer = authorization && /^bearer\s+/i.test(authorization) ? authorization.replace(/^bearer\s+/i, '').trim() : undefined;
  return { apiKey, bearer };
}

/** Credentials from a graphql-ws `connection_init` payload. */
export function credentialsFromConnectionParams(params: Record<string, unknown> | undefined): Credentials {
  const read = (name: string) => {
    if (!params) return undefined;
    const key = Object.keys(params).find((k) => k.toLowerCase() === name);
    const value = key ? params[key] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  return credentialsFromHeaders(read);
}

export async function authenticate(
  prisma: PrismaClient,
  credentials: Credentials,
  verifyBearer?: BearerVerifier,
): Promise<Viewer | null> {
  if (credentials.apiKey) {
    const key = await authenticateApiKey(prisma, credentials.apiKey);
    if (!key) return null;
    const { organization, ...apiKey } = key;
    return { organization, apiKey, integrationId: null };
  }
  if (credentials.bearer && verifyBearer) return verifyBearer(credentials.bearer);
  return null;
}

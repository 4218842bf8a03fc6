// Bearer tokens on /graphql (HTTP and WebSocket connection_init): our signature (ES256,
// a published kid), our audience, not expired, and — checked on every request, so a
// deleted or DISABLED integration's tokens stop working at once — an integration that
// still exists, is ACTIVE, and still has this client ID. The organization's features
// are read fresh too; the INTEGRATIONS_ECOSYSTEM gate itself is applied per operation by
// the schema, exactly as for API keys (viewer and workflows stay available).
import { type JWTPayload, jwtVerify } from 'jose';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { BearerVerifier } from '../auth/strategies.ts';
import { isOAuthClientTemplate } from './clients.ts';
import { ACCESS_TOKEN_TYPE, AUDIENCE, SIGNING_ALGORITHM } from './settings.ts';
import type { SigningKeys } from './signing-keys.ts';

export interface VerifierDeps {
  prisma: PrismaClient;
  keys: SigningKeys;
  /** When set, tokens must carry exactly this `iss`. */
  publicUrl: string | undefined;
  now?: () => number;
}

/** Access tokens we issue are about 600 characters; anything far longer is not one. */
const MAX_TOKEN_LENGTH = 4096;

/** The verified claims, or null for anything that is not a valid token of ours. */
export async function verifyAccessToken(deps: VerifierDeps, token: string): Promise<JWTPayload | null> {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        const key = typeof header.kid === 'string' ? await deps.keys.verificationKey(header.kid) : undefined;
        if (!key) throw new Error('unknown signing key');
        return key;
      },
      {
        algorithms: [SIGNING_ALGORITHM],
        audience: AUDIENCE,
        issuer: deps.publicUrl,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat', 'jti'],
        clockTolerance: 30,
        currentDate: deps.now ? new Date(deps.now()) : undefined,
      },
    );
    return payload;
  } catch {
    return null;
  }
}

export function createBearerVerifier(deps: VerifierDeps): BearerVerifier {
  return async (token: string): Promise<Viewer | null> => {
    const payload = await verifyAccessToken(deps, token);
    if (!payload) return null;
    const { org, int: integrationId, sub } = payload as JWTPayload & { org?: unknown; int?: unknown };
    if (typeof org !== 'string' || typeof integrationId !== 'string' || typeof sub !== 'string') return null;
    const integration = await deps.prisma.integration.findUnique({
      where: { id: integrationId },
      include: { organization: true },
    });
    if (
      !integration ||
      integration.organizationId !== org ||
      integration.clientId !== sub ||
      integration.status !== 'ACTIVE' ||
      !isOAuthClientTemplate(integration.templateKey)
    ) {
      return null;
    }
    const expiresAt = typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null;
    return { organization: integration.organization, apiKey: null, integrationId: integration.id, expiresAt };
  };
}

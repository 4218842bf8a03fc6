// Access tokens: JWTs in the RFC 9068 profile, signed ES256 with the active key.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { ACCESS_TOKEN_TYPE, AUDIENCE, SIGNING_ALGORITHM } from './settings.ts';
import type { SigningKeys } from './signing-keys.ts';

export interface AccessTokenClaims {
  issuer: string;
  clientId: string;
  organizationId: string;
  integrationId: string;
  scopes: readonly string[];
}

/**
 * Claims: iss, sub and client_id (the client ID), aud (AUDIENCE), iat, exp, jti,
 * org (organization ID), int (integration ID), scope (space-separated).
 */
export async function issueAccessToken(
  keys: SigningKeys,
  claims: AccessTokenClaims,
  { lifetimeSeconds, now = Date.now() }: { lifetimeSeconds: number; now?: number },
): Promise<string> {
  const { kid, key } = await keys.signingKey();
  const iat = Math.floor(now / 1000);
  return new SignJWT({
    client_id: claims.clientId,
    org: claims.organizationId,
    int: claims.integrationId,
    scope: claims.scopes.join(' '),
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(claims.issuer)
    .setSubject(claims.clientId)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetimeSeconds)
    .setJti(randomUUID())
    .sign(key);
}

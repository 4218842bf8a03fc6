// Published metadata: the JWKS (every key whose tokens may still be valid) and the
// discovery document, served both as OpenID Provider metadata
// (/.well-known/openid-configuration) and RFC 8414 authorization server metadata
// (/.well-known/oauth-authorization-server).
import { PATHS, SCOPES, SIGNING_ALGORITHM, issuerFor } from './settings.ts';
import type { SigningKeys } from './signing-keys.ts';

function json(body: unknown, maxAgeSeconds: number): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': `public, max-age=${maxAgeSeconds}` },
  });
}

function methodNotAllowed(): Response {
  return new Response(JSON.stringify({ error: 'method_not_allowed', message: 'Use GET.' }), {
    status: 405,
    headers: { 'content-type': 'application/json; charset=utf-8', allow: 'GET, HEAD' },
  });
}

const isRead = (request: Request) => request.method === 'GET' || request.method === 'HEAD';

function discoveryDocument(issuer: string) {
  return {
    issuer,
    token_endpoint: `${issuer}${PATHS.token}`,
    jwks_uri: `${issuer}${PATHS.jwks}`,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: [...SCOPES],
    // No authorization endpoint: the client credentials grant only.
    response_types_supported: [],
    // Our access tokens (RFC 9068 JWTs) are signed with these algorithms.
    access_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
  };
}

export function createJwksRoute(keys: SigningKeys) {
  return async (request: Request): Promise<Response> => {
    if (!isRead(request)) return methodNotAllowed();
    // Makes the first key (or a due rotation) happen before anyone needs it to verify.
    await keys.signingKey();
    // Verifiers refetch on an unknown kid; five minutes keeps a rotation visible soon.
    return json({ keys: await keys.publishedJwks() }, 300);
  };
}

export function createDiscoveryRoute(publicUrl: string | undefined) {
  return async (request: Request): Promise<Response> => {
    if (!isRead(request)) return methodNotAllowed();
    return json(discoveryDocument(issuerFor(publicUrl, request)), 3600);
  };
}

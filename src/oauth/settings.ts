// OAuth settings: fixed names (audience, scopes) and the few tunables, read from the
// environment by src/main.ts. Every number here is documented in src/oauth/README-section.md.
import { ConfigError, loadConfig } from '../config.ts';

/** The `aud` of every access token we issue, and the only audience /graphql accepts. */
export const AUDIENCE = 'integrations-api';

/** The access token's JOSE `typ` (RFC 9068), so no other JWT of ours passes as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

export const SIGNING_ALGORITHM = 'ES256';

/**
 * Scopes a client may request. `integrations` is the whole API for the client's
 * organization, as an API key has it (the INTEGRATIONS_ECOSYSTEM gate still applies per
 * operation); it is also the default when `scope` is omitted.
 */
export const SCOPES = ['integrations'] as const;
export const DEFAULT_SCOPES: readonly string[] = ['integrations'];

export const PATHS = {
  token: '/oauth/token',
  jwks: '/.well-known/jwks.json',
  openidConfiguration: '/.well-known/openid-configuration',
  authorizationServerMetadata: '/.well-known/oauth-authorization-server',
} as const;

export interface OAuthSettings {
  /** Access token lifetime in seconds (`expires_in`). */
  tokenLifetimeSeconds: number;
  /** The active signing key is replaced once it is older than this. */
  keyRotationMs: number;
  /**
   * How many reverse proxies in front of us append to X-Forwarded-For (0: use the socket
   * address): how the token endpoint finds the client address it limits failed
   * authentications by (src/server/client-address.ts). The budget itself,
   * AUTH_FAILURES_PER_MINUTE, is the shared limiter's (OAuthDeps.authFailures).
   */
  trustProxyHops: number;
}

export const DEFAULT_SETTINGS: OAuthSettings = {
  tokenLifetimeSeconds: 3600,
  keyRotationMs: 30 * 24 * 3600 * 1000,
  trustProxyHops: 0,
};

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function oauthSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OAuthSettings {
  return {
    tokenLifetimeSeconds: integer(env, 'OAUTH_TOKEN_LIFETIME_SECONDS', DEFAULT_SETTINGS.tokenLifetimeSeconds, 60, 86_400),
    keyRotationMs: integer(env, 'OAUTH_KEY_ROTATION_DAYS', 30, 1, 365) * 24 * 3600 * 1000,
    // TRUST_PROXY is the server's (src/config.ts), shared with /graphql's limits.
    trustProxyHops: loadConfig(env).trustProxyHops,
  };
}

/** PUBLIC_URL when set, else the origin the request came to. */
export function issuerFor(publicUrl: string | undefined, request: Request): string {
  return publicUrl ?? new URL(request.url).origin;
}

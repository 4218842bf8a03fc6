// OAuth: fixed names (audience, scopes, paths) and the settings of the authorization
// server. The settings are part of the server's configuration (src/config.ts: Config.oauth
// and TRUST_PROXY, read and validated with every other variable); nothing here reads the
// environment. The OAuth section of the README documents them.
import { type Config, loadConfig } from '../config.ts';

/** The `aud` of every access token we issue, and the only audience /graphql accepts. */
export const AUDIENCE = 'integrations-api';

/** The access token's JOSE `typ` (RFC 9068), so no other JWT of ours passes as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

export const SIGNING_ALGORITHM = 'ES256';

/**
 * Scopes a client may request. `integrations` is the API for the client's organization,
 * as an API key has it, except managing credentials and integrations (the `apiKeyCaller`
 * auth scope of src/schema/builder.ts; the INTEGRATIONS_ECOSYSTEM gate still applies per
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
  /** Access token lifetime in seconds (`expires_in`; OAUTH_TOKEN_LIFETIME_SECONDS). */
  tokenLifetimeSeconds: number;
  /** The active signing key is replaced once it is older than this (OAUTH_KEY_ROTATION_DAYS). */
  keyRotationMs: number;
  /**
   * How many reverse proxies in front of us append to X-Forwarded-For (0: use the socket
   * address): how the token endpoint finds the client address it limits failed
   * authentications by (src/server/client-address.ts). TRUST_PROXY, the server's setting,
   * shared with /graphql's limits. The budget itself, AUTH_FAILURES_PER_MINUTE, is the
   * shared limiter's (OAuthDeps.authFailures).
   */
  trustProxyHops: number;
}

/** The OAuth settings of a configuration. */
export function oauthSettingsOf(config: Pick<Config, 'oauth' | 'trustProxyHops'>): OAuthSettings {
  return { ...config.oauth, trustProxyHops: config.trustProxyHops };
}

/** The settings of an empty environment: src/config.ts's defaults, stated nowhere else. */
export const DEFAULT_SETTINGS: OAuthSettings = oauthSettingsOf(loadConfig({}));

/** PUBLIC_URL when set, else the origin the request came to. */
export function issuerFor(publicUrl: string | undefined, request: Request): string {
  return publicUrl ?? new URL(request.url).origin;
}

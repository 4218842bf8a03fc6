// The OAuth 2.0 authorization server of the API (client credentials only): what
// src/main.ts wires into the HTTP server. See the OAuth section of the README; its
// settings are the configuration's (Config.oauth, TRUST_PROXY: src/config.ts).
import type { Config } from '../config.ts';
import type { Cipher } from '../domain/crypto.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import type { RateLimiter } from '../rate-limits.ts';
import type { BearerVerifier } from '../auth/strategies.ts';
import type { Route } from '../server/http.ts';
import { createDiscoveryRoute, createJwksRoute } from './discovery.ts';
import { PATHS, oauthSettingsOf } from './settings.ts';
import { SigningKeys } from './signing-keys.ts';
import { createTokenEndpoint } from './token-endpoint.ts';
import { createBearerVerifier } from './verify.ts';

export interface OAuthDeps {
  config: Config;
  prisma: PrismaClient;
  cipher: Cipher;
  logger: Logger;
  /**
   * Failed authentications per client address (AUTH_FAILURES_PER_MINUTE): the one limiter
   * /graphql counts failed API-key and Bearer authentications in too, so an address has one
   * budget for both. The token endpoint counts nothing per client ID.
   */
  authFailures: RateLimiter;
}

export interface OAuth {
  routes: Record<string, Route>;
  verifyBearer: BearerVerifier;
  keys: SigningKeys;
}

export function createOAuth({ config, prisma, cipher, logger, authFailures }: OAuthDeps): OAuth {
  const settings = oauthSettingsOf(config);
  const keys = new SigningKeys(prisma, cipher, {
    tokenLifetimeSeconds: settings.tokenLifetimeSeconds,
    rotateAfterMs: settings.keyRotationMs,
  });
  const discovery = createDiscoveryRoute(config.publicUrl);
  return {
    keys,
    routes: {
      [PATHS.token]: createTokenEndpoint({ prisma, keys, logger, publicUrl: config.publicUrl, settings, authFailures }),
      [PATHS.jwks]: createJwksRoute(keys),
      [PATHS.openidConfiguration]: discovery,
      [PATHS.authorizationServerMetadata]: discovery,
    },
    verifyBearer: createBearerVerifier({ prisma, keys, publicUrl: config.publicUrl }),
  };
}

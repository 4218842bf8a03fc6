// POST /oauth/token: the client credentials grant (RFC 6749 §4.4) with the responses
// and errors of §5.1/§5.2. Client authentication: client_secret_basic (HTTP Basic with
// form-urlencoded ID and secret, §2.3.1) or client_secret_post, exactly one of them.
//
// Order of checks: method; the client address's failed-authentication budget (429
// slow_down, before anything else is read); content type, one value per parameter, one
// authentication method (invalid_request); grant_type (invalid_request,
// unsupported_grant_type); the client (invalid_client); scope (invalid_scope).
//
// Brute-force protection (README: "OAuth", "Brute-force protection"): failed client authentications are
// counted per client address only, in the `authFailures` limiter that failed API-key and
// Bearer authentications on /graphql count in too (one budget per address,
// AUTH_FAILURES_PER_MINUTE; shared by every instance with REDIS_URL). Nothing is counted
// per client ID, so failures from other addresses never refuse a client's correct secret.
// Each credential check takes a point before it runs (so concurrent guesses cannot
// overrun the budget between a look and a count) and a success gives it back.
//
// Logs name a client only by its integration ID, and only when the client ID named one:
// a client_id that matches nothing may be anything the caller typed, a secret included.
import type { Logger } from '../logger.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { type RateLimitOutcome, type RateLimiter, consume, peek, rateLimitHeaders } from '../rate-limits.ts';
import { clientAddressKey } from '../server/client-address.ts';
import type { RouteInfo } from '../server/http.ts';
import { authenticateClient } from './clients.ts';
import { DEFAULT_SCOPES, SCOPES, type OAuthSettings, issuerFor } from './settings.ts';
import type { SigningKeys } from './signing-keys.ts';
import { issueAccessToken } from './tokens.ts';

export interface TokenEndpointDeps {
  prisma: PrismaClient;
  keys: SigningKeys;
  logger: Logger;
  publicUrl: string | undefined;
  settings: OAuthSettings;
  /** Failed authentications per client address (AUTH_FAILURES_PER_MINUTE), shared with /graphql. */
  authFailures: RateLimiter;
  now?: () => number;
}

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };
const BASIC_CHALLENGE = 'Basic realm="oauth"';

class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

const invalidRequest = (description: string) => new OAuthError('invalid_request', description);

/**
 * invalid_client is 401. With a Basic challenge (RFC 6749 §5.2) when the client tried the
 * Authorization header, or sent no credentials at all (the challenge names the scheme we
 * support); a client_secret_post client gets the JSON error alone, as client libraries
 * expect it (a challenge would make them report an HTTP authentication prompt instead).
 */
const invalidClient = (challenge: boolean, description = 'Client authentication failed.') =>
  new OAuthError('invalid_client', description, 401, challenge ? { 'www-authenticate': BASIC_CHALLENGE } : {});

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
  });
}

/** 429 slow_down, with Retry-After (and RateLimit-*) from the address's failure budget. */
function tooManyFailures(budget: RateLimitOutcome): OAuthError {
  return new OAuthError(
    'slow_down',
    `Too many failed client authentications from this address. Retry after ${budget.resetSeconds} seconds.`,
    429,
    rateLimitHeaders({ ...budget, allowed: false }),
  );
}

/** application/x-www-form-urlencoded decoding of one Basic credential part (RFC 6749 §2.3.1). */
function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

interface ClientCredentials {
  clientId: string;
  secret: string;
  method: 'client_secret_basic' | 'client_secret_post';
}

function readParameters(body: string): Map<string, string> {
  const params = new URLSearchParams(body);
  const result = new Map<string, string>();
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    if (values.length > 1) throw invalidRequest(`The parameter "${name}" is repeated.`);
    // §3.1: parameters sent without a value are treated as omitted.
    if (values[0] !== '') result.set(name, values[0]);
  }
  return result;
}

function readClientCredentials(request: Request, params: Map<string, string>): ClientCredentials {
  const authorization = request.headers.get('authorization')?.trim();
  const postId = params.get('client_id');
  const postSecret = params.get('client_secret');
  if (authorization) {
    const match = /^basic\s+(\S+)$/i.exec(authorization);
    if (!match) throw invalidClient(true, 'Unsupported client authentication: use HTTP Basic or client_secret_post.');
    if (postSecret !== undefined) throw invalidRequest('Use one client authentication method: HTTP Basic or client_secret_post, not both.');
    let clientId: string;
    let secret: string;
    try {
      const decoded = Buffer.from(match[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) throw new Error('no colon');
      clientId = formDecode(decoded.slice(0, colon));
      secret = formDecode(decoded.slice(colon + 1));
    } catch {
      throw invalidClient(true, 'Malformed HTTP Basic client credentials.');
    }
    if (!clientId || !secret) throw invalidClient(true, 'Malformed HTTP Basic client credentials.');
    if (postId !== undefined && postId !== clientId) throw invalidRequest('client_id does not match the HTTP Basic credentials.');
    return { clientId, secret, method: 'client_secret_basic' };
  }
  if (postSecret !== undefined) {
    if (postId === undefined) throw invalidRequest('client_id is required with client_secret.');
    return { clientId: postId, secret: postSecret, method: 'client_secret_post' };
  }
  throw invalidClient(
    true,
    'Client authentication is required: HTTP Basic (client_secret_basic) or client_id and client_secret in the body (client_secret_post).',
  );
}

function readScopes(params: Map<string, string>): string[] {
  const requested = params.get('scope');
  if (requested === undefined) return [...DEFAULT_SCOPES];
  const scopes = [...new Set(requested.split(' ').filter(Boolean))];
  if (!scopes.length) return [...DEFAULT_SCOPES];
  const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (unknown.length) {
    throw new OAuthError('invalid_scope', `Unknown scope ${unknown.map((s) => `"${s.slice(0, 50)}"`).join(', ')}; supported: ${SCOPES.join(' ')}.`);
  }
  return scopes;
}

export function createTokenEndpoint(deps: TokenEndpointDeps) {
  const { settings, logger, authFailures } = deps;
  const now = deps.now ?? Date.now;

  async function handle(request: Request, info: RouteInfo | undefined): Promise<Response> {
    if (request.method !== 'POST') {
      throw new OAuthError('invalid_request', 'The token endpoint accepts POST only.', 405, { allow: 'POST' });
    }
    // An IP address (IPv6 per /64), or "unknown"/"invalid": never request text as it came.
    const address = clientAddressKey(request, info?.remoteAddress, settings.trustProxyHops);
    const budget = await peek(authFailures, address);
    if (!budget.allowed) throw tooManyFailures(budget);

    const contentType = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
    if (contentType !== 'application/x-www-form-urlencoded') {
      throw invalidRequest('The request body must be application/x-www-form-urlencoded.');
    }
    const params = readParameters(await request.text());
    const credentials = readClientCredentials(request, params);

    const grantType = params.get('grant_type');
    if (grantType === undefined) throw invalidRequest('grant_type is required.');
    if (grantType !== 'client_credentials') {
      throw new OAuthError('unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
    }

    // The point this check may cost, taken first; refused when the budget is gone.
    const reserved = await consume(authFailures, address);
    if (!reserved.allowed) throw tooManyFailures(reserved);
    const reservedAt = performance.now();
    /** Gives the point back, unless the window it was taken in may have ended meanwhile (it would go to the next one). */
    const refund = async () => {
      if (performance.now() - reservedAt >= (reserved.resetSeconds - 1) * 1000) return;
      await authFailures.reward(address, 1).catch((error: unknown) => logger.warn({ err: error }, 'could not refund a failed-authentication point'));
    };
    let result: Awaited<ReturnType<typeof authenticateClient>>;
    try {
      result = await authenticateClient(deps.prisma, credentials.clientId, credentials.secret);
    } catch (error) {
      await refund(); // the database failed, not the client
      throw error;
    }
    if (!result.ok) {
      // Neither the client_id nor the secret as sent: the integration ID when there is one.
      logger.info(
        { integrationId: result.integrationId, method: credentials.method, reason: result.reason, address },
        'oauth client authentication failed',
      );
      throw invalidClient(credentials.method === 'client_secret_basic');
    }
    await refund();

    const scopes = readScopes(params);
    const { client } = result;
    const accessToken = await issueAccessToken(
      deps.keys,
      {
        issuer: issuerFor(deps.publicUrl, request),
        clientId: client.clientId,
        organizationId: client.organizationId,
        integrationId: client.integrationId,
        scopes,
      },
      { lifetimeSeconds: settings.tokenLifetimeSeconds, now: now() },
    );
    logger.debug(
      { integrationId: client.integrationId, organizationId: client.organizationId, method: credentials.method },
      'oauth access token issued',
    );
    return jsonResponse(200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: settings.tokenLifetimeSeconds,
      scope: scopes.join(' '),
    });
  }

  return async function tokenEndpoint(request: Request, info?: RouteInfo): Promise<Response> {
    try {
      return await handle(request, info);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      return jsonResponse(error.status, { error: error.error, error_description: error.description }, error.headers);
    }
  };
}

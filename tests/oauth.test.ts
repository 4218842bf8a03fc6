// OAuth 2.0 client credentials against the running server (README: "OAuth"): discovery
// and the grant with a real client library (oauth4webapi), tokens verified with jose
// against the published JWKS, the token as Bearer on /graphql over HTTP and WebSocket,
// and raw requests for every error case; brute-force protection (failed authentications
// limited per client address; README: "Brute-force protection") and what the logs may
// hold (README: "Edge: authentication, request IDs, limits, headers, metrics") on a
// server of the file's own.
import { randomBytes } from 'node:crypto';
import { type FormattedExecutionResult, print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import WebSocket from 'ws';
import { serverUrl } from './support/api.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import {
  type Answer,
  type Org,
  type TypedDocumentNode,
  codes,
  execute,
  graphql,
  it,
  jsonObject,
  mutate,
  present,
  send,
  setFeature,
  testOrg,
} from './support/kit.ts';
import {
  type OAuthClient,
  type TokenResponse,
  basic,
  bearer,
  deleteIntegration,
  expectUnauthenticated,
  firstCode,
  generateClientSecret,
  obtainToken,
  parseJson,
  setIntegrationStatus,
  tokenRequest,
} from './support/oauth.ts';

const insecure = { [oauth.allowInsecureRequests]: true } as const; // the test server is http:// on loopback
const issuer = new URL(serverUrl);
const VIEWER = graphql(`
  query OAuthViewer {
    viewer {
      organization {
        id
        name
        features
      }
      apiKey {
        id
      }
    }
  }
`);
const REQUEST = graphql(`
  mutation OAuthRequestOnboarding($input: RequestNewOnboardingInput!) {
    requestNewOnboarding(input: $input) {
      session {
        id
        status
        integration {
          id
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const API_KEYS = graphql(`
  query OAuthApiKeyCount {
    apiKeys {
      totalCount
    }
  }
`);
const GENERATE_API_KEY = graphql(`
  mutation OAuthGenerateApiKey {
    generateApiKey(input: { name: "from a token" }) {
      secret
    }
  }
`);
const REVOKE_API_KEY = graphql(`
  mutation OAuthRevokeApiKey($id: ID!) {
    revokeApiKey(input: { id: $id }) {
      apiKey {
        id
      }
    }
  }
`);
const ROLL_API_KEY = graphql(`
  mutation OAuthRollApiKey($id: ID!) {
    rollApiKey(input: { id: $id }) {
      secret
    }
  }
`);
const GENERATE_SECRET = graphql(`
  mutation OAuthGenerateSecret($id: ID!) {
    generateClientSecret(input: { integrationId: $id }) {
      clientSecret
    }
  }
`);
const FOREIGN = graphql(`
  query OAuthForeignIntegration($id: ID!) {
    integration(id: $id) {
      id
    }
    node(id: $id) {
      id
    }
  }
`);
const INTEGRATIONS = graphql(`
  query OAuthIntegrationCount {
    integrations {
      totalCount
    }
  }
`);
const WS_VIEWER = graphql(`
  query OAuthWsViewer {
    viewer {
      organization {
        id
      }
      apiKey {
        id
      }
    }
  }
`);
const WS_ORGANIZATION = graphql(`
  query OAuthWsOrganization {
    viewer {
      organization {
        id
      }
    }
  }
`);

let org: Org;
/** Another organization, for tenancy checks. */
let other: Org;
/** An organization whose INTEGRATIONS_ECOSYSTEM feature a test turns off. */
let gated: Org;
let partner: OAuthClient;
let as: oauth.AuthorizationServer;

/** Admin command runs are slow on a busy machine: tests that make them get more time. */
const ADMIN_TIMEOUT = 120_000;

beforeAll(async () => {
  // One at a time: each is an admin command process, heavy on a shared machine.
  org = await testOrg({ name: 'OAuth Partner Org' });
  other = await testOrg({ name: 'OAuth Other Org' });
  gated = await testOrg({ name: 'OAuth Gated Org' });
  partner = await org.oidcClient({ name: 'Partner client' });
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
});

async function grant(client: OAuthClient, auth: oauth.ClientAuth, parameters: Record<string, string> = {}) {
  const response = await oauth.clientCredentialsGrantRequest(as, { client_id: client.clientId }, auth, parameters, insecure);
  return oauth.processClientCredentialsResponse(as, { client_id: client.clientId }, response);
}

/** One operation over a graphql-ws client: its last result, once the operation completed. */
function operation<R, V>(client: Client, document: TypedDocumentNode<R, V>): Promise<FormattedExecutionResult<R, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    let result: FormattedExecutionResult<R, unknown> | undefined;
    client.subscribe<R>({ query: print(document) }, { next: (value) => (result = value), error: reject, complete: () => resolve(result) });
  });
}

function expectOAuthError(response: TokenResponse, status: number, error: string) {
  expect({ status: response.status, error: response.json?.error }).toEqual({ status, error });
  expect(typeof response.json?.error_description).toBe('string');
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
}

describe('discovery and JWKS', () => {
  it('publishes OpenID/RFC 8414 metadata that a client library accepts', async () => {
    expect(as).toMatchObject({
      issuer: serverUrl,
      token_endpoint: `${serverUrl}/oauth/token`,
      jwks_uri: `${serverUrl}/.well-known/jwks.json`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: ['integrations'],
      response_types_supported: [],
    });
    const rfc8414 = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...insecure, algorithm: 'oauth2' }));
    expect(rfc8414).toEqual(as);
  });

  it('publishes public ES256 keys with a kid, and never a private part, without credentials', async () => {
    const response = await fetch(`${serverUrl}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys.length).toBeGreaterThanOrEqual(1);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.stringMatching(/^sk_/) });
      expect(key).not.toHaveProperty('d');
    }
    expect((await fetch(`${serverUrl}/.well-known/jwks.json`, { method: 'POST' })).status).toBe(405);
  });
});

describe('client credentials grant', () => {
  it('issues a signed JWT with client_secret_basic (oauth4webapi), verifiable against the JWKS', async () => {
    const result = await grant(partner, oauth.ClientSecretBasic(partner.clientSecret));
    expect(result).toMatchObject({ token_type: 'bearer', expires_in: 3600, scope: 'integrations' });

    const jwks = createRemoteJWKSet(new URL(as.jwks_uri!));
    const { payload, protectedHeader } = await jwtVerify(result.access_token, jwks, {
      issuer: serverUrl,
      audience: 'integrations-api',
      algorithms: ['ES256'],
      typ: 'at+jwt',
    });
    expect(protectedHeader.kid).toMatch(/^sk_/);
    expect(payload).toMatchObject({
      iss: serverUrl,
      sub: partner.clientId,
      client_id: partner.clientId,
      aud: 'integrations-api',
      org: org.id,
      int: partner.integrationId,
      scope: 'integrations',
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload.jti).toEqual(expect.any(String));
  });

  it('issues a token with client_secret_post, with RFC 6749 §5.1 headers', async () => {
    const result = await grant(partner, oauth.ClientSecretPost(partner.clientSecret), { scope: 'integrations' });
    expect(decodeJwt(result.access_token)).toMatchObject({ sub: partner.clientId, scope: 'integrations' });

    const raw = await tokenRequest({ grant_type: 'client_credentials', client_id: partner.clientId, client_secret: partner.clientSecret });
    expect(raw.status).toBe(200);
    expect(raw.json).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: 'integrations' });
    expect(raw.headers.get('cache-control')).toBe('no-store');
    expect(raw.headers.get('pragma')).toBe('no-cache');
    expect(decodeJwt(present(raw.json?.access_token)).jti).not.toBe(decodeJwt(result.access_token).jti);
  });

  it('accepts form-urlencoded Basic credentials, charset parameters and unknown parameters', async () => {
    const response = await tokenRequest(
      { grant_type: 'client_credentials', client_id: partner.clientId, resource: 'ignored' },
      { authorization: basic(partner.clientId, partner.clientSecret), 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    );
    expect(response.status, response.text).toBe(200);
  });
});

describe('the token on /graphql', () => {
  let token: string;

  beforeAll(async () => {
    token = await obtainToken(partner);
  });

  it('authenticates as the organization: viewer shows it with apiKey null', async () => {
    const { status, errors, data } = await send(bearer(token), VIEWER);
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data?.viewer).toEqual({ organization: { id: org.id, name: 'OAuth Partner Org', features: ['INTEGRATIONS_ECOSYSTEM'] }, apiKey: null });
  });

  it('starts verification sessions with requestNewOnboarding', async () => {
    const requested = await mutate(bearer(token), REQUEST, { integrationId: partner.integrationId, externalUserId: 'partner-user-1' });
    expect(requested.userErrors).toEqual([]);
    expect(requested.session).toMatchObject({ id: expect.stringMatching(/^ses_/), status: 'PENDING', integration: { id: partner.integrationId } });
  });

  it('cannot manage credentials: API keys and client secrets need an API key (FORBIDDEN)', async () => {
    const caller = bearer(token);
    const attempts: [string, () => Promise<Answer<unknown>>][] = [
      ['apiKeys', () => send(caller, API_KEYS)],
      ['generateApiKey', () => send(caller, GENERATE_API_KEY)],
      ['revokeApiKey', () => send(caller, REVOKE_API_KEY, { id: 'key_01m8mwbn4xqpj3fypwxwrsccbr' })],
      ['rollApiKey', () => send(caller, ROLL_API_KEY, { id: 'key_01m8mwbn4xqpj3fypwxwrsccbr' })],
      ['generateClientSecret', () => send(caller, GENERATE_SECRET, { id: partner.integrationId })],
    ];
    for (const [name, attempt] of attempts) {
      const answer = await attempt();
      expect(codes(answer), name).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(answer.data ?? {})).not.toMatch(/iapi_|icsec_/);
    }
    // The partner's own secret still works: the refused rotation changed nothing.
    await obtainToken(partner);
  });

  it("sees its own organization's objects only", async () => {
    const theirs = await other.oidcClient({ name: 'Theirs' });
    expect(await execute(bearer(token), FOREIGN, { id: theirs.integrationId })).toEqual({ integration: null, node: null });
  });

  it('authenticates a WebSocket connection_init with {"authorization": "Bearer ..."}', async () => {
    const run = (authorization: string) => {
      const client = createClient({
        url: `${serverUrl.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization },
        retryAttempts: 0,
        lazy: true,
      });
      return operation(client, WS_VIEWER).finally(() => client.dispose());
    };
    const result = present(await run(`Bearer ${token}`), 'the result');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: { organization: { id: org.id }, apiKey: null } });
    const refused = await run('Bearer not-a-token').then(
      () => undefined,
      (error: { code?: number; reason?: string }) => error,
    );
    expect(refused).toMatchObject({ code: 4403, reason: 'UNAUTHENTICATED' });
  });

  it('ends a WebSocket connection whose integration was DISABLED: the next operation is refused (4403)', async () => {
    const client = await org.oidcClient({ name: 'WebSocket client' });
    const wsToken = await obtainToken(client);
    const ws = createClient({
      url: `${serverUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${wsToken}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => {},
    });
    // The socket's CloseEvent (graphql-ws hands it over untyped).
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.on('closed', (event) => resolve(event as { code: number; reason: string })),
    );
    const query = () => operation(ws, WS_ORGANIZATION);
    try {
      expect((await query())?.data).toEqual({ viewer: { organization: { id: org.id } } });
      await setIntegrationStatus(org, client.integrationId, 'DISABLED');
      const refused = await query().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeDefined();
      expect(await closed).toMatchObject({ code: 4403, reason: 'UNAUTHENTICATED' });
    } finally {
      await ws.dispose();
    }
  });

  it('refuses tampered tokens and tokens signed by a key not in the JWKS like a bad API key', async () => {
    const [header, payload, signature] = token.split('.');
    const claims = decodeJwt(token);
    const otherOrgPayload = Buffer.from(JSON.stringify({ ...claims, org: 'org_01jzzzzzzzzzzzzzzzzzzzzzzz' })).toString('base64url');
    await expectUnauthenticated(`${header}.${otherOrgPayload}.${signature}`);
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    await expectUnauthenticated(`${header}.${payload}.${flipped}`);

    // Right claims, right kid, wrong key; and the same with another audience.
    const foreign = await generateKeyPair('ES256');
    const resign = (aud: string) =>
      new SignJWT({ ...claims, aud }).setProtectedHeader({ ...decodeProtectedHeader(token), alg: 'ES256' }).sign(foreign.privateKey);
    await expectUnauthenticated(await resign('integrations-api'));
    await expectUnauthenticated(await resign('https://elsewhere.example'));
    // A foreign key under its own kid, and an unsigned token.
    await expectUnauthenticated(
      await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'sk_attacker', typ: 'at+jwt' }).sign(foreign.privateKey),
    );
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;
    await expectUnauthenticated(none);
    await expectUnauthenticated('garbage');
  });
});

describe('token endpoint errors', () => {
  const good = () => ({ grant_type: 'client_credentials', client_id: partner.clientId, client_secret: partner.clientSecret });

  it('invalid_request: missing grant_type, repeated parameters, two authentication methods, wrong content type, GET', async () => {
    const { grant_type: _, ...noGrant } = good();
    expectOAuthError(await tokenRequest(noGrant), 400, 'invalid_request');
    expectOAuthError(await tokenRequest(`${new URLSearchParams(good())}&grant_type=client_credentials`), 400, 'invalid_request');
    expectOAuthError(await tokenRequest(good(), { authorization: basic(partner.clientId, partner.clientSecret) }), 400, 'invalid_request');
    expectOAuthError(await tokenRequest(JSON.stringify(good()), { 'content-type': 'application/json' }), 400, 'invalid_request');
    expectOAuthError(await tokenRequest('', {}, { method: 'GET' }), 405, 'invalid_request');
  });

  it('unsupported_grant_type', async () => {
    for (const grant_type of ['password', 'authorization_code', 'urn:ietf:params:oauth:grant-type:jwt-bearer']) {
      expectOAuthError(await tokenRequest({ ...good(), grant_type }), 400, 'unsupported_grant_type');
    }
  });

  it('invalid_scope for a scope we do not have', async () => {
    expectOAuthError(await tokenRequest({ ...good(), scope: 'integrations admin' }), 400, 'invalid_scope');
    // The same through the library: a ResponseBodyError carrying the code.
    await expect(grant(partner, oauth.ClientSecretBasic(partner.clientSecret), { scope: 'openid' })).rejects.toMatchObject({
      error: 'invalid_scope',
      status: 400,
    });
  });

  it('invalid_client (401): no credentials, wrong secret, unknown client, malformed Basic; Basic gets a challenge', async () => {
    const noCredentials = await tokenRequest({ grant_type: 'client_credentials', client_id: partner.clientId });
    expectOAuthError(noCredentials, 401, 'invalid_client');
    expect(noCredentials.headers.get('www-authenticate')).toBe('Basic realm="oauth"');

    const wrongBasic = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(partner.clientId, 'icsec_wrong') });
    expectOAuthError(wrongBasic, 401, 'invalid_client');
    expect(wrongBasic.headers.get('www-authenticate')).toBe('Basic realm="oauth"');

    const wrongPost = await tokenRequest({ ...good(), client_secret: `${partner.clientSecret}x` });
    expectOAuthError(wrongPost, 401, 'invalid_client');
    expect(wrongPost.headers.get('www-authenticate')).toBeNull();
    expectOAuthError(await tokenRequest({ ...good(), client_id: 'icid_doesnotexist' }), 401, 'invalid_client');
    expectOAuthError(await tokenRequest({ grant_type: 'client_credentials' }, { authorization: 'Basic !!!' }), 401, 'invalid_client');

    // Through the library: a challenge for Basic, the RFC 6749 error body for client_secret_post.
    const basicError = await grant(partner, oauth.ClientSecretBasic('icsec_wrong')).catch((e: unknown) => e);
    expect(basicError).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    expect(basicError).toMatchObject({ status: 401, cause: [{ scheme: 'basic', parameters: { realm: 'oauth' } }] });
    await expect(grant(partner, oauth.ClientSecretPost('icsec_wrong'))).rejects.toMatchObject({ error: 'invalid_client', status: 401 });
  });

  it('a replaced secret is invalid_client at once; the new one works', async () => {
    const client = await org.oidcClient({ name: 'Rotating client' });
    const oldToken = await obtainToken(client);
    const newSecret = await generateClientSecret(org, client.integrationId);

    const basicOld = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(client.clientId, client.clientSecret) });
    expectOAuthError(basicOld, 401, 'invalid_client');
    expect(basicOld.headers.get('www-authenticate')).toBe('Basic realm="oauth"');
    expectOAuthError(
      await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
      401,
      'invalid_client',
    );

    await obtainToken({ ...client, clientSecret: newSecret });
    // Tokens already issued run to their expiry (disable or delete the integration to cut them off).
    expect((await send(bearer(oldToken), VIEWER)).status).toBe(200);
  });

  it('a DISABLED integration: invalid_client, and its tokens are UNAUTHENTICATED on /graphql', async () => {
    const client = await org.oidcClient({ name: 'Disabled client' });
    const token = await obtainToken(client);
    expect((await send(bearer(token), VIEWER)).status).toBe(200);

    await setIntegrationStatus(org, client.integrationId, 'DISABLED');
    expectOAuthError(
      await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
      401,
      'invalid_client',
    );
    await expectUnauthenticated(token);

    await setIntegrationStatus(org, client.integrationId, 'ACTIVE');
    await obtainToken(client);
  });

  it('a deleted integration: invalid_client, and its tokens are UNAUTHENTICATED on /graphql', async () => {
    const client = await org.oidcClient({ name: 'Deleted client' });
    const token = await obtainToken(client);
    await deleteIntegration(org, client.integrationId);
    expectOAuthError(
      await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
      401,
      'invalid_client',
    );
    await expectUnauthenticated(token);
  });

  it(
    'INTEGRATIONS_ECOSYSTEM off: invalid_client; existing tokens keep viewer, gated operations answer FEATURE_DISABLED',
    async () => {
      const client = await gated.oidcClient({ name: 'Gated client' });
      const token = await obtainToken(client);
      await setFeature(gated.id, false);
      try {
        expectOAuthError(
          await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
          401,
          'invalid_client',
        );
        const viewer = await send(bearer(token), VIEWER);
        expect(viewer.data?.viewer.organization).toMatchObject({ id: gated.id, features: [] });
        const integrations = await send(bearer(token), INTEGRATIONS);
        expect(firstCode(integrations)).toBe('FEATURE_DISABLED');
      } finally {
        await setFeature(gated.id, true);
      }
      await obtainToken(client);
    },
    ADMIN_TIMEOUT,
  );
});

// A server of its own: the suite's shared server counts every test file's failures from
// 127.0.0.1 against one budget, and trusts no proxy. This one trusts one proxy hop, so
// each test speaks from the addresses it names in X-Forwarded-For; a budget of 5
// failed authentications per address and minute; and trace-level logs to inspect.
describe('on a server of its own (TRUST_PROXY=1, AUTH_FAILURES_PER_MINUTE=5, LOG_LEVEL=trace)', () => {
  const BUDGET = 5;
  let isolated: IsolatedServer;
  let owner: Org;
  let victim: OAuthClient;
  const at = (address: string) => ({ 'x-forwarded-for': address });
  const onIsolated = () => ({ baseUrl: isolated.server.url });
  const wrongSecret = (client: OAuthClient, address: string, guess: string) =>
    tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(client.clientId, guess), ...at(address) }, onIsolated());

  beforeAll(async () => {
    isolated = await startIsolatedServer({ TRUST_PROXY: '1', AUTH_FAILURES_PER_MINUTE: String(BUDGET), LOG_LEVEL: 'trace' });
    try {
      owner = await testOrg({ name: 'OAuth Isolated Org', server: isolated });
      victim = await owner.oidcClient({ name: 'Brute-forced client' });
    } catch (error) {
      // Say why, when the server went away (its last output).
      throw new Error(
        `${(error as Error).message}; server exit code ${isolated.server.child.exitCode}, last output:\n${isolated.server.output().slice(-3000)}`,
        { cause: error },
      );
    }
  }, ADMIN_TIMEOUT);

  afterAll(async () => {
    await isolated?.stop();
  });

  describe('brute-force protection', () => {
    it('limits failed authentications per client address: past the budget 429 slow_down with Retry-After, before credentials are checked', async () => {
      const attacker = '203.0.113.7';
      for (let i = 0; i < BUDGET; i++) expectOAuthError(await wrongSecret(victim, attacker, `icsec_guess${i}`), 401, 'invalid_client');

      const refused = await wrongSecret(victim, attacker, 'icsec_guess-next');
      expectOAuthError(refused, 429, 'slow_down');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Refused before any credential is looked at: the right secret, or any other client, from there waits too.
      expectOAuthError(
        await tokenRequest(
          { grant_type: 'client_credentials', client_id: victim.clientId, client_secret: victim.clientSecret },
          at(attacker),
          onIsolated(),
        ),
        429,
        'slow_down',
      );
      expectOAuthError(
        await tokenRequest({ grant_type: 'client_credentials', client_id: 'icid_unknown', client_secret: 'icsec_x' }, at(attacker), onIsolated()),
        429,
        'slow_down',
      );

      // The client's correct secret from another address still gets a token at once;
      // and another address has its own budget (a wrong secret there is a plain 401).
      await obtainToken(victim, at('198.51.100.20'), onIsolated());
      expectOAuthError(await wrongSecret(victim, '198.51.100.21', 'icsec_typo'), 401, 'invalid_client');
    });

    it("never refuses a client's correct secret because of failures from other addresses, however many", async () => {
      const target = await owner.oidcClient({ name: 'Widely guessed client' });
      // Failures for one client ID from many addresses, each under its own budget: more
      // than any per-client-ID lockout would have allowed.
      for (let a = 0; a < 4; a++) {
        for (let i = 0; i < BUDGET - 1; i++)
          expectOAuthError(await wrongSecret(target, `192.0.2.${10 + a}`, `icsec_spread${a}_${i}`), 401, 'invalid_client');
      }
      await obtainToken(target, at('198.51.100.30'), onIsolated());
      // Basic too, from an address that has had failures of its own (under budget).
      const response = await tokenRequest(
        { grant_type: 'client_credentials' },
        { authorization: basic(target.clientId, target.clientSecret), ...at('192.0.2.10') },
        onIsolated(),
      );
      expect(response.status, response.text).toBe(200);
    });

    it('successes use none of the budget: a client from one address gets tokens past the budget', async () => {
      for (let i = 0; i < BUDGET + 2; i++) await obtainToken(victim, at('198.51.100.40'), onIsolated());
      // …and the address still has its whole failure budget.
      for (let i = 0; i < BUDGET; i++) expectOAuthError(await wrongSecret(victim, '198.51.100.40', `icsec_after${i}`), 401, 'invalid_client');
      expectOAuthError(await wrongSecret(victim, '198.51.100.40', 'icsec_after-last'), 429, 'slow_down');
    });

    it('counts an IPv6 client per /64', async () => {
      for (let i = 0; i < BUDGET; i++) expectOAuthError(await wrongSecret(victim, `2001:db8:1:2::${i + 1}`, `icsec_v6_${i}`), 401, 'invalid_client');
      expectOAuthError(await wrongSecret(victim, '2001:db8:1:2:ffff::9', 'icsec_v6_last'), 429, 'slow_down');
      await obtainToken(victim, at('2001:db8:1:3::1'), onIsolated());
    });
  });

  describe('logs', () => {
    it('never log a client_id that names no client (a secret sent in the wrong field), nor a secret; a known client by its integration ID', async () => {
      const logged = await owner.oidcClient({ name: 'Logged client' });
      const inWrongField = `icsec_${randomBytes(32).toString('base64url')}`;
      const guessed = `icsec_${randomBytes(32).toString('base64url')}`;
      // A secret of another system has none of our prefixes, which the logger's own
      // scrubbing (a second line of defence) recognises: only never logging it helps.
      const foreign = randomBytes(30).toString('base64url');
      const forwarded = randomBytes(24).toString('base64url');
      const before = isolated.server.output().length;
      const from = at('198.51.100.60');
      // A secret as client_id, with client_secret_post and with Basic; the client's real
      // secret as client_id; another system's secret as client_id; a secret-looking
      // X-Forwarded-For (request-derived, as the address to log).
      expectOAuthError(
        await tokenRequest({ grant_type: 'client_credentials', client_id: inWrongField, client_secret: inWrongField }, from, onIsolated()),
        401,
        'invalid_client',
      );
      expectOAuthError(
        await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(inWrongField, guessed), ...from }, onIsolated()),
        401,
        'invalid_client',
      );
      expectOAuthError(
        await tokenRequest(
          { grant_type: 'client_credentials', client_id: logged.clientSecret, client_secret: logged.clientSecret },
          from,
          onIsolated(),
        ),
        401,
        'invalid_client',
      );
      expectOAuthError(
        await tokenRequest({ grant_type: 'client_credentials', client_id: foreign, client_secret: foreign }, from, onIsolated()),
        401,
        'invalid_client',
      );
      expectOAuthError(
        await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(foreign, guessed), ...from }, onIsolated()),
        401,
        'invalid_client',
      );
      expectOAuthError(
        await tokenRequest({ grant_type: 'client_credentials', client_id: inWrongField, client_secret: 'x' }, at(forwarded), onIsolated()),
        401,
        'invalid_client',
      );
      // A known client with a wrong secret, then a success.
      expectOAuthError(await wrongSecret(logged, '198.51.100.61', guessed), 401, 'invalid_client');
      await obtainToken(logged, at('198.51.100.61'), onIsolated());

      // Pino writes asynchronously: wait until the last failure's line is in.
      let output = '';
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
        output = isolated.server.output().slice(before);
        if (output.includes(logged.integrationId)) break;
      }
      expect(output).toContain('oauth client authentication failed');
      expect(output).toContain(logged.integrationId);
      for (const secret of [inWrongField, guessed, foreign, forwarded, logged.clientSecret]) {
        expect(output).not.toContain(secret);
        expect(output).not.toContain(secret.slice(0, 24)); // nor a prefix of it
      }
      // Nothing request-derived names a client that is not one: no client_id field on a failure for an unknown ID.
      for (const line of output.split('\n').filter((l) => l.includes('oauth client authentication failed'))) {
        expect(jsonObject(parseJson(line))).not.toHaveProperty('clientId');
      }
    });
  });
});

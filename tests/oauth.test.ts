// OAuth 2.0 client credentials against the running server (CONTRACT rule 8, issue 5):
// discovery and the grant with a real client library (oauth4webapi), tokens verified
// with jose against the published JWKS, the token as Bearer on /graphql over HTTP and
// WebSocket, and raw requests for every error case and for brute-force protection.
import { createClient } from 'graphql-ws';
import { gql } from 'graphql-request';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import * as oauth from 'oauth4webapi';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type TestOrg, createOrg, serverUrl, setFeature } from './support/api.ts';
import {
  type OAuthClient,
  basic,
  bearerGraphQL,
  createOAuthClient,
  deleteIntegration,
  expectUnauthenticated,
  generateClientSecret,
  obtainToken,
  setIntegrationStatus,
  tokenRequest,
} from './support/oauth.ts';

const insecure = { [oauth.allowInsecureRequests]: true } as const; // the test server is http:// on loopback
const issuer = new URL(serverUrl);
const VIEWER = '{ viewer { organization { id name features } apiKey { id } } }';

let org: TestOrg;
/** Another organization, for tenancy checks. */
let other: TestOrg;
/** An organization whose INTEGRATIONS_ECOSYSTEM feature a test turns off. */
let gated: TestOrg;
let partner: OAuthClient;
let as: oauth.AuthorizationServer;

/** Admin command runs are slow on a busy machine: tests that make them get more time. */
const ADMIN_TIMEOUT = 120_000;

beforeAll(async () => {
  // One at a time: each is an admin command process, heavy on a shared machine.
  org = await createOrg('OAuth Partner Org');
  other = await createOrg('OAuth Other Org');
  gated = await createOrg('OAuth Gated Org');
  partner = await createOAuthClient(org);
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
});

async function grant(client: OAuthClient, auth: oauth.ClientAuth, parameters: Record<string, string> = {}) {
  const response = await oauth.clientCredentialsGrantRequest(as, { client_id: client.clientId }, auth, parameters, insecure);
  return oauth.processClientCredentialsResponse(as, { client_id: client.clientId }, response);
}

function expectOAuthError(response: { status: number; headers: Headers; json: any }, status: number, error: string) {
  expect({ status: response.status, error: response.json?.error }).toEqual({ status, error });
  expect(typeof response.json.error_description).toBe('string');
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
    expect(decodeJwt(raw.json.access_token).jti).not.toBe(decodeJwt(result.access_token).jti);
  });

  it('accepts form-urlencoded Basic credentials, charset parameters and unknown parameters', async () => {
    const response = await tokenRequest(
      { grant_type: 'client_credentials', client_id: partner.clientId, resource: 'ignored' },
      { authorization: basic(partner.clientId, partner.clientSecret), 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    );
    expect(response.status, JSON.stringify(response.json)).toBe(200);
  });
});

describe('the token on /graphql', () => {
  let token: string;

  beforeAll(async () => {
    token = await obtainToken(partner);
  });

  it('authenticates as the organization: viewer shows it with apiKey null', async () => {
    const { status, json } = await bearerGraphQL(token, VIEWER);
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.viewer).toEqual({ organization: { id: org.id, name: 'OAuth Partner Org', features: ['INTEGRATIONS_ECOSYSTEM'] }, apiKey: null });
  });

  it('starts verification sessions with requestNewOnboarding', async () => {
    const { json } = await bearerGraphQL(
      token,
      gql`mutation ($input: RequestNewOnboardingInput!) { requestNewOnboarding(input: $input) { session { id status integration { id } } userErrors { code message } } }`,
      { input: { integrationId: partner.integrationId, externalUserId: 'partner-user-1' } },
    );
    expect(json.errors).toBeUndefined();
    expect(json.data.requestNewOnboarding.userErrors).toEqual([]);
    expect(json.data.requestNewOnboarding.session).toMatchObject({ id: expect.stringMatching(/^ses_/), status: 'PENDING', integration: { id: partner.integrationId } });
  });

  it('cannot manage credentials: API keys and client secrets need an API key (FORBIDDEN)', async () => {
    const attempts = [
      ['{ apiKeys { totalCount } }', {}],
      ['mutation { generateApiKey(input: { name: "from a token" }) { secret } }', {}],
      ['mutation ($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } } }', { id: 'key_01m8mwbn4xqpj3fypwxwrsccbr' }],
      ['mutation ($id: ID!) { generateClientSecret(input: { integrationId: $id }) { clientSecret } }', { id: partner.integrationId }],
    ] as const;
    for (const [query, variables] of attempts) {
      const { json } = await bearerGraphQL(token, query, variables);
      expect(json.errors?.map((e: any) => e.extensions?.code), query).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(json.data ?? {})).not.toMatch(/iapi_|icsec_/);
    }
    // The partner's own secret still works: the refused rotation changed nothing.
    await obtainToken(partner);
  });

  it("sees its own organization's objects only", async () => {
    const theirs = await createOAuthClient(other, 'Theirs');
    const { json } = await bearerGraphQL(token, 'query ($id: ID!) { integration(id: $id) { id } node(id: $id) { id } }', { id: theirs.integrationId });
    expect(json.data).toEqual({ integration: null, node: null });
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
      return new Promise<any>((resolve, reject) => {
        let result: unknown;
        client.subscribe(
          { query: '{ viewer { organization { id } apiKey { id } } }' },
          { next: (value) => (result = value), error: reject, complete: () => resolve(result) },
        );
      }).finally(() => client.dispose());
    };
    const result = await run(`Bearer ${token}`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: { organization: { id: org.id }, apiKey: null } });
    const refused = await run('Bearer not-a-token').then(
      () => undefined,
      (error: { code?: number; reason?: string }) => error,
    );
    expect(refused).toMatchObject({ code: 4403, reason: 'UNAUTHENTICATED' });
  });

  it('ends a WebSocket connection whose integration was DISABLED: the next operation is refused (4403)', async () => {
    const client = await createOAuthClient(org, 'WebSocket client');
    const wsToken = await obtainToken(client);
    const ws = createClient({
      url: `${serverUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${wsToken}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => {},
    });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('closed', (event) => resolve(event as any)));
    const query = () =>
      new Promise<any>((resolve, reject) => {
        let result: unknown;
        ws.subscribe({ query: '{ viewer { organization { id } } }' }, { next: (value) => (result = value), error: reject, complete: () => resolve(result) });
      });
    try {
      expect((await query()).data).toEqual({ viewer: { organization: { id: org.id } } });
      await setIntegrationStatus(org, client.integrationId, 'DISABLED');
      const refused = await query().then(() => undefined, (error) => error);
      expect(refused).toBeDefined();
      expect(await closed).toMatchObject({ code: 4403, reason: 'UNAUTHENTICATED' });
    } finally {
      await ws.dispose();
    }
  });

  it('refuses tampered tokens and tokens signed by a key not in the JWKS like a bad API key', async () => {
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const otherOrgPayload = Buffer.from(JSON.stringify({ ...claims, org: 'org_01jzzzzzzzzzzzzzzzzzzzzzzz' })).toString('base64url');
    await expectUnauthenticated(`${header}.${otherOrgPayload}.${signature}`);
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    await expectUnauthenticated(`${header}.${payload}.${flipped}`);

    // Right claims, right kid, wrong key; and the same with another audience.
    const foreign = await generateKeyPair('ES256');
    const resign = (aud: string) =>
      new SignJWT({ ...claims, aud })
        .setProtectedHeader({ ...decodeProtectedHeader(token), alg: 'ES256' } as any)
        .sign(foreign.privateKey);
    await expectUnauthenticated(await resign('integrations-api'));
    await expectUnauthenticated(await resign('https://elsewhere.example'));
    // A foreign key under its own kid, and an unsigned token.
    await expectUnauthenticated(await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'sk_attacker', typ: 'at+jwt' }).sign(foreign.privateKey));
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
    await expect(grant(partner, oauth.ClientSecretBasic(partner.clientSecret), { scope: 'openid' })).rejects.toMatchObject({ error: 'invalid_scope', status: 400 });
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
    const basicError = await grant(partner, oauth.ClientSecretBasic('icsec_wrong')).catch((e) => e);
    expect(basicError).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    expect(basicError).toMatchObject({ status: 401, cause: [{ scheme: 'basic', parameters: { realm: 'oauth' } }] });
    await expect(grant(partner, oauth.ClientSecretPost('icsec_wrong'))).rejects.toMatchObject({ error: 'invalid_client', status: 401 });
  });

  it('a replaced secret is invalid_client at once; the new one works', async () => {
    const client = await createOAuthClient(org, 'Rotating client');
    const oldToken = await obtainToken(client);
    const newSecret = await generateClientSecret(org, client.integrationId);

    const basicOld = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(client.clientId, client.clientSecret) });
    expectOAuthError(basicOld, 401, 'invalid_client');
    expect(basicOld.headers.get('www-authenticate')).toBe('Basic realm="oauth"');
    expectOAuthError(await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }), 401, 'invalid_client');

    await obtainToken({ ...client, clientSecret: newSecret });
    // Tokens already issued run to their expiry (disable or delete the integration to cut them off).
    expect((await bearerGraphQL(oldToken, VIEWER)).status).toBe(200);
  });

  it('a DISABLED integration: invalid_client, and its tokens are UNAUTHENTICATED on /graphql', async () => {
    const client = await createOAuthClient(org, 'Disabled client');
    const token = await obtainToken(client);
    expect((await bearerGraphQL(token, VIEWER)).status).toBe(200);

    await setIntegrationStatus(org, client.integrationId, 'DISABLED');
    expectOAuthError(await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }), 401, 'invalid_client');
    await expectUnauthenticated(token);

    await setIntegrationStatus(org, client.integrationId, 'ACTIVE');
    await obtainToken(client);
  });

  it('a deleted integration: invalid_client, and its tokens are UNAUTHENTICATED on /graphql', async () => {
    const client = await createOAuthClient(org, 'Deleted client');
    const token = await obtainToken(client);
    await deleteIntegration(org, client.integrationId);
    expectOAuthError(await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }), 401, 'invalid_client');
    await expectUnauthenticated(token);
  });

  it('INTEGRATIONS_ECOSYSTEM off: invalid_client; existing tokens keep viewer, gated operations answer FEATURE_DISABLED', async () => {
    const client = await createOAuthClient(gated, 'Gated client');
    const token = await obtainToken(client);
    await setFeature(gated.id, false);
    try {
      expectOAuthError(await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }), 401, 'invalid_client');
      const viewer = await bearerGraphQL(token, VIEWER);
      expect(viewer.json.data.viewer.organization).toMatchObject({ id: gated.id, features: [] });
      const integrations = await bearerGraphQL(token, '{ integrations { totalCount } }');
      expect(integrations.json.errors?.[0]?.extensions?.code).toBe('FEATURE_DISABLED');
    } finally {
      await setFeature(gated.id, true);
    }
    await obtainToken(client);
  }, ADMIN_TIMEOUT);
});

describe('brute-force protection', () => {
  it('refuses a client ID with 429 and Retry-After after 10 failed authentications; other clients are unaffected', async () => {
    const victim = await createOAuthClient(org, 'Brute-forced client');
    const bystander = await createOAuthClient(org, 'Bystander client');
    for (let i = 0; i < 10; i++) {
      const response = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(victim.clientId, `icsec_guess${i}`) });
      expectOAuthError(response, 401, 'invalid_client');
    }
    const refused = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: basic(victim.clientId, 'icsec_guess10') });
    expectOAuthError(refused, 429, 'slow_down');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);

    // While refused, even the right secret waits (no oracle); the window expiry lifts it (see oauth-keys.test.ts).
    expectOAuthError(await tokenRequest({ grant_type: 'client_credentials', client_id: victim.clientId, client_secret: victim.clientSecret }), 429, 'slow_down');
    // Another client from the same address is not locked out.
    await obtainToken(bystander);
  });
});

// Requests an onboarding session as a partner system holding OAuth client credentials
// instead of an API key: it gets an access token (client credentials grant), calls the API
// with `Authorization: Bearer <token>`, and onboards through its own integration.
//
//   INTEGRATIONS_CLIENT_ID=icid_… INTEGRATIONS_CLIENT_SECRET=icsec_… npx tsx examples/request-onboarding-oauth.ts
//
// The client ID and secret are an OIDC_CLIENT_CREDENTIALS integration's; make one with
// examples/create-oauth-client.ts (needs an API key, once).
//
// Settings (environment only):
//   INTEGRATIONS_API_URL        the /graphql URL (default http://localhost:4000/graphql)
//   INTEGRATIONS_CLIENT_ID      the integration's clientId (required)
//   INTEGRATIONS_CLIENT_SECRET  its client secret (required)
//   EXTERNAL_USER_ID, EMAIL, REDIRECT_URL, IDEMPOTENCY_KEY  as in examples/request-onboarding.ts
//                               (REDIRECT_URL must be one of the integration's redirectUris)
import { apiUrl, ExampleError, findNode, present, requestOnboarding, requiredSetting, run, sdk } from './shared.ts';

const CLIENT_HINT = 'the clientId and client secret of an OIDC_CLIENT_CREDENTIALS integration (examples/create-oauth-client.ts makes one)';

/** Where tokens come from: the token_endpoint of the server's discovery document, next to /graphql. */
async function tokenEndpoint(): Promise<string> {
  const discovery = new URL('/.well-known/openid-configuration', apiUrl);
  const response = await fetch(discovery);
  if (!response.ok) throw new ExampleError(`OIDC discovery at ${discovery} answered HTTP ${response.status}.`);
  const { token_endpoint } = (await response.json()) as { token_endpoint?: string };
  return present(token_endpoint, `token_endpoint in ${discovery}`);
}

/** An access token by the client credentials grant (RFC 6749 §4.4), authenticated with client_secret_basic. */
async function accessToken(clientId: string, clientSecret: string): Promise<{ token: string; expiresIn: number }> {
  const url = await tokenEndpoint();
  // client_secret_basic: HTTP Basic over the form-urlencoded ID and secret (RFC 6749 §2.3.1).
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: string;
    expires_in?: number;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || !body.access_token) {
    throw new ExampleError(
      `The token endpoint ${url} refused the client (HTTP ${response.status}): ${body.error ?? 'no error code'} ${body.error_description ?? ''}`,
    );
  }
  return { token: body.access_token, expiresIn: body.expires_in ?? 0 };
}

await run(async () => {
  const clientId = requiredSetting('INTEGRATIONS_CLIENT_ID', CLIENT_HINT);
  const clientSecret = requiredSetting('INTEGRATIONS_CLIENT_SECRET', CLIENT_HINT);
  const { token, expiresIn } = await accessToken(clientId, clientSecret);
  console.log(`Got an access token for ${clientId} (expires in ${expiresIn} s)`);

  // The same SDK as with an API key; a token may read integrations and request onboarding,
  // but not manage credentials, integrations or webhook endpoints (FORBIDDEN).
  const api = sdk({ authorization: `Bearer ${token}` });
  const { viewer } = await api.Viewer();
  console.log(`Calling as ${viewer.organization.name} (${viewer.organization.id})`);

  // The client onboards through its own integration, found by its clientId.
  const integration = await findNode(
    async (after) => (await api.Integrations({ first: 100, after, filter: { templateKey: 'OIDC_CLIENT_CREDENTIALS' } })).integrations,
    (node) => node.clientId === clientId,
  );
  if (!integration) throw new ExampleError(`No integration of this organization has the client ID ${clientId}.`);
  console.log(`Integration ${integration.id} (${integration.name}), workflow ${integration.workflow?.id ?? 'none'}`);

  await requestOnboarding(api, integration.id);
});

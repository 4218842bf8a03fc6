// Sets up a partner system's OAuth client, once, with an API key: an
// OIDC_CLIENT_CREDENTIALS integration (linked to a workflow, which its onboarding sessions
// follow) and its client secret. The secret is shown this once: the server keeps only a
// hash of it. examples/request-onboarding-oauth.ts then works with these two values alone.
//
//   INTEGRATIONS_API_KEY=iapi_… npx tsx examples/create-oauth-client.ts
//
// Settings (environment only):
//   INTEGRATIONS_API_URL   the /graphql URL (default http://localhost:4000/graphql)
//   INTEGRATIONS_API_KEY   an API key of the organization (required)
//   OAUTH_CLIENT_NAME      the integration's name (default "Partner example client")
//   REDIRECT_URIS          optional, comma-separated: where onboarding pages may send people at the end
//   EXAMPLE_WORKFLOW_NAME, EXAMPLE_WORKFLOW_STEPS  the workflow, reused by name or made
//                          (default "Partner example KYC", "DOCUMENT,SELFIE")
import { ensureWorkflow, present, run, sdkWithApiKey, setting, succeeded } from './shared.ts';

await run(async () => {
  const api = sdkWithApiKey();
  const workflow = await ensureWorkflow(api);
  console.log(`${workflow.created ? 'Created' : 'Reusing'} workflow ${workflow.id} (${workflow.name}, version ${workflow.version})`);

  const redirectUris = (process.env.REDIRECT_URIS ?? '')
    .split(',')
    .map((uri) => uri.trim())
    .filter(Boolean);
  const { createIntegration } = await api.CreateIntegration({
    input: {
      templateKey: 'OIDC_CLIENT_CREDENTIALS',
      name: setting('OAUTH_CLIENT_NAME', 'Partner example client'),
      workflowId: workflow.id,
      config: redirectUris.length ? { redirectUris } : undefined,
    },
  });
  const integration = present(succeeded('createIntegration', createIntegration).integration, 'integration');
  console.log(`Created integration ${integration.id} (${integration.name}), client ID ${integration.clientId}`);

  // A new secret replaces the integration's previous one at once; this one is its first.
  const { generateClientSecret } = await api.GenerateClientSecret({ input: { integrationId: integration.id } });
  const clientSecret = present(succeeded('generateClientSecret', generateClientSecret).clientSecret, 'client secret');
  console.log('Store the client secret now: it is shown this once. For examples/request-onboarding-oauth.ts:');
  console.log(`export INTEGRATIONS_CLIENT_ID=${integration.clientId}`);
  console.log(`export INTEGRATIONS_CLIENT_SECRET=${clientSecret}`);
});

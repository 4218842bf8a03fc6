// Requests an onboarding (identity verification) session with an API key, the way a
// partner's back office would, and prints the link to send to the person.
//
//   INTEGRATIONS_API_KEY=iapi_… npx tsx examples/request-onboarding.ts
//
// Settings (environment only):
//   INTEGRATIONS_API_URL      the /graphql URL (default http://localhost:4000/graphql)
//   INTEGRATIONS_API_KEY      an API key of the organization (required)
//   INTEGRATIONS_INTEGRATION_ID  an integration to onboard through; by default an API
//                             integration named EXAMPLE_INTEGRATION_NAME ("Partner example"),
//                             made on the first run with the workflow EXAMPLE_WORKFLOW_NAME
//                             ("Partner example KYC", steps EXAMPLE_WORKFLOW_STEPS, "DOCUMENT,SELFIE")
//   EXTERNAL_USER_ID          your reference for the person (default "example-person")
//   EMAIL, REDIRECT_URL       optional: the person's email, where the page sends them at the end
//   IDEMPOTENCY_KEY           optional: a replay with the same key returns the same session
import type { Sdk } from '../client/sdk.ts';
import { ensureWorkflow, findNode, present, requestOnboarding, run, sdkWithApiKey, setting, succeeded } from './shared.ts';

/** INTEGRATIONS_INTEGRATION_ID, or the example's API integration (made with its workflow when missing). */
async function onboardingIntegration(api: Sdk): Promise<string> {
  const given = process.env.INTEGRATIONS_INTEGRATION_ID;
  if (given) return given;
  const name = setting('EXAMPLE_INTEGRATION_NAME', 'Partner example');
  const existing = await findNode(
    async (after) => (await api.Integrations({ first: 100, after, filter: { templateKey: 'API', status: 'ACTIVE' } })).integrations,
    (integration) => integration.name === name && integration.workflow !== null,
  );
  if (existing) {
    console.log(`Reusing integration ${existing.id} (${existing.name}), workflow ${existing.workflow?.id}`);
    return existing.id;
  }
  const workflow = await ensureWorkflow(api);
  console.log(`${workflow.created ? 'Created' : 'Reusing'} workflow ${workflow.id} (${workflow.name}, version ${workflow.version})`);
  // API integrations are CUSTOM: they onboard people through the workflow they are linked to.
  const { createIntegration } = await api.CreateIntegration({ input: { templateKey: 'API', name, workflowId: workflow.id } });
  const integration = present(succeeded('createIntegration', createIntegration).integration, 'integration');
  console.log(`Created integration ${integration.id} (${integration.name})`);
  return integration.id;
}

await run(async () => {
  const api = sdkWithApiKey();
  const { viewer } = await api.Viewer();
  console.log(`Calling as ${viewer.organization.name} (${viewer.organization.id})`);

  const integrationId = await onboardingIntegration(api);
  await requestOnboarding(api, integrationId);
});

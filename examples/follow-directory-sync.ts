// Connects an Okta directory and follows its first sync as it happens, then lists some of
// the users it brought in.
//
//   INTEGRATIONS_API_KEY=iapi_… OKTA_ORG_URL=https://acme.okta.com OKTA_API_TOKEN=… npx tsx examples/follow-directory-sync.ts
//
// Settings (environment only):
//   INTEGRATIONS_API_URL   the /graphql URL (default http://localhost:4000/graphql)
//   INTEGRATIONS_API_KEY   an API key of the organization (required)
//   OKTA_ORG_URL           the Okta org, e.g. https://acme.okta.com (required)
//   OKTA_API_TOKEN         an Okta API token with read access to users and groups (required)
//   DIRECTORY_NAME         the integration's name (default "Okta directory")
//   USERS_TO_LIST          how many synced users to print (default 10, at most 100)
//
// Creating a directory integration queues its first sync; the server runs it in the
// background, and followDirectorySync (client/follow-directory-sync.ts) reads its progress
// from the directorySyncProgress subscription over Server-Sent Events until it ends.
import { type SyncStep, followDirectorySync } from '../client/follow-directory-sync.ts';
import { API_KEY_HINT, apiUrl, ExampleError, present, requiredSetting, run, sdk, setting, succeeded } from './shared.ts';

await run(async () => {
  const apiKey = requiredSetting('INTEGRATIONS_API_KEY', API_KEY_HINT);
  const orgUrl = requiredSetting('OKTA_ORG_URL', 'the URL of your Okta org, e.g. https://acme.okta.com');
  const apiToken = requiredSetting('OKTA_API_TOKEN', 'an Okta API token (Security > API > Tokens in the Okta admin console)');
  const usersToList = Number(setting('USERS_TO_LIST', '10'));
  if (!Number.isInteger(usersToList) || usersToList < 1 || usersToList > 100)
    throw new ExampleError('USERS_TO_LIST must be a whole number from 1 to 100.', 2);
  const api = sdk({ 'x-api-key': apiKey });

  // The token is stored encrypted and only ever read back masked; a bad URL or a private
  // address is a userError here, an unreachable org or a wrong token fails the sync below.
  const { createIntegration } = await api.CreateIntegration({
    input: { templateKey: 'OKTA', name: setting('DIRECTORY_NAME', 'Okta directory'), config: { orgUrl, apiToken } },
  });
  const integration = present(succeeded('createIntegration', createIntegration).integration, 'integration');
  console.log(`Created directory integration ${integration.id} (${integration.name}); its first sync is queued`);

  // With no syncId, the first step is the integration's latest sync: the one just queued.
  let last: SyncStep | undefined;
  for await (const step of followDirectorySync({ url: apiUrl, apiKey, integrationId: integration.id })) {
    const of = step.total === null || step.total === undefined ? '' : ` of ${step.total}`;
    console.log(
      `Sync ${step.id} ${step.status}: ${step.processed}${of} users read, ${step.created} created, ${step.updated} updated, ${step.deactivated} deactivated`,
    );
    last = step;
  }
  if (!last) throw new ExampleError('The progress stream ended before the sync did.');
  if (last.status === 'FAILED') throw new ExampleError(`The sync failed: ${last.error}`);

  const { directoryUsers } = await api.DirectoryUsers({ integrationId: integration.id, first: usersToList });
  console.log(`${directoryUsers.totalCount} user(s) synced; the newest ${directoryUsers.edges.length}:`);
  for (const { node } of directoryUsers.edges) {
    console.log(
      `  ${node.id}  ${node.email ?? node.userPrincipalName ?? node.externalId}  ${node.displayName ?? ''}${node.active ? '' : '  (inactive)'}`,
    );
  }
});

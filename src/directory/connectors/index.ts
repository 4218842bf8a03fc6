// The connector for an integration, built from its template's `connector` and its
// stored (decrypted on demand) configuration.
import type { Cipher } from '../../domain/crypto.ts';
import { configValue, revealSecret, storedConfigOf } from '../../domain/integration-config.ts';
import { templateOf } from '../../domain/templates.ts';
import type { Integration } from '../../generated/prisma/client.ts';
import type { UpstreamContext } from './http.ts';
import { microsoftGraphConnector } from './microsoft-graph.ts';
import { oktaConnector } from './okta.ts';
import { UpstreamError, type DirectoryConnector } from './types.ts';

export function connectorFor(integration: Integration, cipher: Cipher, context: UpstreamContext): DirectoryConnector {
  const template = templateOf(integration);
  const stored = storedConfigOf(integration);
  const value = (key: string) => configValue(template, stored, key);
  const secret = (key: string) => revealSecret(stored, key, cipher);
  const required = (found: string | undefined, key: string) => {
    if (!found) throw new UpstreamError(`the integration has no ${key} configured`);
    return found;
  };
  switch (template.connector) {
    case 'okta':
      return oktaConnector({ orgUrl: required(value('orgUrl'), 'orgUrl'), apiToken: required(secret('apiToken'), 'apiToken') }, context);
    case 'microsoftGraph':
      return microsoftGraphConnector(
        {
          tenantId: required(value('tenantId'), 'tenantId'),
          clientId: required(value('clientId'), 'clientId'),
          clientSecret: required(secret('clientSecret'), 'clientSecret'),
          authorityUrl: value('authorityUrl')!,
          graphUrl: value('graphUrl')!,
        },
        context,
      );
    default:
      throw new UpstreamError(`${integration.templateKey} integrations have no directory to sync`);
  }
}

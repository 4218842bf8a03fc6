// OAuth clients are OIDC_CLIENT_CREDENTIALS integrations: the client ID is
// Integration.clientId, the secret's SHA-256 is Integration.clientSecretHash. Looked up
// with the root client: a client ID is globally unique and names its organization.
import { constantTimeEqual, sha256 } from '../domain/secrets.ts';
import { findTemplate } from '../domain/templates.ts';
import type { Integration, Organization, PrismaClient } from '../generated/prisma/client.ts';

/** Longer client IDs or secrets are not ours; refused without a database lookup. */
export const MAX_CREDENTIAL_LENGTH = 200;

export function isOAuthClientTemplate(templateKey: string): boolean {
  return findTemplate(templateKey)?.oauthClient === true;
}

export type ClientAuthFailure =
  | 'unknown_client'
  | 'not_an_oauth_client'
  | 'no_secret'
  | 'wrong_secret'
  | 'integration_disabled'
  | 'feature_disabled';

export type ClientAuthResult =
  | { ok: true; integration: Integration & { organization: Organization } }
  | { ok: false; reason: ClientAuthFailure };

/**
 * Checks a client ID and secret. Every failure answers the caller the same
 * (invalid_client); the reason is only for the server's log.
 */
export async function authenticateClient(prisma: PrismaClient, clientId: string, secret: string): Promise<ClientAuthResult> {
  const presentedHash = sha256(secret);
  const integration =
    clientId.length <= MAX_CREDENTIAL_LENGTH && secret.length <= MAX_CREDENTIAL_LENGTH
      ? await prisma.integration.findUnique({ where: { clientId }, include: { organization: true } })
      : null;
  // Compared even without a stored hash, so timing tells little about which check failed.
  const matches = constantTimeEqual(presentedHash, integration?.clientSecretHash ?? sha256(''));
  if (!integration) return { ok: false, reason: 'unknown_client' };
  if (!isOAuthClientTemplate(integration.templateKey)) return { ok: false, reason: 'not_an_oauth_client' };
  if (!integration.clientSecretHash) return { ok: false, reason: 'no_secret' };
  if (!matches) return { ok: false, reason: 'wrong_secret' };
  if (integration.status !== 'ACTIVE') return { ok: false, reason: 'integration_disabled' };
  if (!integration.organization.features.includes('INTEGRATIONS_ECOSYSTEM')) return { ok: false, reason: 'feature_disabled' };
  return { ok: true, integration };
}

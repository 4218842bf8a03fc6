// Who is calling: the caller every request, stream and operation is answered for.
import type { ApiKey, Organization } from '../generated/prisma/client.ts';

export interface Viewer {
  organization: Organization;
  /** The key used, or null for an OAuth Bearer token caller. */
  apiKey: ApiKey | null;
  /** The OIDC integration whose client obtained the Bearer token, if any. */
  integrationId: string | null;
  /** When the credential stops working on its own (an API key's expiresAt, a token's exp), if ever. */
  expiresAt: Date | null;
}

/** The credential a rate limit counts against: one API key, or one OAuth client. */
export function rateLimitKey(viewer: Viewer): string {
  return viewer.apiKey ? `key:${viewer.apiKey.id}` : `client:${viewer.integrationId}`;
}

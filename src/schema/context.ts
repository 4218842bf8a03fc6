// What every resolver knows about the request: who is calling and the data access
// scoped to their organization.
import type { PrismaClient, ApiKey, Organization } from '../generated/prisma/client.ts';
import type { TenantClient } from '../db/tenant.ts';

export interface Viewer {
  organization: Organization;
  /** The key used, or null for an OAuth Bearer token caller. */
  apiKey: ApiKey | null;
  /** The OIDC integration whose client obtained the Bearer token, if any. */
  integrationId: string | null;
}

export interface Context {
  viewer: Viewer;
  /** Every query through this client is scoped to the viewer's organization. */
  db: TenantClient;
  /** Unscoped; only for lookups that are not an organization's rows. */
  prisma: PrismaClient;
}

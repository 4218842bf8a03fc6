// OAuth clients are OIDC_CLIENT_CREDENTIALS integrations: the client ID is
// Integration.clientId; its live secrets (the current one, and any still in a rotation's
// overlap) are ClientSecret rows, kept as SHA-256 (src/domain/client-secrets.ts). Looked
// up with the root client: a client ID is globally unique and names its organization.
//
// Refusing takes the same work whether or not the client ID is known
// (README: "OAuth", "Brute-force protection"): one statement that always returns exactly
// one row (the integration by client ID, its organization by primary key and its live
// secrets' hashes, left-joined to a constant row, so an unknown ID gives the same row of
// NULLs and still probes the organization and client secret indexes, with IDs that name
// none), the presented secret hashed, and a constant-time comparison against each live
// secret's hash, or a fixed dummy hash when there is none. Which check failed is decided
// only after all of that, in memory. (Prisma's `include` ran the organization's query only
// when the integration existed, and decoded a whole row only then: that made a known
// client slower to refuse.)
import { LAST_USED_PRECISION_MS } from '../domain/api-keys.ts';
import { constantTimeEqual, randomToken, sha256 } from '../domain/secrets.ts';
import { findTemplate } from '../domain/templates.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Longer client IDs or secrets are not ours; refused without a database lookup (whoever the ID names). */
const MAX_CREDENTIAL_LENGTH = 200;

/**
 * Compared against when there is no stored hash (unknown client, or no secret yet): a
 * SHA-256 like a stored one, of a random value nobody knows, so nothing matches it.
 */
const DUMMY_SECRET_HASH = sha256(`no secret: ${randomToken(32)}`);

/** Looked up in place of an unknown client's organization and secrets: well-formed IDs nothing has. */
const NO_ORGANIZATION_ID = 'org_00000000000000000000000000';
const NO_INTEGRATION_ID = 'int_00000000000000000000000000';

export function isOAuthClientTemplate(templateKey: string): boolean {
  return findTemplate(templateKey)?.oauthClient === true;
}

export type ClientAuthFailure = 'unknown_client' | 'not_an_oauth_client' | 'no_secret' | 'wrong_secret' | 'integration_disabled' | 'feature_disabled';

/** An authenticated client: what the token endpoint puts in an access token. */
export interface AuthenticatedClient {
  integrationId: string;
  organizationId: string;
  clientId: string;
}

export type ClientAuthResult =
  | { ok: true; client: AuthenticatedClient }
  /** `integrationId` when the client ID named an integration: what a log line may say about the client. */
  | { ok: false; reason: ClientAuthFailure; integrationId?: string };

/** The one row of the lookup: all NULL but `ecosystem` (false) for an unknown client ID. */
interface ClientRow {
  integrationId: string | null;
  organizationId: string | null;
  clientId: string | null;
  templateKey: string | null;
  status: string | null;
  /** The live secrets' IDs and hashes, in the same order; null when there are none. */
  secretIds: string[] | null;
  secretHashes: string[] | null;
  organizationFound: boolean;
  ecosystem: boolean;
}

function lookUpClient(prisma: PrismaClient, clientId: string, now: Date): Promise<ClientRow[]> {
  return prisma.$queryRaw<ClientRow[]>`
    SELECT i."id" AS "integrationId", i."organizationId", i."clientId", i."templateKey", i."status"::text AS "status",
           s."ids" AS "secretIds", s."hashes" AS "secretHashes", (o."id" IS NOT NULL) AS "organizationFound",
           COALESCE('INTEGRATIONS_ECOSYSTEM' = ANY (o."features"), false) AS "ecosystem"
    FROM (VALUES (1)) AS one
    LEFT JOIN "Integration" i ON i."clientId" = ${clientId}
    LEFT JOIN "Organization" o ON o."id" = COALESCE(i."organizationId", ${NO_ORGANIZATION_ID})
    LEFT JOIN LATERAL (
      SELECT array_agg(cs."id" ORDER BY cs."id") AS "ids", array_agg(cs."secretHash" ORDER BY cs."id") AS "hashes"
      FROM "ClientSecret" cs
      WHERE cs."integrationId" = COALESCE(i."id", ${NO_INTEGRATION_ID}) AND (cs."expiresAt" IS NULL OR cs."expiresAt" > ${now})
    ) s ON true`;
}

/** The live secret the presented hash is, if any: every hash is compared, so the time taken does not say which. */
function matchingSecret(row: ClientRow | undefined, presentedHash: string): string | undefined {
  const hashes = row?.secretHashes?.length ? row.secretHashes : [DUMMY_SECRET_HASH];
  let matched: string | undefined;
  hashes.forEach((hash, i) => {
    if (constantTimeEqual(presentedHash, hash) && row?.secretIds) matched = row.secretIds[i];
  });
  return matched;
}

/** lastUsedAt kept to the minute, like an API key's: a conditional write, once per minute, not awaited. */
function markUsed(prisma: PrismaClient, secretId: string, now: Date): void {
  const threshold = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  prisma.clientSecret
    .updateMany({ where: { id: secretId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: threshold } }] }, data: { lastUsedAt: now } })
    .catch(() => {});
}

/**
 * Checks a client ID and secret. Every failure answers the caller the same
 * (invalid_client); the reason is only for the server's log.
 */
export async function authenticateClient(prisma: PrismaClient, clientId: string, secret: string): Promise<ClientAuthResult> {
  const presentedHash = sha256(secret);
  const now = new Date();
  const lookUp = clientId.length <= MAX_CREDENTIAL_LENGTH && secret.length <= MAX_CREDENTIAL_LENGTH;
  const row = lookUp ? (await lookUpClient(prisma, clientId, now))[0] : undefined;
  const secretId = matchingSecret(row, presentedHash);

  if (!row?.integrationId || !row.organizationId || !row.clientId || !row.organizationFound) return { ok: false, reason: 'unknown_client' };
  const integrationId = row.integrationId;
  if (!isOAuthClientTemplate(row.templateKey ?? '')) return { ok: false, reason: 'not_an_oauth_client', integrationId };
  if (!row.secretHashes?.length) return { ok: false, reason: 'no_secret', integrationId };
  if (!secretId) return { ok: false, reason: 'wrong_secret', integrationId };
  if (row.status !== 'ACTIVE') return { ok: false, reason: 'integration_disabled', integrationId };
  if (!row.ecosystem) return { ok: false, reason: 'feature_disabled', integrationId };
  markUsed(prisma, secretId, now);
  return { ok: true, client: { integrationId, organizationId: row.organizationId, clientId: row.clientId } };
}

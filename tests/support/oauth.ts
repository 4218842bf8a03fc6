// OAuth test helpers: an OIDC client made through the API, raw token requests (for the
// error cases a client library would hide), Bearer GraphQL calls, and a throwaway
// database for the in-process tests of the signing keys.
import { PrismaPg } from '@prisma/adapter-pg';
import { gql } from 'graphql-request';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { expect } from 'vitest';
import { createPGlite } from '../../src/db/embedded.ts';
import { applyPendingMigrations } from '../../src/db/schema-engine.ts';
import { PrismaClient } from '../../src/generated/prisma/client.ts';
import { type TestOrg, graphqlUrl, serverUrl } from './api.ts';
import { createDatabase } from './databases.ts';

export const tokenUrl = `${serverUrl}/oauth/token`;

export interface OAuthClient {
  integrationId: string;
  clientId: string;
  clientSecret: string;
}

const CREATE_WORKFLOW = gql`
  mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } userErrors { code message } } }
`;
const CREATE_INTEGRATION = gql`
  mutation ($input: CreateIntegrationInput!) {
    createIntegration(input: $input) { integration { id clientId } userErrors { code message field } }
  }
`;
const GENERATE_SECRET = gql`
  mutation ($input: GenerateClientSecretInput!) {
    generateClientSecret(input: $input) { clientSecret integration { id clientSecret { lastFour } } userErrors { code message } }
  }
`;
const UPDATE_INTEGRATION = gql`
  mutation ($input: UpdateIntegrationInput!) { updateIntegration(input: $input) { integration { id status } userErrors { code message } } }
`;
const DELETE_INTEGRATION = gql`
  mutation ($input: DeleteIntegrationInput!) { deleteIntegration(input: $input) { deletedIntegrationId userErrors { code message } } }
`;

/** A workflow, an OIDC_CLIENT_CREDENTIALS integration linked to it, and its first client secret. */
export async function createOAuthClient(org: Pick<TestOrg, 'client'>, name = 'Partner client'): Promise<OAuthClient> {
  const { createWorkflow } = await org.client.request<any>(CREATE_WORKFLOW, { input: { name: `${name} flow`, steps: ['DOCUMENT', 'SELFIE'] } });
  expect(createWorkflow.userErrors).toEqual([]);
  const { createIntegration } = await org.client.request<any>(CREATE_INTEGRATION, {
    input: { templateKey: 'OIDC_CLIENT_CREDENTIALS', name, workflowId: createWorkflow.workflow.id },
  });
  expect(createIntegration.userErrors).toEqual([]);
  const { id, clientId } = createIntegration.integration;
  expect(clientId).toMatch(/^icid_/);
  return { integrationId: id, clientId, clientSecret: await generateClientSecret(org, id) };
}

export async function generateClientSecret(org: Pick<TestOrg, 'client'>, integrationId: string): Promise<string> {
  const { generateClientSecret } = await org.client.request<any>(GENERATE_SECRET, { input: { integrationId } });
  expect(generateClientSecret.userErrors).toEqual([]);
  expect(generateClientSecret.clientSecret).toMatch(/^icsec_/);
  return generateClientSecret.clientSecret;
}

export async function setIntegrationStatus(org: TestOrg, id: string, status: 'ACTIVE' | 'DISABLED') {
  const { updateIntegration } = await org.client.request<any>(UPDATE_INTEGRATION, { input: { id, status } });
  expect(updateIntegration.userErrors).toEqual([]);
  expect(updateIntegration.integration.status).toBe(status);
}

export async function deleteIntegration(org: TestOrg, id: string) {
  const { deleteIntegration } = await org.client.request<any>(DELETE_INTEGRATION, { input: { id } });
  expect(deleteIntegration.userErrors).toEqual([]);
}

/** HTTP Basic credentials the RFC 6749 §2.3.1 way: each part form-urlencoded first. */
export function basic(clientId: string, secret: string): string {
  const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  json: any;
}

/**
 * A raw POST to the token endpoint (the suite's server, or `init.baseUrl`'s, e.g. an
 * isolated server's); a Record body is form-encoded.
 */
export async function tokenRequest(
  body: Record<string, string> | string,
  headers: Record<string, string> = {},
  init: { method?: string; baseUrl?: string } = {},
): Promise<RawResponse> {
  const response = await fetch(init.baseUrl ? `${init.baseUrl}/oauth/token` : tokenUrl, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: init.method === 'GET' ? undefined : typeof body === 'string' ? body : new URLSearchParams(body).toString(),
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json };
}

/** A token for the client by client_secret_post, asserting success. */
export async function obtainToken(client: OAuthClient, headers: Record<string, string> = {}, init: { baseUrl?: string } = {}): Promise<string> {
  const response = await tokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }, headers, init);
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  return response.json.access_token;
}

/** A GraphQL POST with a Bearer token; status and body as they came. */
export async function bearerGraphQL(token: string, query: string, variables?: object) {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, json: (await response.json()) as any };
}

export async function expectUnauthenticated(token: string) {
  const { status, json } = await bearerGraphQL(token, '{ viewer { organization { id } } }');
  expect(status).toBe(401);
  expect(json.data ?? null).toBeNull();
  expect(json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
}

export interface ScratchDatabase {
  prisma: PrismaClient;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database of the project's storage kind, for tests that run our
 * modules in-process (several "instances" sharing it): an in-memory PGlite, or a new
 * database on TEST_DATABASE_URL's server, dropped on close.
 */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  if (process.env.TEST_STORAGE === 'postgres' && process.env.TEST_DATABASE_URL) {
    const database = await createDatabase(process.env.TEST_DATABASE_URL, 'oauth_scratch');
    await applyPendingMigrations(new PrismaPg({ connectionString: database.url }));
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 5 }) });
    return {
      prisma,
      async close() {
        await prisma.$disconnect();
        await database.drop();
      },
    };
  }
  const pglite = createPGlite(); // with pg_trgm, which the migrations create
  await applyPendingMigrations(new PrismaPGlite(pglite));
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

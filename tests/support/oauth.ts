// OAuth and raw-HTTP test helpers, on top of ./kit.ts: Bearer callers, raw token requests
// (for the error cases a client library would hide), fetch answers read as GraphQL
// answers (GET requests, response headers), typed integration changes, and a throwaway
// database for the in-process tests of the signing keys. An OIDC client is made by the
// kit's seed chain: `org.oidcClient({ name })`.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { expect } from 'vitest';
import { createPGlite } from '../../src/db/embedded.ts';
import { applyPendingMigrations } from '../../src/db/schema-engine.ts';
import { PrismaClient } from '../../src/generated/prisma/client.ts';
import { serverUrl } from './api.ts';
import { createDatabase } from './databases.ts';
import { type Answer, type Caller, type GraphQLErrorJSON, type IntegrationStatus, type OidcClient, graphql, mutateOk, present, send } from './kit.ts';

export const tokenUrl = `${serverUrl}/oauth/token`;

/** What a token request needs of an OIDC client (the kit's OidcClient has more). */
export type OAuthClient = Pick<OidcClient, 'integrationId' | 'clientId' | 'clientSecret'>;

const GENERATE_SECRET = graphql(`
  mutation OAuthSupportGenerateSecret($input: GenerateClientSecretInput!) {
    generateClientSecret(input: $input) {
      clientSecret
      integration {
        id
        clientSecret {
          lastFour
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const UPDATE_INTEGRATION = graphql(`
  mutation OAuthSupportUpdateIntegration($input: UpdateIntegrationInput!) {
    updateIntegration(input: $input) {
      integration {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const DELETE_INTEGRATION = graphql(`
  mutation OAuthSupportDeleteIntegration($input: DeleteIntegrationInput!) {
    deleteIntegration(input: $input) {
      deletedIntegrationId
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const VIEWER = graphql(`
  query OAuthSupportViewer {
    viewer {
      organization {
        id
      }
    }
  }
`);

// ---------------------------------------------------------------------------------------
// Callers and answers

/** A caller with a Bearer token (an OAuth access token), on the suite's server unless told. */
export function bearer(token: string, graphqlUrl?: string): Caller {
  return { headers: { authorization: `Bearer ${token}` }, ...(graphqlUrl ? { graphqlUrl } : {}) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses JSON text; undefined when it is none. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A fetch() response read as a GraphQL answer (the kit's Answer), for requests send()
 * cannot make: GET, other methods, response headers, another server's URL.
 */
export async function readAnswer(response: Response): Promise<Answer<unknown>> {
  const text = await response.text();
  const body = parseJson(text);
  // The body's shape is the server's promise (GraphQL over HTTP); the tests check it.
  const parts = (isObject(body) ? body : {}) as { data?: unknown; errors?: GraphQLErrorJSON[]; extensions?: Record<string, unknown> };
  return { status: response.status, text, data: parts.data, errors: parts.errors, extensions: parts.extensions };
}

/** The first top-level error's code (undefined when there is none). */
export function firstCode(answer: Answer<unknown>): string | undefined {
  return answer.errors?.[0]?.extensions?.code;
}

// ---------------------------------------------------------------------------------------
// Integrations

/** A new client secret (the previous one stops working); asserts success. */
export async function generateClientSecret(caller: Caller, integrationId: string): Promise<string> {
  const { clientSecret } = await mutateOk(caller, GENERATE_SECRET, { integrationId });
  expect(clientSecret).toMatch(/^icsec_/);
  return clientSecret;
}

export async function setIntegrationStatus(caller: Caller, id: string, status: IntegrationStatus) {
  const { integration } = await mutateOk(caller, UPDATE_INTEGRATION, { id, status });
  expect(integration.status).toBe(status);
}

export async function deleteIntegration(caller: Caller, id: string) {
  await mutateOk(caller, DELETE_INTEGRATION, { id });
}

// ---------------------------------------------------------------------------------------
// The token endpoint

/** HTTP Basic credentials the RFC 6749 §2.3.1 way: each part form-urlencoded first. */
export function basic(clientId: string, secret: string): string {
  const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

/** A token endpoint's JSON body: RFC 6749 §5.1 on success, §5.2 on error. */
export interface TokenBody {
  access_token?: string;
  token_type?: string;
  expires_in?: number;
  scope?: string;
  error?: string;
  error_description?: string;
}

export interface TokenResponse {
  status: number;
  headers: Headers;
  /** The body as it came. */
  text: string;
  /** The body parsed, when it is a JSON object (the tests check the fields they read). */
  json: TokenBody | undefined;
}

/**
 * A raw POST to the token endpoint (the suite's server, or `init.baseUrl`'s, e.g. an
 * isolated server's); a Record body is form-encoded.
 */
export async function tokenRequest(
  body: Record<string, string> | string,
  headers: Record<string, string> = {},
  init: { method?: string; baseUrl?: string } = {},
): Promise<TokenResponse> {
  const response = await fetch(init.baseUrl ? `${init.baseUrl}/oauth/token` : tokenUrl, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: init.method === 'GET' ? undefined : typeof body === 'string' ? body : new URLSearchParams(body).toString(),
  });
  const text = await response.text();
  const parsed = parseJson(text);
  return { status: response.status, headers: response.headers, text, json: isObject(parsed) ? parsed : undefined };
}

/** A token for the client by client_secret_post, asserting success. */
export async function obtainToken(client: OAuthClient, headers: Record<string, string> = {}, init: { baseUrl?: string } = {}): Promise<string> {
  const response = await tokenRequest(
    { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret },
    headers,
    init,
  );
  expect(response.status, response.text).toBe(200);
  expect(response.json?.access_token, response.text).toEqual(expect.any(String));
  return present(response.json?.access_token, 'access_token');
}

/** A Bearer token /graphql refuses: 401, no data, UNAUTHENTICATED. */
export async function expectUnauthenticated(token: string) {
  const answer = await send(bearer(token), VIEWER);
  expect(answer.status, answer.text).toBe(401);
  expect(answer.data ?? null).toBeNull();
  expect(firstCode(answer)).toBe('UNAUTHENTICATED');
}

// ---------------------------------------------------------------------------------------
// In-process

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

// Talking to the test server as a partner script would: graphql-request with an API key,
// and raw POSTs. The typed way for test files is ./kit.ts (execute, testOrg, fixtures).
import { ClientError, GraphQLClient } from 'graphql-request';
import { expect, inject } from 'vitest';
import { runAdmin } from './process.ts';

export const serverUrl = inject('serverUrl');
export const graphqlUrl = `${serverUrl}/graphql`;
export const storageEnv = inject('storageEnv');

export interface TestOrg {
  id: string;
  name: string;
  apiKey: string;
  /** The /graphql URL of the server the organization lives on. */
  graphqlUrl: string;
  client: GraphQLClient;
}

export function clientFor(apiKey: string | undefined, url = graphqlUrl): GraphQLClient {
  return new GraphQLClient(url, { headers: apiKey ? { 'x-api-key': apiKey } : {} });
}

export interface CreateOrgOptions {
  /** false: made with --disable-integrations (no INTEGRATIONS_ECOSYSTEM). */
  integrations?: boolean;
  /** Another server than the suite's (tests/support/isolated-server.ts): its storage and URL. */
  server?: { storageEnv: Record<string, string>; graphqlUrl: string };
}

/** A new organization with its first API key, made by the admin command. */
export async function createOrg(name = `Org ${Math.random().toString(36).slice(2, 8)}`, options: CreateOrgOptions = {}): Promise<TestOrg> {
  const args = ['create-org', '--name', name, '--json'];
  if (options.integrations === false) args.push('--disable-integrations');
  const result = await runAdmin(args, options.server?.storageEnv ?? storageEnv);
  expect(result.code, result.stderr).toBe(0);
  const parsed = JSON.parse(result.stdout) as { organization: { id: string; name: string }; apiKey: string };
  const url = options.server?.graphqlUrl ?? graphqlUrl;
  return { ...parsed.organization, apiKey: parsed.apiKey, graphqlUrl: url, client: clientFor(parsed.apiKey, url) };
}

export async function setFeature(orgId: string, enabled: boolean) {
  const result = await runAdmin(['set-feature', '--org', orgId, '--feature', 'INTEGRATIONS_ECOSYSTEM', '--enabled', String(enabled)], storageEnv);
  expect(result.code, result.stderr).toBe(0);
}

/** Runs an operation that must fail at the top level; returns the errors. */
export async function expectGraphQLErrors(promise: Promise<unknown>, code: string): Promise<ClientError['response']> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    expect(error.response.errors?.map((e) => e.extensions?.code)).toContain(code);
    return error.response;
  }
  throw new Error(`expected a GraphQL error with code ${code}, got success`);
}

/**
 * A raw POST, for status codes and bodies graphql-request would hide. `json` is the parsed
 * body, untyped for the test files that still read `post(…).json.data.…` directly; on
 * ./kit.ts, send()/sendRaw() type it. Make it `unknown` once the last of them is converted.
 */
export async function post(body: string | object, headers: Record<string, string> = {}, url = graphqlUrl) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

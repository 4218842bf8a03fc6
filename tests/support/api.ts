// Talking to the test server as a partner script would: graphql-request with an API key.
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
  client: GraphQLClient;
}

export function clientFor(apiKey: string | undefined): GraphQLClient {
  return new GraphQLClient(graphqlUrl, { headers: apiKey ? { 'x-api-key': apiKey } : {} });
}

/** A new organization with its first API key, made by the admin command. */
export async function createOrg(name = `Org ${Math.random().toString(36).slice(2, 8)}`, options: { integrations?: boolean } = {}): Promise<TestOrg> {
  const args = ['create-org', '--name', name, '--json'];
  if (options.integrations === false) args.push('--disable-integrations');
  const result = await runAdmin(args, storageEnv);
  expect(result.code, result.stderr).toBe(0);
  const parsed = JSON.parse(result.stdout) as { organization: { id: string; name: string }; apiKey: string };
  return { ...parsed.organization, apiKey: parsed.apiKey, client: clientFor(parsed.apiKey) };
}

export async function setFeature(orgId: string, enabled: boolean) {
  const result = await runAdmin(['set-feature', '--org', orgId, '--feature', 'INTEGRATIONS_ECOSYSTEM', '--enabled', String(enabled)], storageEnv);
  expect(result.code, result.stderr).toBe(0);
}

/** Runs an operation that must fail at the top level; returns the errors. */
export async function expectGraphQLErrors(
  promise: Promise<unknown>,
  code: string,
): Promise<ClientError['response']> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    expect(error.response.errors?.map((e) => e.extensions?.code)).toContain(code);
    return error.response;
  }
  throw new Error(`expected a GraphQL error with code ${code}, got success`);
}

/** A raw POST, for status codes and bodies graphql-request would hide. */
export async function post(body: string | object, headers: Record<string, string> = {}) {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

// Directory sync through the API, as a dashboard or partner script drives it: directory
// integrations pointed at the loopback stand-ins, syncs polled until they settle (with a
// deadline, never a fixed wait), users listed page by page.
import { setTimeout as sleep } from 'node:timers/promises';
import { type GraphQLClient, gql } from 'graphql-request';
import { expect } from 'vitest';
import type { GraphStandIn } from './standins/microsoft-graph.ts';
import type { OktaStandIn } from './standins/okta.ts';

export const SYNC_FIELDS = 'id status processed total created updated deactivated error startedAt finishedAt';
export const USER_FIELDS = 'id externalId email userPrincipalName employeeId displayName active enrollmentStatus';

export interface Sync {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  processed: number;
  total: number | null;
  created: number;
  updated: number;
  deactivated: number;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface DirectoryUser {
  id: string;
  externalId: string;
  email: string | null;
  userPrincipalName: string | null;
  employeeId: string | null;
  displayName: string | null;
  active: boolean;
  enrollmentStatus: 'NOT_ENROLLED' | 'PENDING' | 'ENROLLED' | 'FAILED';
}

export interface UserError {
  field: string[] | null;
  code: string;
  message: string;
}

export const TERMINAL = ['SUCCEEDED', 'FAILED'];

type Client = { client: GraphQLClient };

const CREATE_INTEGRATION = gql`
  mutation ($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      integration { id directory { userCount lastSync { ${SYNC_FIELDS} } } }
      userErrors { field code message }
    }
  }
`;
const START_SYNC = gql`
  mutation ($input: StartDirectorySyncInput!) {
    startDirectorySync(input: $input) { sync { ${SYNC_FIELDS} } userErrors { field code message } }
  }
`;
const SYNC = gql`query ($id: ID!) { node(id: $id) { ... on DirectorySync { ${SYNC_FIELDS} } } }`;
const DIRECTORY = gql`
  query ($id: ID!) { integration(id: $id) { id directory { userCount lastSync { ${SYNC_FIELDS} } } } }
`;
const USERS = gql`
  query ($integrationId: ID!, $first: Int, $after: String, $filter: DirectoryUserFilter) {
    directoryUsers(integrationId: $integrationId, first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ${USER_FIELDS} } }
    }
  }
`;
const CREATE_WORKFLOW = gql`
  mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } userErrors { code message } } }
`;

export interface DirectoryIntegration {
  id: string;
  /** The sync queued with the integration. */
  firstSync: Sync;
}

async function createDirectoryIntegration(org: Client, templateKey: string, name: string, config: object): Promise<DirectoryIntegration> {
  const { createIntegration } = await org.client.request<any>(CREATE_INTEGRATION, { input: { templateKey, name, config } });
  expect(createIntegration.userErrors).toEqual([]);
  const { id, directory } = createIntegration.integration;
  expect(directory.lastSync, 'creating a directory integration queues its first sync').not.toBeNull();
  return { id, firstSync: directory.lastSync };
}

export function createOktaIntegration(org: Client, okta: OktaStandIn, options: { apiToken?: string; orgUrl?: string; name?: string } = {}) {
  return createDirectoryIntegration(org, 'OKTA', options.name ?? 'Okta', {
    orgUrl: options.orgUrl ?? okta.url,
    apiToken: options.apiToken ?? okta.token,
  });
}

export function createEntraIntegration(org: Client, graph: GraphStandIn, options: { clientSecret?: string; name?: string } = {}) {
  return createDirectoryIntegration(org, 'MICROSOFT_ENTRA', options.name ?? 'Entra', {
    tenantId: graph.tenantId,
    clientId: graph.clientId,
    clientSecret: options.clientSecret ?? graph.clientSecret,
    authorityUrl: graph.url,
    graphUrl: graph.url,
  });
}

/** A workflow and an API integration linked to it: something that starts sessions. */
export async function createApiIntegration(org: Client, name = 'API'): Promise<string> {
  const { createWorkflow } = await org.client.request<any>(CREATE_WORKFLOW, { input: { name: `${name} flow`, steps: ['DOCUMENT', 'SELFIE'] } });
  expect(createWorkflow.userErrors).toEqual([]);
  const { createIntegration } = await org.client.request<any>(gql`
    mutation ($input: CreateIntegrationInput!) { createIntegration(input: $input) { integration { id } userErrors { code message } } }
  `, { input: { templateKey: 'API', name, workflowId: createWorkflow.workflow.id } });
  expect(createIntegration.userErrors).toEqual([]);
  return createIntegration.integration.id;
}

export async function startSync(org: Client, integrationId: string): Promise<{ sync: Sync | null; userErrors: UserError[] }> {
  return (await org.client.request<any>(START_SYNC, { input: { integrationId } })).startDirectorySync;
}

export async function getSync(org: Client, id: string): Promise<Sync> {
  const { node } = await org.client.request<any>(SYNC, { id });
  expect(node, `sync ${id}`).not.toBeNull();
  return node;
}

export async function getDirectory(org: Client, integrationId: string): Promise<{ userCount: number; lastSync: Sync | null }> {
  return (await org.client.request<any>(DIRECTORY, { id: integrationId })).integration.directory;
}

/** Polls `check` until it returns a value other than undefined, or fails at the deadline. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000, intervalMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(intervalMs);
  }
}

/** Polls a sync until `until` holds (by default: until it finished, either way). */
export function waitForSync(org: Client, syncId: string, until: (sync: Sync) => boolean = (s) => TERMINAL.includes(s.status), timeoutMs = 60_000): Promise<Sync> {
  let last: Sync | undefined;
  return eventually(
    `sync ${syncId} (last seen ${JSON.stringify(last)})`,
    async () => {
      last = await getSync(org, syncId);
      return until(last) ? last : undefined;
    },
    timeoutMs,
  );
}

export interface UserPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: DirectoryUser }[];
}

export async function directoryUsers(
  org: Client,
  integrationId: string,
  args: { first?: number; after?: string | null; filter?: object } = {},
): Promise<UserPage> {
  return (await org.client.request<any>(USERS, { integrationId, ...args })).directoryUsers;
}

/** Every directory user matching `filter`, read in pages of 100. */
export async function allDirectoryUsers(org: Client, integrationId: string, filter?: object): Promise<DirectoryUser[]> {
  const users: DirectoryUser[] = [];
  let after: string | null = null;
  for (;;) {
    const page: UserPage = await directoryUsers(org, integrationId, { first: 100, after, filter });
    users.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return users;
    after = page.pageInfo.endCursor;
  }
}

export function byExternalId(users: DirectoryUser[]): Map<string, DirectoryUser> {
  return new Map(users.map((u) => [u.externalId, u]));
}

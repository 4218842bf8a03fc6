// Directory sync through the API, as a dashboard or partner script drives it: directory
// integrations pointed at the loopback stand-ins, syncs polled until they settle (with a
// deadline, never a fixed wait), users listed page by page. Typed documents of ./kit.ts;
// a caller is anything kit's execute() takes (an Org, or `{ apiKey, graphqlUrl }` for a
// server of a test's own).
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import type {
  DirectorySyncFieldsFragment,
  DirectorySyncKind,
  DirectorySyncStatus,
  DirectoryUserFieldsFragment,
  DirectoryUserFilter,
  DirectoryUsersPageQuery,
} from '../generated/graphql.ts';
import { type Caller, execute, graphql, mutate, mutateOk, nodes, present } from './kit.ts';
import type { GraphStandIn } from './standins/microsoft-graph.ts';
import type { OktaStandIn } from './standins/okta.ts';

graphql(`
  fragment DirectorySyncFields on DirectorySync {
    id
    status
    kind
    trigger
    processed
    total
    created
    updated
    deactivated
    groups
    deactivationBlocked
    error
    startedAt
    finishedAt
  }
`);
graphql(`
  fragment DirectoryUserFields on DirectoryUser {
    id
    externalId
    email
    userPrincipalName
    employeeId
    displayName
    active
    enrollmentStatus
  }
`);

/** A sync as its fields read (`...DirectorySyncFields`). */
export type Sync = DirectorySyncFieldsFragment;
/** A directory user as its fields read (`...DirectoryUserFields`). */
export type DirectoryUser = DirectoryUserFieldsFragment;
export type UserPage = DirectoryUsersPageQuery['directoryUsers'];

export const TERMINAL: readonly DirectorySyncStatus[] = ['SUCCEEDED', 'FAILED'];

const CREATE_INTEGRATION = graphql(`
  mutation DirectoryCreateIntegration($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      integration {
        id
        directory {
          userCount
          lastSync {
            ...DirectorySyncFields
          }
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
export const START_SYNC = graphql(`
  mutation DirectoryStartSync($input: StartDirectorySyncInput!) {
    startDirectorySync(input: $input) {
      sync {
        ...DirectorySyncFields
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const SYNC = graphql(`
  query DirectorySyncNode($id: ID!) {
    node(id: $id) {
      __typename
      ... on DirectorySync {
        ...DirectorySyncFields
      }
    }
  }
`);
const DIRECTORY = graphql(`
  query DirectoryOfIntegration($id: ID!) {
    integration(id: $id) {
      id
      status
      directory {
        userCount
        nextSyncAt
        lastSync {
          ...DirectorySyncFields
        }
      }
    }
  }
`);
export const DIRECTORY_USERS = graphql(`
  query DirectoryUsersPage($integrationId: ID!, $first: Int, $after: String, $filter: DirectoryUserFilter) {
    directoryUsers(integrationId: $integrationId, first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...DirectoryUserFields
        }
      }
    }
  }
`);
const CREATE_WORKFLOW = graphql(`
  mutation DirectoryCreateWorkflow($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      workflow {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const CREATE_API_INTEGRATION = graphql(`
  mutation DirectoryCreateApiIntegration($input: CreateIntegrationInput!) {
    createIntegration(input: $input) {
      integration {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export interface DirectoryIntegration {
  id: string;
  /** The sync queued with the integration. */
  firstSync: Sync;
}

/** Any directory integration, exactly as given; asserts it was made and its first sync queued. */
export async function createDirectoryIntegration(org: Caller, templateKey: string, name: string, config: object): Promise<DirectoryIntegration> {
  const { integration } = await mutateOk(org, CREATE_INTEGRATION, { templateKey, name, config });
  const directory = present(integration.directory, 'directory');
  expect(directory.lastSync, 'creating a directory integration queues its first sync').not.toBeNull();
  return { id: integration.id, firstSync: present(directory.lastSync) };
}

export function createOktaIntegration(org: Caller, okta: OktaStandIn, options: { apiToken?: string; name?: string } = {}) {
  return createDirectoryIntegration(org, 'OKTA', options.name ?? 'Okta', { orgUrl: okta.url, apiToken: options.apiToken ?? okta.token });
}

export function createEntraIntegration(org: Caller, graph: GraphStandIn, options: { clientSecret?: string; name?: string } = {}) {
  return createDirectoryIntegration(org, 'MICROSOFT_ENTRA', options.name ?? 'Entra', {
    tenantId: graph.tenantId,
    clientId: graph.clientId,
    clientSecret: options.clientSecret ?? graph.clientSecret,
    authorityUrl: graph.url,
    graphUrl: graph.url,
  });
}

/**
 * A workflow and an API integration linked to it: something that starts sessions. (With a
 * kit Org, `org.apiIntegration({ name })` does the same.)
 */
export async function createApiIntegration(org: Caller, name = 'API'): Promise<string> {
  const { workflow } = await mutateOk(org, CREATE_WORKFLOW, { name: `${name} flow`, steps: ['DOCUMENT', 'SELFIE'] });
  return (await mutateOk(org, CREATE_API_INTEGRATION, { templateKey: 'API', name, workflowId: workflow.id })).integration.id;
}

export function startSync(org: Caller, integrationId: string, options: { kind?: DirectorySyncKind; allowMassDeactivation?: boolean } = {}) {
  return mutate(org, START_SYNC, { integrationId, ...options });
}

/** A sync by ID; null when there is none (or not for this caller). */
export async function findSync(org: Caller, id: string): Promise<Sync | null> {
  const { node } = await execute(org, SYNC, { id });
  if (node === null) return null;
  expect(node.__typename, `node ${id}`).toBe('DirectorySync');
  if (node.__typename !== 'DirectorySync') return null;
  const { __typename, ...sync } = node;
  return sync;
}

/** A sync that must be there. */
export async function getSync(org: Caller, id: string): Promise<Sync> {
  return present(await findSync(org, id), `sync ${id}`);
}

export async function getDirectory(org: Caller, integrationId: string) {
  return present(present((await execute(org, DIRECTORY, { id: integrationId })).integration, `integration ${integrationId}`).directory, 'directory');
}

/**
 * Polls `check` until it returns a value other than undefined, or fails at the deadline
 * (`what` may be a function, read then: say what was seen last).
 */
export async function eventually<T>(
  what: string | (() => string),
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  intervalMs = 150,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}${last ? `: ${String(last)}` : ''}`);
    }
    await sleep(intervalMs);
  }
}

/** Polls a sync until `until` holds (by default: until it finished, either way). */
export function waitForSync(
  org: Caller,
  syncId: string,
  until: (sync: Sync) => boolean = (s) => TERMINAL.includes(s.status),
  timeoutMs = 60_000,
): Promise<Sync> {
  let last: Sync | undefined;
  return eventually(
    () => `sync ${syncId} (last seen ${JSON.stringify(last)})`,
    async () => {
      last = await getSync(org, syncId);
      return until(last) ? last : undefined;
    },
    timeoutMs,
  );
}

export async function directoryUsers(
  org: Caller,
  integrationId: string,
  args: { first?: number; after?: string | null; filter?: DirectoryUserFilter } = {},
): Promise<UserPage> {
  return (await execute(org, DIRECTORY_USERS, { integrationId, ...args })).directoryUsers;
}

/** Every directory user matching `filter`, read in pages of 100. */
export async function allDirectoryUsers(org: Caller, integrationId: string, filter?: DirectoryUserFilter): Promise<DirectoryUser[]> {
  const users: DirectoryUser[] = [];
  let after: string | null = null;
  for (;;) {
    const page: UserPage = await directoryUsers(org, integrationId, { first: 100, after, filter });
    users.push(...nodes(page));
    if (!page.pageInfo.hasNextPage) return users;
    after = page.pageInfo.endCursor;
  }
}

export function byExternalId(users: DirectoryUser[]): Map<string, DirectoryUser> {
  return new Map(users.map((u) => [u.externalId, u]));
}

/** The message and extensions.code of an error a subscription collected (a GraphQL error, or what the transport reported). */
export function errorParts(error: unknown): { message: unknown; code: unknown } {
  if (typeof error !== 'object' || error === null) return { message: undefined, code: undefined };
  const { message, extensions } = error as { message?: unknown; extensions?: unknown };
  const code = typeof extensions === 'object' && extensions !== null ? (extensions as { code?: unknown }).code : undefined;
  return { message, code };
}

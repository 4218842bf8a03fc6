// Relay cursors are tenant-scoped (README: "Decisions"): `after`/`before` built from another
// organization's row ID behave exactly like ones built from an unknown ID, on every
// connection, top-level and nested. An own row's cursor still pages as usual.
//
// The other organization's rows are made both before and after ours, so that a cursor
// resolved across tenants would land on either side of our rows and show up as a page
// that differs from the unknown ID's.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createOktaIntegration, directoryUsers, waitForSync } from './support/directory.ts';
import { type Org, execute, graphql, it, mutateOk, present, testOrg } from './support/kit.ts';
import { type OktaStandIn, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';

/** One set of rows of every kind an organization can list. */
interface Rows {
  apiIntegration: string;
  oktaIntegration: string;
  /** A directory user with completed sessions. */
  directoryUser: string;
}

/** One page of any connection: each connection type's fragment below selects exactly this. */
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}

type PageArgs = { after?: string; before?: string; first?: number; last?: number };

graphql(`
  fragment CursorsPageInfo on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);
graphql(`
  fragment CursorsWorkflowPage on WorkflowConnection {
    totalCount
    pageInfo {
      ...CursorsPageInfo
    }
    edges {
      cursor
      node {
        id
      }
    }
  }
`);
graphql(`
  fragment CursorsIntegrationPage on IntegrationConnection {
    totalCount
    pageInfo {
      ...CursorsPageInfo
    }
    edges {
      cursor
      node {
        id
      }
    }
  }
`);
graphql(`
  fragment CursorsApiKeyPage on ApiKeyConnection {
    totalCount
    pageInfo {
      ...CursorsPageInfo
    }
    edges {
      cursor
      node {
        id
      }
    }
  }
`);
graphql(`
  fragment CursorsDirectoryUserPage on DirectoryUserConnection {
    totalCount
    pageInfo {
      ...CursorsPageInfo
    }
    edges {
      cursor
      node {
        id
      }
    }
  }
`);
graphql(`
  fragment CursorsSessionPage on OnboardingSessionConnection {
    totalCount
    pageInfo {
      ...CursorsPageInfo
    }
    edges {
      cursor
      node {
        id
      }
    }
  }
`);

const WORKFLOWS = graphql(`
  query CursorsWorkflows($after: String, $before: String, $first: Int, $last: Int) {
    c: workflows(after: $after, before: $before, first: $first, last: $last) {
      ...CursorsWorkflowPage
    }
  }
`);
const INTEGRATIONS = graphql(`
  query CursorsIntegrations($after: String, $before: String, $first: Int, $last: Int) {
    c: integrations(after: $after, before: $before, first: $first, last: $last) {
      ...CursorsIntegrationPage
    }
  }
`);
const API_KEYS = graphql(`
  query CursorsApiKeys($after: String, $before: String, $first: Int, $last: Int) {
    c: apiKeys(after: $after, before: $before, first: $first, last: $last) {
      ...CursorsApiKeyPage
    }
  }
`);
const DIRECTORY_USERS = graphql(`
  query CursorsDirectoryUsers($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {
    c: directoryUsers(integrationId: $parent, after: $after, before: $before, first: $first, last: $last) {
      ...CursorsDirectoryUserPage
    }
  }
`);
const INTEGRATION_SESSIONS = graphql(`
  query CursorsIntegrationSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {
    integration(id: $parent) {
      c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {
        ...CursorsSessionPage
      }
    }
  }
`);
const NODE_SESSIONS = graphql(`
  query CursorsNodeSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {
    node(id: $parent) {
      ... on Integration {
        c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {
          ...CursorsSessionPage
        }
      }
    }
  }
`);
const CONNECTION_SESSIONS = graphql(`
  query CursorsConnectionSessions($after: String, $before: String, $first: Int, $last: Int) {
    integrations(first: 100, filter: { templateKey: "API" }) {
      edges {
        node {
          id
          c: onboardingSessions(after: $after, before: $before, first: $first, last: $last) {
            ...CursorsSessionPage
          }
        }
      }
    }
  }
`);
const USER_SESSIONS = graphql(`
  query CursorsUserSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {
    directoryUser(id: $parent) {
      c: completedSessions(after: $after, before: $before, first: $first, last: $last) {
        ...CursorsSessionPage
      }
    }
  }
`);
const USERS_SESSIONS = graphql(`
  query CursorsUsersSessions($parent: ID!, $after: String, $before: String, $first: Int, $last: Int) {
    directoryUsers(integrationId: $parent, filter: { enrollmentStatus: ENROLLED }) {
      edges {
        node {
          c: completedSessions(after: $after, before: $before, first: $first, last: $last) {
            ...CursorsSessionPage
          }
        }
      }
    }
  }
`);

interface Connection {
  name: string;
  /** The ID prefix of the connection's nodes (src/domain/ids.ts). */
  prefix: string;
  /** One page of the connection, for one of the organization's sets of rows (the parent of nested and filtered connections). */
  page: (org: Org, rows: Rows, args: PageArgs) => Promise<Page>;
}

const CONNECTIONS: Connection[] = [
  { name: 'workflows', prefix: 'wf', page: async (org, _rows, args) => (await execute(org, WORKFLOWS, args)).c },
  { name: 'integrations', prefix: 'int', page: async (org, _rows, args) => (await execute(org, INTEGRATIONS, args)).c },
  { name: 'apiKeys', prefix: 'key', page: async (org, _rows, args) => (await execute(org, API_KEYS, args)).c },
  {
    name: 'directoryUsers',
    prefix: 'dus',
    page: async (org, rows, args) => (await execute(org, DIRECTORY_USERS, { parent: rows.oktaIntegration, ...args })).c,
  },
  {
    name: 'integration.onboardingSessions',
    prefix: 'ses',
    page: async (org, rows, args) => present((await execute(org, INTEGRATION_SESSIONS, { parent: rows.apiIntegration, ...args })).integration).c,
  },
  {
    name: 'node(id:) Integration.onboardingSessions',
    prefix: 'ses',
    page: async (org, rows, args) => {
      const node = present((await execute(org, NODE_SESSIONS, { parent: rows.apiIntegration, ...args })).node);
      if (!('c' in node)) throw new Error(`node(id:) is no Integration: ${JSON.stringify(node)}`);
      return node.c;
    },
  },
  {
    name: 'integrations.onboardingSessions (inside a connection)',
    prefix: 'ses',
    page: async (org, rows, args) => {
      const { integrations } = await execute(org, CONNECTION_SESSIONS, args);
      return present(integrations.edges.find((e) => e.node.id === rows.apiIntegration)).node.c;
    },
  },
  {
    name: 'directoryUser.completedSessions',
    prefix: 'ses',
    page: async (org, rows, args) => present((await execute(org, USER_SESSIONS, { parent: rows.directoryUser, ...args })).directoryUser).c,
  },
  {
    name: 'directoryUsers.completedSessions (inside a connection)',
    prefix: 'ses',
    page: async (org, rows, args) => (await execute(org, USERS_SESSIONS, { parent: rows.oktaIntegration, ...args })).directoryUsers.edges[0].node.c,
  },
];

/** The cursor the server hands out for a row ID (checked against real edges below). */
const cursorFor = (id: string) => Buffer.from(`GPC:S:${id}`).toString('base64');

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
/** A well-formed ID no row has: `near`'s type and time, fresh random bits (ULID layout). */
function unknownNear(near: string, prefix: string): string {
  const time = near.slice(prefix.length + 1, prefix.length + 11);
  const random = Array.from({ length: 16 }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('');
  return `${prefix}_${time}${random}`;
}

const page = (org: Org, connection: Connection, rows: Rows, args: PageArgs) => connection.page(org, rows, args);

const ids = (p: Page) => p.edges.map((e) => e.node.id);

let mine: Org;
let theirs: Org;
let okta: OktaStandIn;
let myRows: Rows;
/** Theirs: one set made before ours, one after. */
let theirRows: Rows[];

const GENERATE_KEY = graphql(`
  mutation CursorsGenerateKey($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      apiKey {
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
const COMPLETE = graphql(`
  mutation CursorsComplete($input: CompleteOnboardingSessionInput!) {
    completeOnboardingSession(input: $input) {
      session {
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

/** Two API keys, two workflows, an API and an Okta integration, three synced users, three completed sessions. */
async function addRows(org: Org, tag: string): Promise<Rows> {
  for (const name of [`${tag} key 1`, `${tag} key 2`]) await mutateOk(org, GENERATE_KEY, { name });
  await org.workflow({ name: `${tag} spare`, steps: ['DOCUMENT'] });
  // A workflow of its own and an API integration linked to it.
  const apiWorkflow = await org.workflow({ name: `${tag} API flow`, steps: ['DOCUMENT', 'SELFIE'] });
  const apiIntegration = (await org.apiIntegration({ name: `${tag} API`, workflowId: apiWorkflow.id })).id;
  const { id: oktaIntegration, firstSync } = await createOktaIntegration(org, okta, { name: `${tag} Okta` });
  expect((await waitForSync(org, firstSync.id)).status).toBe('SUCCEEDED');
  const users = await directoryUsers(org, oktaIntegration, { first: 100 });
  expect(users.totalCount).toBe(3);
  const directoryUser = users.edges[0].node.id;
  for (let i = 0; i < 3; i++) {
    const session = await org.session({ integrationId: apiIntegration, directoryUserId: directoryUser, externalUserId: `${tag}-${i}` });
    await mutateOk(org, COMPLETE, { sessionId: session.id, outcome: 'COMPLETED', fullName: `Person ${i}` });
  }
  return { apiIntegration, oktaIntegration, directoryUser };
}

beforeAll(async () => {
  okta = await startOktaStandIn({ users: oktaUsers(3) });
  // In this order, so that each organization's first API key sorts as the rest of its rows.
  theirs = await testOrg({ name: 'Cursors theirs' });
  mine = await testOrg({ name: 'Cursors mine' });
  const older = await addRows(theirs, 'older');
  myRows = await addRows(mine, 'mine');
  const newer = await addRows(theirs, 'newer');
  theirRows = [older, newer];
});

afterAll(async () => {
  await okta?.close();
});

describe('Relay cursors are tenant-scoped', () => {
  for (const connection of CONNECTIONS) {
    it(`${connection.name}: another organization's row ID pages exactly like an unknown ID`, async () => {
      const own = await page(mine, connection, myRows, { first: 100 });
      expect(own.edges.length, 'rows of our own to page through').toBeGreaterThanOrEqual(2);
      for (const edge of own.edges) expect(edge.cursor).toBe(cursorFor(edge.node.id));

      // The other organization's oldest and newest rows of this connection: one before all
      // of ours, one after.
      const foreignIds: string[] = [];
      for (const rows of theirRows) foreignIds.push(...ids(await page(theirs, connection, rows, { first: 100 })));
      foreignIds.sort();
      expect(foreignIds.length).toBeGreaterThanOrEqual(2);
      expect(foreignIds.every((id) => id.startsWith(`${connection.prefix}_`))).toBe(true);
      expect(foreignIds[0] < ids(own).at(-1)! && foreignIds.at(-1)! > ids(own)[0], 'their rows on both sides of ours').toBe(true);
      const unknown = unknownNear(ids(own)[1], connection.prefix);
      expect([...ids(own), ...foreignIds]).not.toContain(unknown);

      for (const foreign of [foreignIds[0], foreignIds.at(-1)!]) {
        for (const args of [
          { after: cursorFor(foreign) },
          { after: cursorFor(foreign), first: 2 },
          { before: cursorFor(foreign) },
          { before: cursorFor(foreign), last: 2 },
        ] as PageArgs[]) {
          const withUnknown = { ...args, ...(args.after ? { after: cursorFor(unknown) } : { before: cursorFor(unknown) }) };
          const expected = await page(mine, connection, myRows, withUnknown);
          const actual = await page(mine, connection, myRows, args);
          expect(actual, `${JSON.stringify(args)} (foreign ${foreign}) vs unknown ${unknown}`).toEqual(expected);
        }
      }
    });

    it(`${connection.name}: an own row's cursor still pages`, async () => {
      const own = await page(mine, connection, myRows, { first: 100 });
      const all = ids(own);
      const after = await page(mine, connection, myRows, { after: own.edges[0].cursor, first: 100 });
      expect(ids(after)).toEqual(all.slice(1));
      expect(after.pageInfo.hasNextPage).toBe(false);
      const firstAfter = await page(mine, connection, myRows, { after: own.edges[0].cursor, first: 1 });
      expect(ids(firstAfter)).toEqual([all[1]]);
      expect(firstAfter.pageInfo.hasNextPage).toBe(all.length > 2);
      const before = await page(mine, connection, myRows, { before: own.edges.at(-1)!.cursor, last: 100 });
      expect(ids(before)).toEqual(all.slice(0, -1));
      expect(before.pageInfo.hasPreviousPage).toBe(false);
      const lastBefore = await page(mine, connection, myRows, { before: own.edges.at(-1)!.cursor, last: 1 });
      expect(ids(lastBefore)).toEqual([all.at(-2)]);
      expect(lastBefore.pageInfo.hasPreviousPage).toBe(all.length > 2);
      expect(lastBefore.totalCount).toBe(own.totalCount);
    });
  }
});

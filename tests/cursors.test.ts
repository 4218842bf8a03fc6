// Relay cursors are tenant-scoped (contract 6.7.3): `after`/`before` built from another
// organization's row ID behave exactly like ones built from an unknown ID, on every
// connection, top-level and nested. An own row's cursor still pages as usual.
//
// The other organization's rows are made both before and after ours, so that a cursor
// resolved across tenants would land on either side of our rows and show up as a page
// that differs from the unknown ID's.
import { randomInt } from 'node:crypto';
import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestOrg, createOrg } from './support/api.ts';
import { createApiIntegration, createOktaIntegration, directoryUsers, waitForSync } from './support/directory.ts';
import { type OktaStandIn, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';

/** One set of rows of every kind an organization can list. */
interface Rows {
  apiIntegration: string;
  oktaIntegration: string;
  /** A directory user with completed sessions. */
  directoryUser: string;
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}

type PageArgs = { after?: string; before?: string; first?: number; last?: number };

const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }';
const ARGS = 'after: $after, before: $before, first: $first, last: $last';
const VARS = '$after: String, $before: String, $first: Int, $last: Int';

interface Connection {
  name: string;
  /** The ID prefix of the connection's nodes (src/domain/ids.ts). */
  prefix: string;
  /** The connection's parent in a set of rows (nested and filtered connections). */
  parent?: (rows: Rows) => string;
  query: string;
  /** The connection in the response. */
  pick: (data: any, parent?: string) => Page;
}

const topLevel = (name: string, prefix: string): Connection => ({
  name,
  prefix,
  query: gql`query (${VARS}) { c: ${name}(${ARGS}) { ${PAGE} } }`,
  pick: (data) => data.c,
});

const CONNECTIONS: Connection[] = [
  topLevel('workflows', 'wf'),
  topLevel('integrations', 'int'),
  topLevel('apiKeys', 'key'),
  {
    name: 'directoryUsers',
    prefix: 'dus',
    parent: (rows) => rows.oktaIntegration,
    query: gql`query ($parent: ID!, ${VARS}) { c: directoryUsers(integrationId: $parent, ${ARGS}) { ${PAGE} } }`,
    pick: (data) => data.c,
  },
  {
    name: 'integration.onboardingSessions',
    prefix: 'ses',
    parent: (rows) => rows.apiIntegration,
    query: gql`query ($parent: ID!, ${VARS}) { integration(id: $parent) { c: onboardingSessions(${ARGS}) { ${PAGE} } } }`,
    pick: (data) => data.integration.c,
  },
  {
    name: 'node(id:) Integration.onboardingSessions',
    prefix: 'ses',
    parent: (rows) => rows.apiIntegration,
    query: gql`query ($parent: ID!, ${VARS}) { node(id: $parent) { ... on Integration { c: onboardingSessions(${ARGS}) { ${PAGE} } } } }`,
    pick: (data) => data.node.c,
  },
  {
    name: 'integrations.onboardingSessions (inside a connection)',
    prefix: 'ses',
    parent: (rows) => rows.apiIntegration,
    query: gql`query (${VARS}) { integrations(first: 100, filter: { templateKey: "API" }) {
      edges { node { id c: onboardingSessions(${ARGS}) { ${PAGE} } } }
    } }`,
    pick: (data, parent) => data.integrations.edges.find((e: any) => e.node.id === parent).node.c,
  },
  {
    name: 'directoryUser.completedSessions',
    prefix: 'ses',
    parent: (rows) => rows.directoryUser,
    query: gql`query ($parent: ID!, ${VARS}) { directoryUser(id: $parent) { c: completedSessions(${ARGS}) { ${PAGE} } } }`,
    pick: (data) => data.directoryUser.c,
  },
  {
    name: 'directoryUsers.completedSessions (inside a connection)',
    prefix: 'ses',
    parent: (rows) => rows.oktaIntegration,
    query: gql`query ($parent: ID!, ${VARS}) { directoryUsers(integrationId: $parent, filter: { enrollmentStatus: ENROLLED }) {
      edges { node { c: completedSessions(${ARGS}) { ${PAGE} } } }
    } }`,
    pick: (data) => data.directoryUsers.edges[0].node.c,
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

async function page(org: TestOrg, connection: Connection, rows: Rows, args: PageArgs): Promise<Page> {
  const parent = connection.parent?.(rows);
  return connection.pick(await org.client.request<any>(connection.query, parent ? { parent, ...args } : args), parent);
}

const ids = (p: Page) => p.edges.map((e) => e.node.id);

let mine: TestOrg;
let theirs: TestOrg;
let okta: OktaStandIn;
let myRows: Rows;
/** Theirs: one set made before ours, one after. */
let theirRows: Rows[];

async function ok<T extends { userErrors: unknown[] }>(promise: Promise<Record<string, T>>): Promise<T> {
  const result = Object.values(await promise)[0];
  expect(result.userErrors).toEqual([]);
  return result;
}

/** Two API keys, two workflows, an API and an Okta integration, three synced users, three completed sessions. */
async function addRows(org: TestOrg, tag: string): Promise<Rows> {
  for (const name of [`${tag} key 1`, `${tag} key 2`]) {
    await ok(org.client.request<any>(gql`mutation ($input: GenerateApiKeyInput!) { generateApiKey(input: $input) { apiKey { id } userErrors { code } } }`, { input: { name } }));
  }
  await ok(org.client.request<any>(gql`mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } userErrors { code } } }`, {
    input: { name: `${tag} spare`, steps: ['DOCUMENT'] },
  }));
  const apiIntegration = await createApiIntegration(org, `${tag} API`);
  const { id: oktaIntegration, firstSync } = await createOktaIntegration(org, okta, { name: `${tag} Okta` });
  expect((await waitForSync(org, firstSync.id)).status).toBe('SUCCEEDED');
  const users = await directoryUsers(org, oktaIntegration, { first: 100 });
  expect(users.totalCount).toBe(3);
  const directoryUser = users.edges[0].node.id;
  for (let i = 0; i < 3; i++) {
    const { session } = await ok<any>(org.client.request<any>(gql`mutation ($input: RequestNewOnboardingInput!) {
      requestNewOnboarding(input: $input) { session { id } userErrors { code } }
    }`, { input: { integrationId: apiIntegration, directoryUserId: directoryUser, externalUserId: `${tag}-${i}` } }));
    await ok(org.client.request<any>(gql`mutation ($input: CompleteOnboardingSessionInput!) {
      completeOnboardingSession(input: $input) { session { id } userErrors { code } }
    }`, { input: { sessionId: session.id, outcome: 'COMPLETED', fullName: `Person ${i}` } }));
  }
  return { apiIntegration, oktaIntegration, directoryUser };
}

beforeAll(async () => {
  okta = await startOktaStandIn({ users: oktaUsers(3) });
  // In this order, so that each organization's first API key sorts as the rest of its rows.
  theirs = await createOrg('Cursors theirs');
  mine = await createOrg('Cursors mine');
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

// Directory groups (contract 6.3.4): FULL syncs read Okta's and Microsoft Graph's groups and
// their members (users only, nested groups not expanded), remove what the directory no
// longer lists, and the API reads them: directoryGroups, directoryGroup, DirectoryUser.groups,
// DirectoryGroup.members, the groupId user filter (their statement counts: tests/query-counts.test.ts).
import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  allDirectoryUsers,
  byExternalId,
  createDirectoryIntegration,
  createEntraIntegration,
  createOktaIntegration,
  getDirectory,
  startSync,
  waitForSync,
} from './support/directory.ts';
import type { GroupsListQuery } from './generated/graphql.ts';
import { type Org, graphql, it, mutateOk, nodes, ok, send, succeeded, testOrg } from './support/kit.ts';
import { type GraphStandIn, graphGroup, graphUsers, startGraphStandIn } from './support/standins/microsoft-graph.ts';
import { type OktaStandIn, oktaGroup, oktaUser, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';

const closers: (() => Promise<void>)[] = [];
let org: Org;
let other: Org;

beforeAll(async () => {
  [org, other] = await Promise.all([testOrg({ name: 'Groups' }), testOrg({ name: 'Groups other' })]);
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

async function okta(...args: Parameters<typeof startOktaStandIn>): Promise<OktaStandIn> {
  const standIn = await startOktaStandIn(...args);
  closers.push(() => standIn.close());
  return standIn;
}

async function graph(...args: Parameters<typeof startGraphStandIn>): Promise<GraphStandIn> {
  const standIn = await startGraphStandIn(...args);
  closers.push(() => standIn.close());
  return standIn;
}

const GROUPS = graphql(`
  query GroupsList($integrationId: ID!, $first: Int, $after: String, $search: String, $members: Int = 5) {
    directoryGroups(integrationId: $integrationId, first: $first, after: $after, filter: { search: $search }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          externalId
          name
          description
          memberCount
          members(first: $members) {
            totalCount
            edges {
              node {
                id
                externalId
                active
              }
            }
          }
          integration {
            id
          }
        }
      }
    }
  }
`);

const GROUP = graphql(`
  query GroupsOne($id: ID!) {
    directoryGroup(id: $id) {
      id
      name
      memberCount
    }
    node(id: $id) {
      __typename
      id
    }
  }
`);

const USER_GROUPS = graphql(`
  query GroupsOfUsers($integrationId: ID!, $groupId: ID, $first: Int = 50) {
    directoryUsers(integrationId: $integrationId, first: $first, filter: { groupId: $groupId }) {
      totalCount
      edges {
        node {
          externalId
          groups(first: 10) {
            totalCount
            edges {
              node {
                externalId
                name
              }
            }
          }
        }
      }
    }
  }
`);

const COUNTS_ONLY = graphql(`
  query GroupsCountsOnly($integrationId: ID!) {
    directoryGroups(integrationId: $integrationId, first: 10) {
      edges {
        node {
          members {
            totalCount
            pageInfo {
              hasNextPage
            }
          }
        }
      }
    }
    directoryUsers(integrationId: $integrationId, first: 10) {
      edges {
        node {
          groups {
            totalCount
          }
        }
      }
    }
  }
`);

const DIRECTORY_GROUPS = graphql(`
  query GroupsDirectory($id: ID!) {
    integration(id: $id) {
      directory {
        groupCount
        lastSync {
          groups
        }
      }
    }
  }
`);

type GroupNode = GroupsListQuery['directoryGroups']['edges'][number]['node'];

async function listGroups(integrationId: string, args: { first?: number; after?: string; search?: string; members?: number } = {}) {
  return succeeded(await send(org, GROUPS, { integrationId, first: 100, ...args })).directoryGroups;
}

const byExternal = (groups: GroupNode[]) => new Map(groups.map((g) => [g.externalId, g]));

describe('Okta groups', { timeout: 120_000 }, () => {
  let upstream: OktaStandIn;
  let integrationId: string;

  it('a FULL sync reads groups and members over pages; the API lists them, both ways', async () => {
    const users = oktaUsers(30);
    const ids = users.map((u) => u.id);
    // Okta's user listing leaves deprovisioned users out; their group memberships list them.
    const gone = oktaUser(31, { status: 'DEPROVISIONED' });
    upstream = await okta({
      users: [...users, gone],
      pageSize: 4,
      groups: [
        oktaGroup(1, ids.slice(0, 10), { name: 'Engineering' }),
        oktaGroup(2, ids.slice(5, 15), { name: 'Sales', description: null }),
        oktaGroup(3, [], { name: 'Empty' }),
        oktaGroup(4, [ids[0], gone.id], { name: 'Mixed' }),
        oktaGroup(5, ids.slice(20, 30), { name: 'Support' }),
      ],
    });
    const created = await createOktaIntegration(org, upstream, { name: 'Okta with groups' });
    integrationId = created.id;
    const sync = await waitForSync(org, created.firstSync.id);
    expect(sync).toMatchObject({ status: 'SUCCEEDED', processed: 30 });
    const { integration } = succeeded(await send(org, DIRECTORY_GROUPS, { id: integrationId }));
    expect(integration!.directory).toEqual({ groupCount: 5, lastSync: { groups: 5 } });
    // Groups and members paged by Link (pages of 4): one request per page, none per member.
    expect(upstream.groupRequests().filter((r) => r.startsWith('/api/v1/groups?') || r === '/api/v1/groups')).toHaveLength(2);

    const listed = await listGroups(integrationId, { members: 20 });
    expect(listed.totalCount).toBe(5);
    const groups = byExternal(nodes(listed));
    const engineering = groups.get(oktaGroup(1, []).id)!;
    expect(engineering).toMatchObject({
      name: 'Engineering',
      description: 'The group number 1',
      memberCount: 10,
      integration: { id: integrationId },
    });
    expect(engineering.id).toMatch(/^dgr_/);
    expect(engineering.members.totalCount).toBe(10);
    expect(new Set(nodes(engineering.members).map((u) => u.externalId))).toEqual(new Set(ids.slice(0, 10)));
    expect(groups.get(oktaGroup(2, []).id)).toMatchObject({ description: null, memberCount: 10 });
    expect(groups.get(oktaGroup(3, []).id)).toMatchObject({ memberCount: 0, members: { totalCount: 0, edges: [] } });
    // A member this server does not hold has no membership.
    expect(groups.get(oktaGroup(4, []).id)).toMatchObject({ memberCount: 1 });

    // Paging and search.
    const first = await listGroups(integrationId, { first: 2 });
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await listGroups(integrationId, { first: 2, after: first.pageInfo.endCursor! });
    expect(nodes(second).map((g) => g.id)).not.toContain(nodes(first)[0].id);
    expect(nodes(await listGroups(integrationId, { search: 'ENGIN' })).map((g) => g.name)).toEqual(['Engineering']);

    // A user's groups, and the groupId filter.
    const { directoryUsers } = succeeded(await send(org, USER_GROUPS, { integrationId, groupId: engineering.id }));
    expect(directoryUsers.totalCount).toBe(10);
    const user6 = nodes(directoryUsers).find((u) => u.externalId === ids[5])!;
    expect(new Set(nodes(user6.groups).map((g) => g.name))).toEqual(new Set(['Engineering', 'Sales']));
    const user1 = nodes(directoryUsers).find((u) => u.externalId === ids[0])!;
    expect(new Set(nodes(user1.groups).map((g) => g.name))).toEqual(new Set(['Engineering', 'Mixed']));

    const { directoryGroup, node } = succeeded(await send(org, GROUP, { id: engineering.id }));
    expect(directoryGroup).toMatchObject({ id: engineering.id, name: 'Engineering' });
    expect(node).toEqual({ __typename: 'DirectoryGroup', id: engineering.id });
  });

  it('answers members and groups asked only for their totalCount and pageInfo (no node selected)', async () => {
    const { directoryGroups, directoryUsers } = succeeded(await send(org, COUNTS_ONLY, { integrationId }));
    expect(directoryGroups.edges.map((e) => e.node.members.totalCount).sort((a, b) => a - b)).toEqual([0, 1, 10, 10, 10]);
    expect(directoryUsers.edges.every((e) => e.node.groups.totalCount >= 0)).toBe(true);
  });

  it("another organization's group, and an unknown one, read as null and filter nobody", async () => {
    const { id } = nodes(await listGroups(integrationId))[0];
    for (const caller of [other]) {
      const answer = succeeded(await send(caller, GROUP, { id }));
      expect(answer).toEqual({ directoryGroup: null, node: null });
      expect(succeeded(await send(caller, GROUPS, { integrationId })).directoryGroups.totalCount).toBe(0);
    }
    for (const groupId of [id.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')), 'dgr_nonsense', 'not an id']) {
      expect(succeeded(await send(org, USER_GROUPS, { integrationId, groupId })).directoryUsers.totalCount).toBe(0);
      expect(succeeded(await send(org, GROUP, { id: groupId }))).toEqual({ directoryGroup: null, node: null });
    }
    expect(succeeded(await send(other, USER_GROUPS, { integrationId, groupId: id })).directoryUsers.totalCount).toBe(0);
  });

  it('the next FULL sync removes groups and memberships the directory no longer lists, and renames; memberCount counts active users', async () => {
    const ids = oktaUsers(30).map((u) => u.id);
    upstream.users = [oktaUser(1), oktaUser(2, { status: 'SUSPENDED' }), ...oktaUsers(28, 3)];
    upstream.groups = [
      oktaGroup(1, ids.slice(1, 10), { name: 'Engineering' }),
      oktaGroup(2, ids.slice(5, 15), { name: 'Sales and Marketing' }),
      oktaGroup(5, ids.slice(20, 30), { name: 'Support' }),
    ];
    const sync = await waitForSync(org, ok(await startSync(org, integrationId)).sync.id);
    expect(sync).toMatchObject({ status: 'SUCCEEDED', deactivated: 1 });
    expect((await getDirectory(org, integrationId)).userCount).toBe(30);
    const groups = byExternal(nodes(await listGroups(integrationId, { members: 20 })));
    expect([...groups.keys()].sort()).toEqual([oktaGroup(1, []).id, oktaGroup(2, []).id, oktaGroup(5, []).id].sort());
    const engineering = groups.get(oktaGroup(1, []).id)!;
    // User 1 left; user 2 is suspended: a member still, no longer counted as an active one.
    expect(engineering.members.totalCount).toBe(9);
    expect(engineering.memberCount).toBe(8);
    expect(nodes(engineering.members).map((u) => u.externalId)).not.toContain(ids[0]);
    expect(groups.get(oktaGroup(2, []).id)!.name).toBe('Sales and Marketing');
    const { directoryUsers } = succeeded(await send(org, USER_GROUPS, { integrationId, groupId: null, first: 50 }));
    const user1 = nodes(directoryUsers).find((u) => u.externalId === ids[0])!;
    expect(user1.groups.totalCount).toBe(0);
  });

  it('an INCREMENTAL sync leaves the groups as they are', async () => {
    upstream.groups = [];
    const sync = await waitForSync(org, ok(await startSync(org, integrationId, { kind: 'INCREMENTAL' })).sync.id);
    expect(sync).toMatchObject({ status: 'SUCCEEDED', kind: 'INCREMENTAL', groups: 0 });
    expect((await listGroups(integrationId)).totalCount).toBe(3);
  });
});

describe('Microsoft Graph groups', { timeout: 120_000 }, () => {
  it('keeps members of @odata.type #microsoft.graph.user only: nested groups, devices and malformed entries are skipped', async () => {
    const users = graphUsers(12);
    const nested = graphGroup(2, [users[11].id]);
    const upstream = await graph({
      users,
      pageSize: 5,
      groups: [
        graphGroup(
          1,
          users.slice(0, 8).map((u) => u.id),
          [
            { id: nested.id, type: '#microsoft.graph.group' },
            { id: 'c0de0000-0000-4000-8000-000000000001', type: '#microsoft.graph.device' },
            { id: '', type: '#microsoft.graph.user' },
            { id: 'c0de0000-0000-4000-8000-000000000002', type: '#microsoft.graph.somethingNew' },
          ],
        ),
        nested,
      ],
    });
    const { id, firstSync } = await createEntraIntegration(org, upstream, { name: 'Entra with groups' });
    expect(await waitForSync(org, firstSync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 12, groups: 2 });
    const groups = byExternal(nodes(await listGroups(id, { members: 20 })));
    const outer = groups.get(graphGroup(1, []).id)!;
    expect(outer).toMatchObject({ name: 'Graph Group 1', description: 'Graph group number 1', memberCount: 8 });
    // Nested groups are not expanded: the nested group's user is not a member of the outer one.
    expect(nodes(outer.members).map((u) => u.externalId)).not.toContain(users[11].id);
    expect(groups.get(nested.id)).toMatchObject({ memberCount: 1 });
    // Requested as Microsoft documents it: the groups with $select, members page by page.
    const requests = upstream.requests.map((r) => new URL(r.url, upstream.url));
    const listing = requests.find((u) => u.pathname === '/v1.0/groups')!;
    expect(listing.searchParams.get('$select')!.split(',')).toEqual(expect.arrayContaining(['id', 'displayName', 'description']));
    expect(requests.filter((u) => u.pathname === `/v1.0/groups/${graphGroup(1, []).id}/members`)).toHaveLength(3);
    // The users stay as they were read.
    expect(await allDirectoryUsers(org, id)).toHaveLength(12);
  });
});

const UPDATE_CONFIG = graphql(`
  mutation GroupsUpdateConfig($input: UpdateIntegrationInput!) {
    updateIntegration(input: $input) {
      integration {
        id
        config
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

describe('group-scoped directories (groupFilter)', { timeout: 120_000 }, () => {
  it('only members of the filter groups (by name or external ID) are active; FULL syncs follow membership changes', async () => {
    const users = oktaUsers(30);
    const ids = users.map((u) => u.id);
    const engineering = oktaGroup(1, ids.slice(0, 10), { name: 'Engineering' });
    const sales = oktaGroup(2, ids.slice(10, 20), { name: 'Sales' });
    const upstream = await okta({ users, groups: [engineering, sales, oktaGroup(3, ids.slice(20, 30), { name: 'Contractors' })] });
    const { id, firstSync } = await createDirectoryIntegration(org, 'OKTA', 'Scoped', {
      orgUrl: upstream.url,
      apiToken: upstream.token,
      groupFilter: ['ENGINEERING', sales.id],
    });
    // Everyone is read; members of the two groups are active once the groups are read.
    expect(await waitForSync(org, firstSync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 30, created: 30, deactivated: 0 });
    const active = async () => new Set((await allDirectoryUsers(org, id)).filter((u) => u.active).map((u) => u.externalId));
    expect(await active()).toEqual(new Set(ids.slice(0, 20)));

    // User 1 leaves Engineering; user 25 joins Sales.
    upstream.groups = [
      { ...engineering, members: ids.slice(1, 10) },
      { ...sales, members: [...ids.slice(10, 20), ids[24]] },
    ];
    const full = await waitForSync(org, ok(await startSync(org, id)).sync.id);
    expect(full).toMatchObject({ status: 'SUCCEEDED', deactivated: 1, updated: 1 });
    expect(await active()).toEqual(new Set([...ids.slice(1, 20), ids[24]]));

    // An incremental sync judges by the memberships as the last FULL sync read them: a new
    // user in no filter group is imported inactive; a suspended member becomes inactive.
    upstream.users = [...oktaUsers(4), oktaUser(5, { status: 'SUSPENDED' }), ...oktaUsers(25, 6), oktaUser(31)];
    const incremental = await waitForSync(org, ok(await startSync(org, id, { kind: 'INCREMENTAL' })).sync.id);
    expect(incremental).toMatchObject({ status: 'SUCCEEDED', processed: 2, created: 1, deactivated: 1 });
    const listed = byExternalId(await allDirectoryUsers(org, id));
    expect(listed.get(oktaUser(31).id)!.active).toBe(false);
    expect(listed.get(ids[4])!.active).toBe(false);

    // Without a filter, every user the directory says is active is active again.
    await mutateOk(org, UPDATE_CONFIG, { id, config: { groupFilter: null } });
    expect(await waitForSync(org, ok(await startSync(org, id)).sync.id)).toMatchObject({ status: 'SUCCEEDED' });
    expect(await active()).toEqual(new Set([...ids.filter((_, i) => i !== 4), oktaUser(31).id]));
  });
});

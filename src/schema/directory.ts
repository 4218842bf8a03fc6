import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import type { DirectoryGroup, DirectoryUser } from '../generated/prisma/client.ts';
import { startDirectorySync, syncFromSnapshot, watchSyncProgress } from '../domain/directory-sync.ts';
import { directoryGroupWhere, directoryUserWhere } from '../domain/directory-users.ts';
import { builder, integrationsOnly } from './builder.ts';
import { newestFirstList, totalCountField } from './connections.ts';
import { DirectorySyncKindEnum, DirectorySyncStatusEnum, DirectorySyncTriggerEnum, EnrollmentStatusEnum } from './enums.ts';
import { byIdField, payloadNode, tenantNode } from './nodes.ts';
import { OnboardingSessionConnection } from './onboarding.ts';
import { payload, payloadType } from './payloads.ts';

export const DirectorySyncRef = builder.prismaNode('DirectorySync', {
  ...tenantNode,
  ...integrationsOnly,
  description: 'One run of a directory sync, with its progress.',
  fields: (t) => ({
    status: t.expose('status', { type: DirectorySyncStatusEnum }),
    kind: t.expose('kind', {
      type: DirectorySyncKindEnum,
      description: 'FULL reads the whole directory and deactivates whoever it no longer lists; INCREMENTAL reads only what changed.',
    }),
    trigger: t.expose('trigger', { type: DirectorySyncTriggerEnum, description: 'What queued this sync.' }),
    processed: t.exposeInt('processed', { description: 'Upstream users read so far in this sync.' }),
    total: t.exposeInt('total', { nullable: true, description: 'Upstream user count when the directory tells it.' }),
    created: t.exposeInt('created', { description: 'Directory users new in this sync.' }),
    updated: t.exposeInt('updated', { description: 'Existing users whose attributes changed.' }),
    deactivated: t.exposeInt('deactivated', { description: 'Users that went from active to inactive in this sync.' }),
    groups: t.exposeInt('groups', { description: 'Upstream groups read in this sync (FULL syncs read the groups, after the users).' }),
    deactivationBlocked: t.exposeInt('deactivationBlocked', {
      nullable: true,
      description:
        "Set when the safety valve stopped this sync: the users it would have deactivated (past the integration's maxDeactivationPercent), of whom it deactivated none.",
    }),
    error: t.exposeString('error', { nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const IdentityRecordRef = builder.prismaObject('IdentityRecord', {
  description: 'The identity a completed session verified for a directory user.',
  fields: (t) => ({
    id: t.exposeID('id'),
    fullName: t.exposeString('fullName', { nullable: true }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime' }),
    session: t.relation('session'),
  }),
});

// Memberships are a join model (DirectoryGroupMember): these read a user's groups and a
// group's members as connections inside the parent's own statement (no query per row).
// A node not asked for still selects its id: Prisma refuses an empty selection. The
// selection holds whatever the query asks of the node, hence the row types.
const groupsOfUser = prismaConnectionHelpers(builder, 'DirectoryGroupMember', {
  cursor: 'groupId_userId',
  select: (nodeSelection) => ({ group: nodeSelection({ select: { id: true } }) }),
  resolveNode: (membership) => membership.group as DirectoryGroup,
});
const membersOfGroup = prismaConnectionHelpers(builder, 'DirectoryGroupMember', {
  cursor: 'groupId_userId',
  select: (nodeSelection) => ({ user: nodeSelection({ select: { id: true } }) }),
  resolveNode: (membership) => membership.user as DirectoryUser,
});

export const DirectoryUserRef = builder.prismaNode('DirectoryUser', {
  ...tenantNode,
  ...integrationsOnly,
  description: "A user synced from an integration's directory.",
  fields: (t) => ({
    externalId: t.exposeString('externalId', { description: "The user's ID in the upstream directory." }),
    email: t.expose('email', { type: 'EmailAddress', nullable: true }),
    userPrincipalName: t.exposeString('userPrincipalName', { nullable: true, description: 'Okta login or Entra user principal name.' }),
    employeeId: t.exposeString('employeeId', { nullable: true }),
    displayName: t.exposeString('displayName', { nullable: true }),
    active: t.exposeBoolean('active'),
    enrollmentStatus: t.expose('enrollmentStatus', { type: EnrollmentStatusEnum }),
    identity: t.relation('identityRecord', { type: IdentityRecordRef, nullable: true, description: 'Null until a session verified the user.' }),
    completedSessions: t.relatedConnection(
      'onboardingSessions',
      { cursor: 'id', totalCount: true, query: { where: { status: 'COMPLETED' }, orderBy: { id: 'desc' } } },
      OnboardingSessionConnection,
    ),
    integration: t.relation('integration'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/** Shared by directoryUsers and DirectoryGroup.members. */
const DirectoryUserConnection = builder.connectionObject(
  { type: DirectoryUserRef, name: 'DirectoryUserConnection', fields: (t) => ({ totalCount: totalCountField(t) }) },
  { name: 'DirectoryUserEdge' },
);

export const DirectoryGroupRef = builder.prismaNode('DirectoryGroup', {
  ...tenantNode,
  ...integrationsOnly,
  description: "A group of an integration's directory, as its last FULL sync read it. Members are users only: nested groups are not expanded.",
  fields: (t) => ({
    externalId: t.exposeString('externalId', { description: "The group's ID in the upstream directory." }),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    memberCount: t.relationCount('members', { where: { user: { active: true } }, description: 'Members that are active users.' }),
    members: t.connection(
      {
        type: DirectoryUserRef,
        description: 'Its members, active and inactive, newest first.',
        select: (args, ctx, nestedSelection) => ({
          members: { ...membersOfGroup.getQuery(args, ctx, nestedSelection), orderBy: { userId: 'desc' } },
          _count: { select: { members: true } },
        }),
        resolve: (group, args, ctx) => ({ ...membersOfGroup.resolve(group.members, args, ctx), totalCount: group._count.members }),
      },
      DirectoryUserConnection,
    ),
    integration: t.relation('integration'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/** Shared by directoryGroups and DirectoryUser.groups. */
const DirectoryGroupConnection = builder.connectionObject(
  { type: DirectoryGroupRef, name: 'DirectoryGroupConnection', fields: (t) => ({ totalCount: totalCountField(t) }) },
  { name: 'DirectoryGroupEdge' },
);

// After both types: a user's groups (DirectoryUser would otherwise refer to DirectoryGroup before it exists).
builder.prismaObjectField(DirectoryUserRef, 'groups', (t) =>
  t.connection(
    {
      type: DirectoryGroupRef,
      description: "The directory groups the user is a member of (as of the directory's last FULL sync), newest first.",
      select: (args, ctx, nestedSelection) => ({
        groupMemberships: { ...groupsOfUser.getQuery(args, ctx, nestedSelection), orderBy: { groupId: 'desc' } },
        _count: { select: { groupMemberships: true } },
      }),
      resolve: (user, args, ctx) => ({ ...groupsOfUser.resolve(user.groupMemberships, args, ctx), totalCount: user._count.groupMemberships }),
    },
    DirectoryGroupConnection,
  ),
);

const DirectoryGroupFilter = builder.inputType('DirectoryGroupFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Case-insensitive match on the name or the external ID.' }),
  }),
});

const DirectoryUserFilter = builder.inputType('DirectoryUserFilter', {
  fields: (t) => ({
    active: t.boolean(),
    enrollmentStatus: t.field({ type: EnrollmentStatusEnum }),
    search: t.string({ description: 'Case-insensitive match on email, user principal name, display name, employee ID or external ID.' }),
    groupId: t.id({ description: "Members of this directory group only (an unknown or another directory's group: nobody)." }),
  }),
});

builder.queryFields((t) => ({
  directoryUsers: t.prismaConnection(
    {
      ...integrationsOnly,
      type: 'DirectoryUser',
      cursor: 'id',
      description:
        "Users of a directory integration, newest first, inactive ones included. An unknown or another organization's integration lists nothing.",
      args: {
        integrationId: t.arg.id({ required: true }),
        filter: t.arg({ type: DirectoryUserFilter }),
      },
      ...newestFirstList(
        (ctx) => ctx.deps.db.directoryUser,
        (args: { integrationId: string; filter?: typeof DirectoryUserFilter.$inferInput | null }) =>
          directoryUserWhere(args.integrationId, args.filter),
      ),
    },
    DirectoryUserConnection,
  ),
  directoryUser: byIdField(t, 'DirectoryUser', integrationsOnly),
  directoryGroups: t.prismaConnection(
    {
      ...integrationsOnly,
      type: 'DirectoryGroup',
      cursor: 'id',
      description: "Groups of a directory integration, newest first. An unknown or another organization's integration lists nothing.",
      args: {
        integrationId: t.arg.id({ required: true }),
        filter: t.arg({ type: DirectoryGroupFilter }),
      },
      ...newestFirstList(
        (ctx) => ctx.deps.db.directoryGroup,
        (args: { integrationId: string; filter?: typeof DirectoryGroupFilter.$inferInput | null }) =>
          directoryGroupWhere(args.integrationId, args.filter),
      ),
    },
    DirectoryGroupConnection,
  ),
  directoryGroup: byIdField(t, 'DirectoryGroup', integrationsOnly),
}));

const StartDirectorySyncInput = builder.inputType('StartDirectorySyncInput', {
  fields: (t) => ({
    integrationId: t.id({ required: true }),
    kind: t.field({
      type: DirectorySyncKindEnum,
      defaultValue: 'FULL',
      description: 'INCREMENTAL reads only what changed since the last sync that succeeded (FULL when there is none).',
    }),
    allowMassDeactivation: t.boolean({
      defaultValue: false,
      description: "Lets this FULL sync deactivate more than the integration's maxDeactivationPercent of its users.",
    }),
  }),
});
const StartDirectorySyncPayload = payloadType<Awaited<ReturnType<typeof startDirectorySync>>>('StartDirectorySyncPayload', (t) => ({
  sync: payloadNode(t, 'DirectorySync', (p) => p.sync),
}));

builder.mutationField('startDirectorySync', (t) =>
  t.field({
    ...integrationsOnly,
    type: StartDirectorySyncPayload,
    description: 'Queues a sync of the directory and returns at once; while one is QUEUED or RUNNING, returns that one.',
    args: { input: t.arg({ type: StartDirectorySyncInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => startDirectorySync(ctx.deps, input)),
  }),
);

builder.subscriptionType({});

builder.subscriptionField('directorySyncProgress', (t) =>
  t.field({
    ...integrationsOnly,
    type: DirectorySyncRef,
    description:
      "The latest sync's current state (if any), then one event per progress step up to and including the terminal one; stays open for later syncs.",
    args: { integrationId: t.arg.id({ required: true }) },
    subscribe: (_root, { integrationId }, ctx) => watchSyncProgress(ctx.deps, integrationId),
    resolve: (snapshot) => syncFromSnapshot(snapshot) as never,
  }),
);

import { startDirectorySync, syncFromSnapshot, watchSyncProgress } from '../domain/directory-sync.ts';
import { directoryUserWhere } from '../domain/directory-users.ts';
import { builder, integrationsOnly } from './builder.ts';
import { newestFirstList } from './connections.ts';
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

builder.prismaNode('DirectoryUser', {
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

const DirectoryUserFilter = builder.inputType('DirectoryUserFilter', {
  fields: (t) => ({
    active: t.boolean(),
    enrollmentStatus: t.field({ type: EnrollmentStatusEnum }),
    search: t.string({ description: 'Case-insensitive match on email, user principal name, display name, employee ID or external ID.' }),
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
    { name: 'DirectoryUserConnection' },
    { name: 'DirectoryUserEdge' },
  ),
  directoryUser: byIdField(t, 'DirectoryUser', integrationsOnly),
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

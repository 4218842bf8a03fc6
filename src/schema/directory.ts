import { Repeater } from 'graphql-yoga';
import type { Prisma } from '../generated/prisma/client.ts';
import { isEarlierState, snapshotOf, startDirectorySync, syncFromSnapshot } from '../domain/directory-sync.ts';
import { apiError } from '../domain/errors.ts';
import { isIdOf } from '../domain/ids.ts';
import type { SyncSnapshot } from '../pubsub.ts';
import { builder } from './builder.ts';
import { UserErrorRef, payload } from './user-errors.ts';
import { newestFirst } from './connections.ts';
import { OnboardingSessionConnection } from './onboarding.ts';

const DirectorySyncStatusEnum = builder.enumType('DirectorySyncStatus', {
  values: ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const,
});
const EnrollmentStatusEnum = builder.enumType('EnrollmentStatus', {
  values: ['NOT_ENROLLED', 'PENDING', 'ENROLLED', 'FAILED'] as const,
});

export const DirectorySyncRef = builder.prismaNode('DirectorySync', {
  id: { field: 'id' },
  nullable: true, // node(id:) of an unknown or foreign ID is null, not an error
  authScopes: { integrations: true },
  description: 'One run of a directory sync, with its progress.',
  fields: (t) => ({
    status: t.expose('status', { type: DirectorySyncStatusEnum }),
    processed: t.exposeInt('processed', { description: 'Upstream users read so far in this sync.' }),
    total: t.exposeInt('total', { nullable: true, description: 'Upstream user count when the directory tells it.' }),
    created: t.exposeInt('created', { description: 'Directory users new in this sync.' }),
    updated: t.exposeInt('updated', { description: 'Existing users whose attributes changed.' }),
    deactivated: t.exposeInt('deactivated', { description: 'Users that went from active to inactive in this sync.' }),
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

export const DirectoryUserRef = builder.prismaNode('DirectoryUser', {
  id: { field: 'id' },
  nullable: true, // node(id:) of an unknown or foreign ID is null, not an error
  authScopes: { integrations: true },
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

function directoryUserWhere(
  integrationId: string,
  filter: typeof DirectoryUserFilter.$inferInput | null | undefined,
): Prisma.DirectoryUserWhereInput {
  // Prisma's `contains` is an ILIKE pattern: escape its wildcards so they match themselves.
  const search = filter?.search?.trim().replace(/[\\%_]/g, '\\$&');
  return {
    integrationId: isIdOf('Integration', integrationId) ? integrationId : '',
    active: filter?.active ?? undefined,
    enrollmentStatus: filter?.enrollmentStatus ?? undefined,
    ...(search
      ? {
          OR: (['email', 'userPrincipalName', 'displayName', 'employeeId', 'externalId'] as const).map((field) => ({
            [field]: { contains: search, mode: 'insensitive' as const },
          })),
        }
      : {}),
  };
}

builder.queryFields((t) => ({
  directoryUsers: t.prismaConnection(
    {
      type: 'DirectoryUser',
      cursor: 'id',
      authScopes: { integrations: true },
      description: "Users of a directory integration, newest first, inactive ones included. An unknown or another organization's integration lists nothing.",
      args: {
        integrationId: t.arg.id({ required: true }),
        filter: t.arg({ type: DirectoryUserFilter }),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.directoryUser.findMany({ ...query, where: directoryUserWhere(String(args.integrationId), args.filter), ...newestFirst }),
      totalCount: (_parent, args, ctx) =>
        ctx.db.directoryUser.count({ where: directoryUserWhere(String(args.integrationId), args.filter) }),
    },
    { name: 'DirectoryUserConnection' },
    { name: 'DirectoryUserEdge' },
  ),
  directoryUser: t.prismaField({
    type: 'DirectoryUser',
    nullable: true,
    authScopes: { integrations: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      isIdOf('DirectoryUser', String(id)) ? ctx.db.directoryUser.findUnique({ ...query, where: { id: String(id) } }) : null,
  }),
}));

const StartDirectorySyncInput = builder.inputType('StartDirectorySyncInput', {
  fields: (t) => ({ integrationId: t.id({ required: true }) }),
});
const StartDirectorySyncPayload = builder.simpleObject('StartDirectorySyncPayload', {
  fields: (t) => ({
    sync: t.field({ type: DirectorySyncRef, nullable: true }),
    userErrors: t.field({ type: [UserErrorRef] }),
  }),
});

builder.mutationField('startDirectorySync', (t) =>
  t.field({
    type: StartDirectorySyncPayload,
    authScopes: { integrations: true },
    description: 'Queues a sync of the directory and returns at once; while one is QUEUED or RUNNING, returns that one.',
    args: { input: t.arg({ type: StartDirectorySyncInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      payload(async () => {
        const sync = await startDirectorySync(ctx.db, String(input.integrationId));
        ctx.services.wakeSyncRunner();
        if (sync.status === 'QUEUED') await ctx.services.pubsub.publish('directorySync', sync.integrationId, snapshotOf(sync));
        return { sync };
      }),
  }),
);

builder.subscriptionType({});

builder.subscriptionField('directorySyncProgress', (t) =>
  t.field({
    type: DirectorySyncRef,
    authScopes: { integrations: true },
    description:
      "The latest sync's current state (if any), then one event per progress step up to and including the terminal one; stays open for later syncs.",
    args: { integrationId: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      // The scope check of `authScopes` runs when events resolve; the gate must also hold
      // before anything is looked up, or a gated caller would get NOT_FOUND instead.
      if (!ctx.viewer.organization.features.includes('INTEGRATIONS_ECOSYSTEM')) {
        throw apiError('FEATURE_DISABLED', 'The Integrations feature (INTEGRATIONS_ECOSYSTEM) is not enabled for this organization.');
      }
      const integrationId = String(args.integrationId);
      const integration = isIdOf('Integration', integrationId)
        ? await ctx.db.integration.findUnique({ where: { id: integrationId }, select: { id: true } })
        : null;
      if (!integration) throw apiError('NOT_FOUND', 'No integration with this ID exists.');
      // A Repeater, not an async generator: when the subscriber leaves, `stop` ends the wait
      // for the next event at once (a generator would stay parked in that await, keeping its
      // pub/sub listener, and with Redis its channel subscription, until another event came).
      return new Repeater<SyncSnapshot>(async (push, stop) => {
        const events = ctx.services.pubsub.subscribe('directorySync', integrationId)[Symbol.asyncIterator]();
        void stop.then(() => events.return?.());
        // Listen before reading the current state, so no step between the two is lost.
        const firstEvent = events.next();
        try {
          const latest = await ctx.db.directorySync.findFirst({ where: { integrationId }, orderBy: { createdAt: 'desc' } });
          let seen: SyncSnapshot | undefined = latest ? snapshotOf(latest) : undefined;
          if (seen) await push(seen);
          for (let next = await firstEvent; !next.done; next = await events.next()) {
            if (seen && isEarlierState(next.value, seen)) continue;
            seen = next.value;
            await push(next.value);
          }
        } finally {
          await events.return?.();
          stop();
        }
      });
    },
    resolve: (snapshot) => syncFromSnapshot(snapshot) as never,
  }),
);

import { completeOnboardingSession, effectiveStatus, onboardingUrlOf, requestNewOnboarding } from '../domain/onboarding.ts';
import { UserErrors } from '../domain/errors.ts';
import { isIdOf } from '../domain/ids.ts';
import { builder } from './builder.ts';
import { UserErrorRef, payload } from './user-errors.ts';

const OnboardingStatusEnum = builder.enumType('OnboardingStatus', {
  values: ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'EXPIRED'] as const,
});
const OnboardingOutcomeEnum = builder.enumType('OnboardingOutcome', { values: ['COMPLETED', 'FAILED'] as const });

export const OnboardingSessionRef = builder.prismaNode('OnboardingSession', {
  id: { field: 'id' },
  nullable: true, // node(id:) of an unknown or foreign ID is null, not an error
  authScopes: { integrations: true },
  description: 'A verification session for one person, pinned to the workflow version it started with.',
  fields: (t) => ({
    status: t.field({
      type: OnboardingStatusEnum,
      description: 'Open sessions read EXPIRED once past expiresAt.',
      resolve: (session) => effectiveStatus(session),
    }),
    integration: t.relation('integration', { nullable: true, description: 'Null once the integration was deleted.' }),
    workflow: t.relation('workflow', { description: 'The workflow the session started with, forever.' }),
    workflowVersion: t.int({
      select: { workflowVersion: { select: { version: true } } },
      resolve: (session) => session.workflowVersion.version,
    }),
    steps: t.stringList({
      description: "That version's steps.",
      select: { workflowVersion: { select: { steps: true } } },
      resolve: (session) => session.workflowVersion.steps,
    }),
    directoryUser: t.relation('directoryUser', { nullable: true }),
    externalUserId: t.exposeString('externalUserId', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    redirectUrl: t.exposeString('redirectUrl', { nullable: true }),
    onboardingUrl: t.field({ type: 'URL', resolve: (session, _args, ctx) => onboardingUrlOf(session, ctx.services.cipher) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
  }),
});

export const OnboardingSessionConnection = builder.connectionObject(
  {
    type: OnboardingSessionRef,
    name: 'OnboardingSessionConnection',
    fields: (t) => ({
      totalCount: t.int({
        resolve: (connection) => {
          const { totalCount } = connection as { totalCount?: number | (() => number | Promise<number>) };
          return (typeof totalCount === 'function' ? totalCount() : totalCount) ?? 0;
        },
      }),
    }),
  },
  { name: 'OnboardingSessionEdge' },
);

builder.queryField('onboardingSession', (t) =>
  t.prismaField({
    type: 'OnboardingSession',
    nullable: true,
    authScopes: { integrations: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      isIdOf('OnboardingSession', String(id)) ? ctx.db.onboardingSession.findUnique({ ...query, where: { id: String(id) } }) : null,
  }),
);

const RequestNewOnboardingInput = builder.inputType('RequestNewOnboardingInput', {
  fields: (t) => ({
    integrationId: t.id({ required: true, description: 'An integration with a workflow (OIDC client credentials, API).' }),
    loginHint: t.string({ description: 'Email, user principal name or employee ID of an active directory user (case-insensitive).' }),
    directoryUserId: t.id(),
    externalUserId: t.string({ description: 'Your own reference for the person.' }),
    email: t.field({ type: 'EmailAddress' }),
    redirectUrl: t.field({ type: 'URL', description: "Where to send the person afterwards; must be one of the integration's redirectUris when it has any." }),
    idempotencyKey: t.string({ description: 'Replays with the same key and input return the same session (per integration).' }),
  }),
});
const CompleteOnboardingSessionInput = builder.inputType('CompleteOnboardingSessionInput', {
  fields: (t) => ({
    sessionId: t.id({ required: true }),
    outcome: t.field({ type: OnboardingOutcomeEnum, required: true }),
    fullName: t.string({ description: 'The verified name, recorded on the directory user’s identity.' }),
  }),
});

const RequestNewOnboardingPayload = builder.simpleObject('RequestNewOnboardingPayload', {
  fields: (t) => ({
    session: t.field({ type: OnboardingSessionRef, nullable: true }),
    userErrors: t.field({ type: [UserErrorRef] }),
  }),
});
const OnboardingSessionPayload = builder.simpleObject('OnboardingSessionPayload', {
  fields: (t) => ({
    session: t.field({ type: OnboardingSessionRef, nullable: true }),
    userErrors: t.field({ type: [UserErrorRef] }),
  }),
});

const MAX_REFERENCE = 255;

function checkLength(value: string | null | undefined, field: string) {
  if (value != null && value.length > MAX_REFERENCE) {
    throw UserErrors.of('INVALID', ['input', field], `${field} is at most ${MAX_REFERENCE} characters.`);
  }
}

builder.mutationFields((t) => ({
  requestNewOnboarding: t.field({
    type: RequestNewOnboardingPayload,
    authScopes: { integrations: true },
    args: { input: t.arg({ type: RequestNewOnboardingInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      payload(async () => {
        for (const field of ['loginHint', 'externalUserId', 'idempotencyKey'] as const) checkLength(input[field], field);
        const session = await requestNewOnboarding(ctx.db, { origin: ctx.origin, cipher: ctx.services.cipher }, {
          ...input,
          integrationId: String(input.integrationId),
          directoryUserId: input.directoryUserId == null ? input.directoryUserId : String(input.directoryUserId),
          redirectUrl: input.redirectUrl == null ? input.redirectUrl : input.redirectUrl.toString(),
        });
        return { session };
      }),
  }),
  completeOnboardingSession: t.field({
    type: OnboardingSessionPayload,
    authScopes: { integrations: true },
    description: "The verification engine's callback: finishes a PENDING or IN_PROGRESS session.",
    args: { input: t.arg({ type: CompleteOnboardingSessionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      payload(async () => ({
        session: await completeOnboardingSession(ctx.db, { ...input, sessionId: String(input.sessionId) }),
      })),
  }),
}));

import { completeOnboardingSession, effectiveStatus, onboardingUrlOf, requestNewOnboarding } from '../domain/onboarding.ts';
import { builder, integrationsOnly } from './builder.ts';
import { totalCountField } from './connections.ts';
import { OnboardingStatusEnum } from './enums.ts';
import { byIdField, payloadNode, tenantNode } from './nodes.ts';
import { payload, payloadType } from './payloads.ts';

const OnboardingOutcomeEnum = builder.enumType('OnboardingOutcome', { values: ['COMPLETED', 'FAILED'] as const });

const OnboardingSessionRef = builder.prismaNode('OnboardingSession', {
  ...tenantNode,
  ...integrationsOnly,
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
    onboardingUrl: t.field({ type: 'URL', resolve: (session, _args, ctx) => onboardingUrlOf(session, ctx.deps.cipher) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
  }),
});

/** Shared by Integration.onboardingSessions and DirectoryUser.completedSessions. */
export const OnboardingSessionConnection = builder.connectionObject(
  {
    type: OnboardingSessionRef,
    name: 'OnboardingSessionConnection',
    fields: (t) => ({ totalCount: totalCountField(t) }),
  },
  { name: 'OnboardingSessionEdge' },
);

builder.queryField('onboardingSession', (t) => byIdField(t, 'OnboardingSession', integrationsOnly));

const RequestNewOnboardingInput = builder.inputType('RequestNewOnboardingInput', {
  fields: (t) => ({
    integrationId: t.id({ required: true, description: 'An integration with a workflow (OIDC client credentials, API).' }),
    loginHint: t.string({ description: 'Email, user principal name or employee ID of an active directory user (case-insensitive).' }),
    directoryUserId: t.id(),
    externalUserId: t.string({ description: 'Your own reference for the person.' }),
    email: t.field({ type: 'EmailAddress' }),
    redirectUrl: t.field({
      type: 'URL',
      description: "Where to send the person afterwards; must be one of the integration's redirectUris when it has any.",
    }),
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

const RequestNewOnboardingPayload = payloadType<Awaited<ReturnType<typeof requestNewOnboarding>>>('RequestNewOnboardingPayload', (t) => ({
  session: payloadNode(t, 'OnboardingSession', (p) => p.session),
}));
const OnboardingSessionPayload = payloadType<Awaited<ReturnType<typeof completeOnboardingSession>>>('OnboardingSessionPayload', (t) => ({
  session: payloadNode(t, 'OnboardingSession', (p) => p.session),
}));

builder.mutationFields((t) => ({
  requestNewOnboarding: t.field({
    ...integrationsOnly,
    type: RequestNewOnboardingPayload,
    args: { input: t.arg({ type: RequestNewOnboardingInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => requestNewOnboarding(ctx.deps, input)),
  }),
  completeOnboardingSession: t.field({
    ...integrationsOnly,
    type: OnboardingSessionPayload,
    description: "The verification engine's callback: finishes a PENDING or IN_PROGRESS session.",
    args: { input: t.arg({ type: CompleteOnboardingSessionInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => completeOnboardingSession(ctx.deps, input)),
  }),
}));

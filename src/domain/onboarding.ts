// Onboarding (verification) sessions: requested through an integration that has a
// workflow, pinned forever to the workflow version current at that moment, and finished
// by the verification engine's callback. Directory users' enrollment follows them.
import { escapeLike, isUniqueViolation } from '../db/sql.ts';
import type { TenantClient } from '../db/tenant.ts';
import { type OnboardingSession, Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { Cipher } from './crypto.ts';
import type { Deps } from './deps.ts';
import { Problems, UserErrors } from './errors.ts';
import { isIdOf, newId } from './ids.ts';
import { storedConfigOf } from './integration-config.ts';
import { type Actor, changeAndRecord, changesOf, record } from './outbox.ts';
import { constantTimeEqual, randomToken, sha256 } from './secrets.ts';
import { templateOf } from './templates.ts';
import { checkReference } from './validation.ts';

/** How long a person has to finish a session before it reads EXPIRED. */
const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const OPEN_STATUSES = ['PENDING', 'IN_PROGRESS'] as const;

/** Whether a session with this status can still be completed or failed (give the effective one). */
export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export interface RequestOnboardingInput {
  integrationId: string;
  loginHint?: string | null;
  directoryUserId?: string | null;
  externalUserId?: string | null;
  email?: string | null;
  redirectUrl?: string | null;
  idempotencyKey?: string | null;
}

/** As the API takes it: the URL scalar gives a parsed URL. */
export type RequestNewOnboardingInput = Omit<RequestOnboardingInput, 'redirectUrl'> & { redirectUrl?: URL | string | null };

/** A session's status as callers see it: open sessions past their expiry are EXPIRED. */
export function effectiveStatus(session: Pick<OnboardingSession, 'status' | 'expiresAt'>, now = new Date()) {
  return isOpenStatus(session.status) && session.expiresAt <= now ? 'EXPIRED' : session.status;
}

/** Everything but the idempotency key, normalized: a replay must match it exactly. */
export function requestFingerprint(input: RequestOnboardingInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  const normalized = Object.fromEntries(
    Object.entries(rest)
      .filter(([, value]) => value !== undefined && value !== null)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return sha256(JSON.stringify(normalized));
}

async function findReplay(db: TenantClient, input: RequestOnboardingInput) {
  if (!input.idempotencyKey) return undefined;
  const existing = await db.onboardingSession.findFirst({
    where: { integrationId: input.integrationId, idempotencyKey: input.idempotencyKey },
  });
  if (!existing) return undefined;
  if (existing.requestFingerprint !== requestFingerprint(input)) {
    throw UserErrors.of('IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey'], 'This idempotency key was already used with different parameters.');
  }
  return existing;
}

/** URL equality after WHATWG normalization: the URL scalar turns "https://a.example" into
 * "https://a.example/", which must still match the redirect URI registered without the slash. */
function sameUrl(registered: unknown, requested: string): boolean {
  if (typeof registered !== 'string') return false;
  try {
    return new URL(registered).href === new URL(requested).href;
  } catch {
    return registered === requested;
  }
}

/** The active directory user a session names, by loginHint or directoryUserId. */
async function resolveDirectoryUser(db: TenantClient, input: RequestOnboardingInput) {
  let byHint: { id: string } | undefined;
  if (input.loginHint != null) {
    const hint = input.loginHint.trim();
    // Prisma compares case-insensitively with ILIKE: its wildcards must match only themselves,
    // or "%" would name whichever user there is.
    const pattern = escapeLike(hint);
    const matches = hint
      ? await db.directoryUser.findMany({
          where: {
            active: true,
            OR: [
              { email: { equals: pattern, mode: 'insensitive' } },
              { userPrincipalName: { equals: pattern, mode: 'insensitive' } },
              { employeeId: { equals: pattern, mode: 'insensitive' } },
            ],
          },
          select: { id: true },
          take: 2,
        })
      : [];
    if (matches.length === 0) {
      throw UserErrors.of('DIRECTORY_USER_NOT_FOUND', ['input', 'loginHint'], 'No active directory user matches this login hint.');
    }
    if (matches.length > 1) {
      throw UserErrors.of('DIRECTORY_USER_AMBIGUOUS', ['input', 'loginHint'], 'Several directory users match this login hint; use directoryUserId.');
    }
    byHint = matches[0];
  }
  if (input.directoryUserId != null) {
    const id = input.directoryUserId;
    const user = isIdOf('DirectoryUser', id) ? await db.directoryUser.findUnique({ where: { id }, select: { id: true, active: true } }) : null;
    if (!user) throw UserErrors.of('DIRECTORY_USER_NOT_FOUND', ['input', 'directoryUserId'], 'No directory user with this ID exists.');
    if (!user.active) throw UserErrors.of('DIRECTORY_USER_INACTIVE', ['input', 'directoryUserId'], 'This directory user is inactive.');
    if (byHint && byHint.id !== user.id) {
      throw UserErrors.of('INVALID', ['input', 'loginHint'], 'loginHint and directoryUserId name different users.');
    }
    return user.id;
  }
  return byHint?.id;
}

/** A session as events tell it: never its onboarding URL (its token opens the page). */
function sessionData(session: OnboardingSession, workflowVersion?: number) {
  return {
    id: session.id,
    integrationId: session.integrationId,
    workflowId: session.workflowId,
    ...(workflowVersion === undefined ? {} : { workflowVersion }),
    directoryUserId: session.directoryUserId,
    externalUserId: session.externalUserId,
    email: session.email,
    status: session.status,
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
    completedAt: session.completedAt,
  };
}

/**
 * The session's row inserted by one statement: with its event and audit entry in the same
 * statement (changeAndRecord), a session costs no transaction of its own. Every column is
 * given, in the table's own order, by json_populate_record.
 */
function insertSession(session: OnboardingSession): Prisma.Sql {
  return Prisma.sql`INSERT INTO "OnboardingSession" SELECT * FROM json_populate_record(NULL::"OnboardingSession", ${JSON.stringify(session)}::json) RETURNING *`;
}

/** A new session (or, for a replayed idempotency key, the one it made). */
export async function requestNewOnboarding(
  { db, origin, cipher, actor }: Pick<Deps, 'db' | 'origin' | 'cipher' | 'actor'>,
  given: RequestNewOnboardingInput,
) {
  const problems = new Problems();
  for (const field of ['loginHint', 'externalUserId', 'idempotencyKey'] as const) checkReference(problems, given[field], ['input', field]);
  problems.throwIfAny();
  const input: RequestOnboardingInput = { ...given, redirectUrl: given.redirectUrl == null ? given.redirectUrl : String(given.redirectUrl) };
  return { session: await openSession(db, origin, cipher, actor, input) };
}

async function openSession(db: TenantClient, origin: string, cipher: Cipher, actor: Actor, input: RequestOnboardingInput) {
  // With its workflow's current version, in the same statement: the session's snapshot of
  // the workflow is what was current when the request was read.
  const integration = isIdOf('Integration', input.integrationId)
    ? await db.integration.findUnique({
        where: { id: input.integrationId },
        include: { workflow: { include: { versions: { orderBy: { version: 'desc' }, take: 1 } } } },
      })
    : null;
  if (!integration) {
    throw UserErrors.of('INTEGRATION_NOT_FOUND', ['input', 'integrationId'], 'No integration with this ID exists (it may have been deleted).');
  }
  const replay = await findReplay(db, input);
  if (replay) return replay;

  const version = integration.workflow?.versions[0];
  if (!version || templateOf(integration).category === 'DIRECTORY') {
    throw UserErrors.of(
      'INTEGRATION_CANNOT_ONBOARD',
      ['input', 'integrationId'],
      'This integration has no workflow: it syncs users and starts no sessions.',
    );
  }
  if (integration.status === 'DISABLED') {
    throw UserErrors.of('INTEGRATION_DISABLED', ['input', 'integrationId'], 'This integration is disabled.');
  }
  const redirectUris = storedConfigOf(integration).config.redirectUris;
  if (input.redirectUrl && Array.isArray(redirectUris) && redirectUris.length && !redirectUris.some((uri) => sameUrl(uri, input.redirectUrl!))) {
    throw UserErrors.of('INVALID', ['input', 'redirectUrl'], "redirectUrl is not one of the integration's redirect URIs.");
  }
  const directoryUserId = await resolveDirectoryUser(db, input);

  const id = newId('OnboardingSession');
  const token = randomToken(32);
  const now = new Date();
  const session: OnboardingSession = {
    id,
    organizationId: db.organizationId,
    integrationId: integration.id,
    workflowId: version.workflowId,
    workflowVersionId: version.id,
    directoryUserId: directoryUserId ?? null,
    externalUserId: input.externalUserId ?? null,
    email: input.email ?? null,
    loginHint: input.loginHint ?? null,
    redirectUrl: input.redirectUrl ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    requestFingerprint: input.idempotencyKey ? requestFingerprint(input) : null,
    urlTokenHash: sha256(token),
    // The token is a bearer credential for the onboarding page: stored encrypted (and as
    // a hash for lookups), never in clear.
    onboardingUrl: cipher.encrypt(`${origin}/onboarding/${id}?token=${token}`),
    status: 'PENDING',
    createdAt: now,
    completedAt: null,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
  };
  const recorded = {
    events: [{ type: 'onboarding.session.created' as const, data: sessionData(session, version.version) }],
    audit: {
      action: 'onboarding_session.create',
      targetId: id,
      changes: changesOf(null, {
        integrationId: session.integrationId,
        directoryUserId: session.directoryUserId,
        externalUserId: session.externalUserId,
        email: session.email,
        redirectUrl: session.redirectUrl,
      }),
    },
  };
  try {
    if (!directoryUserId) return (await changeAndRecord<OnboardingSession>(db, insertSession(session), db.organizationId, actor, recorded))[0];
    // A directory user's enrollment changes with its session, atomically.
    return await db.$transaction(async (tx) => {
      const created = await tx.onboardingSession.create({ data: session });
      await tx.directoryUser.update({ where: { id: directoryUserId }, data: { enrollmentStatus: 'PENDING' } });
      await record(tx, db.organizationId, actor, recorded);
      return created;
    });
  } catch (error) {
    // A concurrent request with the same idempotency key won the insert: answer as a replay.
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const winner = await findReplay(db, input);
      if (winner) return winner;
    }
    throw error;
  }
}

/** A session's onboardingUrl in clear (stored encrypted; rows from before 2026-12 held it in clear). */
export function onboardingUrlOf(session: { onboardingUrl: string }, cipher: Cipher): string {
  return session.onboardingUrl.startsWith('v1.') ? cipher.decrypt(session.onboardingUrl) : session.onboardingUrl;
}

/**
 * Encrypts onboarding URLs stored in clear by earlier versions (at start-up; idempotent).
 * Their tokens are credentials for the onboarding page, which a database dump must not give away.
 */
export async function encryptClearOnboardingUrls(prisma: PrismaClient, cipher: Cipher): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await prisma.onboardingSession.findMany({
      where: { onboardingUrl: { startsWith: 'http' } },
      select: { id: true, onboardingUrl: true },
      take: 500,
    });
    if (!rows.length) return done;
    await prisma.$transaction(
      rows.map((row) => prisma.onboardingSession.update({ where: { id: row.id }, data: { onboardingUrl: cipher.encrypt(row.onboardingUrl) } })),
    );
    done += rows.length;
  }
}

/** What the onboarding page shows of a session: its own fields, nothing of its organization's others. */
export interface LinkedSession {
  id: string;
  organizationId: string;
  /** effectiveStatus: EXPIRED for an open session past its expiry. */
  status: string;
  workflowName: string;
  /** The steps of the workflow version the session started with. */
  steps: string[];
  redirectUrl: string | null;
}

/** Longer than any token we mint by far; longer ones are not even hashed. */
const MAX_LINK_TOKEN_LENGTH = 256;
/** Compared against when no session was found, so a miss takes the time of a wrong token. */
const NO_SESSION_TOKEN_HASH = sha256('no onboarding session');

/**
 * The session an onboarding link opens (GET /onboarding/<id>?token=…), read without a
 * caller: the link's token is the credential. A wrong token, an unknown or malformed ID,
 * and a session of an organization without INTEGRATIONS_ECOSYSTEM are the same null, so
 * the page tells none of them apart; the token is compared in constant time, found or not.
 */
export async function sessionOfLink(prisma: PrismaClient, sessionId: string, token: string): Promise<LinkedSession | null> {
  const lookUp = isIdOf('OnboardingSession', sessionId) && token.length > 0 && token.length <= MAX_LINK_TOKEN_LENGTH;
  const row = lookUp
    ? await prisma.onboardingSession.findUnique({
        where: { id: sessionId },
        select: {
          id: true,
          organizationId: true,
          status: true,
          expiresAt: true,
          redirectUrl: true,
          urlTokenHash: true,
          workflow: { select: { name: true } },
          workflowVersion: { select: { steps: true } },
          organization: { select: { features: true } },
        },
      })
    : null;
  const matches = constantTimeEqual(sha256(token), row?.urlTokenHash ?? NO_SESSION_TOKEN_HASH);
  if (!row || !matches || !row.organization.features.includes('INTEGRATIONS_ECOSYSTEM')) return null;
  return {
    id: row.id,
    organizationId: row.organizationId,
    status: effectiveStatus(row),
    workflowName: row.workflow.name,
    steps: row.workflowVersion.steps,
    redirectUrl: row.redirectUrl,
  };
}

/** The verification engine's callback (and the sandbox onboarding page's buttons): finishes an open session, and its directory user's enrollment. */
export async function completeOnboardingSession(
  { db, actor }: Pick<Deps, 'db' | 'actor'>,
  input: { sessionId: string; outcome: 'COMPLETED' | 'FAILED'; fullName?: string | null },
) {
  const field = ['input', 'sessionId'];
  const session = isIdOf('OnboardingSession', input.sessionId) ? await db.onboardingSession.findUnique({ where: { id: input.sessionId } }) : null;
  if (!session) throw UserErrors.of('SESSION_NOT_FOUND', field, 'No onboarding session with this ID exists.');
  const finished = () => UserErrors.of('SESSION_ALREADY_FINISHED', field, `This session is already ${effectiveStatus(session).toLowerCase()}.`);
  if (!isOpenStatus(effectiveStatus(session))) throw finished();

  const fullName = input.fullName?.trim() || null;
  const completed = await db.$transaction(async (tx) => {
    const now = new Date();
    // Conditional on the session still being open, so two callbacks cannot both finish it.
    const { count } = await tx.onboardingSession.updateMany({
      where: { id: session.id, status: { in: [...OPEN_STATUSES] }, expiresAt: { gt: now } },
      data: { status: input.outcome, completedAt: now },
    });
    if (count === 0) throw finished();
    if (session.directoryUserId) {
      await tx.directoryUser.update({
        where: { id: session.directoryUserId },
        data: { enrollmentStatus: input.outcome === 'COMPLETED' ? 'ENROLLED' : 'FAILED' },
      });
      if (input.outcome === 'COMPLETED') {
        await tx.identityRecord.upsert({
          where: { directoryUserId: session.directoryUserId },
          create: { id: newId('IdentityRecord'), directoryUserId: session.directoryUserId, sessionId: session.id, fullName, verifiedAt: now },
          update: { sessionId: session.id, fullName, verifiedAt: now },
        });
      }
    }
    const completed = await tx.onboardingSession.findUniqueOrThrow({ where: { id: session.id } });
    await record(tx, db.organizationId, actor, {
      events: [{ type: input.outcome === 'COMPLETED' ? 'onboarding.session.completed' : 'onboarding.session.failed', data: sessionData(completed) }],
      audit: {
        action: 'onboarding_session.complete',
        targetId: session.id,
        changes: changesOf({ status: session.status }, { status: completed.status }),
      },
    });
    return completed;
  });
  return { session: completed };
}

// Client secrets of OIDC_CLIENT_CREDENTIALS integrations (contract 2 rule 2, 6.5.1):
// minted, shown once, stored as SHA-256. A new secret replaces the current one either at
// once or after an overlap, during which both obtain tokens, so running clients can be
// moved to the new one without an outage (Okta keeps two active secrets for the same
// reason). The token endpoint checks a presented secret against every live one
// (src/oauth/clients.ts).
import { lockRow } from '../db/sql.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Deps } from './deps.ts';
import { Problems, UserErrors } from './errors.ts';
import { newId } from './ids.ts';
import { findIntegration } from './integrations.ts';
import { SECRET_CHANGED, record } from './outbox.ts';
import { mintSecret } from './secrets.ts';
import { templateOf } from './templates.ts';
import { checkOverlapSeconds } from './validation.ts';

/**
 * At most this many secrets of one integration are live at once: the current one and the
 * ones still in their overlap. A rotation with overlap past it is refused (one with 0 always
 * works: it stops all the others).
 */
export const MAX_LIVE_CLIENT_SECRETS = 5;

/** The secrets that obtain tokens at `now`: not expired. */
export function liveClientSecrets(now: Date): Prisma.ClientSecretWhereInput {
  return { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

export interface GenerateClientSecretInput {
  integrationId: string;
  previousSecretExpiresInSeconds?: number | null;
}

/**
 * A new client secret, returned once. The live ones it replaces stop after
 * previousSecretExpiresInSeconds (default 0: at once), or sooner if they were already
 * due to; expired ones are deleted.
 */
export async function generateClientSecret({ db, actor }: Pick<Deps, 'db' | 'actor'>, input: GenerateClientSecretInput) {
  const problems = new Problems();
  const overlapField = ['input', 'previousSecretExpiresInSeconds'];
  const overlap = checkOverlapSeconds(problems, input.previousSecretExpiresInSeconds, 0, overlapField);
  problems.throwIfAny();
  const integration = await findIntegration(db, input.integrationId, ['input', 'integrationId']);
  if (!templateOf(integration).oauthClient) {
    throw UserErrors.of('CLIENT_SECRET_NOT_SUPPORTED', ['input', 'integrationId'], 'Only OIDC_CLIENT_CREDENTIALS integrations have client secrets.');
  }
  const minted = mintSecret('clientSecret');
  return db.$transaction(async (tx) => {
    // Two rotations at once apply one after the other: each sees the other's secret.
    await lockRow(tx, { integration: integration.id, of: db.organizationId }, 'NO KEY UPDATE');
    const now = new Date();
    const previousUntil = new Date(now.getTime() + overlap * 1000);
    const where = { integrationId: integration.id };
    await tx.clientSecret.deleteMany({ where: { ...where, expiresAt: { lte: now } } });
    if (overlap === 0) await tx.clientSecret.deleteMany({ where });
    else {
      const live = await tx.clientSecret.count({ where });
      if (live + 1 > MAX_LIVE_CLIENT_SECRETS) {
        throw UserErrors.of(
          'INVALID',
          overlapField,
          `At most ${MAX_LIVE_CLIENT_SECRETS} client secrets can be live at once; wait for an older one to expire, or rotate with 0 to stop all the others.`,
        );
      }
      await tx.clientSecret.updateMany({
        where: { ...where, OR: [{ expiresAt: null }, { expiresAt: { gt: previousUntil } }] },
        data: { expiresAt: previousUntil },
      });
    }
    const created = await tx.clientSecret.create({
      data: {
        id: newId('ClientSecret'),
        organizationId: db.organizationId,
        integrationId: integration.id,
        secretHash: minted.hash,
        lastFour: minted.lastFour,
      },
    });
    const previousSecretsExpireAt = overlap === 0 ? now : previousUntil;
    await record(tx, db.organizationId, actor, {
      events: [
        {
          type: 'client_secret.generated',
          data: {
            integrationId: integration.id,
            clientId: integration.clientId,
            clientSecretId: created.id,
            lastFour: created.lastFour,
            createdAt: created.createdAt,
            previousSecretsExpireAt,
          },
        },
      ],
      audit: {
        action: 'client_secret.generate',
        targetId: integration.id,
        changes: { clientSecret: { from: null, to: SECRET_CHANGED }, previousSecretsExpireAt: { from: null, to: previousSecretsExpireAt } },
      },
    });
    return { integration, clientSecret: minted.secret };
  });
}

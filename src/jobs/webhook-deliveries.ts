// Webhook deliveries (contract 6.4.3): durable jobs in the WebhookDelivery table, queued
// by the outbox with the events themselves, worked by every server instance through the
// job loop (src/jobs/job-loop.ts) the directory syncs use too.
//
// A claim takes one PENDING delivery that is due, of an enabled endpoint, whose lease (if
// any) expired, and counts the attempt; so a delivery whose sender died (SIGKILL) is sent
// again once its lease runs out: at least once, and receivers dedupe by webhook-id (the
// event's ID, the same on every attempt). An attempt POSTs the event signed as Standard
// Webhooks says, with the `standardwebhooks` package: with the endpoint's secret, and its
// rotated-out one while that still lives. A 2xx answer within the timeout is DELIVERED;
// anything else is tried again after the next delay of WEBHOOK_RETRY_SCHEDULE_SECONDS,
// and FAILED after the last. Every URL goes through the outbound client: its address
// rules (contract 6.2), no redirects, a capped answer.
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { Cipher } from '../domain/crypto.ts';
import { Prisma, type PrismaClient, type WebhookDelivery } from '../generated/prisma/client.ts';
import { type Logger, scrubSecrets } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { OutboundError, type OutboundClient } from '../outbound/client.ts';
import { startJobLoop } from './job-loop.ts';

export interface DeliveryWorkerOptions {
  prisma: PrismaClient;
  cipher: Cipher;
  logger: Logger;
  /** The outbound client for receivers (its timeout is WEBHOOK_TIMEOUT_MS). */
  outbound: OutboundClient;
  retryScheduleSeconds: number[];
  pollMs: number;
  concurrency: number;
  leaseMs: number;
  metrics?: Pick<Metrics, 'webhookDeliveries' | 'webhookDeliverySeconds'>;
}

/** What a delivery log keeps of a failure (contract 6.2.5). */
const MAX_ERROR_CHARS = 200;

/** The request body: the event as Standard Webhooks' payload has it. */
export function deliveryBody(event: { type: string; occurredAt: Date; data: unknown }): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt.toISOString(), data: event.data });
}

/** The webhook-signature header: one `v1,<base64>` per live secret, space-separated. */
export function signatures(secrets: string[], messageId: string, timestamp: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' ');
}

export function startDeliveryWorker({
  prisma,
  cipher,
  logger,
  outbound,
  retryScheduleSeconds,
  pollMs,
  concurrency,
  leaseMs,
  metrics,
}: DeliveryWorkerOptions) {
  const owner = `deliveries_${randomUUID()}`;
  const abort = new AbortController();

  async function claim(): Promise<WebhookDelivery | null> {
    const [claimed] = await prisma.$queryRaw<WebhookDelivery[]>`
      UPDATE "WebhookDelivery" d SET
        "leaseOwner" = ${`${owner}:${randomUUID()}`},
        "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}),
        "attempts" = d."attempts" + 1
      WHERE d."id" = (
        SELECT c."id" FROM "WebhookDelivery" c
        JOIN "WebhookEndpoint" w ON w."id" = c."endpointId" AND w."enabled"
        WHERE c."status" = 'PENDING' AND c."nextAttemptAt" <= (now() AT TIME ZONE 'UTC')
          AND (c."leaseExpiresAt" IS NULL OR c."leaseExpiresAt" < (now() AT TIME ZONE 'UTC'))
        ORDER BY c."nextAttemptAt"
        LIMIT 1
        FOR UPDATE OF c SKIP LOCKED)
      RETURNING d.*`;
    return claimed ?? null;
  }

  /** The attempt's outcome, written only while the claim is still ours. */
  async function settle(delivery: WebhookDelivery, outcome: { status: number | null; error: string | null }) {
    const delivered = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    const retryIn = retryScheduleSeconds[delivery.attempts - 1];
    const gaveUp = !delivered && retryIn === undefined;
    const now = Date.now();
    await prisma.webhookDelivery.updateMany({
      where: { id: delivery.id, leaseOwner: delivery.leaseOwner },
      data: {
        status: delivered ? 'DELIVERED' : gaveUp ? 'FAILED' : 'PENDING',
        lastResponseStatus: outcome.status,
        lastError: delivered ? null : outcome.error?.slice(0, MAX_ERROR_CHARS),
        deliveredAt: delivered ? new Date(now) : null,
        nextAttemptAt: delivered || gaveUp ? null : new Date(now + retryIn * 1000),
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    });
    metrics?.webhookDeliveries.inc({ outcome: delivered ? 'delivered' : gaveUp ? 'failed' : 'retried' });
  }

  async function attempt(claimed: WebhookDelivery): Promise<void> {
    const log = logger.child({ deliveryId: claimed.id, attempt: claimed.attempts });
    // Claimed again after every attempt it was given ended with its sender gone (crashes,
    // kills): given up, so no delivery can take down server after server.
    if (claimed.attempts > retryScheduleSeconds.length + 1) {
      log.warn('a webhook delivery was interrupted past its last attempt: given up');
      return settle(claimed, { status: null, error: `given up: attempt ${claimed.attempts - 1} ended without an answer (the sender stopped)` });
    }
    const delivery = await prisma.webhookDelivery.findUnique({ where: { id: claimed.id }, include: { endpoint: true, event: true } });
    if (!delivery) return; // its endpoint was deleted meanwhile
    const { endpoint, event } = delivery;
    const timestamp = new Date();
    const body = deliveryBody(event);
    let signature: string;
    try {
      const secrets = [cipher.decrypt(endpoint.secret)];
      if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > timestamp) {
        secrets.push(cipher.decrypt(endpoint.previousSecret));
      }
      signature = signatures(secrets, event.id, timestamp, body);
    } catch (error) {
      log.error({ err: error }, 'could not sign a webhook delivery');
      return settle(claimed, { status: null, error: 'the endpoint secret could not be read (see server logs)' });
    }
    const started = process.hrtime.bigint();
    let outcome: { status: number | null; error: string | null };
    try {
      const response = await outbound.request(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'integrations-api-webhooks/1',
          'webhook-id': event.id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body,
        signal: abort.signal,
      });
      if (response.status >= 200 && response.status < 300) {
        await response.discard();
        outcome = { status: response.status, error: null };
      } else {
        // The start of the receiver's answer, never what we sent it (a signature echoed back is cut out).
        const text = (await response.text(MAX_ERROR_CHARS * 2).catch(() => '')).replaceAll(/v1,[A-Za-z0-9+/=]+/g, '[signature]');
        outcome = { status: response.status, error: `HTTP ${response.status}${text.trim() ? `: ${scrubSecrets(text.trim())}` : ''}` };
      }
    } catch (error) {
      if (abort.signal.aborted) return; // stopping: the lease runs out and the delivery is sent again
      outcome = { status: null, error: error instanceof OutboundError ? error.message : 'the request failed' };
      if (!(error instanceof OutboundError)) log.error({ err: error }, 'webhook delivery failed unexpectedly');
    }
    metrics?.webhookDeliverySeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
    // The receiver's own words go to the delivery log (lastError), never to the server's log.
    log.info({ endpointId: endpoint.id, eventId: event.id, status: outcome.status, failed: outcome.error !== null }, 'webhook delivery attempt');
    await settle(claimed, outcome);
  }

  const jobs = startJobLoop({ name: 'webhook deliveries', logger, pollMs, concurrency, claim, work: attempt });
  return {
    wake: () => jobs.wake(),
    /** Stops claiming; attempts in flight get `graceMs`, then are cut off (and sent again after their lease). */
    async stop(graceMs = 3000) {
      const stopping = jobs.stop(graceMs);
      setTimeout(() => abort.abort(), graceMs).unref();
      await stopping;
      abort.abort();
      // Hand unfinished claims back, so another instance sends them at once, and take back
      // their attempt: a graceful stop is not a failed attempt.
      await prisma
        .$executeRaw(
          Prisma.sql`UPDATE "WebhookDelivery" SET "leaseExpiresAt" = NULL, "leaseOwner" = NULL, "attempts" = GREATEST("attempts" - 1, 0)
                     WHERE "leaseOwner" LIKE ${`${owner}:%`} AND "status" = 'PENDING'`,
        )
        .catch(() => {});
    },
  };
}

export type DeliveryWorker = ReturnType<typeof startDeliveryWorker>;

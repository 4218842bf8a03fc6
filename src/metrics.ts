// Prometheus metrics (README: "Edge: authentication, request IDs, limits, headers, metrics"), served at GET /metrics to holders of METRICS_TOKEN.
// One registry per server instance (never prom-client's global one), so several servers
// in one process (tests, benchmarks) keep their own counts. GraphQL requests and their
// durations per operation come from @graphql-yoga/plugin-prometheus on this registry; what
// the plugin cannot see (answers refused at the HTTP edge, errors by code, open
// subscriptions, directory sync runs, webhook deliveries) is counted here with prom-client directly.
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    /** GraphQL errors answered, by extensions.code (UNAUTHENTICATED and RATE_LIMITED at the edge included). */
    errors: new Counter({ name: 'graphql_errors_total', help: 'GraphQL errors answered, by code', labelNames: ['code'], registers: [registry] }),
    /** Subscriptions (SSE and WebSocket) open now. */
    openSubscriptions: new Gauge({ name: 'graphql_open_subscriptions', help: 'Subscriptions open now', registers: [registry] }),
    syncRuns: new Counter({
      name: 'directory_sync_runs_total',
      help: 'Directory sync runs that ended, by outcome (succeeded, failed, handed_back)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    usersProcessed: new Counter({
      name: 'directory_sync_users_processed_total',
      help: 'Upstream users read by directory syncs',
      registers: [registry],
    }),
    webhookDeliveries: new Counter({
      name: 'webhook_delivery_attempts_total',
      help: 'Webhook delivery attempts, by outcome (delivered; retried: failed, tried again later; failed: failed the last time, given up)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    webhookDeliverySeconds: new Histogram({
      name: 'webhook_delivery_duration_seconds',
      help: "Time from sending a webhook to the receiver's answer (or the failure)",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Whether an Authorization header carries the metrics token (compared in constant time). */
export function isMetricsCaller(authorization: string | undefined, token: string): boolean {
  const presented = Buffer.from(authorization?.replace(/^bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

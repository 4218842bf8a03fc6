// Subscribing as real clients do: graphql-sse in its distinct-connections mode (one SSE
// request per operation, the API key in a header) and graphql-ws over `ws` (the API key in
// connection_init). Both collect what arrives so a test can wait for it with a deadline.
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { expect } from 'vitest';
import WebSocket from 'ws';
import { type Sync, eventually } from './directory.ts';

export interface Collected<T> {
  /** `data` of each result that carried some. */
  events: T[];
  /** Errors: results' `errors`, or what the transport reported. */
  errors: unknown[];
  completed: boolean;
  /** Waits until `check` holds for what arrived (deadline, no fixed sleep). */
  waitFor(what: string, check: (events: T[]) => boolean, timeoutMs?: number): Promise<T[]>;
  /** Waits until the operation ended with an error or a completion. */
  settled(timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

interface Sink {
  next(value: { data?: unknown; errors?: readonly unknown[] | unknown[] }): void;
  error(error: unknown): void;
  complete(): void;
}

function collector<T>(field: string): { sink: Sink; collected: Omit<Collected<T>, 'dispose'> } {
  const collected = {
    events: [] as T[],
    errors: [] as unknown[],
    completed: false,
    waitFor: (what: string, check: (events: T[]) => boolean, timeoutMs = 60_000) =>
      eventually(
        `${what} (got ${JSON.stringify(
          collected.events.map((e) => {
            const s = e as { id?: unknown; status?: unknown; processed?: unknown } | null;
            return [s?.id, s?.status, s?.processed];
          }),
        )}, errors ${JSON.stringify(collected.errors)})`,
        async () => (check(collected.events) ? collected.events : undefined),
        timeoutMs,
        50,
      ),
    settled: (timeoutMs = 30_000) =>
      eventually('the subscription to end', async () => (collected.completed || collected.errors.length ? true : undefined), timeoutMs, 50).then(
        () => {},
      ),
  };
  const sink: Sink = {
    next(value) {
      if (value.errors?.length) collected.errors.push(...value.errors);
      const data = (value.data as Record<string, T> | null | undefined)?.[field];
      if (data) collected.events.push(data);
    },
    error(error) {
      // graphql-ws hands over the `error` message's list; a transport failure is one value
      if (Array.isArray(error)) collected.errors.push(...error);
      else collected.errors.push(error);
    },
    complete() {
      collected.completed = true;
    },
  };
  return { sink, collected };
}

/** graphql-sse, distinct connections mode, authenticated by the x-api-key header. */
export function subscribeSse<T = unknown>(
  serverUrl: string,
  apiKey: string,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Collected<T> {
  const client = createSseClient({
    url: `${serverUrl}/graphql`,
    singleConnection: false,
    headers: { 'x-api-key': apiKey },
    retryAttempts: 0,
  });
  const { sink, collected } = collector<T>(field);
  const unsubscribe = client.subscribe({ query, variables }, sink as never);
  return {
    ...collected,
    async dispose() {
      unsubscribe();
      client.dispose();
    },
  };
}

export interface WsCollected<T> extends Collected<T> {
  /** Close events the socket saw (code, reason). */
  closes: { code: number; reason: string }[];
}

/** graphql-ws (graphql-transport-ws) over `ws`, authenticated in connection_init. */
export function subscribeWs<T = unknown>(
  serverUrl: string,
  connectionParams: Record<string, string>,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): WsCollected<T> {
  const closes: { code: number; reason: string }[] = [];
  const client = createWsClient({
    url: `${serverUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: unknown };
        closes.push({ code, reason: String(reason ?? '') });
      },
    },
  });
  const { sink, collected } = collector<T>(field);
  const unsubscribe = client.subscribe({ query, variables }, sink as never);
  return {
    ...collected,
    closes,
    async dispose() {
      unsubscribe();
      await client.dispose();
    },
  };
}

export const SYNC_PROGRESS = `subscription ($integrationId: ID!) {
  directorySyncProgress(integrationId: $integrationId) { id status kind trigger processed total created updated deactivated error startedAt finishedAt }
}`;

/**
 * The events of one sync of `total` users read in pages of `pageSize`, each state once:
 * QUEUED (if seen), RUNNING steps with strictly increasing progress (one per page), then
 * one SUCCEEDED, last, with every user processed and nothing changed.
 */
export function expectProgression(events: Sync[], { total, pageSize }: { total: number; pageSize: number }) {
  const statuses = events.map((e) => e.status);
  expect(
    statuses.filter((s) => s === 'SUCCEEDED'),
    JSON.stringify(statuses),
  ).toHaveLength(1);
  const terminal = statuses.indexOf('SUCCEEDED');
  expect(terminal, JSON.stringify(statuses)).toBe(events.length - 1);
  const firstRunning = statuses.indexOf('RUNNING');
  expect(
    statuses.slice(0, firstRunning).every((s) => s === 'QUEUED'),
    JSON.stringify(statuses),
  ).toBe(true);
  const running = events.slice(firstRunning, terminal);
  expect(
    running.every((e) => e.status === 'RUNNING'),
    JSON.stringify(statuses),
  ).toBe(true);
  const progress = running.map((e) => e.processed);
  for (let i = 1; i < progress.length; i++) expect(progress[i], JSON.stringify(progress)).toBeGreaterThan(progress[i - 1]);
  const pages = Array.from({ length: Math.ceil(total / pageSize) - 1 }, (_, i) => (i + 1) * pageSize);
  expect(progress, JSON.stringify(progress)).toEqual(expect.arrayContaining(pages));
  expect(events[terminal]).toMatchObject({ status: 'SUCCEEDED', processed: total, created: 0, updated: 0, deactivated: 0, error: null });
  expect(events[terminal].finishedAt).not.toBeNull();
}

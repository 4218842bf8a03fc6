// Faults a production server meets, black-box, each on a dedicated server process
// (tests/support/isolated-server.ts: fresh storage of the suite's kind, its own process):
//
// - SIGKILL in the middle of a burst of requestNewOnboarding with idempotency keys: after
//   the restart every key still maps to exactly one session (README:
//   "Integrations and onboarding sessions"), whatever was answered before the crash, and
//   nothing answers INTERNAL_SERVER_ERROR.
//   (SIGKILL during a directory sync is tests/sync-recovery.test.ts: resumed from the saved
//   cursor, no duplicated users. Not repeated here.)
// - PostgreSQL terminating the server's connections (pg_terminate_backend) under a load of
//   reads and writes: no restart needed, and no INTERNAL_SERVER_ERROR where a retry works
//   (src/db/connection-retry.ts).
// - Redis stopped while REDIS_URL is set: queries, mutations and same-instance
//   subscriptions go on (src/pubsub.ts), rate limits count in memory meanwhile
//   (src/rate-limits.ts), and both recover when Redis is back. The Redis is the test's own
//   (a redis-server on a free port): the machine's Redis on 6379 is never touched.
//
// No timing assertions: the machine may be slow and shared; waits have deadlines.
import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { print } from 'graphql';
import { createOktaIntegration, eventually, startSync, type Sync, waitForSync } from './support/directory.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import { type Answer, type Org, type RequestNewOnboardingInput, type ResultOf, codes, graphql, send, testOrg } from './support/kit.ts';
import { freePort } from './support/process.ts';
import { oktaUsers, startOktaStandIn } from './support/standins/okta.ts';
import { type Collected, SYNC_PROGRESS, subscribeSse } from './support/subscriptions.ts';

const storage = inject('storage');
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

async function isolated(settings: Record<string, string>): Promise<IsolatedServer> {
  const server = await startIsolatedServer(settings);
  cleanups.push(() => server.stop());
  return server;
}

// Answers are read as they came (kit's send(): nothing thrown for GraphQL errors or HTTP
// statuses; a lost connection throws).

/** Each top-level error's code (NO_CODE without one); NOT_JSON for a body that is no GraphQL answer. */
function errorCodes(answer: Answer<unknown>): string[] {
  if (answer.data === undefined && answer.errors === undefined) return ['NOT_JSON'];
  return codes(answer).map((code) => code ?? 'NO_CODE');
}

const REQUEST_ONBOARDING = graphql(`
  mutation FaultsRequestOnboarding($input: RequestNewOnboardingInput!) {
    requestNewOnboarding(input: $input) {
      session {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const VIEWER = graphql(`
  query FaultsViewer {
    viewer {
      organization {
        id
        name
      }
    }
  }
`);
const INTEGRATIONS = graphql(`
  query FaultsIntegrations {
    integrations(first: 20) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

type RequestAnswer = Answer<ResultOf<typeof REQUEST_ONBOARDING>>;
const requestOnboarding = (org: Org, input: RequestNewOnboardingInput): Promise<RequestAnswer> => send(org, REQUEST_ONBOARDING, { input });

/** The session of a successful requestNewOnboarding answer, else undefined. */
function sessionOf(answer: RequestAnswer): string | undefined {
  const payload = answer.data?.requestNewOnboarding;
  if (answer.errors?.length || !payload || payload.userErrors.length) return undefined;
  return payload.session?.id;
}

function describeAnswer(answer: Answer<unknown>): string {
  return `HTTP ${answer.status} ${answer.text.slice(0, 300)}`;
}

/** A query's answer with its HTTP headers (kit's send() gives none): status, headers, and the body's errors. */
async function withHeaders(org: Org, document: typeof VIEWER | typeof INTEGRATIONS) {
  const response = await fetch(org.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': org.apiKey },
    body: JSON.stringify({ query: print(document) }),
  });
  const text = await response.text();
  let errors: unknown;
  try {
    ({ errors } = JSON.parse(text) as { errors?: unknown });
  } catch {
    errors = [{ message: `not JSON (HTTP ${response.status})` }];
  }
  return { status: response.status, headers: response.headers, errors, describe: `HTTP ${response.status} ${text.slice(0, 300)}` };
}

/** Sessions per idempotency key of one integration, read straight from the database. */
async function sessionsByKey(server: IsolatedServer, integrationId: string): Promise<Map<string, string[]>> {
  const db = server.database();
  await db.connect();
  try {
    const { rows } = await db.query<{ key: string; ids: string[] }>(
      `SELECT "idempotencyKey" AS key, array_agg(id ORDER BY id) AS ids FROM "OnboardingSession"
       WHERE "integrationId" = $1 AND "idempotencyKey" IS NOT NULL GROUP BY "idempotencyKey"`,
      [integrationId],
    );
    return new Map(rows.map((row) => [row.key, row.ids]));
  } finally {
    await db.end();
  }
}

describe('SIGKILL during a burst of requestNewOnboarding with idempotency keys', () => {
  it('every key maps to exactly one session before and after the restart; no INTERNAL_SERVER_ERROR', { timeout: 600_000 }, async () => {
    // Hundreds of requests at once from one address: the failed-authentication budget per
    // address counts each attempt until its key is found, so the default 60 would refuse some.
    const server = await isolated({ AUTH_FAILURES_PER_MINUTE: '100000' });
    const org = await testOrg({ name: 'Crash burst', server });
    const integrationId = (await org.apiIntegration({ name: 'Burst' })).id;
    const KEYS = 50;
    const REQUESTS = 200;
    const KILL_AFTER = 30;
    const inputOf = (key: number) => ({
      integrationId,
      idempotencyKey: `burst-${key}`,
      externalUserId: `person-${key}`,
      email: `person${key}@example.com`,
    });

    let answered = 0;
    let reachedKillPoint!: () => void;
    const killPoint = new Promise<void>((resolve) => (reachedKillPoint = resolve));
    const burst = Array.from({ length: REQUESTS }, async (_, i) => {
      const key = i % KEYS;
      try {
        const answer = await requestOnboarding(org, inputOf(key));
        return { key, answer };
      } catch (error) {
        return { key, lost: String(error) };
      } finally {
        if (++answered === KILL_AFTER) reachedKillPoint();
      }
    });
    const settled = Promise.all(burst);
    await Promise.race([killPoint, settled]);
    await server.restart(); // SIGKILL of the whole process tree, then a new server on the same storage and port
    const outcomes = await settled;

    const lost = outcomes.filter((o) => 'lost' in o);
    const before = outcomes.filter((o): o is { key: number; answer: RequestAnswer } => 'answer' in o);
    expect(lost.length, 'the kill came mid-burst: some requests never got an answer').toBeGreaterThan(0);
    for (const { answer } of before) {
      expect(errorCodes(answer), describeAnswer(answer)).not.toContain('INTERNAL_SERVER_ERROR');
      expect(sessionOf(answer), describeAnswer(answer)).toBeDefined();
    }

    // Every key again, twice at once, on the restarted server.
    const again = await Promise.all(
      Array.from({ length: KEYS * 2 }, async (_, i) => {
        const key = i % KEYS;
        return { key, answer: await requestOnboarding(org, inputOf(key)) };
      }),
    );
    const sessionOfKey = new Map<number, string>();
    for (const { key, answer } of again) {
      expect(errorCodes(answer), describeAnswer(answer)).toEqual([]);
      const id = sessionOf(answer);
      expect(id, describeAnswer(answer)).toBeDefined();
      expect(sessionOfKey.get(key) ?? id, `key ${key}: one session on every answer`).toBe(id);
      sessionOfKey.set(key, id!);
    }
    for (const { key, answer } of before) {
      expect(sessionOf(answer), `key ${key}: the session answered before the crash is the one answered after`).toBe(sessionOfKey.get(key));
    }

    // In the database: one session per key, no duplicates, nothing else.
    const stored = await sessionsByKey(server, integrationId);
    expect(stored.size).toBe(KEYS);
    for (let key = 0; key < KEYS; key++) expect(stored.get(`burst-${key}`), `key ${key}`).toEqual([sessionOfKey.get(key)]);
    console.info(
      `[faults] burst: ${before.length} answered before the SIGKILL, ${lost.length} lost with the process; ${KEYS} keys, ${KEYS} sessions`,
    );
  });
});

describe('PostgreSQL terminating the server connections mid-load', () => {
  // PostgreSQL only: the embedded PGlite runs inside the server process, so it has no
  // backends to terminate, and connections cannot break under it.
  it.runIf(storage === 'postgres')('needs no restart, and answers no INTERNAL_SERVER_ERROR where a retry works', { timeout: 600_000 }, async () => {
    // No rate limit: the load is many requests of one API key.
    const server = await isolated({ RATE_LIMIT_PER_MINUTE: '0' });
    const org = await testOrg({ name: 'Terminated connections', server });
    const integrationId = (await org.apiIntegration({ name: 'Load' })).id;
    const admin = server.database();
    await admin.connect();
    cleanups.push(() => admin.end());
    const database = new URL(server.storageEnv.DATABASE_URL).pathname.slice(1);

    type Outcome<A> = { answer?: A; lost?: string };
    type Onboarding = { op: 'requestNewOnboarding'; input: RequestNewOnboardingInput } & Outcome<RequestAnswer>;
    type Result = ({ op: 'viewer' | 'integrations' } & Outcome<Answer<unknown>>) | Onboarding;
    const results: Result[] = [];
    let next = 0;
    let stop = false;
    const attempt = async <A>(call: () => Promise<A>): Promise<Outcome<A>> => {
      try {
        return { answer: await call() };
      } catch (error) {
        return { lost: String(error) };
      }
    };
    const operation = async (n: number): Promise<Result> => {
      switch (n % 3) {
        case 0:
          return { op: 'viewer', ...(await attempt(() => send(org, VIEWER))) };
        case 1:
          return { op: 'integrations', ...(await attempt(() => send(org, INTEGRATIONS))) };
        default: {
          const input = { integrationId, idempotencyKey: `load-${n}`, externalUserId: `load-${n}` };
          return { op: 'requestNewOnboarding', input, ...(await attempt(() => requestOnboarding(org, input))) };
        }
      }
    };
    const worker = async () => {
      while (!stop) results.push(await operation(next++));
    };
    const workers = Array.from({ length: 8 }, worker);
    const answers = (count: number) =>
      eventually(`${count} answers (have ${results.length})`, async () => (results.length >= count ? true : undefined), 180_000, 20);

    await answers(40);
    const terminated: number[] = [];
    for (let round = 0; round < 5; round++) {
      const { rows } = await admin.query<{ pg_terminate_backend: boolean }>(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      terminated.push(rows.filter((r) => r.pg_terminate_backend).length);
      // The load goes on between terminations (progress, not a fixed wait).
      await answers(results.length + 30);
    }
    stop = true;
    await Promise.all(workers);

    const log = server.server.output().split('\n');
    const retries = log.filter((line) => /retrying a statement|starting the transaction again|running the transaction again/.test(line)).length;
    const problems = log.filter((line) => /"level":(50|60)/.test(line));
    if (problems.length) console.info(`[faults] server errors:\n${problems.slice(0, 40).join('\n')}`);
    const codeCounts = new Map<string, number>();
    for (const { answer } of results)
      for (const code of answer ? errorCodes(answer) : ['NO_ANSWER']) codeCounts.set(code, (codeCounts.get(code) ?? 0) + 1);
    console.info(
      `[faults] pg_terminate_backend: ${results.length} requests, backends terminated per round ${JSON.stringify(terminated)}, ` +
        `retries logged by the server ${retries}, error codes ${JSON.stringify(Object.fromEntries(codeCounts))}`,
    );
    expect(
      terminated.reduce((a, b) => a + b, 0),
      'some server connections were terminated',
    ).toBeGreaterThan(0);
    expect(server.server.child.exitCode, 'the server kept running').toBeNull();
    for (const result of results) {
      expect(result.lost, `${result.op}: an answer`).toBeUndefined();
      const answer = result.answer!;
      expect(answer.status, `${result.op}: ${describeAnswer(answer)}`).toBeLessThan(500);
      // The one error a lost connection may still give is the retryable SERVICE_UNAVAILABLE
      // (a write whose outcome the server cannot know), never INTERNAL_SERVER_ERROR.
      expect(
        errorCodes(answer).filter((code) => code !== 'SERVICE_UNAVAILABLE'),
        `${result.op}: ${describeAnswer(answer)}`,
      ).toEqual([]);
      if (!errorCodes(answer).length && result.op === 'requestNewOnboarding') expect(sessionOf(result.answer!), describeAnswer(answer)).toBeDefined();
    }

    // A caller told SERVICE_UNAVAILABLE retries: its key still makes exactly one session.
    const unavailable = results.filter(
      (r): r is Onboarding => r.op === 'requestNewOnboarding' && errorCodes(r.answer!).includes('SERVICE_UNAVAILABLE'),
    );
    for (const { input } of unavailable) {
      const answer = await requestOnboarding(org, input);
      expect(sessionOf(answer), describeAnswer(answer)).toBeDefined();
    }
    const stored = await sessionsByKey(server, integrationId);
    for (const [key, ids] of stored) expect(ids, `key ${key}`).toHaveLength(1);
    const viewer = await send(org, VIEWER);
    expect(viewer.errors).toBeUndefined();
  });
});

/** A redis-server of the test's own, on a port of its own; stopped and started again at will. */
async function ownRedis() {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const redis = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const started = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child = started;
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk;
          if (output.includes('Ready to accept connections')) resolve();
        };
        started.stdout!.on('data', onData);
        started.stderr!.on('data', onData);
        started.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
      });
    },
    /** SIGKILL of the one process this test started. */
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
  await redis.start();
  cleanups.push(() => redis.stop());
  return redis;
}

describe('Redis stopped while REDIS_URL is set', () => {
  it('queries, mutations and same-instance subscriptions go on; rate limits and Redis delivery recover', { timeout: 600_000 }, async () => {
    const redis = await ownRedis();
    const server = await isolated({ REDIS_URL: redis.url, SYNC_POLL_MS: '200' });
    const org = await testOrg({ name: 'Redis outage', server });
    const okta = await startOktaStandIn({ users: oktaUsers(60), pageSize: 20, pageDelayMs: 150 });
    cleanups.push(() => okta.close());
    const { id: integrationId, firstSync } = await createOktaIntegration(org, okta, { name: 'Outage' });
    expect(await waitForSync(org, firstSync.id)).toMatchObject({ status: 'SUCCEEDED', processed: 60 });
    const apiIntegration = (await org.apiIntegration({ name: 'Outage API' })).id;
    const channel = `directorySync:${integrationId}`;
    const subscribers = async (client: Redis) => Number(((await client.pubsub('NUMSUB', channel)) as [string, number])[1]);

    const watcher = new Redis(redis.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    watcher.on('error', () => {});
    const early = subscribeSse<Sync>(server.server.url, org.apiKey, SYNC_PROGRESS, { integrationId }, 'directorySyncProgress');
    cleanups.push(() => early.dispose());
    await early.waitFor('the current state', (events) => events.length > 0);
    // The server listens on the channel in Redis: with Redis up, events go through it.
    await eventually('the server subscribed in Redis', async () => ((await subscribers(watcher)) >= 1 ? true : undefined));
    watcher.disconnect();

    /** A sync of the directory, to its end, as `subscriptions` see it. */
    const syncSeenBy = async (what: string, subscriptions: Collected<Sync>[]) => {
      const started = await startSync(org, integrationId);
      expect(started.userErrors).toEqual([]);
      const syncId = started.sync!.id;
      for (const subscription of subscriptions) {
        await subscription.waitFor(
          `${what}: sync ${syncId} SUCCEEDED`,
          (events) => events.some((e) => e.id === syncId && e.status === 'SUCCEEDED'),
          120_000,
        );
        const events = subscription.events.filter((e) => e.id === syncId);
        const running = events.filter((e) => e.status === 'RUNNING').map((e) => e.processed);
        // Each step once and in order: no event delivered twice (locally and through Redis).
        for (let i = 1; i < running.length; i++) expect(running[i], `${what}: ${JSON.stringify(running)}`).toBeGreaterThan(running[i - 1]);
        expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', processed: 60 });
        expect(
          events.filter((e) => e.status === 'SUCCEEDED'),
          what,
        ).toHaveLength(1);
        expect(subscription.errors).toEqual([]);
      }
      return syncId;
    };

    await syncSeenBy('with Redis up', [early]);

    // The outage.
    await redis.stop();
    const durations: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = Date.now();
      const answer = await withHeaders(org, i % 2 ? VIEWER : INTEGRATIONS);
      durations.push(Date.now() - started);
      expect(answer.status, answer.describe).toBe(200);
      expect(answer.errors, answer.describe).toBeUndefined();
      // Still limited (in memory), not refused.
      expect(answer.headers.get('ratelimit-limit')).toBe('1200');
      expect(Number(answer.headers.get('ratelimit-remaining'))).toBeGreaterThan(0);
    }
    const requested = await requestOnboarding(org, { integrationId: apiIntegration, idempotencyKey: 'during-outage', externalUserId: 'outage' });
    expect(sessionOf(requested), describeAnswer(requested)).toBeDefined();
    const during = subscribeSse<Sync>(server.server.url, org.apiKey, SYNC_PROGRESS, { integrationId }, 'directorySyncProgress');
    cleanups.push(() => during.dispose());
    await during.waitFor('the current state, subscribed while Redis is away', (events) => events.length > 0);
    await syncSeenBy('while Redis is away', [early, during]);
    console.info(`[faults] request durations while Redis was away (ms): ${JSON.stringify(durations)}`);

    // Redis is back (same port, empty): the server subscribes again, publishes through it
    // again, and counts rate limits in it again.
    await redis.start();
    const observer = new Redis(redis.url);
    const checker = new Redis(redis.url);
    cleanups.push(async () => {
      observer.disconnect();
      checker.disconnect();
    });
    // Its three clients (publishing, subscribing, rate limits) reconnect on their own, each
    // on its own backoff: wait for all of them, besides the checker itself.
    const connections = async () => ((await checker.client('LIST')) as string).trim().split('\n').length;
    await eventually('the server connected to Redis again', async () => ((await connections()) >= 4 ? true : undefined), 60_000, 200);
    await eventually('the server subscribed in Redis again', async () => ((await subscribers(checker)) >= 1 ? true : undefined), 60_000, 200);
    const published: Sync[] = [];
    observer.on('message', (_channel: string, message: string) => published.push(JSON.parse(message) as Sync));
    await observer.subscribe(channel);
    const after = subscribeSse<Sync>(server.server.url, org.apiKey, SYNC_PROGRESS, { integrationId }, 'directorySyncProgress');
    cleanups.push(() => after.dispose());
    await after.waitFor('the current state, after Redis came back', (events) => events.length > 0);
    const recovered = await syncSeenBy('after Redis came back', [early, during, after]);
    await eventually('the sync published through Redis', async () =>
      published.some((e) => e.id === recovered && e.status === 'SUCCEEDED') ? true : undefined,
    );
    await eventually(
      'rate limits counted in Redis again',
      async () => {
        const answer = await send(org, VIEWER);
        expect(answer.status).toBe(200);
        return (await checker.keys('iapi:requests*')).length > 0 ? true : undefined;
      },
      60_000,
      500,
    );
  });
});

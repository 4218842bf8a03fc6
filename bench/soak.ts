// `npm run bench:soak`: a soak test of a real server process, over loopback. Settings from
// the environment:
//   BENCH_SOAK_SECONDS          how long the mixed load runs (default 60)
//   BENCH_SOAK_SUBSCRIBERS      SSE subscriptions, and as many WebSocket ones (default 10 each)
//   BENCH_SOAK_CONNECTIONS      concurrent HTTP connections of the load (default 10)
//   BENCH_SOAK_DIRECTORY_USERS  users in the stand-in Okta directory (default 1000: 5 pages)
//   BENCH_DATABASE_URL          run on that PostgreSQL instead of a fresh embedded database
//
// Starts the compiled server (bench/support.ts, as `npm run bench` does) with
// RATE_LIMIT_PER_MINUTE=0 (the soak measures the server, not its rate limiter) and
// ALLOW_PRIVATE_NETWORK_TARGETS=true (the tests' Okta stand-in listens on 127.0.0.1);
// creates an organization with the admin command, seeds workflows, API integrations and
// Okta integrations pointed at the stand-in; opens N graphql-sse (distinct connections)
// and N graphql-ws `directorySyncProgress` subscriptions; then drives a weighted mix of
// reads and writes with autocannon for a bounded time, checking every response (HTTP
// status, GraphQL errors, userErrors, idempotent replays returning the original session).
// Afterwards it starts one more sync per Okta integration and checks that every
// subscription delivers it. It prints requests, errors, requests/s, latency percentiles,
// per-operation counts, subscription events, and the server's RSS at start, middle and end.
// Exits 1 on any error or any subscription that closed or stopped delivering.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type OktaStandIn, oktaUsers, startOktaStandIn } from '../tests/support/standins/okta.ts';
import { type Server, admin, memoryOf, percentile, startServer, storageEnv, table } from './support.ts';

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`error: ${name} must be a positive number, got "${raw}"\n`);
    process.exit(2);
  }
  return value;
}

const SECONDS = positive('BENCH_SOAK_SECONDS', 60);
const SUBSCRIBERS = Math.round(positive('BENCH_SOAK_SUBSCRIBERS', 10));
const CONNECTIONS = Math.round(positive('BENCH_SOAK_CONNECTIONS', 10));
const DIRECTORY_USERS = Math.round(positive('BENCH_SOAK_DIRECTORY_USERS', 1000));
const DATABASE_URL = process.env.BENCH_DATABASE_URL || undefined;
const SEEDED_WORKFLOWS = 20;
const API_INTEGRATIONS = 4;
const OKTA_INTEGRATIONS = 2;
/** Each HTTP request's deadline (autocannon's `timeout`, seconds): a slower answer is a timeout error. */
const REQUEST_TIMEOUT_S = 10;

const log = (message: string) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------
// Setting up through the API

/** The request's `data`, typed by the caller (T: the shape the query selects). */
async function graphql<T>(server: Server, apiKey: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (!response.ok || json.errors) throw new Error(`HTTP ${response.status} ${JSON.stringify(json)}`);
  for (const value of Object.values(json.data ?? {})) {
    const userErrors = (value as { userErrors?: unknown[] } | null)?.userErrors;
    if (userErrors?.length) throw new Error(`userErrors: ${JSON.stringify(userErrors)}`);
  }
  return json.data as T;
}

const SYNC_FIELDS = 'id status processed total created updated deactivated error startedAt finishedAt';
const TERMINAL = new Set(['SUCCEEDED', 'FAILED']);

interface LastSync {
  id: string;
  status: string;
  error: string | null;
}

async function lastSyncs(server: Server, apiKey: string, ids: string[]) {
  return Promise.all(
    ids.map(
      async (id) =>
        (
          await graphql<{ integration: { directory: { lastSync: LastSync | null } } }>(
            server,
            apiKey,
            `query ($id: ID!) { integration(id: $id) { directory { lastSync { ${SYNC_FIELDS} } } } }`,
            { id },
          )
        ).integration.directory.lastSync,
    ),
  );
}

async function waitForSyncsToSettle(server: Server, apiKey: string, ids: string[], timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const syncs = await lastSyncs(server, apiKey, ids);
    if (syncs.every((s) => s && TERMINAL.has(s.status))) return syncs;
    if (Date.now() > deadline) throw new Error(`directory syncs did not settle within ${timeoutMs / 1000} s: ${JSON.stringify(syncs)}`);
    await sleep(200);
  }
}

// ---------------------------------------------------------------------------------------
// Subscriptions, as real clients hold them (like tests/support/subscriptions.ts)

interface SyncEvent {
  id: string;
  status: string;
  processed: number;
}

interface Subscription {
  transport: 'SSE' | 'WebSocket';
  integrationId: string;
  events: SyncEvent[];
  errors: unknown[];
  completed: boolean;
  /** WebSocket close events (code, reason). */
  closes: { code: number; reason: string }[];
  dispose(): Promise<void>;
}

const SYNC_PROGRESS = `subscription ($integrationId: ID!) { directorySyncProgress(integrationId: $integrationId) { ${SYNC_FIELDS} } }`;

function sink(subscription: Subscription) {
  return {
    next(value: { data?: { directorySyncProgress?: SyncEvent | null } | null; errors?: readonly unknown[] }) {
      if (value.errors?.length) subscription.errors.push(...value.errors);
      const event = value.data?.directorySyncProgress;
      if (event) subscription.events.push(event);
    },
    error(error: unknown) {
      if (Array.isArray(error)) subscription.errors.push(...error);
      else subscription.errors.push(error instanceof Error ? error.message : error);
    },
    complete() {
      subscription.completed = true;
    },
  };
}

function subscribeSse(server: Server, apiKey: string, integrationId: string): Subscription {
  const client = createSseClient({ url: `${server.url}/graphql`, singleConnection: false, headers: { 'x-api-key': apiKey }, retryAttempts: 0 });
  const subscription: Subscription = {
    transport: 'SSE',
    integrationId,
    events: [],
    errors: [],
    completed: false,
    closes: [],
    async dispose() {
      unsubscribe();
      client.dispose();
    },
  };
  const unsubscribe = client.subscribe({ query: SYNC_PROGRESS, variables: { integrationId } }, sink(subscription) as never);
  return subscription;
}

function subscribeWs(server: Server, apiKey: string, integrationId: string): Subscription {
  const subscription: Subscription = {
    transport: 'WebSocket',
    integrationId,
    events: [],
    errors: [],
    completed: false,
    closes: [],
    async dispose() {
      unsubscribe();
      await client.dispose();
    },
  };
  const client = createWsClient({
    url: `${server.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { 'x-api-key': apiKey },
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: unknown };
        subscription.closes.push({ code, reason: String(reason ?? '') });
      },
    },
  });
  const unsubscribe = client.subscribe({ query: SYNC_PROGRESS, variables: { integrationId } }, sink(subscription) as never);
  return subscription;
}

const isOpen = (s: Subscription) => !s.completed && s.errors.length === 0 && s.closes.length === 0;

// ---------------------------------------------------------------------------------------
// The mixed load

/** mulberry32: the same mix of operations on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Fixture {
  workflowIds: string[];
  /** Workflows the API integrations use; updateWorkflow edits these. */
  editedWorkflowIds: string[];
  apiIntegrationIds: string[];
  oktaIntegrationIds: string[];
}

interface Built<M = unknown> {
  body: string;
  /** What the check needs to know about this request. */
  meta?: M;
}

/**
 * One kind of request of the mix. D: the `data` its query selects (checked, not trusted:
 * the checks read it with `?.`); M: the meta its build hands to its check.
 */
interface Operation<D = unknown, M = unknown> {
  name: string;
  weight: number;
  /** undefined: nothing to do right now (the mix falls back to requestNewOnboarding). */
  build(): Built<M> | undefined;
  /** A problem with a 2xx response's data, or undefined. */
  check(data: D | null | undefined, meta: M): string | undefined;
}

/** Types one operation of the mix against its own data and meta (then kept as an Operation). */
const operation = <D, M = undefined>(op: Operation<D, M>): Operation => op;

interface UserError {
  field?: string[] | null;
  code: string;
  message: string;
}
type Payload<K extends string, V> = Record<K, V | null> & { userErrors: UserError[] };

/** Per autocannon connection: the operation of the request in flight and its meta. */
interface RequestContext {
  op?: Operation;
  meta?: unknown;
}

interface OpStats {
  requests: number;
  non2xx: number;
  graphqlErrors: number;
  failedChecks: number;
  latencies: number[];
}

interface Answered {
  key: number;
  sessionId: string;
  input: Record<string, unknown>;
}

interface Session {
  id: string;
  status: string;
}

function operations(fixture: Fixture, random: () => number) {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify(variables ? { query, variables } : { query });
  const userErrorsOf = (payload: { userErrors?: UserError[] } | null | undefined) =>
    payload?.userErrors?.length ? `userErrors ${JSON.stringify(payload.userErrors)}` : undefined;

  const onboarding = {
    nextKey: 0,
    /** Keys answered once, with their first answer's session and input. */
    answered: [] as Answered[],
    /** New, still pending sessions, each completed once. */
    toComplete: [] as string[],
    newSessions: 0,
    replays: 0,
    completed: 0,
  };
  const workflowEdits = { built: 0, count: 0, highestVersion: 1 };
  const syncStarts = { count: 0 };
  const STEP_VARIANTS = [['DOCUMENT', 'SELFIE'], ['DOCUMENT', 'SELFIE', 'ADDRESS'], ['DOCUMENT']];

  const ONBOARD = `mutation ($input: RequestNewOnboardingInput!) { requestNewOnboarding(input: $input) {
    session { id status workflowVersion steps onboardingUrl workflow { id } } userErrors { field code message } } }`;

  const ops: Operation[] = [
    operation<{ viewer: { organization: { id: string } | null; apiKey: { id: string } | null } }>({
      name: 'viewer',
      weight: 15,
      build: () => ({ body: body('{ viewer { organization { id name features } apiKey { id name } } }') }),
      check: (data) => (data?.viewer?.organization?.id && data.viewer.apiKey?.id ? undefined : 'no viewer'),
    }),
    operation<{ integrations: { totalCount: number; edges: unknown[] } }>({
      name: 'integrations(first: 20)',
      weight: 10,
      build: () => ({
        body: body(
          '{ integrations(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name status template { key category } workflow { id version } } } } }',
        ),
      }),
      check: (data) => {
        const expected = fixture.apiIntegrationIds.length + fixture.oktaIntegrationIds.length;
        const c = data?.integrations;
        return c?.totalCount === expected && c.edges.length === expected
          ? undefined
          : `expected ${expected} integrations, got ${JSON.stringify(c)?.slice(0, 200)}`;
      },
    }),
    operation<{ integration: { id: string } | null }, { id: string }>({
      name: 'integration(id:)',
      weight: 15,
      build: () => {
        const id = pick([...fixture.apiIntegrationIds, ...fixture.oktaIntegrationIds]);
        return {
          body: body(
            `query ($id: ID!) { integration(id: $id) { id name status config template { key } workflow { id name version steps }
              directory { userCount lastSync { id status processed total } } } }`,
            { id },
          ),
          meta: { id },
        };
      },
      check: (data, meta) => (data?.integration?.id === meta.id ? undefined : `integration ${meta.id} not returned`),
    }),
    operation<{ workflows: { totalCount: number; edges: unknown[] } }>({
      name: 'workflows(first: 20)',
      weight: 10,
      build: () => ({
        body: body(
          '{ workflows(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name configurationId steps version } } } }',
        ),
      }),
      check: (data) =>
        data?.workflows?.totalCount === fixture.workflowIds.length && data.workflows.edges.length === 20 ? undefined : 'wrong workflows page',
    }),
    operation<{ requestNewOnboarding: Payload<'session', Session> }, { replayOf: Answered } | { key: number; input: Record<string, unknown> }>({
      name: 'requestNewOnboarding',
      weight: 20,
      build: () => {
        // About one in three repeats an idempotency key already answered, with the same input.
        if (onboarding.answered.length && random() < 0.3) {
          const earlier = pick(onboarding.answered);
          return { body: body(ONBOARD, { input: earlier.input }), meta: { replayOf: earlier } };
        }
        const key = onboarding.nextKey++;
        const input = {
          integrationId: fixture.apiIntegrationIds[key % fixture.apiIntegrationIds.length],
          externalUserId: `soak-user-${key}`,
          idempotencyKey: `soak-${key}`,
        };
        return { body: body(ONBOARD, { input }), meta: { key, input } };
      },
      check: (data, meta) => {
        const payload = data?.requestNewOnboarding;
        const problem = userErrorsOf(payload);
        if (problem) return problem;
        const session = payload?.session;
        if (!session?.id) return 'no session';
        if ('replayOf' in meta) {
          onboarding.replays++;
          return session.id === meta.replayOf.sessionId
            ? undefined
            : `replay of key soak-${meta.replayOf.key} returned ${session.id}, not ${meta.replayOf.sessionId}`;
        }
        if (session.status !== 'PENDING') return `new session is ${session.status}`;
        onboarding.newSessions++;
        onboarding.answered.push({ key: meta.key, sessionId: session.id, input: meta.input });
        onboarding.toComplete.push(session.id);
        return undefined;
      },
    }),
    operation<{ completeOnboardingSession: Payload<'session', Session> }, { sessionId: string; outcome: string }>({
      name: 'completeOnboardingSession',
      weight: 12,
      build: () => {
        const sessionId = onboarding.toComplete.shift();
        if (!sessionId) return undefined;
        const outcome = random() < 0.8 ? 'COMPLETED' : 'FAILED';
        return {
          body: body(
            'mutation ($input: CompleteOnboardingSessionInput!) { completeOnboardingSession(input: $input) { session { id status completedAt } userErrors { field code message } } }',
            { input: { sessionId, outcome, fullName: 'Soak Test' } },
          ),
          meta: { sessionId, outcome },
        };
      },
      check: (data, meta) => {
        const payload = data?.completeOnboardingSession;
        const problem = userErrorsOf(payload);
        if (problem) return problem;
        if (payload?.session?.id !== meta.sessionId || payload.session.status !== meta.outcome)
          return `session ${meta.sessionId} is ${payload?.session?.status}, not ${meta.outcome}`;
        onboarding.completed++;
        return undefined;
      },
    }),
    operation<{ updateWorkflow: Payload<'workflow', { id: string; version: number }> }, { id: string }>({
      name: 'updateWorkflow',
      weight: 10,
      build: () => {
        const n = workflowEdits.built++;
        const id = fixture.editedWorkflowIds[n % fixture.editedWorkflowIds.length];
        const input = { id, name: `Soak edit ${n}`, ...(random() < 0.5 ? { steps: pick(STEP_VARIANTS) } : {}) };
        return {
          body: body(
            'mutation ($input: UpdateWorkflowInput!) { updateWorkflow(input: $input) { workflow { id name steps version } userErrors { field code message } } }',
            { input },
          ),
          meta: { id },
        };
      },
      check: (data, meta) => {
        const payload = data?.updateWorkflow;
        const problem = userErrorsOf(payload);
        if (problem) return problem;
        if (payload?.workflow?.id !== meta.id) return `workflow ${meta.id} not returned`;
        workflowEdits.count++;
        workflowEdits.highestVersion = Math.max(workflowEdits.highestVersion, payload.workflow.version);
        return undefined;
      },
    }),
    operation<{ startDirectorySync: Payload<'sync', { id: string }> }>({
      name: 'startDirectorySync',
      weight: 8,
      build: () => {
        const integrationId = pick(fixture.oktaIntegrationIds);
        return {
          body: body(
            'mutation ($id: ID!) { startDirectorySync(input: { integrationId: $id }) { sync { id status } userErrors { field code message } } }',
            { id: integrationId },
          ),
        };
      },
      check: (data) => {
        const payload = data?.startDirectorySync;
        const problem = userErrorsOf(payload);
        if (problem) return problem;
        if (!payload?.sync?.id) return 'no sync';
        syncStarts.count++;
        return undefined;
      },
    }),
  ];
  const totalWeight = ops.reduce((sum, op) => sum + op.weight, 0);
  const fallback = ops.find((op) => op.name === 'requestNewOnboarding')!;
  const choose = (): { op: Operation; built: Built } => {
    let roll = random() * totalWeight;
    let op = ops[ops.length - 1];
    for (const candidate of ops) {
      if ((roll -= candidate.weight) < 0) {
        op = candidate;
        break;
      }
    }
    const built = op.build();
    return built ? { op, built } : { op: fallback, built: fallback.build()! };
  };
  return { ops, choose, onboarding, workflowEdits, syncStarts };
}

// ---------------------------------------------------------------------------------------

interface Sample {
  rssMb: number;
  at: string;
}

async function main() {
  const loadBefore = loadavg();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'integrations-soak-'));
  const env = storageEnv(DATABASE_URL, dataDir, randomBytes(32).toString('hex'));
  const storage = DATABASE_URL ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'embedded PGlite (temp DATA_DIR)';
  let server: Server | undefined;
  let okta: OktaStandIn | undefined;
  const subscriptions: Subscription[] = [];
  try {
    okta = await startOktaStandIn({ users: oktaUsers(DIRECTORY_USERS) });
    log(`starting the server on ${storage} (RATE_LIMIT_PER_MINUTE=0, ALLOW_PRIVATE_NETWORK_TARGETS=true)...`);
    server = await startServer({ ...env, RATE_LIMIT_PER_MINUTE: '0', ALLOW_PRIVATE_NETWORK_TARGETS: 'true' });
    const { apiKey } = JSON.parse(await admin(env, ['create-org', '--name', 'Soak', '--json'])) as { apiKey: string };

    // Fixture: workflows, API integrations on some of them, Okta integrations on the stand-in.
    const workflowIds: string[] = [];
    for (let i = 0; i < SEEDED_WORKFLOWS; i++) {
      const data = await graphql<{ createWorkflow: { workflow: { id: string } } }>(
        server,
        apiKey,
        'mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } userErrors { code } } }',
        {
          input: { name: `Workflow ${i}`, steps: ['DOCUMENT', 'SELFIE'] },
        },
      );
      workflowIds.push(data.createWorkflow.workflow.id);
    }
    const editedWorkflowIds = workflowIds.slice(0, API_INTEGRATIONS);
    const createIntegration = async (input: Record<string, unknown>) =>
      (
        await graphql<{ createIntegration: { integration: { id: string } } }>(
          server!,
          apiKey,
          'mutation ($input: CreateIntegrationInput!) { createIntegration(input: $input) { integration { id } userErrors { field code message } } }',
          { input },
        )
      ).createIntegration.integration.id;
    const apiIntegrationIds: string[] = [];
    for (let i = 0; i < API_INTEGRATIONS; i++)
      apiIntegrationIds.push(await createIntegration({ templateKey: 'API', name: `API ${i}`, workflowId: editedWorkflowIds[i] }));
    const oktaIntegrationIds: string[] = [];
    for (let i = 0; i < OKTA_INTEGRATIONS; i++) {
      oktaIntegrationIds.push(
        await createIntegration({ templateKey: 'OKTA', name: `Okta ${i}`, config: { orgUrl: okta.url, apiToken: okta.token } }),
      );
    }
    const firstSyncs = await waitForSyncsToSettle(server, apiKey, oktaIntegrationIds);
    const failedFirst = firstSyncs.filter((s) => s?.status !== 'SUCCEEDED');
    if (failedFirst.length) throw new Error(`the first directory syncs failed: ${JSON.stringify(failedFirst)}`);
    log(
      `seeded ${SEEDED_WORKFLOWS} workflows, ${API_INTEGRATIONS} API and ${OKTA_INTEGRATIONS} Okta integrations (${DIRECTORY_USERS} users each, synced)`,
    );

    // Subscriptions, spread over the Okta integrations; each first sends the latest sync.
    for (let i = 0; i < SUBSCRIBERS; i++) {
      subscriptions.push(subscribeSse(server, apiKey, oktaIntegrationIds[i % oktaIntegrationIds.length]));
      subscriptions.push(subscribeWs(server, apiKey, oktaIntegrationIds[i % oktaIntegrationIds.length]));
    }
    const openDeadline = Date.now() + 60_000;
    while (subscriptions.some((s) => s.events.length === 0 && isOpen(s))) {
      if (Date.now() > openDeadline) break;
      await sleep(50);
    }
    const notOpened = subscriptions.filter((s) => s.events.length === 0 || !isOpen(s));
    if (notOpened.length) {
      throw new Error(`${notOpened.length} subscriptions did not open: ${JSON.stringify(notOpened.map((s) => [s.transport, s.errors, s.closes]))}`);
    }
    const eventsAtStart = subscriptions.map((s) => s.events.length);
    log(`${SUBSCRIBERS} SSE and ${SUBSCRIBERS} WebSocket subscriptions open; soaking for ${SECONDS} s with ${CONNECTIONS} connections...`);

    // The load.
    const fixture: Fixture = { workflowIds, editedWorkflowIds, apiIntegrationIds, oktaIntegrationIds };
    const mix = operations(fixture, prng(20261201));
    const stats = new Map<string, OpStats>(
      mix.ops.map((op) => [op.name, { requests: 0, non2xx: 0, graphqlErrors: 0, failedChecks: 0, latencies: [] }]),
    );
    const errorSamples: string[] = [];
    const sampleError = (message: string) => {
      if (errorSamples.length < 10) errorSamples.push(message.slice(0, 500));
    };
    const allLatencies: number[] = [];
    let lastOp: string | undefined;
    const rss: Sample[] = [{ rssMb: (await memoryOf(server.pid)).rssMb, at: 'start' }];
    const started = performance.now();
    const middle = setTimeout(
      () => {
        memoryOf(server!.pid).then(
          (m) => rss.push({ rssMb: m.rssMb, at: `middle (${((performance.now() - started) / 1000).toFixed(0)} s)` }),
          () => {},
        );
      },
      (SECONDS * 1000) / 2,
    );

    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${server!.url}/graphql`,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
          connections: CONNECTIONS,
          duration: SECONDS,
          timeout: REQUEST_TIMEOUT_S,
          requests: [
            {
              setupRequest: (request, context) => {
                const { op, built } = mix.choose();
                Object.assign(context, { op, meta: built.meta } satisfies RequestContext);
                return { ...request, body: built.body };
              },
              onResponse: (status, body, context) => {
                const { op, meta } = context as RequestContext;
                if (!op) throw new Error('a response without its request');
                lastOp = op.name;
                const s = stats.get(op.name)!;
                s.requests++;
                if (status < 200 || status >= 300) {
                  s.non2xx++;
                  sampleError(`${op.name}: HTTP ${status} ${body}`);
                  return;
                }
                let json: { data?: unknown; errors?: unknown[] };
                try {
                  json = JSON.parse(body);
                } catch {
                  s.failedChecks++;
                  sampleError(`${op.name}: not JSON: ${body}`);
                  return;
                }
                if (json.errors?.length) {
                  s.graphqlErrors++;
                  sampleError(`${op.name}: ${JSON.stringify(json.errors)}`);
                  return;
                }
                const problem = op.check(json.data, meta);
                if (problem) {
                  s.failedChecks++;
                  sampleError(`${op.name}: ${problem}`);
                }
              },
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      // autocannon 9 emits (client, statusCode, bytes, responseTimeMs) right after the
      // request's onResponse: lastOp names the operation this latency belongs to.
      (instance as NodeJS.EventEmitter).on('response', (_client: unknown, _statusCode: number, _bytes: number, responseTime: number) => {
        allLatencies.push(responseTime);
        if (lastOp) stats.get(lastOp)!.latencies.push(responseTime);
        lastOp = undefined;
      });
    });
    clearTimeout(middle);
    const end = await memoryOf(server.pid);
    rss.push({ rssMb: end.rssMb, at: 'end' });
    const elapsed = result.duration || (performance.now() - started) / 1000;
    const loadAfter = loadavg();
    log('load finished; letting the running syncs finish, then one more sync per Okta integration...');

    // Still open and still delivering: every subscription must see one more sync end.
    await waitForSyncsToSettle(server, apiKey, oktaIntegrationIds);
    await sleep(500);
    const eventsAtSettle = subscriptions.map((s) => s.events.length);
    const finalSyncs = new Map<string, string>();
    for (const id of oktaIntegrationIds) {
      const data = await graphql<{ startDirectorySync: { sync: { id: string } } }>(
        server,
        apiKey,
        'mutation ($id: ID!) { startDirectorySync(input: { integrationId: $id }) { sync { id status } userErrors { code message } } }',
        { id },
      );
      finalSyncs.set(id, data.startDirectorySync.sync.id);
    }
    const delivered = (s: Subscription) => s.events.some((e) => e.id === finalSyncs.get(s.integrationId) && TERMINAL.has(e.status));
    const finalDeadline = Date.now() + 120_000;
    while (subscriptions.some((s) => isOpen(s) && !delivered(s)) && Date.now() < finalDeadline) await sleep(100);
    const afterFinal = await memoryOf(server.pid);

    // Syncs seen by the subscriptions, and how they ended.
    const syncStatus = new Map<string, string>();
    for (const s of subscriptions) for (const e of s.events) if (TERMINAL.has(e.status) || !syncStatus.has(e.id)) syncStatus.set(e.id, e.status);
    const syncOutcomes: Record<string, number> = {};
    for (const status of syncStatus.values()) syncOutcomes[status] = (syncOutcomes[status] ?? 0) + 1;
    // Events during the soak (opening event excluded, up to the settle after the load),
    // per subscriber: subscribers of one integration should all see the same number.
    const soakEvents = subscriptions.map((s, i) => eventsAtSettle[i] - eventsAtStart[i]);
    const perIntegration = oktaIntegrationIds.map((id, index) => {
      const counts = subscriptions.flatMap((s, i) => (s.integrationId === id ? [soakEvents[i]] : []));
      return `Okta ${index}: ${Math.min(...counts)}–${Math.max(...counts)}`;
    });
    const openAtEnd = subscriptions.filter(isOpen);
    const deliveredAtEnd = subscriptions.filter((s) => isOpen(s) && delivered(s));
    const totalEvents = subscriptions.reduce((sum, s) => sum + s.events.length, 0);
    const byTransport = (t: Subscription['transport']) => subscriptions.filter((s) => s.transport === t).reduce((sum, s) => sum + s.events.length, 0);

    // Server log lines at warn level or above (LOG_LEVEL=warn): pino JSON.
    const logLines = server
      .stderr()
      .split('\n')
      .filter((line) => line.trim());
    const logSamples = logLines.slice(0, 5).map((line) => {
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
        return `level ${entry.level}: ${entry.msg ?? ''}${entry.err?.message ? ` (${entry.err.message})` : ''}`;
      } catch {
        return line.slice(0, 300);
      }
    });

    // Report.
    const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
    const totals = [...stats.values()].reduce(
      (t, s) => ({
        requests: t.requests + s.requests,
        non2xx: t.non2xx + s.non2xx,
        graphqlErrors: t.graphqlErrors + s.graphqlErrors,
        failedChecks: t.failedChecks + s.failedChecks,
      }),
      { requests: 0, non2xx: 0, graphqlErrors: 0, failedChecks: 0 },
    );
    const connectionErrors = result.errors - result.timeouts;
    const errors = totals.non2xx + totals.graphqlErrors + totals.failedChecks + result.timeouts + connectionErrors;
    allLatencies.sort((a, b) => a - b);
    const rows = [
      ['operation', 'requests', 'share', 'errors', 'p50 ms', 'p95 ms', 'p99 ms'],
      ...mix.ops.map((op) => {
        const s = stats.get(op.name)!;
        s.latencies.sort((a, b) => a - b);
        return [
          op.name,
          String(s.requests),
          `${fmt((100 * s.requests) / Math.max(1, totals.requests), 0)}%`,
          String(s.non2xx + s.graphqlErrors + s.failedChecks),
          fmt(percentile(s.latencies, 50), 1),
          fmt(percentile(s.latencies, 95), 1),
          fmt(percentile(s.latencies, 99), 1),
        ];
      }),
    ];
    const cpu = cpus();
    const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(', ');
    const out = [
      `\nIntegrations API soak benchmark, ${new Date().toISOString().slice(0, 10)}`,
      `machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
        `load average (1, 5, 15 min) ${load(loadBefore)} before, ${load(loadAfter)} at the end; load generator on the same machine`,
      `storage: ${storage}; loopback; ${CONNECTIONS} connections for ${fmt(elapsed, 1)} s; ${SUBSCRIBERS} SSE + ${SUBSCRIBERS} WebSocket directorySyncProgress subscriptions; ` +
        `server with RATE_LIMIT_PER_MINUTE=0, ALLOW_PRIVATE_NETWORK_TARGETS=true; Okta stand-in with ${DIRECTORY_USERS} users (pages of 200)`,
      '',
      `requests: ${totals.requests} (${fmt(totals.requests / elapsed, 1)} req/s)`,
      `errors: ${errors} (non-2xx ${totals.non2xx}, GraphQL errors ${totals.graphqlErrors}, failed checks ${totals.failedChecks}, ` +
        `timeouts ${result.timeouts} (> ${REQUEST_TIMEOUT_S} s), connection errors ${connectionErrors})`,
      `latency: p50 ${fmt(percentile(allLatencies, 50), 1)} ms, p95 ${fmt(percentile(allLatencies, 95), 1)} ms, p99 ${fmt(percentile(allLatencies, 99), 1)} ms, ` +
        `max ${fmt(allLatencies[allLatencies.length - 1] ?? NaN, 1)} ms`,
      '',
      table(rows),
      '',
      `onboarding: ${mix.onboarding.newSessions} new sessions, ${mix.onboarding.replays} idempotent replays (each returned its original session), ` +
        `${mix.onboarding.completed} sessions completed; workflow updates: ${mix.workflowEdits.count} (highest version ${mix.workflowEdits.highestVersion}); ` +
        `startDirectorySync answered: ${mix.syncStarts.count}`,
      `directory syncs seen by the subscriptions: ${syncStatus.size} (${Object.entries(syncOutcomes)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}), the final check's included`,
      `subscription events received: ${totalEvents} (SSE ${byTransport('SSE')}, WebSocket ${byTransport('WebSocket')}); ` +
        `per subscriber during the soak (fewest–most, opening event excluded): ${perIntegration.join(', ')}`,
      `subscriptions open at the end: ${openAtEnd.length}/${subscriptions.length}; delivered the final sync after the load: ${deliveredAtEnd.length}/${subscriptions.length}`,
      `server RSS (VmRSS of pid ${server.pid}): ${rss.map((r) => `${fmt(r.rssMb, 0)} MiB at ${r.at}`).join(', ')}; ` +
        `${fmt(afterFinal.rssMb, 0)} MiB after the final sync; peak (VmHWM) ${fmt(afterFinal.peakMb, 0)} MiB`,
      `server log lines at warn or above: ${logLines.length}${logSamples.length ? `\n  ${logSamples.join('\n  ')}` : ''}`,
    ];
    if (errorSamples.length) out.push(`first errors:\n  ${errorSamples.join('\n  ')}`);
    const broken = subscriptions.filter((s) => !isOpen(s) || !delivered(s));
    if (broken.length) {
      out.push(
        `subscriptions that closed or stopped delivering:\n  ${broken
          .map(
            (s) =>
              `${s.transport} on ${s.integrationId}: ${s.events.length} events, completed ${s.completed}, errors ${JSON.stringify(s.errors)}, closes ${JSON.stringify(s.closes)}`,
          )
          .join('\n  ')}`,
      );
    }
    console.log(out.join('\n'));
    if (errors > 0 || broken.length) process.exitCode = 1;
  } finally {
    await Promise.all(subscriptions.map((s) => s.dispose().catch(() => {})));
    await server?.stop();
    await okta?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exitCode = 1;
}

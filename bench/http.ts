// HTTP benchmark of a real server process against in-memory baselines, over loopback, as
// a partner script sees it.
//
// Starts the compiled server (`node dist/main.js`, as `npm start` does) on a fresh
// embedded database in a temporary DATA_DIR, or on BENCH_DATABASE_URL (PostgreSQL) when
// set; creates an organization with the admin command (beside the running server, as an
// operator would); seeds workflows,
// 50 integrations of mixed templates and 20 onboarding sessions through the API. Then:
//
// 1. Captures the server's answer to each scenario and starts bench/baseline-server.ts,
//    a bare graphql-yoga on schema.graphql that answers each read from the captured data
//    (the same response bytes: checked before and after the load, and by autocannon on
//    every response) and the write with ONE INSERT (pg on PostgreSQL, an in-process
//    PGlite on embedded runs).
// 2. For each scenario, interleaved rounds with autocannon: server, baseline, server,
//    baseline, ... (BENCH_ROUNDS of each, after a 1 s warm-up of each), reading the CPU
//    time of both processes from /proc before and after every round.
// 3. Restarts the server with the driver adapters' debug log and EXPOSE_SQL_COUNT on, and
//    counts the SQL statements and transactions each scenario issues.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { type Server, admin, cpuTimeOf, memoryOf, percentile, startScript, startServer, storageEnv, table } from './support.ts';

export { memoryOf } from './support.ts';

export interface BenchOptions {
  /** Seconds per round. */
  duration: number;
  connections: number;
  /** Rounds per scenario, of the server and of the baseline each. */
  rounds: number;
  /** PostgreSQL instead of the embedded database. */
  databaseUrl?: string;
  /** Count SQL statements per request (a second, short server run). */
  countSql: boolean;
  /** Only the scenarios whose names contain one of these words (all when absent or empty). */
  only?: string[];
}

interface Scenario {
  name: string;
  operationName: string;
  body: string;
  /** A write: each request inserts, so answers differ (in ids and timestamps only). */
  write: boolean;
}

interface Round {
  requestsPerSecond: number;
  requests: number;
  latencies: number[];
  cpuUsPerRequest: number;
  errors: number;
  sizes: Set<number>;
}

interface ScenarioResult {
  scenario: Scenario;
  server: Round[];
  baseline: Round[];
  bodyBytes: number;
  sql?: SqlCount;
}

interface SqlCount {
  /** Statements per request, BEGIN and COMMIT included. */
  statements: number;
  transactions: number;
  /** Statements of the GraphQL execution alone (extensions.sqlStatements). */
  execution: number;
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const gql = (operationName: string, query: string, variables?: Record<string, unknown>) => JSON.stringify({ operationName, query, variables });

// ---------------------------------------------------------------------------------------
// The scenarios

const INTEGRATION_NODE = `
fragment BenchIntegrationNode on Integration {
  id
  name
  status
  clientId
  config
  createdAt
  template { key name category takesWorkflow }
  workflow { id name version }
  clientSecret { lastFour createdAt }
}`;

function scenarios(ids: { integration: string; sessions: string; writes: string }): Scenario[] {
  return [
    {
      name: 'viewer',
      operationName: 'BenchViewer',
      body: gql('BenchViewer', 'query BenchViewer { viewer { organization { id name } } }'),
      write: false,
    },
    {
      name: 'integrations(first: 50)',
      operationName: 'BenchIntegrations',
      body: gql(
        'BenchIntegrations',
        `query BenchIntegrations { integrations(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...BenchIntegrationNode } } } }${INTEGRATION_NODE}`,
      ),
      write: false,
    },
    {
      name: 'integration(id:)',
      operationName: 'BenchIntegration',
      body: gql('BenchIntegration', `query BenchIntegration($id: ID!) { integration(id: $id) { ...BenchIntegrationNode } }${INTEGRATION_NODE}`, {
        id: ids.integration,
      }),
      write: false,
    },
    {
      name: 'integration.onboardingSessions(first: 20)',
      operationName: 'BenchSessions',
      body: gql(
        'BenchSessions',
        `query BenchSessions($id: ID!) {
          integration(id: $id) {
            id
            onboardingSessions(first: 20) {
              totalCount
              pageInfo { hasNextPage endCursor }
              edges { cursor node { id status externalUserId email createdAt expiresAt completedAt workflowVersion steps workflow { id name version } integration { id } } }
            }
          }
        }`,
        { id: ids.sessions },
      ),
      write: false,
    },
    {
      name: 'requestNewOnboarding (write)',
      operationName: 'BenchRequestOnboarding',
      body: gql(
        'BenchRequestOnboarding',
        `mutation BenchRequestOnboarding($input: RequestNewOnboardingInput!) {
          requestNewOnboarding(input: $input) {
            session { id status externalUserId createdAt expiresAt workflowVersion steps workflow { id } }
            userErrors { code field message }
          }
        }`,
        { input: { integrationId: ids.writes, externalUserId: 'bench-person' } },
      ),
      write: true,
    },
  ];
}

// ---------------------------------------------------------------------------------------
// Requests

interface Answer {
  text: string;
  json: { data?: Record<string, unknown>; errors?: unknown[]; extensions?: Record<string, unknown> };
}

async function post(server: Server, body: string, apiKey?: string): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
    body,
  });
  const text = await response.text();
  const json = JSON.parse(text) as Answer['json'];
  if (!response.ok || json.errors) throw new Error(`HTTP ${response.status} ${text.slice(0, 2000)}`);
  return { text, json };
}

/** A mutation's payload, failing on user errors. */
async function mutate(server: Server, apiKey: string, query: string, variables: Record<string, unknown>) {
  const { json } = await post(server, JSON.stringify({ query, variables }), apiKey);
  const payload = Object.values(json.data!)[0] as { userErrors: unknown[] } & Record<string, unknown>;
  if (payload.userErrors.length) throw new Error(`seeding failed: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

/** The body without `extensions` (the server's EXPOSE_SQL_COUNT adds some), as its own bytes when it has none. */
function withoutExtensions(answer: Answer): string {
  if (!answer.json.extensions) return answer.text;
  const { extensions: _, ...rest } = answer.json;
  return JSON.stringify(rest);
}

// ---------------------------------------------------------------------------------------
// Seeding

const CREATE_WORKFLOW =
  'mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } userErrors { code field message } } }';
const CREATE_INTEGRATION =
  'mutation ($input: CreateIntegrationInput!) { createIntegration(input: $input) { integration { id } userErrors { code field message } } }';
const GENERATE_SECRET =
  'mutation ($input: GenerateClientSecretInput!) { generateClientSecret(input: $input) { clientSecret userErrors { code field message } } }';
const REQUEST_ONBOARDING =
  'mutation ($input: RequestNewOnboardingInput!) { requestNewOnboarding(input: $input) { session { id } userErrors { code field message } } }';

/**
 * Two workflows; an API integration holding 20 sessions and one the write scenario
 * inserts into (made first, so integrations(first: 50) lists only the mix); then 50
 * integrations, the i-th of them: OIDC client credentials with a client secret (i % 3 = 0),
 * API (i % 3 = 1), OIDC without a secret (i % 3 = 2), on alternating workflows. No directory
 * templates: their sync would need an upstream and keep the server busy in the background.
 */
async function seed(server: Server, apiKey: string) {
  const workflows: string[] = [];
  for (const name of ['KYC', 'KYB']) {
    const { workflow } = await mutate(server, apiKey, CREATE_WORKFLOW, { input: { name, steps: ['DOCUMENT', 'SELFIE'] } });
    workflows.push((workflow as { id: string }).id);
  }
  const integration = async (input: Record<string, unknown>) =>
    ((await mutate(server, apiKey, CREATE_INTEGRATION, { input })).integration as { id: string }).id;
  const sessions = await integration({ templateKey: 'API', name: 'Bench sessions', workflowId: workflows[0] });
  const writes = await integration({ templateKey: 'API', name: 'Bench writes', workflowId: workflows[0] });
  for (let start = 0; start < 20; start += 10) {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        mutate(server, apiKey, REQUEST_ONBOARDING, { input: { integrationId: sessions, externalUserId: `person-${start + i}` } }),
      ),
    );
  }
  const mixed: string[] = [];
  for (let i = 0; i < 50; i++) {
    const workflowId = workflows[i % 2];
    if (i % 3 === 1) {
      mixed.push(await integration({ templateKey: 'API', name: `API ${i}`, workflowId }));
      continue;
    }
    const id = await integration({
      templateKey: 'OIDC_CLIENT_CREDENTIALS',
      name: `OIDC ${i}`,
      workflowId,
      config: { redirectUris: ['https://app.example.com/done'] },
    });
    if (i % 3 === 0) await mutate(server, apiKey, GENERATE_SECRET, { input: { integrationId: id } });
    mixed.push(id);
  }
  // The single integration read: an OIDC one with a client secret (the newest such).
  return { integration: mixed[48], sessions, writes };
}

// ---------------------------------------------------------------------------------------
// Measuring

async function load(server: Server, s: Scenario, apiKey: string | undefined, connections: number, duration: number, expectBody?: string) {
  const latencies: number[] = [];
  const sizes = new Set<number>();
  const cpuBefore = await cpuTimeOf(server.pid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${server.url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
        body: s.body,
        connections,
        duration,
        // Reads: every answer must be the captured body (counted as mismatches otherwise).
        ...(expectBody === undefined ? {} : { expectBody }),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    // autocannon 9 emits (client, statusCode, bytes, responseTimeMs); its typings omit
    // the client. Its own summary has no p95/p99 of ours, so the percentiles are computed here.
    (instance as NodeJS.EventEmitter).on('response', (_client: unknown, statusCode: number, bytes: number, responseTime: number) => {
      if (statusCode === 200) latencies.push(responseTime);
      sizes.add(bytes);
    });
  });
  const cpuAfter = await cpuTimeOf(server.pid).catch((error: Error) => {
    throw new Error(`${error.message}: the process under load exited; its stderr ends with:\n${server.stderr().slice(-4000)}`);
  });
  const requests = latencies.length;
  return {
    requestsPerSecond: requests / (result.duration || duration),
    requests,
    latencies,
    cpuUsPerRequest: requests ? (cpuAfter - cpuBefore) / requests : NaN,
    // A write's answers differ in ids and timestamps, never in length: a different
    // length is a failed request (a user error, say) that still answered 200.
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches + (s.write && sizes.size > 1 ? 1 : 0),
    sizes,
  } satisfies Round;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const SQL_TAG = /\[js::(query_raw|execute_raw)\]/g;
const TX_TAG = /\[js::startTransaction\]/g;

/**
 * Average SQL statements per request from the driver adapters' debug log (authentication
 * included), with BEGIN and COMMIT: node-postgres (@prisma/adapter-pg) sends them as
 * `[js::execute_raw]` statements; PGlite's adapter opens its transactions with PGlite's
 * own transaction() (a "phantom" BEGIN/COMMIT that does not show as a statement), so on
 * embedded runs each `[js::startTransaction]` adds two. Also the statements of the
 * GraphQL execution alone, from `extensions.sqlStatements` (EXPOSE_SQL_COUNT=1).
 */
async function countSql(server: Server, s: Scenario, apiKey: string, embedded: boolean, samples = 10): Promise<SqlCount> {
  await post(server, s.body, apiKey);
  await sleep(300);
  const count = (tag: RegExp) => server.stderr().match(tag)?.length ?? 0;
  const before = { sql: count(SQL_TAG), tx: count(TX_TAG) };
  let execution = 0;
  for (let i = 0; i < samples; i++) {
    const answer = await post(server, s.body, apiKey);
    execution += (answer.json.extensions?.sqlStatements as number | undefined) ?? NaN;
  }
  await sleep(300); // let the child's stderr drain into the pipe
  const transactions = (count(TX_TAG) - before.tx) / samples;
  const statements = (count(SQL_TAG) - before.sql) / samples + (embedded ? 2 * transactions : 0);
  return { statements, transactions, execution: execution / samples };
}

// ---------------------------------------------------------------------------------------

export async function runHttpBench(options: BenchOptions): Promise<ScenarioResult[]> {
  const loadBefore = loadavg();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'integrations-bench-'));
  const embedded = !options.databaseUrl;
  // RATE_LIMIT_PER_MINUTE=0: the per-key limit (1200/min by default) would answer 429s.
  const env = { ...storageEnv(options.databaseUrl, dataDir, randomBytes(32).toString('hex')), RATE_LIMIT_PER_MINUTE: '0' };
  const storage = options.databaseUrl ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'embedded PGlite (temp DATA_DIR)';
  let server: Server | undefined;
  let baseline: Server | undefined;
  try {
    log(`starting the server on ${storage}...`);
    server = await startServer(env);
    const serverReady = await memoryOf(server.pid);
    const { apiKey } = JSON.parse(await admin(env, ['create-org', '--name', 'Bench', '--json'])) as { apiKey: string };
    const ids = await seed(server, apiKey);
    const only = options.only?.length ? options.only : undefined;
    const all = scenarios(ids).filter((s) => !only || only.some((word) => s.name.includes(word)));
    if (!all.length) throw new Error(`BENCH_ONLY=${options.only!.join(',')} matches no scenario`);
    log('seeded 2 workflows, 52 integrations (50 mixed: OIDC with/without client secret, API), 20 sessions');

    // Capture the server's answers; the baseline answers each read from its `data`.
    const captured: Record<string, unknown> = {};
    const serverBodies = new Map<string, string>();
    for (const s of all) {
      const answer = await post(server, s.body, apiKey);
      captured[s.operationName] = answer.json.data;
      serverBodies.set(s.operationName, withoutExtensions(answer));
    }
    const dataFile = path.join(dataDir, 'baseline-data.json');
    await writeFile(dataFile, JSON.stringify(captured));
    const baselineEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', BASELINE_DATA: dataFile };
    delete baselineEnv.DATABASE_URL;
    delete baselineEnv.DEBUG;
    if (options.databaseUrl) baselineEnv.BASELINE_DATABASE_URL = options.databaseUrl;
    else baselineEnv.BASELINE_PGLITE_DIR = path.join(dataDir, 'baseline-pglite');
    log('starting the baseline (bench/baseline-server.ts)...');
    baseline = await startScript('bench/baseline-server.ts', baselineEnv);
    const baselineReady = await memoryOf(baseline.pid);

    const checkBodies = async (when: string) => {
      const problems: string[] = [];
      for (const s of all) {
        const expected = serverBodies.get(s.operationName)!;
        const fromServer = withoutExtensions(await post(server!, s.body, apiKey));
        const fromBaseline = withoutExtensions(await post(baseline!, s.body));
        // A write answers new ids and timestamps each time: only its length must match.
        const same = (a: string, b: string) => (s.write ? a.length === b.length : a === b);
        if (!same(fromServer, expected)) problems.push(`${s.name}: the server's answer changed (${expected.length} -> ${fromServer.length} bytes)`);
        if (!same(fromBaseline, expected)) {
          problems.push(
            `${s.name}: the baseline answers ${fromBaseline.length} bytes, the server ${expected.length}\n  server:   ${expected.slice(0, 300)}\n  baseline: ${fromBaseline.slice(0, 300)}`,
          );
        }
      }
      if (problems.length) throw new Error(`response bodies differ ${when}:\n${problems.join('\n')}`);
    };
    await checkBodies('before the load');
    log(
      `bodies identical (writes: same length); ${options.rounds} round(s) of ${options.duration} s per scenario and process, ${options.connections} connections`,
    );

    const results: ScenarioResult[] = [];
    for (const s of all) {
      log(`  ${s.name}`);
      const expectBody = s.write ? undefined : serverBodies.get(s.operationName);
      await load(server, s, apiKey, options.connections, 1, expectBody); // warm-up: JIT, pools, caches
      await load(baseline, s, undefined, options.connections, 1, expectBody);
      const result: ScenarioResult = { scenario: s, server: [], baseline: [], bodyBytes: serverBodies.get(s.operationName)!.length };
      for (let round = 0; round < options.rounds; round++) {
        result.server.push(await load(server, s, apiKey, options.connections, options.duration, expectBody));
        result.baseline.push(await load(baseline, s, undefined, options.connections, options.duration, expectBody));
        const [a, b] = [result.server.at(-1)!, result.baseline.at(-1)!];
        log(`    round ${round + 1}: server ${a.requestsPerSecond.toFixed(0)} req/s, baseline ${b.requestsPerSecond.toFixed(0)} req/s`);
      }
      results.push(result);
    }
    await checkBodies('after the load');
    const serverAfter = await memoryOf(server.pid);
    const baselineAfter = await memoryOf(baseline.pid);
    await baseline.stop();
    baseline = undefined;
    await server.stop();
    server = undefined;

    if (options.countSql) {
      log('counting SQL statements per request (server restarted with DEBUG=prisma:driver-adapter:* EXPOSE_SQL_COUNT=1)...');
      // The sync runner's polling would show in the log too: make it poll rarely.
      server = await startServer({ ...env, DEBUG: 'prisma:driver-adapter:*', EXPOSE_SQL_COUNT: '1', SYNC_POLL_MS: '3600000' });
      for (const r of results) r.sql = await countSql(server, r.scenario, apiKey, embedded);
      await server.stop();
      server = undefined;
    }

    printReport(results, options, {
      storage,
      loadBefore,
      memory: { serverReady, serverAfter, baselineReady, baselineAfter },
    });
    const failed = results.filter((r) => [...r.server, ...r.baseline].some((round) => round.errors > 0));
    if (failed.length) {
      log(`error: requests failed or answered other bytes in: ${failed.map((r) => r.scenario.name).join(', ')}`);
      process.exitCode = 1;
    }
    return results;
  } finally {
    await baseline?.stop();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

type Memory = Awaited<ReturnType<typeof memoryOf>>;

function printReport(
  results: ScenarioResult[],
  options: BenchOptions,
  context: {
    storage: string;
    loadBefore: number[];
    memory: { serverReady: Memory; serverAfter: Memory; baselineReady: Memory; baselineAfter: Memory };
  },
) {
  const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
  const pooled = (rounds: Round[]) => rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const rows = [
    [
      'scenario',
      'server req/s',
      'baseline req/s',
      'ratio',
      'p50 ms',
      'p99 ms',
      'base p50',
      'base p99',
      ...(options.countSql ? ['SQL/req', 'tx/req', 'in exec'] : []),
      'CPU µs/req',
      'base CPU µs',
      'body B',
      'requests',
      'errors',
    ],
    ...results.map((r) => {
      const serverRps = median(r.server.map((x) => x.requestsPerSecond));
      const baselineRps = median(r.baseline.map((x) => x.requestsPerSecond));
      const serverLatencies = pooled(r.server);
      const baselineLatencies = pooled(r.baseline);
      return [
        r.scenario.name,
        fmt(serverRps, 0),
        fmt(baselineRps, 0),
        fmt(serverRps / baselineRps, 3),
        fmt(percentile(serverLatencies, 50), 2),
        fmt(percentile(serverLatencies, 99), 2),
        fmt(percentile(baselineLatencies, 50), 2),
        fmt(percentile(baselineLatencies, 99), 2),
        ...(options.countSql ? [fmt(r.sql?.statements ?? NaN, 1), fmt(r.sql?.transactions ?? NaN, 1), fmt(r.sql?.execution ?? NaN, 1)] : []),
        fmt(median(r.server.map((x) => x.cpuUsPerRequest)), 0),
        fmt(median(r.baseline.map((x) => x.cpuUsPerRequest)), 0),
        String(r.bodyBytes),
        `${r.server.reduce((n, x) => n + x.requests, 0)}/${r.baseline.reduce((n, x) => n + x.requests, 0)}`,
        String([...r.server, ...r.baseline].reduce((n, x) => n + x.errors, 0)),
      ];
    }),
  ];
  const cpu = cpus();
  const { serverReady, serverAfter, baselineReady, baselineAfter } = context.memory;
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  console.log(
    `\nIntegrations API HTTP benchmark against in-memory baselines, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n` +
      `machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ` +
      `load average ${load(context.loadBefore)} before the run, ${load(loadavg())} after\n` +
      `storage: ${context.storage}; loopback; ${options.connections} connections; ${options.rounds} interleaved round(s) of ${options.duration} s ` +
      `per scenario and process after 1 s warm-ups; load generator on the same machine\n` +
      `baseline: bare graphql-yoga on schema.graphql answering the captured data (reads, same bytes) or ONE INSERT ` +
      `(${context.storage.startsWith('PostgreSQL') ? 'pg on the same PostgreSQL' : 'in-process PGlite'})\n\n` +
      `${table(rows)}\n\n` +
      `req/s: median of the rounds; ratio: server/baseline; latencies: all rounds pooled; SQL/req: driver adapter log, ` +
      `authentication and BEGIN/COMMIT included; in exec: extensions.sqlStatements; CPU: the process's utime+stime per request` +
      `${context.storage.startsWith('PostgreSQL') ? ' (PostgreSQL backends not included)' : ' (the in-process PGlite included)'}\n` +
      `RSS: server ${fmt(serverReady.rssMb, 0)} MiB at ready, ${fmt(serverAfter.rssMb, 0)} MiB after the runs (peak ${fmt(serverAfter.peakMb, 0)}); ` +
      `baseline ${fmt(baselineReady.rssMb, 0)} MiB at ready, ${fmt(baselineAfter.rssMb, 0)} MiB after (peak ${fmt(baselineAfter.peakMb, 0)})`,
  );
}

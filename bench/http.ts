// HTTP benchmark of a real server process, over loopback, as a partner script sees it.
//
// Starts `tsx src/main.ts` (like `npm start`) on a fresh embedded database in a temporary
// DATA_DIR, or on BENCH_DATABASE_URL (PostgreSQL) when set; creates an organization with
// the admin command (beside the running server, as an operator would); seeds 50
// workflows; then drives each case with autocannon for a bounded time and reports
// requests/s, latency percentiles and the server's memory (VmRSS from /proc). Finally it
// restarts the server with the driver adapters' debug log and EXPOSE_SQL_COUNT on, and
// counts the SQL statements each kind of request issues.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { type Server, admin, memoryOf, percentile, startServer, storageEnv, table } from './support.ts';

export { memoryOf } from './support.ts';

export interface BenchOptions {
  /** Seconds per case (plus a 1 s warm-up). */
  duration: number;
  connections: number;
  /** PostgreSQL instead of the embedded database. */
  databaseUrl?: string;
  /** Count SQL statements per request (a second, short server run). */
  countSql: boolean;
  workflows: number;
}

interface Case {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  authenticated: boolean;
}

interface CaseResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  peakRssMb: number;
  sqlPerRequest?: { total: number; execution: number };
}

const gql = (query: string) => JSON.stringify({ query });

export const CASES: Case[] = [
  { name: 'GET /health (baseline)', method: 'GET', path: '/health', authenticated: false },
  {
    name: '{ viewer { organization { id } } }',
    method: 'POST',
    path: '/graphql',
    body: gql('{ viewer { organization { id } } }'),
    authenticated: true,
  },
  {
    name: 'workflows(first: 20), 50 seeded',
    method: 'POST',
    path: '/graphql',
    body: gql(
      '{ workflows(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name configurationId steps version } } } }',
    ),
    authenticated: true,
  },
];

// ---------------------------------------------------------------------------------------
// Measuring

async function request(server: Server, c: Case, apiKey: string) {
  const response = await fetch(`${server.url}${c.path}`, {
    method: c.method,
    headers: { 'content-type': 'application/json', ...(c.authenticated ? { 'x-api-key': apiKey } : {}) },
    body: c.body,
  });
  const json = (await response.json()) as { errors?: unknown[] };
  if (!response.ok || json.errors) throw new Error(`${c.name}: HTTP ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function load(server: Server, c: Case, apiKey: string, connections: number, duration: number) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${server.url}${c.path}`,
        method: c.method,
        headers: { 'content-type': 'application/json', ...(c.authenticated ? { 'x-api-key': apiKey } : {}) },
        body: c.body,
        connections,
        duration,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    // autocannon 9 emits (client, statusCode, bytes, responseTimeMs); its typings omit
    // the client. Its own summary has no p95, so the percentiles are computed here.
    (instance as NodeJS.EventEmitter).on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode === 200) latencies.push(responseTime);
    });
  });
  return { result, latencies };
}

async function runCase(server: Server, c: Case, apiKey: string, options: BenchOptions): Promise<CaseResult> {
  await request(server, c, apiKey); // fails loudly if the case itself is broken
  await load(server, c, apiKey, options.connections, 1); // warm-up: JIT, pools, caches
  let peakRssMb = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakRssMb = Math.max(peakRssMb, (await memoryOf(server.pid)).rssMb);
      await sleep(200);
    }
  })();
  const { result, latencies } = await load(server, c, apiKey, options.connections, options.duration);
  sampling = false;
  await sampler;
  latencies.sort((a, b) => a - b);
  return {
    name: c.name,
    requestsPerSecond: latencies.length / (result.duration || options.duration),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    errors: result.errors + result.timeouts + result.non2xx,
    peakRssMb,
  };
}

const SQL_TAG = /\[js::(query_raw|execute_raw)\]/g;

/**
 * Average SQL statements per request: all of them (authentication included) from the
 * driver adapters' debug log, and those of the GraphQL execution alone from
 * `extensions.sqlStatements` (EXPOSE_SQL_COUNT=1).
 */
async function countSql(server: Server, c: Case, apiKey: string, samples = 10): Promise<{ total: number; execution: number }> {
  await request(server, c, apiKey);
  await sleep(300);
  const before = server.stderr().match(SQL_TAG)?.length ?? 0;
  let execution = 0;
  for (let i = 0; i < samples; i++) {
    const json = (await request(server, c, apiKey)) as { extensions?: { sqlStatements?: number } };
    execution += json.extensions?.sqlStatements ?? (c.path === '/graphql' ? NaN : 0);
  }
  await sleep(300); // let the child's stderr drain into the pipe
  const after = server.stderr().match(SQL_TAG)?.length ?? 0;
  return { total: (after - before) / samples, execution: execution / samples };
}

// ---------------------------------------------------------------------------------------

export async function runHttpBench(options: BenchOptions): Promise<CaseResult[]> {
  const loadBefore = loadavg()[0];
  const dataDir = await mkdtemp(path.join(tmpdir(), 'integrations-bench-'));
  const env = storageEnv(options.databaseUrl, dataDir, randomBytes(32).toString('hex'));
  const storage = options.databaseUrl ? 'PostgreSQL (BENCH_DATABASE_URL)' : 'embedded PGlite (temp DATA_DIR)';
  const log = (message: string) => process.stderr.write(`${message}\n`);
  let server: Server | undefined;
  try {
    log(`starting the server on ${storage}...`);
    server = await startServer(env);
    const idle = await memoryOf(server.pid);
    const { apiKey } = JSON.parse(await admin(env, ['create-org', '--name', 'Bench', '--json'])) as { apiKey: string };
    for (let i = 0; i < options.workflows; i++) {
      await request(
        server,
        {
          name: 'seed',
          method: 'POST',
          path: '/graphql',
          authenticated: true,
          body: JSON.stringify({
            query: 'mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { userErrors { code } } }',
            variables: { input: { name: `Workflow ${i}`, steps: ['DOCUMENT', 'SELFIE'] } },
          }),
        },
        apiKey,
      );
    }
    const seeded = await memoryOf(server.pid);
    log(`seeded ${options.workflows} workflows; ${options.duration} s per case, ${options.connections} connections`);

    const results: CaseResult[] = [];
    for (const c of CASES) {
      log(`  ${c.name}`);
      results.push(await runCase(server, c, apiKey, options));
    }
    const after = await memoryOf(server.pid);
    await server.stop();
    server = undefined;

    if (options.countSql) {
      log('counting SQL statements per request (server restarted with DEBUG=prisma:driver-adapter:* EXPOSE_SQL_COUNT=1)...');
      // The sync runner's polling would show in the log too: make it poll rarely.
      server = await startServer({ ...env, DEBUG: 'prisma:driver-adapter:*', EXPOSE_SQL_COUNT: '1', SYNC_POLL_MS: '3600000' });
      for (let i = 0; i < CASES.length; i++) results[i].sqlPerRequest = await countSql(server, CASES[i], apiKey);
      await server.stop();
      server = undefined;
    }

    const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
    const rows = [
      ['case', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'errors', 'peak RSS MiB', ...(options.countSql ? ['SQL/req', 'in execution'] : [])],
      ...results.map((r) => [
        r.name,
        fmt(r.requestsPerSecond, 0),
        fmt(r.p50, 2),
        fmt(r.p95, 2),
        fmt(r.p99, 2),
        String(r.requests),
        String(r.errors),
        fmt(r.peakRssMb, 0),
        ...(options.countSql ? [fmt(r.sqlPerRequest?.total ?? NaN, 1), fmt(r.sqlPerRequest?.execution ?? NaN, 1)] : []),
      ]),
    ];
    const cpu = cpus();
    console.log(
      `\nIntegrations API HTTP benchmark, ${new Date().toISOString().slice(0, 10)}\n` +
        `machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n` +
        `storage: ${storage}; loopback; ${options.connections} connections; ${options.duration} s per case after 1 s warm-up; ` +
        `load generator on the same machine (1-min load average before the run: ${loadBefore.toFixed(1)})\n\n${table(rows)}\n\n` +
        `server RSS: ${fmt(idle.rssMb, 0)} MiB idle after start, ${fmt(seeded.rssMb, 0)} MiB after seeding, ` +
        `${fmt(after.rssMb, 0)} MiB after the runs (peak ${fmt(after.peakMb, 0)} MiB)`,
    );
    const failed = results.filter((r) => r.errors > 0);
    if (failed.length) process.exitCode = 1;
    return results;
  } finally {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

// `npm run bench:sync`: syncs a large directory from the stand-in Okta (loopback) into a
// real server process and prints users/s and the server's peak RSS. It runs a small
// directory first as the baseline in the same run: if sync memory grew with directory
// size, the large run's peak would grow with it. On the large directory it then changes
// 1,000 users and times an INCREMENTAL sync against a FULL one of the same directory.
// Last, a directory with 1,000 groups of 100 members each, with the SQL statements the
// whole sync sent (the driver adapter's debug log): they grow with pages, not members.
//   BENCH_SYNC_USERS     users in the large run (default 100000)
//   BENCH_DATABASE_URL   run on that PostgreSQL instead of a fresh embedded database
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLClient, gql } from 'graphql-request';
import { type OktaStandIn, oktaGroup, oktaUser, startOktaStandIn } from '../tests/support/standins/okta.ts';
import { type ServerProcess, runAdmin, startServer } from '../tests/support/process.ts';

const large = Number(process.env.BENCH_SYNC_USERS ?? 100_000);
// A small baseline, then half and all of the large size: memory that grew with the
// directory would show as a step between the last two as well.
const sizes = [Math.min(5_000, large), Math.round(large / 2), large];
const CHANGED = 1_000;

/** The serving node process: the started process itself (node dist/main.js), or its first child when a wrapper starts it. */
async function serverPid(launcherPid: number): Promise<number> {
  const children = (await readFile(`/proc/${launcherPid}/task/${launcherPid}/children`, 'utf8')).trim().split(/\s+/).filter(Boolean);
  return children.length ? Number(children[0]) : launcherPid;
}

async function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

interface Sync {
  id: string;
  status: string;
  kind: string;
  processed: number;
  created: number;
  updated: number;
  groups: number;
  error: string | null;
}

const SYNC_FIELDS = 'id status kind processed created updated groups error';

/** A server on fresh storage with one organization, and what a partner script does with it. */
async function withServer<T>(env: Record<string, string | undefined>, run: (api: Api, server: ServerProcess) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-sync-'));
  const storage: Record<string, string> = process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : { DATA_DIR: dataDir };
  const server = await startServer({ ...storage, LOG_LEVEL: 'warn', EXPOSE_SQL_COUNT: undefined, ...env });
  try {
    const admin = await runAdmin(['create-org', '--name', 'Bench sync', '--json'], storage);
    if (admin.code !== 0) throw new Error(admin.stderr);
    const { apiKey } = JSON.parse(admin.stdout);
    return await run(api(new GraphQLClient(`${server.url}/graphql`, { headers: { 'x-api-key': apiKey } })), server);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

type Api = ReturnType<typeof api>;

function api(client: GraphQLClient) {
  const lastSync = async (id: string) =>
    (
      await client.request<{ integration: { directory: { userCount: number; lastSync: Sync } } }>(
        gql`query ($id: ID!) { integration(id: $id) { directory { userCount lastSync { ${SYNC_FIELDS} } } } }`,
        { id },
      )
    ).integration.directory;
  /** Polls until the sync ends; its state and the seconds from `started`. */
  const settle = async (id: string, syncId: string, started: number) => {
    for (;;) {
      await sleep(250);
      const { lastSync: sync } = await lastSync(id);
      if (sync.id !== syncId || (sync.status !== 'SUCCEEDED' && sync.status !== 'FAILED')) continue;
      if (sync.status !== 'SUCCEEDED') throw new Error(`sync failed: ${sync.error}`);
      return { sync, seconds: (performance.now() - started) / 1000, userCount: (await lastSync(id)).userCount };
    }
  };
  return {
    /** An Okta integration on the stand-in, and its first (FULL) sync to the end. */
    async createOkta(okta: OktaStandIn) {
      const started = performance.now();
      const { createIntegration } = await client.request<{
        createIntegration: { integration: { id: string; directory: { lastSync: Sync } } | null; userErrors: { message: string }[] };
      }>(
        gql`
          mutation ($config: JSON) {
            createIntegration(input: { templateKey: "OKTA", name: "Bench", config: $config }) {
              integration {
                id
                directory {
                  lastSync {
                    id
                  }
                }
              }
              userErrors {
                message
              }
            }
          }
        `,
        { config: { orgUrl: okta.url, apiToken: okta.token } },
      );
      if (!createIntegration.integration) throw new Error(JSON.stringify(createIntegration.userErrors));
      const { id, directory } = createIntegration.integration;
      return { id, ...(await settle(id, directory.lastSync.id, started)) };
    },
    /** Another sync of the integration, to the end. */
    async sync(id: string, kind: 'FULL' | 'INCREMENTAL') {
      const started = performance.now();
      const { startDirectorySync } = await client.request<{ startDirectorySync: { sync: Sync } }>(
        gql`mutation ($id: ID!, $kind: DirectorySyncKind) { startDirectorySync(input: { integrationId: $id, kind: $kind }) { sync { ${SYNC_FIELDS} } } }`,
        { id, kind },
      );
      return settle(id, startDirectorySync.sync.id, started);
    },
  };
}

/** Renames `count` users spread over the directory, so Okta lists them as updated now. */
function changeUsers(okta: OktaStandIn, count: number, round: number) {
  const step = Math.floor(okta.users.length / count);
  for (let i = 0; i < count; i++) {
    const at = i * step;
    okta.users[at] = oktaUser(at, { displayName: `Renamed ${round}.${at}` });
  }
}

async function largeRun(users: number, withIncremental: boolean) {
  const okta = await startOktaStandIn({ users: Array.from({ length: users }, (_, i) => oktaUser(i)) });
  try {
    return await withServer({}, async (client, server) => {
      const pid = await serverPid(server.child.pid!);
      const rssBefore = await memoryMb(pid, 'VmRSS');
      const first = await client.createOkta(okta);
      const row = {
        users,
        seconds: first.seconds,
        usersPerSecond: Math.round(users / first.seconds),
        pages: okta.requests.length,
        userCount: first.userCount,
        rssBeforeMb: rssBefore,
        peakRssMb: await memoryMb(pid, 'VmHWM'),
      };
      if (!withIncremental) return { row };
      changeUsers(okta, CHANGED, 1);
      const incremental = await client.sync(first.id, 'INCREMENTAL');
      changeUsers(okta, CHANGED, 2);
      const full = await client.sync(first.id, 'FULL');
      return { row, incremental, full };
    });
  } finally {
    await okta.close();
  }
}

async function groupRun(users: number, groups: number, members: number) {
  const people = Array.from({ length: users }, (_, i) => oktaUser(i));
  const okta = await startOktaStandIn({
    users: people,
    groups: Array.from({ length: groups }, (_, g) =>
      oktaGroup(
        g,
        Array.from({ length: members }, (_, k) => people[(g * members + k) % users].id),
      ),
    ),
  });
  try {
    // The driver adapters' debug log names every statement sent (bench/http.ts counts them the same way).
    return await withServer({ DEBUG: 'prisma:driver-adapter:*', SYNC_POLL_MS: '3600000' }, async (client, server) => {
      const statements = () => server.output().match(/\[js::(query_raw|execute_raw)\]/g)?.length ?? 0;
      const before = statements();
      const first = await client.createOkta(okta);
      await sleep(300); // the log drains
      return { sync: first.sync, seconds: first.seconds, requests: okta.requests.length, statements: statements() - before };
    });
  } finally {
    await okta.close();
  }
}

const storageName = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
const runs = [];
for (const size of sizes) runs.push(await largeRun(size, size === large));
console.log(`\nDirectory sync from the stand-in Okta (${storageName}), page size 200`);
console.table(
  runs.map(({ row: r }) => ({
    users: r.users,
    'synced users': r.userCount,
    pages: r.pages,
    seconds: r.seconds.toFixed(1),
    'users/s': r.usersPerSecond,
    'RSS before (MB)': r.rssBeforeMb.toFixed(0),
    'peak RSS (MB)': r.peakRssMb.toFixed(0),
  })),
);
const [baseline, half, big] = runs.map((r) => r.row);
console.log(
  `peak RSS growth from ${baseline.users} to ${big.users} users: ${(big.peakRssMb - baseline.peakRssMb).toFixed(0)} MB; from ${half.users} to ${big.users}: ${(big.peakRssMb - half.peakRssMb).toFixed(0)} MB`,
);
const { incremental, full } = runs.at(-1)!;
console.log(`\n${CHANGED} users changed out of ${large}, the same directory:`);
console.table(
  [incremental!, full!].map(({ sync, seconds }) => ({
    kind: sync.kind,
    'users read': sync.processed,
    updated: sync.updated,
    seconds: seconds.toFixed(2),
  })),
);
console.log(`INCREMENTAL / FULL time: ${(incremental!.seconds / full!.seconds).toFixed(3)}`);

const grouped = await groupRun(10_000, 1_000, 100);
console.log(`\nGroups: 10000 users, 1000 groups x 100 members (${storageName})`);
console.table([
  {
    groups: grouped.sync.groups,
    memberships: 1_000 * 100,
    'upstream requests': grouped.requests,
    'SQL statements (whole sync)': grouped.statements,
    seconds: grouped.seconds.toFixed(1),
  },
]);

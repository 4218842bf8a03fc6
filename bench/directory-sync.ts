// `npm run bench:sync`: syncs a large directory from the stand-in Okta (loopback) into a
// real server process and prints users/s and the server's peak RSS. It runs a small
// directory first as the baseline in the same run: if sync memory grew with directory
// size, the large run's peak would grow with it.
//   BENCH_SYNC_USERS     users in the large run (default 100000)
//   BENCH_DATABASE_URL   run on that PostgreSQL instead of a fresh embedded database
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLClient, gql } from 'graphql-request';
import { oktaUser, startOktaStandIn } from '../tests/support/standins/okta.ts';
import { runAdmin, startServer } from '../tests/support/process.ts';

const large = Number(process.env.BENCH_SYNC_USERS ?? 100_000);
// A small baseline, then half and all of the large size: memory that grew with the
// directory would show as a step between the last two as well.
const sizes = [Math.min(5_000, large), Math.round(large / 2), large];

/** The serving node process: the started process itself (node dist/main.js), or its first child when a wrapper starts it. */
async function serverPid(launcherPid: number): Promise<number> {
  const children = (await readFile(`/proc/${launcherPid}/task/${launcherPid}/children`, 'utf8')).trim().split(/\s+/).filter(Boolean);
  return children.length ? Number(children[0]) : launcherPid;
}

async function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

interface Directory {
  userCount: number;
  /** Never null here: creating an Okta integration starts its first sync. */
  lastSync: { status: string; processed: number; created: number; error: string | null };
}

async function runOnce(users: number) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-sync-'));
  const storage: Record<string, string> = process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : { DATA_DIR: dataDir };
  const okta = await startOktaStandIn({ users: Array.from({ length: users }, (_, i) => oktaUser(i)) });
  const server = await startServer({ ...storage, LOG_LEVEL: 'warn', EXPOSE_SQL_COUNT: undefined });
  try {
    const admin = await runAdmin(['create-org', '--name', `Bench ${users}`, '--json'], storage);
    if (admin.code !== 0) throw new Error(admin.stderr);
    const { apiKey } = JSON.parse(admin.stdout);
    const client = new GraphQLClient(`${server.url}/graphql`, { headers: { 'x-api-key': apiKey } });
    const pid = await serverPid(server.child.pid!);
    const rssBefore = await memoryMb(pid, 'VmRSS');
    const started = performance.now();
    const { createIntegration } = await client.request<{
      createIntegration: { integration: { id: string } | null; userErrors: { code: string; message: string }[] };
    }>(
      gql`
        mutation ($config: JSON) {
          createIntegration(input: { templateKey: "OKTA", name: "Bench", config: $config }) {
            integration {
              id
            }
            userErrors {
              code
              message
            }
          }
        }
      `,
      { config: { orgUrl: okta.url, apiToken: okta.token } },
    );
    if (createIntegration.userErrors.length) throw new Error(JSON.stringify(createIntegration.userErrors));
    const id = createIntegration.integration!.id;
    let sync: Directory;
    for (;;) {
      await sleep(250);
      sync = (
        await client.request<{ integration: { directory: Directory } }>(
          gql`
            query ($id: ID!) {
              integration(id: $id) {
                directory {
                  userCount
                  lastSync {
                    status
                    processed
                    created
                    error
                  }
                }
              }
            }
          `,
          { id },
        )
      ).integration.directory;
      if (sync.lastSync.status === 'SUCCEEDED' || sync.lastSync.status === 'FAILED') break;
    }
    const seconds = (performance.now() - started) / 1000;
    if (sync.lastSync.status !== 'SUCCEEDED') throw new Error(`sync failed: ${sync.lastSync.error}`);
    // Counted again once finished: in the polling query the count and the sync's status are
    // separate statements, so the count may predate the last page.
    const { userCount } = (
      await client.request<{ integration: { directory: { userCount: number } } }>(
        gql`
          query ($id: ID!) {
            integration(id: $id) {
              directory {
                userCount
              }
            }
          }
        `,
        { id },
      )
    ).integration.directory;
    return {
      users,
      seconds,
      usersPerSecond: Math.round(users / seconds),
      pages: okta.requests.length,
      userCount,
      rssBeforeMb: rssBefore,
      peakRssMb: await memoryMb(pid, 'VmHWM'),
    };
  } finally {
    await server.stop();
    await okta.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const rows = [];
for (const size of sizes) rows.push(await runOnce(size));
console.log(`\nDirectory sync from the stand-in Okta (${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}), page size 200`);
console.table(
  rows.map((r) => ({
    users: r.users,
    'synced users': r.userCount,
    pages: r.pages,
    seconds: r.seconds.toFixed(1),
    'users/s': r.usersPerSecond,
    'RSS before (MB)': r.rssBeforeMb.toFixed(0),
    'peak RSS (MB)': r.peakRssMb.toFixed(0),
  })),
);
const [baseline, half, big] = rows;
console.log(
  `peak RSS growth from ${baseline.users} to ${big.users} users: ${(big.peakRssMb - baseline.peakRssMb).toFixed(0)} MB; from ${half.users} to ${big.users}: ${(big.peakRssMb - half.peakRssMb).toFixed(0)} MB`,
);

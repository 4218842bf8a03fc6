// `npm run admin -- sync --integration ID [--follow] [--json]` (README: "Admin command"), as
// an operator runs it: against a server of this file's own (so it can be stopped) that reads
// a stand-in Okta on loopback, first while that server runs, then with it stopped (the
// command then runs the sync itself), then again with it started.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiIntegration, createOktaIntegration, getDirectory, waitForSync } from './support/directory.ts';
import { serverEnv } from './support/env.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import { execute, graphql, jsonObject } from './support/kit.ts';
import { parseJson } from './support/oauth.ts';
import { type CommandResult, ROOT, runAdmin } from './support/process.ts';
import { type OktaStandIn, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';

const SLOW = 180_000;
const USERS = 450; // three pages of 200: several steps to show

const SYNC_AUDIT = graphql(`
  query AdminSyncAuditLog {
    auditLog(first: 20) {
      edges {
        node {
          action
          targetId
          actor {
            type
            name
          }
        }
      }
    }
  }
`);

let server: IsolatedServer;
let okta: OktaStandIn;
let org: Awaited<ReturnType<IsolatedServer['createOrg']>>;
let integrationId: string;
let brokenId: string;
let apiIntegrationId: string;

const admin = (...args: string[]) => runAdmin(args, server.storageEnv);

/** Step lines as --follow prints them without a terminal. */
const STEP =
  /^sync (sync_[0-9a-z]{26}) (QUEUED|RUNNING|SUCCEEDED|FAILED): \d+(\/\d+)? users read, \d+ created, \d+ updated, \d+ deactivated, \d+ groups/;

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

/** Every line a step line of one sync; answers the sync's ID. */
function expectStepLines(text: string): string {
  const all = lines(text);
  expect(all.length, text).toBeGreaterThan(0);
  for (const line of all) expect(line, text).toMatch(STEP);
  const ids = new Set(all.map((line) => STEP.exec(line)![1]));
  expect([...ids], text).toHaveLength(1);
  return [...ids][0];
}

async function syncRows(): Promise<number> {
  const client = server.database();
  await client.connect();
  try {
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "DirectorySync"')).rows[0].n;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  okta = await startOktaStandIn({ users: oktaUsers(USERS), pageDelayMs: 200 });
  server = await startIsolatedServer({ SYNC_POLL_MS: '200' });
  org = await server.createOrg('Admin Sync');
  const made = await createOktaIntegration(org, okta);
  integrationId = made.id;
  await waitForSync(org, made.firstSync.id);
  const broken = await createOktaIntegration(org, okta, { apiToken: 'not-the-token', name: 'Okta broken' });
  brokenId = broken.id;
  await waitForSync(org, broken.firstSync.id);
  apiIntegrationId = await createApiIntegration(org, 'Not a directory');
}, SLOW);

afterAll(async () => {
  await server?.stop();
  await okta?.close();
});

/** `sync --follow` under a pseudo-terminal (util-linux `script`), as on an operator's terminal. */
function onTerminal(args: string[]): Promise<CommandResult> {
  const command = ['node', 'dist/admin/cli.js', ...args].join(' ');
  const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: ROOT, env: serverEnv(server.storageEnv), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('with the server running', () => {
  it(
    'sync --follow prints one line per step and ends SUCCEEDED, audited as the admin command',
    async () => {
      const listsBefore = okta.listRequests().length;
      const result = await admin('sync', '--integration', integrationId, '--follow');
      expect(result.code, result.stderr).toBe(0);
      const id = expectStepLines(result.stdout);
      const all = lines(result.stdout);
      expect(all.length, result.stdout).toBeGreaterThan(1);
      expect(all.at(-1)).toMatch(new RegExp(`^sync ${id} SUCCEEDED: ${USERS} users read`));
      expect(okta.listRequests().length).toBeGreaterThan(listsBefore);
      const sync = (await getDirectory(org, integrationId)).lastSync;
      expect(sync).toMatchObject({ id, status: 'SUCCEEDED', trigger: 'MANUAL', processed: USERS });
      const entries = (await execute(org, SYNC_AUDIT)).auditLog.edges.map((e) => e.node);
      expect(entries.filter((e) => e.action === 'directory_sync.start')[0]).toEqual({
        action: 'directory_sync.start',
        targetId: integrationId,
        actor: { type: 'ADMIN_COMMAND', name: 'sync' },
      });
    },
    SLOW,
  );

  it(
    'sync --follow --json is exactly one line on stdout, the final sync; the steps go to stderr',
    async () => {
      const result = await admin('sync', '--integration', integrationId, '--follow', '--json');
      expect(result.code, result.stderr).toBe(0);
      expect(lines(result.stdout)).toHaveLength(1);
      expect(result.stdout.endsWith('\n')).toBe(true);
      const sync = jsonObject(jsonObject(parseJson(result.stdout)).sync);
      expect(sync).toMatchObject({ integrationId, status: 'SUCCEEDED', processed: USERS, trigger: 'MANUAL', error: null });
      expect(expectStepLines(result.stderr)).toBe(sync.id);
    },
    SLOW,
  );

  it(
    'on a terminal, --follow draws a progress bar and ends with the final status',
    async () => {
      const result = await onTerminal(['sync', '--integration', integrationId, '--follow']);
      expect(result.code, result.stdout).toBe(0);
      // cli-progress's shades_classic bar, redrawn in place, with the counts beside it.
      expect(result.stdout).toMatch(/[\u2588\u2591]{10,}/);
      expect(result.stdout).toMatch(new RegExp(`${USERS} users \\| SUCCEEDED`));
      expect(result.stdout).toMatch(new RegExp(`sync sync_[0-9a-z]{26} SUCCEEDED: ${USERS} users read`));
    },
    SLOW,
  );

  it(
    'a sync that FAILED ends --follow with its error and a non-zero exit',
    async () => {
      const result = await admin('sync', '--integration', brokenId, '--follow');
      expect(result.code).toBe(1);
      expectStepLines(result.stdout);
      expect(lines(result.stdout).at(-1)).toMatch(/ FAILED: .+/);
    },
    SLOW,
  );

  it(
    'unknown or non-directory integrations are one clear line on stderr, exit 2, and no sync',
    async () => {
      const before = await syncRows();
      const cases: [string[], RegExp][] = [
        [['sync', '--integration', `int_01j${'0'.repeat(23)}`, '--follow'], /^error: no integration with ID int_01j0+\n$/],
        [['sync', '--integration', 'nonsense', '--json'], /^error: no integration with ID nonsense\n$/],
        [['sync', '--integration', apiIntegrationId, '--follow'], /^error: integration int_\w+ \(Not a directory\): Only directory integrations/],
        [['sync', '--follow'], /^error: sync needs --integration ID\n$/],
      ];
      for (const [args, stderr] of cases) {
        const result = await admin(...args);
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(stderr);
        expect(lines(result.stderr)).toHaveLength(1);
      }
      expect(await syncRows()).toBe(before);
    },
    SLOW,
  );
});

describe('with the server stopped', () => {
  beforeAll(async () => {
    await server.server.stop('SIGTERM');
  }, SLOW);

  it(
    'sync --follow runs the sync in the command itself, with the stored credentials',
    async () => {
      const listsBefore = okta.listRequests().length;
      const result = await admin('sync', '--integration', integrationId, '--follow');
      expect(result.code, result.stderr).toBe(0);
      const id = expectStepLines(result.stdout);
      expect(lines(result.stdout).at(-1)).toMatch(new RegExp(`^sync ${id} SUCCEEDED: ${USERS} users read`));
      expect(okta.listRequests().length).toBeGreaterThan(listsBefore);
      expect(okta.authorizations.at(-1)).toBe(`SSWS ${okta.token}`);
    },
    SLOW,
  );

  it(
    'sync without --follow queues it (one JSON line), a second start gets the same one, and the server runs it once it starts',
    async () => {
      const result = await admin('sync', '--integration', integrationId, '--json');
      expect(result.code, result.stderr).toBe(0);
      expect(lines(result.stdout)).toHaveLength(1);
      const queued = jsonObject(jsonObject(parseJson(result.stdout)).sync);
      expect(queued).toMatchObject({ integrationId, status: 'QUEUED', trigger: 'MANUAL' });
      // While it is open, another start returns it.
      const human = await admin('sync', '--integration', integrationId);
      expect(human.code, human.stderr).toBe(0);
      expect(human.stdout).toContain(`Directory sync ${String(queued.id)} of Okta (${integrationId}) is QUEUED.`);
      await server.restart();
      const done = await waitForSync(org, String(queued.id));
      expect(done).toMatchObject({ status: 'SUCCEEDED', processed: USERS });
    },
    SLOW,
  );
});

// The admin command as an operator runs it: `npm run admin -- ...` (here: tsx on
// src/admin/cli.ts, which is what the npm script runs), against the suite server's
// storage while that server runs, and (embedded only) on a brand-new DATA_DIR with no
// server at all. Output contract: results on stdout, one clear line on stderr for
// errors, exit code 0 only on success.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject } from 'vitest';
import { storageEnv } from './support/api.ts';
import { execute, graphql, it, jsonObject, mutateOk, present } from './support/kit.ts';
import { parseJson } from './support/oauth.ts';
import { spawn } from 'node:child_process';
import { serverEnv } from './support/env.ts';
import { type CommandResult, ROOT, runAdmin } from './support/process.ts';

const storage = inject('storage');
const SLOW = 180_000; // each admin run is a fresh process (seconds on a busy machine)

const VIEWER = graphql(`
  query AdminViewer {
    viewer {
      organization {
        id
        name
        features
      }
      apiKey {
        id
      }
    }
  }
`);
const CREATE_WORKFLOW = graphql(`
  mutation AdminCreateWorkflow($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      workflow {
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
const UPDATE_WORKFLOW = graphql(`
  mutation AdminUpdateWorkflow($input: UpdateWorkflowInput!) {
    updateWorkflow(input: $input) {
      workflow {
        version
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const WORKFLOW_VERSION = graphql(`
  query AdminWorkflowVersion($id: ID!) {
    workflow(id: $id) {
      version
    }
  }
`);

/** The features of the organization whose key this is. */
async function features(apiKey: string) {
  return (await execute({ apiKey }, VIEWER)).viewer.organization.features;
}

function stdoutLines(result: CommandResult): string[] {
  expect(result.stdout.endsWith('\n'), result.stdout).toBe(true);
  return result.stdout.slice(0, -1).split('\n');
}

/** A failure as the README has it ("Admin command"): non-zero exit, one clear line on stderr, nothing on stdout. */
function expectOneLineFailure(result: CommandResult, mentions: RegExp) {
  expect(result.code, result.stderr).not.toBe(0);
  expect(result.code).not.toBeNull();
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(mentions);
  expect(lines[0].length).toBeLessThan(300);
  expect(result.stderr).not.toContain('    at ');
}

function parseCreateOrg(result: CommandResult) {
  expect(result.code, result.stderr).toBe(0);
  const lines = stdoutLines(result);
  expect(lines, result.stdout).toHaveLength(1);
  const parsed = jsonObject(parseJson(lines[0]));
  expect(Object.keys(parsed).sort()).toEqual(['apiKey', 'organization']);
  const organization = jsonObject(parsed.organization);
  expect(Object.keys(organization).sort()).toEqual(['id', 'name']);
  expect(organization.id).toMatch(/^org_[0-9a-z]{26}$/);
  expect(organization.name).toEqual(expect.any(String));
  expect(parsed.apiKey).toEqual(expect.any(String));
  const apiKey = String(parsed.apiKey);
  // The secret is printed once, on stdout; never in logs.
  expect(result.stderr).not.toContain(apiKey);
  return { organization: { id: String(organization.id), name: String(organization.name) }, apiKey };
}

/** The organization in a `--json` line of set-feature. */
function organizationIn(line: string): Record<string, unknown> {
  return jsonObject(jsonObject(parseJson(line)).organization);
}

function setFeatureArgs(org: string, enabled: string, ...extra: string[]) {
  return ['set-feature', '--org', org, '--feature', 'INTEGRATIONS_ECOSYSTEM', '--enabled', enabled, ...extra];
}

async function within(ms: number, probe: () => Promise<boolean>) {
  const start = Date.now();
  for (;;) {
    if (await probe()) return;
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ADMIN_AUDIT = graphql(`
  query AdminAuditLog {
    auditLog(first: 10) {
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

/** The documented form for scripts: `npm run -s admin -- …` (npm's banner kept off stdout). */
function npmAdmin(args: string[]): Promise<CommandResult> {
  const child = spawn('npm', ['run', '-s', 'admin', '--', ...args], { cwd: ROOT, env: serverEnv(storageEnv), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('recovering access and listing organizations', () => {
  it(
    'create-api-key --json prints one line, the key works at once, and the audit log says the admin command made it',
    async () => {
      const created = parseCreateOrg(await runAdmin(['create-org', '--name', 'Admin Keyless', '--json'], storageEnv));
      const result = await runAdmin(['create-api-key', '--org', created.organization.id, '--name', 'Recovered', '--json'], storageEnv);
      expect(result.code, result.stderr).toBe(0);
      const lines = stdoutLines(result);
      expect(lines).toHaveLength(1);
      const made = parseJson(lines[0]) as { apiKey: { id: string; name: string }; secret: string };
      expect(made.apiKey).toMatchObject({ name: 'Recovered' });
      expect(made.secret).toMatch(/^iapi_/);
      const { viewer } = await execute({ apiKey: made.secret }, VIEWER);
      expect(viewer.organization.id).toBe(created.organization.id);
      const entries = (await execute({ apiKey: made.secret }, ADMIN_AUDIT)).auditLog.edges.map((e) => e.node);
      expect(entries[0]).toEqual({ action: 'api_key.create', targetId: made.apiKey.id, actor: { type: 'ADMIN_COMMAND', name: 'create-api-key' } });
    },
    SLOW,
  );

  it(
    'list-orgs --json through `npm run -s admin` is exactly one line of JSON on stdout, with every organization',
    async () => {
      const created = parseCreateOrg(await runAdmin(['create-org', '--name', 'Admin Listed', '--json'], storageEnv));
      const result = await npmAdmin(['list-orgs', '--json']);
      expect(result.code, result.stderr).toBe(0);
      const lines = stdoutLines(result);
      expect(lines).toHaveLength(1);
      const { organizations } = parseJson(lines[0]) as { organizations: { id: string; name: string; features: string[]; activeApiKeys: number }[] };
      expect(organizations.find((o) => o.id === created.organization.id)).toMatchObject({
        name: 'Admin Listed',
        features: ['INTEGRATIONS_ECOSYSTEM'],
        activeApiKeys: 1,
      });
      const human = await runAdmin(['list-orgs'], storageEnv);
      expect(human.code, human.stderr).toBe(0);
      expect(human.stdout).toContain(`${created.organization.id}  Admin Listed`);
    },
    SLOW,
  );

  it(
    'create-api-key for an unknown organization is one line on stderr (exit 1); without --name it is a usage error (exit 2)',
    async () => {
      const unknown = await runAdmin(['create-api-key', '--org', `org_01j${'0'.repeat(23)}`, '--name', 'X'], storageEnv);
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr.trim().split('\n')).toEqual([`error: no organization with ID org_01j${'0'.repeat(23)}`]);
      const usage = await runAdmin(['create-api-key', '--org', 'org_x'], storageEnv);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/^error: create-api-key needs --name NAME\n$/);
    },
    SLOW,
  );
});

describe('beside the running server', () => {
  it(
    'create-org --json prints exactly one line of JSON, and the key works at once',
    async () => {
      const created = parseCreateOrg(await runAdmin(['create-org', '--name', 'Admin Made', '--json'], storageEnv));
      expect(created.organization.name).toBe('Admin Made');
      const { viewer } = await execute({ apiKey: created.apiKey }, VIEWER);
      expect(viewer.organization).toEqual({ id: created.organization.id, name: 'Admin Made', features: ['INTEGRATIONS_ECOSYSTEM'] });
    },
    SLOW,
  );

  it(
    'create-org --disable-integrations makes an organization without the feature',
    async () => {
      const created = parseCreateOrg(await runAdmin(['create-org', '--name', 'Admin Plain', '--disable-integrations', '--json'], storageEnv));
      expect(await features(created.apiKey)).toEqual([]);
    },
    SLOW,
  );

  it(
    'create-org without --json tells a person the key once, on stdout',
    async () => {
      const result = await runAdmin(['create-org', '--name', 'Admin Human'], storageEnv);
      expect(result.code, result.stderr).toBe(0);
      const key = result.stdout.match(/\b(\S{40,})\b/)?.[1];
      expect(key, result.stdout).toBeDefined();
      const { viewer } = await execute({ apiKey: present(key) }, VIEWER);
      expect(viewer.organization.name).toBe('Admin Human');
    },
    SLOW,
  );

  it(
    'set-feature exits 0 and the running server sees the change within 5 seconds',
    async () => {
      const created = parseCreateOrg(await runAdmin(['create-org', '--name', 'Admin Toggle', '--json'], storageEnv));
      const off = await runAdmin(setFeatureArgs(created.organization.id, 'false'), storageEnv);
      expect(off.code, off.stderr).toBe(0);
      expect(off.stdout.trim().split('\n')).toHaveLength(1);
      await within(5000, async () => (await features(created.apiKey)).length === 0);

      const on = await runAdmin(setFeatureArgs(created.organization.id, 'true', '--json'), storageEnv);
      expect(on.code, on.stderr).toBe(0);
      const lines = stdoutLines(on);
      expect(lines).toHaveLength(1);
      expect(organizationIn(lines[0])).toMatchObject({ id: created.organization.id, features: ['INTEGRATIONS_ECOSYSTEM'] });
      await within(5000, async () => (await features(created.apiKey)).includes('INTEGRATIONS_ECOSYSTEM'));
    },
    SLOW,
  );

  if (storage === 'pglite') {
    // The embedded database is one process's; admin commands reach it through the
    // server. The server keeps opening transactions of its own (requests, the sync
    // runner): an admin command arriving in the middle of one must wait its turn, not
    // hang or fail.
    it(
      'works while the server is busy with transactions of its own',
      async () => {
        const created = parseCreateOrg(await runAdmin(['create-org', '--name', 'Admin Busy', '--json'], storageEnv));
        const caller = { apiKey: created.apiKey };
        const { workflow } = await mutateOk(caller, CREATE_WORKFLOW, { name: 'Busy', steps: ['A'] });
        let busy = true;
        let updates = 0;
        const hammer = async (lane: number) => {
          for (let i = 0; busy; i++) {
            // A change of steps is a transaction on the server (version bump + snapshot).
            await mutateOk(caller, UPDATE_WORKFLOW, { id: workflow.id, steps: [`L${lane}-${i}`] });
            updates++;
          }
        };
        const lanes = [hammer(1), hammer(2)];
        try {
          for (const enabled of ['false', 'true', 'false']) {
            const result = await runAdmin(setFeatureArgs(created.organization.id, enabled), storageEnv);
            expect(result.code, result.stderr).toBe(0);
          }
        } finally {
          busy = false;
          await Promise.all(lanes);
        }
        expect(updates).toBeGreaterThan(0);
        await within(5000, async () => (await features(created.apiKey)).length === 0);
        const read = await execute(caller, WORKFLOW_VERSION, { id: workflow.id });
        expect(present(read.workflow).version).toBe(updates + 1);
      },
      SLOW,
    );
  }
});

describe('help and errors', () => {
  it(
    '--help exits 0 and shows both commands',
    async () => {
      for (const args of [['--help'], ['create-org', '--help'], ['set-feature', '--help']]) {
        const result = await runAdmin(args, storageEnv);
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
        expect(result.stdout).toContain('create-org');
        expect(result.stdout).toContain('set-feature');
      }
    },
    SLOW,
  );

  it(
    'an unknown organization is one clear line on stderr and a non-zero exit',
    async () => {
      for (const org of ['org_01m8mwbn4xqpj3fypwxwrsccbr', 'not-an-org']) {
        expectOneLineFailure(await runAdmin(setFeatureArgs(org, 'true'), storageEnv), new RegExp(`organization.*${org}|${org}.*organization`, 'i'));
      }
    },
    SLOW,
  );

  it(
    'bad flags are one clear line on stderr and a non-zero exit',
    async () => {
      const cases: [string[], RegExp][] = [
        [['create-org', '--name', 'X', '--frobnicate'], /frobnicate/],
        [['create-org', '--json'], /--name/],
        [['create-org', '--name', '   ', '--json'], /--name/],
        // The same name rule as every name the API takes.
        [['create-org', '--name', 'x'.repeat(101), '--json'], /--name: A name is at most 100 characters/],
        [['create-org', '--name'], /--name/],
        [['set-feature', '--org', 'org_01m8mwbn4xqpj3fypwxwrsccbr', '--feature', 'INTEGRATIONS_ECOSYSTEM', '--enabled', 'maybe'], /--enabled/],
        [['set-feature', '--org', 'org_01m8mwbn4xqpj3fypwxwrsccbr', '--feature', 'INTEGRATIONS_ECOSYSTEM'], /--enabled/],
        [['set-feature', '--org', 'org_01m8mwbn4xqpj3fypwxwrsccbr', '--feature', 'TELEPORTATION', '--enabled', 'true'], /--feature/],
        [['set-feature', '--feature', 'INTEGRATIONS_ECOSYSTEM', '--enabled', 'true'], /--org/],
        [['delete-everything'], /delete-everything/],
      ];
      // Three at a time: each is its own process.
      for (let i = 0; i < cases.length; i += 3) {
        const batch = cases.slice(i, i + 3);
        const results = await Promise.all(batch.map(([args]) => runAdmin(args, storageEnv)));
        results.forEach((result, j) => expectOneLineFailure(result, batch[j][1]));
      }
    },
    SLOW,
  );
});

if (storage === 'pglite') {
  describe('on a brand-new DATA_DIR with no server', () => {
    const dirs: string[] = [];
    afterAll(async () => {
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    });
    const freshDir = async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'integrations-admin-'));
      dirs.push(dir);
      return dir;
    };

    it(
      'creates the database (migrations applied), the organization, and then changes it',
      async () => {
        const dataDir = await freshDir();
        const created = parseCreateOrg(await runAdmin(['create-org', '--name', 'Offline', '--json'], { DATA_DIR: dataDir }));
        expect(created.organization.name).toBe('Offline');

        const off = await runAdmin(setFeatureArgs(created.organization.id, 'false', '--json'), { DATA_DIR: dataDir });
        expect(off.code, off.stderr).toBe(0);
        expect(organizationIn(stdoutLines(off)[0]).features).toEqual([]);
        const on = await runAdmin(setFeatureArgs(created.organization.id, 'true', '--json'), { DATA_DIR: dataDir });
        expect(on.code, on.stderr).toBe(0);
        expect(organizationIn(stdoutLines(on)[0]).features).toEqual(['INTEGRATIONS_ECOSYSTEM']);

        expectOneLineFailure(await runAdmin(setFeatureArgs('org_01m8mwbn4xqpj3fypwxwrsccbr', 'true'), { DATA_DIR: dataDir }), /organization/i);

        // The way back in works with no server too: a new key, counted by list-orgs.
        const key = await runAdmin(['create-api-key', '--org', created.organization.id, '--name', 'Offline key', '--json'], { DATA_DIR: dataDir });
        expect(key.code, key.stderr).toBe(0);
        expect(stdoutLines(key)).toHaveLength(1);
        expect((parseJson(stdoutLines(key)[0]) as { secret: string }).secret).toMatch(/^iapi_/);
        const listed = await runAdmin(['list-orgs', '--json'], { DATA_DIR: dataDir });
        expect(listed.code, listed.stderr).toBe(0);
        expect(stdoutLines(listed)).toHaveLength(1);
        const { organizations } = parseJson(stdoutLines(listed)[0]) as { organizations: { id: string; activeApiKeys: number }[] };
        expect(organizations).toEqual([expect.objectContaining({ id: created.organization.id, activeApiKeys: 2 })]);
        // Nothing is left claiming the directory once the commands are done.
        expect(await readdir(dataDir)).not.toContain('owner.pid');
      },
      SLOW,
    );

    it(
      'runs two commands at once on the same directory',
      async () => {
        const dataDir = await freshDir();
        const [a, b] = await Promise.all([
          runAdmin(['create-org', '--name', 'Twin A', '--json'], { DATA_DIR: dataDir }),
          runAdmin(['create-org', '--name', 'Twin B', '--json'], { DATA_DIR: dataDir }),
        ]);
        const [createdA, createdB] = [parseCreateOrg(a), parseCreateOrg(b)];
        expect(createdA.organization.id).not.toBe(createdB.organization.id);
        const check = await runAdmin(setFeatureArgs(createdB.organization.id, 'false', '--json'), { DATA_DIR: dataDir });
        expect(check.code, check.stderr).toBe(0);
        expect(organizationIn(stdoutLines(check)[0]).name).toBe('Twin B');
      },
      SLOW,
    );
  });
}

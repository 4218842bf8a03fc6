// `npx tsx bench/oauth-timing.ts`: does the token endpoint take the same time to refuse
// an unknown client ID as a known client ID with a wrong secret (CONTRACT 6.7.6)?
//
// Timings never go in the tests (a loaded machine makes any threshold flaky); this
// script measures instead, two ways, and prints medians side by side:
//
//  1. in process: `authenticateClient` (src/oauth/clients.ts) on a fresh migrated
//     database (an in-memory PGlite, or a scratch database on BENCH_DATABASE_URL's
//     server): the lookup and the hash comparison alone, without HTTP noise;
//  2. over HTTP: a real server (`tsx src/main.ts`, fresh storage of the same kind,
//     AUTH_FAILURES_PER_MINUTE raised so the brute-force limit never answers 429), an
//     OIDC client made through the API, and raw POSTs to /oauth/token.
//
// Each round sends one request of each kind in a random order (interleaved, so drift in
// the machine's load hits every kind alike): an unknown client ID, the known client ID
// with a wrong secret, and a second unknown client ID as a control (its difference from
// the first is the noise floor). IDs and secrets have the lengths of real ones. Besides
// the medians it prints the median of the per-round differences (paired, more robust on
// a noisy machine than a difference of medians).
//
// Settings: BENCH_ROUNDS (default 3000 in process, 1500 over HTTP), BENCH_DATABASE_URL,
// BENCH_HTTP=0 / BENCH_IN_PROCESS=0 to skip a part.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { createPGlite } from '../src/db/embedded.ts';
import { applyPendingMigrations } from '../src/db/schema-engine.ts';
import { newId } from '../src/domain/ids.ts';
import { mintSecret, randomToken } from '../src/domain/secrets.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { authenticateClient } from '../src/oauth/clients.ts';
import { runAdmin, startServer } from '../tests/support/process.ts';

const KINDS = ['unknown client ID', 'known ID, wrong secret', 'unknown client ID (control)'] as const;
type Kind = (typeof KINDS)[number];

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => quantile(sortedCopy(values), 0.5);

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Runs `rounds` interleaved rounds; returns milliseconds per kind, in round order. */
async function measure(rounds: number, warmup: number, attempt: (kind: Kind) => Promise<void>): Promise<Record<Kind, number[]>> {
  const samples = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
  for (let round = 0; round < warmup + rounds; round++) {
    for (const kind of shuffle([...KINDS])) {
      const start = process.hrtime.bigint();
      await attempt(kind);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (round >= warmup) samples[kind].push(ms);
    }
  }
  return samples;
}

function report(title: string, samples: Record<Kind, number[]>) {
  const rows = KINDS.map((kind) => {
    const s = sortedCopy(samples[kind]);
    return [kind, String(s.length), quantile(s, 0.5).toFixed(3), quantile(s, 0.25).toFixed(3), quantile(s, 0.75).toFixed(3)];
  });
  const header = ['refusal of', 'samples', 'median ms', 'p25 ms', 'p75 ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  const paired = (a: Kind, b: Kind) => median(samples[a].map((v, i) => v - samples[b][i]));
  const known = samples['known ID, wrong secret'];
  const unknown = samples['unknown client ID'];
  const control = samples['unknown client ID (control)'];
  process.stdout.write(
    [
      `\n${title}`,
      line(header),
      widths.map((w) => '-'.repeat(w)).join('  '),
      ...rows.map(line),
      `known-wrong minus unknown: ${(median(known) - median(unknown)).toFixed(3)} ms (difference of medians), ` +
        `${paired('known ID, wrong secret', 'unknown client ID').toFixed(3)} ms (median of paired differences)`,
      `control minus unknown (noise floor): ${(median(control) - median(unknown)).toFixed(3)} ms, ` +
        `${paired('unknown client ID (control)', 'unknown client ID').toFixed(3)} ms paired`,
      '',
    ].join('\n'),
  );
}

/** A fresh migrated database: an in-memory PGlite, or a scratch database on `url`'s server. */
async function scratchDatabase(url: string | undefined): Promise<{ prisma: PrismaClient; close(): Promise<void> }> {
  if (url) {
    const name = `oauth_timing_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const scratch = new URL(url);
    scratch.pathname = `/${name}`;
    await applyPendingMigrations(new PrismaPg({ connectionString: scratch.toString() }));
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: scratch.toString(), max: 2 }) });
    return {
      prisma,
      async close() {
        await prisma.$disconnect();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const pglite = createPGlite();
  await applyPendingMigrations(new PrismaPGlite(pglite));
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** An unknown client ID or a wrong secret of the same length and alphabet as a real one. */
const unknownClientId = () => `icid_${randomToken(18)}`;
const wrongSecret = () => mintSecret('clientSecret').secret;

async function inProcess(rounds: number, databaseUrl: string | undefined) {
  const db = await scratchDatabase(databaseUrl);
  try {
    const organization = await db.prisma.organization.create({
      data: { id: newId('Organization'), name: 'Timing', features: ['INTEGRATIONS_ECOSYSTEM'] },
    });
    const secret = mintSecret('clientSecret');
    const clientId = unknownClientId();
    const integration = await db.prisma.integration.create({
      data: { id: newId('Integration'), organizationId: organization.id, name: 'timing client', templateKey: 'OIDC_CLIENT_CREDENTIALS', clientId },
    });
    await db.prisma.clientSecret.create({
      data: {
        id: newId('ClientSecret'),
        organizationId: organization.id,
        integrationId: integration.id,
        secretHash: secret.hash,
        lastFour: secret.lastFour,
      },
    });
    const check = await authenticateClient(db.prisma, clientId, secret.secret);
    if (!check.ok) throw new Error(`the seeded client does not authenticate: ${check.reason}`);
    const samples = await measure(rounds, 200, async (kind) => {
      const id = kind === 'known ID, wrong secret' ? clientId : unknownClientId();
      const result = await authenticateClient(db.prisma, id, wrongSecret());
      if (result.ok) throw new Error('a wrong secret authenticated');
    });
    report(`in process: authenticateClient (${databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${rounds} rounds)`, samples);
  } finally {
    await db.close();
  }
}

/** The request's `data`, typed by the caller (T: the shape the query selects). */
async function graphql<T>(url: string, apiKey: string, query: string, variables: object): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data: T; errors?: unknown[] };
  if (json.errors) throw new Error(`GraphQL error: ${JSON.stringify(json.errors)}`);
  return json.data;
}

async function overHttp(rounds: number, databaseUrl: string | undefined) {
  let storage: Record<string, string>;
  let drop: () => Promise<void>;
  if (databaseUrl) {
    const name = `oauth_timing_http_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    storage = { DATABASE_URL: url.toString() };
    drop = async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), 'oauth-timing-'));
    storage = { DATA_DIR: dir };
    drop = () => rm(dir, { recursive: true, force: true });
  }
  const server = await startServer({ ...storage, LOG_LEVEL: 'warn', AUTH_FAILURES_PER_MINUTE: String(1e9) });
  try {
    const created = await runAdmin(['create-org', '--name', 'Timing', '--json'], storage);
    if (created.code !== 0) throw new Error(`admin create-org failed: ${created.stderr}`);
    const { apiKey } = JSON.parse(created.stdout) as { apiKey: string };
    const { createWorkflow } = await graphql<{ createWorkflow: { workflow: { id: string } } }>(
      server.url,
      apiKey,
      'mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } } }',
      {
        input: { name: 'timing', steps: ['DOCUMENT'] },
      },
    );
    const { createIntegration } = await graphql<{ createIntegration: { integration: { id: string; clientId: string } } }>(
      server.url,
      apiKey,
      'mutation ($input: CreateIntegrationInput!) { createIntegration(input: $input) { integration { id clientId } } }',
      { input: { templateKey: 'OIDC_CLIENT_CREDENTIALS', name: 'timing client', workflowId: createWorkflow.workflow.id } },
    );
    const { id: integrationId, clientId } = createIntegration.integration;
    await graphql(server.url, apiKey, 'mutation ($input: GenerateClientSecretInput!) { generateClientSecret(input: $input) { clientSecret } }', {
      input: { integrationId },
    });

    const tokenUrl = `${server.url}/oauth/token`;
    const samples = await measure(rounds, 100, async (kind) => {
      const id = kind === 'known ID, wrong secret' ? clientId : unknownClientId();
      const response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: id, client_secret: wrongSecret() }).toString(),
      });
      await response.arrayBuffer();
      if (response.status !== 401) throw new Error(`expected 401 invalid_client, got ${response.status}`);
    });
    report(`over HTTP: POST /oauth/token, client_secret_post (${databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${rounds} rounds)`, samples);
  } finally {
    await server.stop('SIGKILL');
    await drop();
  }
}

try {
  const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  if (process.env.BENCH_IN_PROCESS !== '0') await inProcess(count('BENCH_ROUNDS', 3000), databaseUrl);
  if (process.env.BENCH_HTTP !== '0') await overHttp(count('BENCH_ROUNDS', 1500), databaseUrl);
} catch (error) {
  process.stderr.write(`error: ${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
}

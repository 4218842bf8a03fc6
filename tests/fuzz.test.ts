// A seeded fuzz of the real server (README:
// "Edge: authentication, request IDs, limits, headers, metrics"): thousands of generated
// requests — documents built from schema.graphql and then mutated, wrong variable types,
// huge strings, deep nesting, many aliases, circular fragments, NUL characters and lone
// surrogates, malformed JSON, multipart bodies, wrong content types, GET mutations, batches,
// long and odd headers, odd methods, raw HTTP oddities — with a valid key, a bad one and
// none. Afterwards: no 5xx, no INTERNAL_SERVER_ERROR, no stack trace or internal text in any
// answer, the same server process still serving, and the sentinel organization's rows
// exactly as they were (its requests are all invalid by construction; the fuzz
// organization's may legitimately succeed and change its own rows).
//
// Reproduce: FUZZ_SEED=<seed printed below> npx vitest run tests/fuzz.test.ts
// Replay some requests only: FUZZ_SEED=<seed> FUZZ_ONLY=12,345,1000-1099 npx vitest run tests/fuzz.test.ts
// More or fewer: FUZZ_REQUESTS=20000 (the default and minimum for a full run is 5000).
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { serverUrl, storageEnv } from './support/api.ts';
import { databaseClient } from './support/databases.ts';
import {
  AgentPool,
  type Contexts,
  type FuzzRequest,
  type FuzzResponse,
  type OrgIds,
  alive,
  describeRequest,
  errorCodes,
  generateRequest,
  hashSeed,
  leaksIn,
  listeningPid,
  rawBytes,
  requestText,
  sendHttp,
  sendRaw,
} from './support/fuzz.ts';
import { type Org, codes, execute, graphql, it, mutate, mutateOk, present, sendRaw as sendDocument, testOrg } from './support/kit.ts';

const SEED = process.env.FUZZ_SEED ?? '20261201';
const SEED_NUMBER = /^\d+$/.test(SEED) ? Number(SEED) >>> 0 : hashSeed(SEED);
const COUNT = Math.max(Number(process.env.FUZZ_REQUESTS ?? 5000) || 5000, 5000);
// "12,345" or ranges "0-499".
const ONLY = process.env.FUZZ_ONLY
  ? process.env.FUZZ_ONLY.split(',').flatMap((part) => {
      const [from, to] = part.split('-').map((s) => Number(s.trim()));
      return to === undefined ? [from] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
    })
  : undefined;
const CONCURRENCY = 8;

interface Seeded {
  org: Org;
  /** Keys the fuzz authenticates with, round robin (rate limits are per key). */
  keys: string[];
  ids: OrgIds;
}

let fuzz: Seeded;
let sentinel: Seeded;
let revokedKey: string;
let serverPid: number | undefined;
const port = Number(new URL(serverUrl).port);

interface TableDigest {
  rows: number;
  digest: string;
}

/** Row count and content digest of every table holding the organization's rows. */
async function databaseSnapshot(orgId: string): Promise<Record<string, TableDigest>> {
  // PostgreSQL directly; the embedded database through its owner's Unix socket.
  const client = databaseClient(storageEnv);
  await client.connect();
  try {
    const digestOf = async (sql: string, label: string, out: Record<string, TableDigest>) => {
      const { rows } = await client.query<TableDigest>(sql, [orgId]);
      out[label] = rows[0];
    };
    const aggregate = (alias: string) =>
      `count(*)::int AS rows, md5(coalesce(string_agg((to_jsonb(${alias}) - 'lastUsedAt')::text, '|' ORDER BY (to_jsonb(${alias}) - 'lastUsedAt')::text), '')) AS digest`;
    const out: Record<string, TableDigest> = {};
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'organizationId' ORDER BY table_name`,
    );
    expect(tables.length).toBeGreaterThan(3);
    for (const { table_name } of tables)
      await digestOf(`SELECT ${aggregate('t')} FROM "${table_name}" t WHERE "organizationId" = $1`, table_name, out);
    await digestOf(`SELECT ${aggregate('t')} FROM "Organization" t WHERE id = $1`, 'Organization', out);
    // Rows without an organizationId of their own, through their parent.
    const children: [string, string, string][] = [
      ['WorkflowVersion', 'workflowId', 'Workflow'],
      ['IdentityRecord', 'directoryUserId', 'DirectoryUser'],
    ];
    for (const [table, column, parent] of children) {
      const { rows } = await client.query<{ exists: string | null }>(`SELECT to_regclass($1) AS exists`, [`"${table}"`]);
      if (!rows[0].exists) continue;
      await digestOf(
        `SELECT ${aggregate('t')} FROM "${table}" t JOIN "${parent}" p ON p.id = t."${column}" WHERE p."organizationId" = $1`,
        table,
        out,
      );
    }
    return out;
  } finally {
    await client.end();
  }
}

const API_SNAPSHOT = graphql(`
  query FuzzSnapshot {
    viewer {
      organization {
        id
        name
        features
      }
    }
    apiKeys(first: 20) {
      totalCount
      edges {
        node {
          id
          name
          prefix
          lastFour
          revokedAt
        }
      }
    }
    workflows(first: 10) {
      totalCount
      edges {
        node {
          id
          name
          version
          steps
          status
          configurationId
        }
      }
    }
    integrations(first: 10) {
      totalCount
      edges {
        node {
          id
          name
          status
          config
          clientId
          clientSecret {
            lastFour
            createdAt
          }
          workflow {
            id
          }
          directory {
            userCount
            lastSync {
              id
              status
            }
          }
          onboardingSessions(first: 10) {
            totalCount
            edges {
              node {
                id
                status
                workflowVersion
                externalUserId
              }
            }
          }
        }
      }
    }
  }
`);
const VIEWER = graphql(`
  query FuzzViewer {
    viewer {
      organization {
        id
      }
    }
  }
`);
const GENERATE_KEY = graphql(`
  mutation FuzzGenerateKey($input: GenerateApiKeyInput!) {
    generateApiKey(input: $input) {
      apiKey {
        id
      }
      secret
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const REVOKE_KEY = graphql(`
  mutation FuzzRevokeKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
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
const LAST_SYNC = graphql(`
  query FuzzLastSync($id: ID!) {
    integration(id: $id) {
      directory {
        lastSync {
          id
          status
        }
      }
    }
  }
`);
const CURSORS = graphql(`
  query FuzzCursors {
    integrations(first: 2) {
      edges {
        cursor
      }
    }
    workflows(first: 1) {
      edges {
        cursor
      }
    }
    apiKeys(first: 2) {
      edges {
        cursor
      }
    }
  }
`);

async function apiSnapshot(org: Org) {
  return execute(org, API_SNAPSHOT);
}

/** An organization with one of everything, and extra keys. */
async function seed(name: string, extraKeys: number): Promise<Seeded> {
  const org = await testOrg({ name });
  const wf = (await org.workflow({ name: 'KYC', steps: ['DOCUMENT', 'SELFIE'] })).id;
  const api = (await org.apiIntegration({ name: 'API one', workflowId: wf })).id;
  // With its first client secret.
  const oidc = (await org.oidcClient({ name: 'OIDC_CLIENT_CREDENTIALS one', workflowId: wf, redirectUris: ['https://app.example.test/cb'] }))
    .integrationId;
  // Unreachable at once (connection refused on loopback): its sync fails quickly.
  const okta = (
    await org.integration({ templateKey: 'OKTA', name: 'OKTA one', config: { orgUrl: 'http://127.0.0.1:9', apiToken: `okta-token-${name.length}` } })
  ).id;
  const session = await org.session({ integrationId: api, externalUserId: 'crm-1', idempotencyKey: 'k-1' });
  const keys = [org.apiKey];
  const keyIds: string[] = [];
  for (let i = 0; i < extraKeys; i++) keys.push((await mutateOk(org, GENERATE_KEY, { name: `fuzz ${i}` })).secret);
  // A key the fuzz may name (revoke, ...) but never authenticates with.
  keyIds.push((await mutateOk(org, GENERATE_KEY, { name: 'spare' })).apiKey.id);
  // Let the directory's first sync end, so nothing changes under the snapshot.
  let sync: { id: string; status: string } | null = null;
  for (let i = 0; i < 600; i++) {
    const { integration } = await execute(org, LAST_SYNC, { id: okta });
    sync = present(present(integration, 'integration').directory, 'directory').lastSync;
    if (sync && !['QUEUED', 'RUNNING'].includes(sync.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const cursors = await execute(org, CURSORS);
  return {
    org,
    keys,
    ids: {
      workflows: [wf],
      integrations: [api, oidc, okta],
      directoryIntegrations: [okta],
      sessions: [session.id],
      apiKeys: keyIds,
      syncs: sync ? [sync.id] : [],
      cursors: [...cursors.integrations.edges, ...cursors.workflows.edges, ...cursors.apiKeys.edges].map((e) => e.cursor),
    },
  };
}

let sentinelApiBefore: unknown;
let sentinelDbBefore: Awaited<ReturnType<typeof databaseSnapshot>>;

beforeAll(async () => {
  [fuzz, sentinel] = await Promise.all([seed('Fuzz', 5), seed('Fuzz sentinel', 3)]);
  const revoked = await mutateOk(fuzz.org, GENERATE_KEY, { name: 'revoked' });
  await mutateOk(fuzz.org, REVOKE_KEY, { id: revoked.apiKey.id });
  revokedKey = revoked.secret;
  sentinelApiBefore = await apiSnapshot(sentinel.org);
  sentinelDbBefore = await databaseSnapshot(sentinel.org.id);
  serverPid = listeningPid(port);
}, 240_000);

interface FailureGroup {
  count: number;
  samples: string[];
}

const failures = new Map<string, FailureGroup>();
const kinds = new Map<string, number>();
const statuses = new Map<string, number>();
const notes = new Map<string, number>();

function bump(map: Map<string, number>, key: string) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function fail(type: string, req: FuzzRequest, headers: Record<string, string | string[]>, res: FuzzResponse, codes: string[]) {
  const key = `${type} | status ${res.status}${res.error ? ` (${res.error.slice(0, 80)})` : ''} | codes ${codes.join(',') || '-'} | ${req.kind}`;
  const group = failures.get(key) ?? { count: 0, samples: [] };
  group.count++;
  if (group.samples.length < 2) {
    const secrets = { 'fuzz key': '', 'sentinel key': '' } as Record<string, string>;
    fuzz.keys.forEach((k, i) => (secrets[`fuzz key ${i}`] = k));
    sentinel.keys.forEach((k, i) => (secrets[`sentinel key ${i}`] = k));
    secrets['revoked key'] = revokedKey;
    const response = res.text.length > 500 ? `${res.text.slice(0, 500)}… (${res.text.length} chars)` : res.text;
    group.samples.push(`${describeRequest(req, headers, secrets)}\n      → ${res.status} ${JSON.stringify(response)}`);
  }
  failures.set(key, group);
}

function badAuthHeaders(req: FuzzRequest): Record<string, string> {
  const valid = fuzz.keys[0];
  switch (req.badAuth) {
    case 'unknown':
      return { 'x-api-key': `iapi_${'A'.repeat(43)}` };
    case 'revoked':
      return { 'x-api-key': revokedKey };
    case 'truncated':
      return { 'x-api-key': valid.slice(0, -1) };
    case 'long':
      return { 'x-api-key': `iapi_${'a'.repeat(300)}` };
    case 'bearer-garbage':
      return { authorization: 'Bearer abc.def.ghi' };
    case 'bearer-unsigned': {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return { authorization: `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'x', iss: serverUrl, exp: 9999999999 })}.` };
    }
    case 'bearer-empty':
      return { authorization: 'Bearer ' };
    case 'basic':
      return { authorization: 'Basic dXNlcjpwYXNz' };
    case 'empty':
      return { 'x-api-key': '' };
    case 'latin1':
      return { 'x-api-key': 'iapi_\u00ff\u00fe' };
    case 'both-bad':
      return { 'x-api-key': 'iapi_nope', authorization: 'Bearer nope' };
    case 'lowercase-bearer':
      return { authorization: `bearer ${valid}` };
    default:
      return {};
  }
}

function keyFor(req: FuzzRequest): string {
  if (req.auth === 'fuzz') return fuzz.keys[req.index % fuzz.keys.length];
  if (req.auth === 'sentinel') return sentinel.keys[req.index % sentinel.keys.length];
  if (req.auth === 'bad') return badAuthHeaders(req)['x-api-key'] ?? 'iapi_nope';
  return '';
}

function headersFor(req: FuzzRequest): Record<string, string | string[]> {
  const headers = { ...req.headers };
  if (req.auth === 'fuzz' || req.auth === 'sentinel') headers[req.index % 7 === 0 ? 'X-API-Key' : 'x-api-key'] = keyFor(req);
  else if (req.auth === 'bad') Object.assign(headers, badAuthHeaders(req));
  return headers;
}

const HAS_ERRORS = /"errors"\s*:\s*\[\s*\{/;

function check(req: FuzzRequest, headers: Record<string, string | string[]>, res: FuzzResponse) {
  bump(kinds, req.kind.split(':').slice(0, 2).join(':'));
  bump(statuses, res.error ? `no response (${req.raw !== undefined ? 'raw' : 'http'})` : String(res.status));
  const codes = errorCodes(res.text);
  if (res.error) {
    // Raw oddities (CONNECT, a refused upgrade, ...) may just be hung up on: noted, not a failure.
    if (req.raw !== undefined) bump(notes, `raw answered by closing the connection: ${req.kind}`);
    else fail('no response', req, headers, res, codes);
    return;
  }
  if (res.status >= 500) fail(`HTTP ${res.status}`, req, headers, res, codes);
  if (codes.includes('INTERNAL_SERVER_ERROR')) fail('INTERNAL_SERVER_ERROR', req, headers, res, codes);
  const leaks = leaksIn(res.text, requestText(req, headers));
  if (leaks.length) fail(`internals in the answer (${leaks.join(', ')})`, req, headers, res, codes);
  if (res.status === 429) {
    bump(notes, 'rate limited (429)');
    return;
  }
  if (req.mustRefuse && res.status < 400 && !HAS_ERRORS.test(res.text)) fail('sentinel request not refused', req, headers, res, codes);
  // A lone surrogate (or raw NUL) written into the document itself is a syntax error, also fine.
  if (req.expectBadUserInput && !codes.includes('BAD_USER_INPUT') && !codes.includes('GRAPHQL_PARSE_FAILED')) {
    fail('NUL/lone surrogate not a BAD_USER_INPUT error', req, headers, res, codes);
  }
  if (req.expect405 && (res.status !== 405 || !res.headers.allow)) fail('unsupported method not 405 with Allow', req, headers, res, codes);
}

async function send(req: FuzzRequest, pool: AgentPool): Promise<{ headers: Record<string, string | string[]>; res: FuzzResponse }> {
  if (req.raw !== undefined) {
    const { localAddress } = pool.take();
    return { headers: {}, res: await sendRaw('127.0.0.1', port, rawBytes(req.raw, keyFor(req)), localAddress) };
  }
  const headers = headersFor(req);
  return { headers, res: await sendHttp(serverUrl, req, headers, pool) };
}

it(`survives ${ONLY ? ONLY.length : COUNT} generated hostile requests`, { timeout: 900_000 }, async () => {
  console.log(
    `fuzz seed ${SEED} (FUZZ_SEED=${SEED} reproduces this run), ${ONLY ? `${ONLY.length} requests of FUZZ_ONLY=${process.env.FUZZ_ONLY}` : `${COUNT} requests`}, ${CONCURRENCY} in flight`,
  );
  const contexts: Contexts = {
    fuzz: { own: fuzz.ids, foreign: sentinel.ids },
    sentinel: { own: sentinel.ids, foreign: fuzz.ids },
  };
  const indices = ONLY ?? Array.from({ length: COUNT }, (_, i) => i);
  const pool = new AgentPool(SEED_NUMBER & 0xff);
  const started = Date.now();
  let cursor = 0;
  let sent = 0;
  try {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (cursor < indices.length) {
          const req = generateRequest(SEED_NUMBER, indices[cursor++], contexts);
          const { headers, res } = await send(req, pool);
          sent++;
          check(req, headers, res);
        }
      }),
    );
  } finally {
    await pool.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  // Afterwards: the same process serves, both organizations work, the sentinel is untouched.
  const health = await fetch(`${serverUrl}/health`);
  const ready = await fetch(`${serverUrl}/ready`);
  const pidAfter = listeningPid(port);
  const fuzzViewer = await execute({ apiKey: fuzz.org.apiKey }, VIEWER);
  const sentinelApiAfter = await apiSnapshot(sentinel.org);
  const sentinelDbAfter = await databaseSnapshot(sentinel.org.id);

  const sorted = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ');
  const report = [...failures.entries()]
    .sort((a, b) => b[1].count - a[1].count)
    .map(([key, group]) => `  ${group.count} × ${key}\n    ${group.samples.join('\n    ')}`)
    .join('\n');
  console.log(
    [
      `fuzz [${process.env.TEST_STORAGE}]: ${sent} requests in ${seconds} s (seed ${SEED}), server pid ${serverPid ?? 'unknown'} ${pidAfter === serverPid ? 'still' : 'NOT'} listening`,
      `  statuses: ${sorted(statuses)}`,
      `  kinds: ${sorted(kinds)}`,
      notes.size ? `  notes: ${sorted(notes)}` : '',
      failures.size ? `failures (${[...failures.values()].reduce((n, g) => n + g.count, 0)}):\n${report}` : '  no failures',
    ]
      .filter(Boolean)
      .join('\n'),
  );

  expect(sent).toBe(indices.length);
  if (!ONLY) expect(sent).toBeGreaterThanOrEqual(5000);
  expect(health.status).toBe(200);
  expect(ready.status).toBe(200);
  if (serverPid !== undefined) {
    expect(alive(serverPid), `server process ${serverPid} is gone`).toBe(true);
    expect(pidAfter, 'another process now listens on the port').toBe(serverPid);
  }
  expect(fuzzViewer.viewer.organization.id).toBe(fuzz.org.id);
  expect(sentinelApiAfter, 'the sentinel organization changed (through the API)').toEqual(sentinelApiBefore);
  expect(sentinelDbAfter, 'the sentinel organization changed (in the database)').toEqual(sentinelDbBefore);
  expect(report, `fuzz failures (seed ${SEED}):\n${report}`).toBe('');
});

// The rule the fuzz leans on (README:
// "Edge: authentication, request IDs, limits, headers, metrics"), case by case: any NUL or
// unpaired surrogate in string input, as a variable (keys included) or a literal, is one
// top-level BAD_USER_INPUT, nothing is written, and the offending text is not echoed.
// Well-formed pairs (emoji) pass.
const ODD_COUNTS = graphql(`
  query FuzzOddStringsCounts {
    workflows {
      totalCount
    }
    integrations {
      totalCount
    }
  }
`);
const ODD_CREATE = graphql(`
  mutation FuzzOddStringsCreate($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      workflow {
        name
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

describe('NUL characters and lone surrogates in string input', () => {
  // Raw on purpose: the strings are the point, and a NUL in a literal is no typed document.
  const mutation = 'mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id name } userErrors { code } } }';
  const cases: [string, { query: string; variables?: Record<string, unknown> }][] = [
    ['NUL in a variable', { query: mutation, variables: { input: { name: 'a\u0000b', steps: ['DOCUMENT'] } } }],
    ['NUL in a list item', { query: mutation, variables: { input: { name: 'ok', steps: ['DOCUMENT', 'x\u0000'] } } }],
    ['lone high surrogate', { query: mutation, variables: { input: { name: 'x\ud800', steps: ['DOCUMENT'] } } }],
    ['lone low surrogate', { query: mutation, variables: { input: { name: '\udc00x', steps: ['DOCUMENT'] } } }],
    ['reversed pair', { query: mutation, variables: { input: { name: '\udc00\ud800', steps: ['DOCUMENT'] } } }],
    ['NUL in a literal', { query: 'mutation { createWorkflow(input: { name: "a\\u0000b", steps: ["DOCUMENT"] }) { userErrors { code } } }' }],
    [
      'NUL in a JSON config key',
      {
        query: 'mutation ($c: JSON) { createIntegration(input: { templateKey: "API", name: "n", config: $c }) { userErrors { code } } }',
        variables: { c: { 'k\u0000': 1 } },
      },
    ],
    [
      'NUL deep in a JSON config',
      {
        query: 'mutation ($c: JSON) { createIntegration(input: { templateKey: "API", name: "n", config: $c }) { userErrors { code } } }',
        variables: { c: { a: [[{ b: ['\u0000'] }]] } },
      },
    ],
    [
      'NUL in a search filter',
      {
        query:
          'query ($s: String) { workflows { totalCount } directoryUsers(integrationId: "int_01jzzzzzzzzzzzzzzzzzzzzzzz", filter: { search: $s }) { totalCount } }',
        variables: { s: '\u0000' },
      },
    ],
  ];
  let odd: Org;
  beforeAll(async () => {
    odd = await testOrg({ name: 'Odd strings' });
  });
  for (const [label, { query, variables }] of cases) {
    it(label, async () => {
      const before = await execute(odd, ODD_COUNTS);
      const answer = await sendDocument(odd, query, variables);
      // Re-serialized, as a caller's JSON library would print what it received.
      const json = JSON.stringify(JSON.parse(answer.text) as unknown);
      expect(answer.status, json).toBeLessThan(500);
      expect(codes(answer), json).toEqual(['BAD_USER_INPUT']);
      expect(answer.data ?? null).toBeNull();
      expect(json).not.toMatch(/\\u0000|\\ud[89a-f]|[\ud800-\udfff]/i);
      expect(await execute(odd, ODD_COUNTS)).toEqual(before);
    });
  }
  it('takes well-formed pairs and other unicode', async () => {
    const createWorkflow = await mutate(odd, ODD_CREATE, { name: 'Ünïcödé 😀 \u200b', steps: ['DOCUMENT'] });
    expect(createWorkflow).toEqual({ workflow: { name: 'Ünïcödé 😀 \u200b' }, userErrors: [] });
  });
});

afterAll(() => {
  failures.clear();
});

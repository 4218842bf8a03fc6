// The HTTP edge (README: "Edge: authentication, request IDs, limits, headers, metrics"):
// credentials before any parsing, request IDs on every answer and in the log, rate limits
// per credential and per address of failed authentications (shared through Redis),
// methods, CORS, security headers of HTML pages, PUBLIC_URL in production, and /metrics
// behind its token. Settings other than the suite's get a server of their own.
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { graphqlUrl, serverUrl } from './support/api.ts';
import { eventually } from './support/directory.ts';
import { serverEnv } from './support/env.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import { type Org, codes, execute, graphql, it, present, send, testOrg } from './support/kit.ts';
import { firstCode, readAnswer } from './support/oauth.ts';
import { ROOT, startServer } from './support/process.ts';

const VIEWER = graphql(`
  query EdgeViewer {
    viewer {
      organization {
        id
      }
    }
  }
`);
const METRICS_VIEWER = graphql(`
  query EdgeMetricsViewer {
    viewer {
      organization {
        id
      }
    }
  }
`);
const REFUSED_VIEWER = graphql(`
  query EdgeRefusedViewer {
    viewer {
      apiKey {
        id
      }
    }
  }
`);

let acme: Org;
beforeAll(async () => {
  acme = await testOrg({ name: 'Edge' });
});

const isolatedServers: IsolatedServer[] = [];
afterAll(async () => {
  await Promise.all(isolatedServers.map((server) => server.stop()));
});
async function isolated(settings: Record<string, string>) {
  const server = await startIsolatedServer(settings);
  isolatedServers.push(server);
  return server;
}

describe('authentication before parsing', () => {
  const bodies: [string, string, Record<string, string>][] = [
    ['an invalid document', JSON.stringify({ query: '{ viewr { organizaton { id } } }' }), { 'content-type': 'application/json' }],
    ['a syntax error', JSON.stringify({ query: '{ viewer {' }), { 'content-type': 'application/json' }],
    ['malformed JSON', '{"query": "{ viewer', { 'content-type': 'application/json' }],
    ['not JSON at all', 'hello', { 'content-type': 'text/plain' }],
    ['an empty body', '', { 'content-type': 'application/json' }],
  ];
  for (const [label, body, headers] of bodies) {
    it(`answers 401 UNAUTHENTICATED to ${label} without credentials, telling nothing about the schema`, async () => {
      const attempts: Record<string, string>[] = [{}, { 'x-api-key': 'iapi_wrong' }, { authorization: 'Bearer not-a-token' }];
      for (const credentials of attempts) {
        const answer = await readAnswer(await fetch(graphqlUrl, { method: 'POST', headers: { ...headers, ...credentials }, body }));
        expect(answer.status, answer.text).toBe(401);
        expect(codes(answer), answer.text).toEqual(['UNAUTHENTICATED']);
        expect(answer.text).not.toMatch(/Did you mean|viewer|Syntax|Cannot query/);
      }
    });
  }

  it('answers 401 to GET operations without credentials, and serves GraphiQL to a browser with CSP and X-Frame-Options', async () => {
    const get = await fetch(`${graphqlUrl}?query=${encodeURIComponent('{ viewr }')}`, { headers: { accept: 'application/json' } });
    expect(get.status).toBe(401);
    expect(await get.text()).not.toMatch(/Did you mean/);
    const page = await fetch(graphqlUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

// Servers of their own start slowly on a busy machine (a fresh embedded database).
const OWN_SERVER = { timeout: 180_000 };

describe('request IDs', OWN_SERVER, () => {
  it("every answer carries x-request-id: the caller's own when it is a safe token, else a new one", async () => {
    const own = await send({ apiKey: acme.apiKey, headers: { 'x-request-id': 'partner-run.42_a' } }, VIEWER);
    expect(own.status).toBe(200);
    const echoed = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': acme.apiKey, 'x-request-id': 'partner-run.42_a' },
      body: JSON.stringify({ query: '{ viewer { organization { id } } }' }),
    });
    expect(echoed.headers.get('x-request-id')).toBe('partner-run.42_a');
    for (const bad of ['has spaces in it', 'x'.repeat(129), 'semi;colon']) {
      const response = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': bad }, body: '{}' });
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[A-Za-z0-9._-]{1,128}$/);
      expect(id).not.toBe(bad);
    }
    for (const url of [`${serverUrl}/health`, `${serverUrl}/ready`, `${serverUrl}/nowhere`, `${serverUrl}/.well-known/jwks.json`, graphqlUrl]) {
      expect((await fetch(url)).headers.get('x-request-id'), url).toMatch(/^[A-Za-z0-9._-]+$/);
    }
  });

  it("the request's log line carries its ID, method, operation name, status and duration; no document", async () => {
    const server = await isolated({ LOG_LEVEL: 'info' });
    const org = await testOrg({ name: 'Logged', server });
    await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': org.apiKey, 'x-request-id': 'trace-me-1' },
      body: JSON.stringify({ query: 'query WhoAmI { viewer { organization { name } } }' }),
    });
    // The line is written when the answer has gone out; the child's stderr may trail it.
    const lines = await eventually(
      'the request log line',
      async () => {
        const found = server.server
          .output()
          .split('\n')
          .filter((line) => line.includes('"trace-me-1"'))
          .map((line) => JSON.parse(line) as unknown); // a line still being written: try again
        return found.length ? found : undefined;
      },
      10_000,
    );
    expect(lines).toEqual([
      expect.objectContaining({
        requestId: 'trace-me-1',
        method: 'POST',
        path: '/graphql',
        operationName: 'WhoAmI',
        status: 200,
        durationMs: expect.any(Number),
      }),
    ]);
    expect(server.server.output()).not.toContain('organization { name }');
  });
});

describe('rate limits', OWN_SERVER, () => {
  it('counts requests per API key: RateLimit headers on every answer, then 429 RATE_LIMITED with Retry-After; other keys unaffected', async () => {
    const server = await isolated({ RATE_LIMIT_PER_MINUTE: '5' });
    const [first, second] = [await testOrg({ name: 'Limited', server }), await testOrg({ name: 'Other', server })];
    const ask = (key: string) =>
      fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query: '{ viewer { organization { id } } }' }),
      });
    for (let i = 1; i <= 5; i++) {
      const ok = await ask(first.apiKey);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit-limit')).toBe('5');
      expect(ok.headers.get('ratelimit-remaining')).toBe(String(5 - i));
      expect(Number(ok.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    }
    const refused = await ask(first.apiKey);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(firstCode(await readAnswer(refused))).toBe('RATE_LIMITED');
    expect((await ask(second.apiKey)).status).toBe(200);
  });

  it('limits failed authentications per client address, before any credential is checked', async () => {
    const server = await isolated({ AUTH_FAILURES_PER_MINUTE: '3' });
    const org = await testOrg({ name: 'Guessed', server });
    const ask = (key: string) =>
      fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query: '{ viewer { organization { id } } }' }),
      });
    expect((await ask(org.apiKey)).status).toBe(200); // successes count nothing
    for (let i = 0; i < 3; i++) expect((await ask(`iapi_guess${i}`)).status).toBe(401);
    const refused = await ask(org.apiKey);
    expect(refused.status).toBe(429);
    expect(firstCode(await readAnswer(refused))).toBe('RATE_LIMITED');
  });

  // Two instances need one database; the embedded one has a single owner process.
  it.runIf(inject('storage') === 'postgres')('with REDIS_URL the budget is shared by every instance', async () => {
    const settings = { RATE_LIMIT_PER_MINUTE: '6', REDIS_URL: 'redis://127.0.0.1:6379' };
    const one = await isolated(settings);
    const two = await startServer({ ...one.storageEnv, ...settings });
    try {
      const org = await testOrg({ name: 'Shared budget', server: one });
      const ask = (url: string) =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': org.apiKey },
          body: JSON.stringify({ query: '{ viewer { organization { id } } }' }),
        });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await ask(i % 2 ? two.url : one.server.url)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
      expect((await ask(one.server.url)).status).toBe(429);
      expect((await ask(two.url)).status).toBe(429);
    } finally {
      await two.stop('SIGKILL');
    }
  });
});

describe('methods, CORS and production settings', OWN_SERVER, () => {
  it('answers 405 with Allow to unsupported methods on /graphql', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND']) {
      // node:http, not fetch: fetch refuses to send TRACE.
      const { status, allow } = await new Promise<{ status?: number; allow?: string }>((resolve, reject) => {
        const req = httpRequest(graphqlUrl, { method, headers: { 'x-api-key': acme.apiKey } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode, allow: res.headers.allow });
        });
        req.on('error', reject);
        req.end();
      });
      expect(status, method).toBe(405);
      expect(allow).toBe('GET, POST, OPTIONS');
    }
  });

  it('allows cross-origin browser requests only from CORS_ORIGINS (by default from none)', async () => {
    const evil = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json', 'x-api-key': acme.apiKey },
      body: JSON.stringify({ query: '{ viewer { organization { id } } }' }),
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('access-control-allow-credentials')).toBeNull();

    const server = await isolated({ CORS_ORIGINS: 'https://app.example.com, https://admin.example.com' });
    const preflight = await fetch(server.graphqlUrl, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-api-key, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-api-key');
    const other = await fetch(server.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const org = await testOrg({ name: 'Browser', server });
    const allowed = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { origin: 'https://admin.example.com', 'content-type': 'application/json', 'x-api-key': org.apiKey },
      body: JSON.stringify({ query: '{ viewer { organization { id } } }' }),
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses to start in production without PUBLIC_URL, in one line', async () => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts'], {
      cwd: ROOT,
      env: serverEnv({ NODE_ENV: 'production', PORT: '0', DATA_DIR: '/nonexistent-never-opened' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('error: PUBLIC_URL is required with NODE_ENV=production (for example https://api.example.com)');
  });
});

describe('metrics', OWN_SERVER, () => {
  it('/metrics is absent without METRICS_TOKEN', async () => {
    expect((await fetch(`${serverUrl}/metrics`)).status).toBe(404);
  });

  it('serves Prometheus metrics to the METRICS_TOKEN holder only: requests per operation, errors by code, subscriptions, syncs', async () => {
    const server = await isolated({ METRICS_TOKEN: 'metrics-token-for-tests' });
    const org = await testOrg({ name: 'Measured', server });
    await execute(org, METRICS_VIEWER);
    expect((await send({ apiKey: 'iapi_wrong', graphqlUrl: server.graphqlUrl }, REFUSED_VIEWER)).status).toBe(401);
    expect((await fetch(`${server.server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.server.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const metrics = await fetch(`${server.server.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-for-tests' } });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(/graphql_envelop_request_duration_count\{[^}]*operationName="EdgeMetricsViewer"[^}]*\} 1/);
    expect(text).toMatch(/graphql_errors_total\{code="UNAUTHENTICATED"\} 1/);
    expect(text).toContain('graphql_open_subscriptions 0');
    expect(text).toContain('directory_sync_runs_total');
    expect(text).toContain('directory_sync_users_processed_total');
  });
});

describe('what is stored', () => {
  it.runIf(inject('storage') === 'pglite')('DATA_DIR is readable and writable by its owner only (directories 0700, files 0600)', async () => {
    const { readdir, stat } = await import('node:fs/promises');
    const open: string[] = [];
    const walk = async (dir: string) => {
      const info = await stat(dir);
      if (info.mode & 0o077) open.push(`${dir} ${(info.mode & 0o777).toString(8)}`);
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.isFile() && (await stat(full)).mode & 0o077) open.push(`${full} ${((await stat(full)).mode & 0o777).toString(8)}`);
      }
    };
    await walk(inject('storageEnv').DATA_DIR);
    expect(open).toEqual([]);
  });

  it('onboarding-link tokens are not stored in clear', async () => {
    const integration = await acme.apiIntegration({ name: 'Stored links' });
    const { id, onboardingUrl } = await acme.session({ integrationId: integration.id });
    const token = present(new URL(onboardingUrl).searchParams.get('token'), 'the link token');
    expect(token.length).toBeGreaterThan(20);
    const pg = (await import('pg')).default;
    const env = inject('storageEnv');
    const db = env.DATABASE_URL
      ? new pg.Client({ connectionString: env.DATABASE_URL })
      : new pg.Client({ host: env.DATA_DIR, user: 'postgres', database: 'postgres' });
    await db.connect();
    try {
      const { rows } = await db.query<Record<string, unknown>>('SELECT * FROM "OnboardingSession" WHERE id = $1', [id]);
      expect(JSON.stringify(rows[0])).not.toContain(token);
    } finally {
      await db.end();
    }
  });
});

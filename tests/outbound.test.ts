// Outbound requests to tenant-supplied URLs (README: "Outbound requests"): the address
// policy judged on the address really connected to, no redirects, a streamed body under a
// size cap, a deadline covering the body, paging loops and user caps, error texts that
// never carry what the server sent, and a sync that cannot stall the server's event loop.
// Hostile upstreams are small HTTP servers on 127.0.0.1; nothing leaves loopback.
import { readFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sync, createDirectoryIntegration, eventually, getSync, startSync, waitForSync } from './support/directory.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import { type Org, execute, graphql, mutate, mutateOk, nodes, present, refused, testOrg } from './support/kit.ts';

interface Upstream {
  url: string;
  /** TCP connections accepted: a refused target must see none. */
  connections: number;
  requests: { path: string; authorization?: string }[];
  close(): Promise<void>;
}

const upstreams: Upstream[] = [];

async function upstream(handler: (req: IncomingMessage, res: ServerResponse, self: Upstream) => void): Promise<Upstream> {
  let server: Server;
  const self: Upstream = {
    url: '',
    connections: 0,
    requests: [],
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
  server = createServer((req, res) => {
    self.requests.push({ path: req.url ?? '/', authorization: req.headers.authorization });
    handler(req, res, self);
  });
  server.on('connection', () => self.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  upstreams.push(self);
  return self;
}

const oktaUser = (i: number) => ({
  id: `00u${String(i).padStart(8, '0')}`,
  status: 'ACTIVE',
  profile: { login: `u${i}@example.com`, email: `u${i}@example.com` },
});

async function createOkta(org: Org, orgUrl: string, apiToken = 'okta-secret-token-0123456789'): Promise<{ id: string; syncId: string }> {
  const { id, firstSync } = await createDirectoryIntegration(org, 'OKTA', 'Okta', { orgUrl, apiToken });
  return { id, syncId: firstSync.id };
}

/** The sync once it finished (SUCCEEDED or FAILED). */
const settled = (org: Org, syncId: string, timeoutMs = 90_000) => waitForSync(org, syncId, undefined, timeoutMs);

afterAll(async () => {
  await Promise.all(upstreams.map((u) => u.close()));
});

/** A host name other than "localhost" that this machine resolves to loopback (/etc/hosts). */
function loopbackName(): string | undefined {
  const hosts = readFileSync('/etc/hosts', 'utf8');
  for (const line of hosts.split('\n')) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (address?.startsWith('127.') || address === '::1') {
      const name = names.find((n) => n && n !== 'localhost' && !n.endsWith('.localhost'));
      if (name) return name;
    }
  }
  return undefined;
}

describe('the strict default: private network targets refused', { timeout: 240_000 }, () => {
  let isolated: IsolatedServer;
  let org: Org;
  beforeAll(async () => {
    isolated = await startIsolatedServer({ ALLOW_PRIVATE_NETWORK_TARGETS: 'false' });
    org = await testOrg({ name: 'Strict', server: isolated });
  });
  afterAll(() => isolated?.stop());

  it('a host name that resolves to loopback is refused when connecting: the sync fails saying so, the listener sees no connection', async () => {
    const name = loopbackName();
    expect(name, 'this machine needs a non-localhost name for 127.0.0.1 in /etc/hosts').toBeDefined();
    const target = await upstream((_req, res) => res.end('[]'));
    const port = new URL(target.url).port;
    const { syncId } = await createOkta(org, `http://${name}:${port}`);
    const sync = await settled(org, syncId);
    expect(sync.status).toBe('FAILED');
    expect(sync.error).toMatch(/not allowed/);
    expect(sync.error).not.toContain('okta-secret-token');

    // Entra: the identity platform's address is judged the same way.
    const { firstSync } = await createDirectoryIntegration(org, 'MICROSOFT_ENTRA', 'Entra', {
      tenantId: 't',
      clientId: 'c',
      clientSecret: 'entra-secret-0123456789',
      authorityUrl: `http://${name}:${port}`,
      graphUrl: `http://${name}:${port}`,
    });
    const entra = await settled(org, firstSync.id);
    expect(entra).toMatchObject({ status: 'FAILED' });
    expect(entra.error).toMatch(/not allowed/);
    expect(target.connections).toBe(0);
  });

  it('a stored literal loopback URL (written before the policy was strict) is refused without connecting', async () => {
    const target = await upstream((_req, res) => res.end('[]'));
    const { id } = await createOkta(org, 'https://okta.example.com');
    // The row as a server with ALLOW_PRIVATE_NETWORK_TARGETS=true would have stored it.
    const db = isolated.database();
    await db.connect();
    try {
      await db.query(`UPDATE "Integration" SET config = jsonb_set(config, '{orgUrl}', to_jsonb($1::text)) WHERE id = $2`, [target.url, id]);
      // The first sync (to the unresolvable example host) must be over before the next starts.
      await eventually('the first sync to end', async () => {
        const { rows } = await db.query<{ open: number }>(
          `SELECT count(*)::int AS open FROM "DirectorySync" WHERE "integrationId" = $1 AND status IN ('QUEUED','RUNNING')`,
          [id],
        );
        return rows[0].open === 0 ? true : undefined;
      });
    } finally {
      await db.end();
    }
    const started = await startSync(org, id);
    const sync = await settled(org, present(started.sync, 'the started sync').id);
    expect(sync.status).toBe('FAILED');
    expect(sync.error).toMatch(/127\.0\.0\.1.*not allowed/);
    expect(target.connections).toBe(0);
  });
});

const WEBHOOK_CREATE = graphql(`
  mutation OutboundWebhookCreate($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint {
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
const WEBHOOK_TEST = graphql(`
  mutation OutboundWebhookTest($input: SendTestWebhookInput!) {
    sendTestWebhook(input: $input) {
      delivery {
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
const WEBHOOK_DELIVERIES = graphql(`
  query OutboundWebhookDeliveries($id: ID!) {
    webhookEndpoint(id: $id) {
      deliveries(first: 5) {
        edges {
          node {
            status
            attempts
            lastError
            lastResponseStatus
          }
        }
      }
    }
  }
`);

describe('webhook URLs under the strict default', { timeout: 240_000 }, () => {
  let isolated: IsolatedServer;
  let org: Org;
  beforeAll(async () => {
    isolated = await startIsolatedServer({ ALLOW_PRIVATE_NETWORK_TARGETS: 'false', WEBHOOK_POLL_MS: '100' });
    org = await testOrg({ name: 'Strict webhooks', server: isolated });
  });
  afterAll(() => isolated?.stop());

  it('a localhost or literal private address is URL_NOT_ALLOWED at create; a name resolving to loopback fails the delivery without connecting', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://[::1]/hook',
      'http://10.0.0.7/hook',
      'http://169.254.169.254/latest',
    ]) {
      refused(await mutate(org, WEBHOOK_CREATE, { url }), 'URL_NOT_ALLOWED', ['input', 'url']);
    }
    const name = loopbackName();
    expect(name, 'this machine needs a non-localhost name for 127.0.0.1 in /etc/hosts').toBeDefined();
    const target = await upstream((_req, res) => res.end('ok'));
    const { endpoint } = await mutateOk(org, WEBHOOK_CREATE, { url: `http://${name}:${new URL(target.url).port}/hook` });
    await mutateOk(org, WEBHOOK_TEST, { endpointId: endpoint.id });
    const delivery = await eventually('the first attempt to fail', async () => {
      const found = (await execute(org, WEBHOOK_DELIVERIES, { id: endpoint.id })).webhookEndpoint;
      const first = found ? nodes(found.deliveries)[0] : undefined;
      return first && first.attempts > 0 && first.lastError ? first : undefined;
    });
    expect(delivery).toMatchObject({ status: 'PENDING', lastResponseStatus: null });
    expect(delivery.lastError).toMatch(/not allowed/);
    expect(target.connections).toBe(0);
  });
});

describe('hostile upstreams', { timeout: 240_000 }, () => {
  let isolated: IsolatedServer;
  let org: Org;
  beforeAll(async () => {
    isolated = await startIsolatedServer({
      OUTBOUND_TIMEOUT_MS: '1500',
      DIRECTORY_MAX_USERS: '300',
      SYNC_CONCURRENCY: '4',
    });
    org = await testOrg({ name: 'Hostile', server: isolated });
  });
  afterAll(() => isolated?.stop());

  it('a page of objects without ids fails at the first one', async () => {
    const target = await upstream((_req, res) => res.end(`[${'{},'.repeat(100_000)}{}]`));
    const sync = await settled(org, (await createOkta(org, target.url)).syncId);
    expect(sync).toMatchObject({ status: 'FAILED', processed: 0 });
    expect(sync.error).toMatch(/without an id/);
  });

  it('an upstream that sends headers and then drips a byte at a time is cut off by the deadline', async () => {
    const target = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      const drip = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(drip));
    });
    const sync = await settled(org, (await createOkta(org, target.url)).syncId);
    expect(sync.status).toBe('FAILED');
    expect(sync.error).toMatch(/no complete answer .* within 1\.5 s/);
    expect(target.requests.length).toBe(4); // the attempts of one page, then given up
  });

  it('does not follow redirects', async () => {
    const elsewhere = await upstream((_req, res) => res.end('[]'));
    const target = await upstream((_req, res) => res.writeHead(302, { location: `${elsewhere.url}/api/v1/users` }).end());
    const sync = await settled(org, (await createOkta(org, target.url)).syncId);
    expect(sync.status).toBe('FAILED');
    expect(sync.error).toMatch(/redirect/);
    expect(elsewhere.connections).toBe(0);
  });

  it('a looping next link fails the sync instead of being followed forever', async () => {
    const target = await upstream((req, res, self) => {
      const page = new URL(req.url!, self.url).searchParams.get('page') === '2' ? 2 : 1;
      res.writeHead(200, { link: `<${self.url}/api/v1/users?page=${page === 1 ? 2 : 1}>; rel="next"` }).end(JSON.stringify([oktaUser(page)]));
    });
    const sync = await settled(org, (await createOkta(org, target.url)).syncId);
    expect(sync.status).toBe('FAILED');
    expect(sync.error).toMatch(/paging loop/);
    expect(target.requests.length).toBe(3); // the first page, page 2, page 1 again: its link to page 2 is the repeat
  });

  it('a directory past DIRECTORY_MAX_USERS fails the sync', async () => {
    const target = await upstream((req, res, self) => {
      const page = Number(new URL(req.url!, self.url).searchParams.get('page') ?? '0');
      const users = Array.from({ length: 100 }, (_, i) => oktaUser(page * 100 + i));
      res.writeHead(200, { link: `<${self.url}/api/v1/users?page=${page + 1}>; rel="next"` }).end(JSON.stringify(users));
    });
    const sync = await settled(org, (await createOkta(org, target.url)).syncId);
    expect(sync).toMatchObject({ status: 'FAILED', processed: 300 });
    expect(sync.error).toMatch(/more than 300 users/);
  });

  it('never stores a credential the upstream echoes back in its error text', async () => {
    const token = 'okta-echoed-token-abcdef0123456789';
    const okta = await upstream((req, res) =>
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errorSummary: `Invalid token: ${req.headers.authorization}` })),
    );
    const oktaSync = await settled(org, (await createOkta(org, okta.url, token)).syncId);
    expect(oktaSync.status).toBe('FAILED');
    expect(oktaSync.error).toContain('Invalid token');
    expect(oktaSync.error).toContain('[redacted]');
    expect(oktaSync.error).not.toContain(token.slice(0, 12));
    expect(oktaSync.error).not.toContain(token.slice(-12));

    const secret = 'entra-echoed-secret-ZYXW98765';
    const identity = await upstream((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const sent = new URLSearchParams(body).get('client_secret');
        res.writeHead(400, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            error: 'invalid_client',
            error_description: `AADSTS7000215: Invalid client secret provided: ${sent} ${'x'.repeat(500)}`,
          }),
        );
      });
    });
    const echo = await createDirectoryIntegration(org, 'MICROSOFT_ENTRA', 'Echo', {
      tenantId: 't',
      clientId: 'c',
      clientSecret: secret,
      authorityUrl: identity.url,
      graphUrl: identity.url,
    });
    const entraSync = await settled(org, echo.firstSync.id);
    expect(entraSync.status).toBe('FAILED');
    expect(entraSync.error).toContain('AADSTS7000215');
    expect(entraSync.error).not.toContain(secret.slice(0, 10));
    expect(entraSync.error).not.toContain(secret.slice(-10));
    expect(entraSync.error).not.toMatch(/x{201}/); // at most 200 characters of the upstream's text
  });
});

// Its own server, with a deadline far above what reading 10 MB takes even on a loaded
// machine: what this shows is the size cap, and a short deadline would race it.
describe('an oversized upstream page', { timeout: 240_000 }, () => {
  let isolated: IsolatedServer;
  let org: Org;
  beforeAll(async () => {
    isolated = await startIsolatedServer({ OUTBOUND_TIMEOUT_MS: '60000' });
    org = await testOrg({ name: 'Oversized', server: isolated });
  });
  afterAll(() => isolated?.stop());

  it('a 60 MB page fails the sync at the 10 MB cap while /health keeps answering within a second', async () => {
    const record = JSON.stringify(oktaUser(1));
    const chunk = Buffer.from(`${record},`.repeat(Math.ceil(65536 / (record.length + 1))));
    const target = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      let sent = 0;
      const pump = () => {
        while (sent < 60 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end(`${record}]`);
      };
      res.on('close', () => (sent = Infinity));
      pump();
    });
    const { syncId } = await createOkta(org, target.url);
    let slowest = 0;
    let finished: Sync | undefined;
    while (!finished) {
      const started = Date.now();
      const health = await fetch(`${isolated.server.url}/health`, { signal: AbortSignal.timeout(5000) });
      expect(health.status).toBe(200);
      slowest = Math.max(slowest, Date.now() - started);
      const node = await getSync(org, syncId);
      if (['SUCCEEDED', 'FAILED'].includes(node.status)) finished = node;
      else await sleep(50);
    }
    expect(finished.status).toBe('FAILED');
    expect(finished.error).toMatch(/larger than 10 MB/);
    expect(finished.processed).toBe(0);
    expect(slowest).toBeLessThan(1000);
  });
});

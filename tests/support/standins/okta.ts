// A stand-in Okta org on loopback speaking the Users API as the sync uses it:
// GET /api/v1/users?limit=N[&after=cursor], `Authorization: SSWS <token>`, paged with
// `Link: <...>; rel="next"` (limit capped at the org's page size, like Okta's 200), and
// failure injection (429 with X-Rate-Limit-Reset, 500s, malformed JSON, slow pages).
import { type Server, createServer } from 'node:http';

export interface OktaUser {
  id: string;
  status: string;
  profile: { email?: string; login: string; firstName?: string; lastName?: string; employeeNumber?: string; displayName?: string };
}

export interface OktaStandIn {
  url: string;
  token: string;
  users: OktaUser[];
  /** Requests served, in order (path + query). */
  requests: string[];
  /** The Authorization header of each request, in the same order. */
  authorizations: (string | undefined)[];
  /** Requests for the users list (GET /api/v1/users...), in order. */
  listRequests(): string[];
  /** The most users a page holds (Okta caps `limit` at its own maximum). */
  readonly pageSize: number;
  /** Respond to the next N list requests with 429 (reset 1 s ahead). */
  rateLimitNext(count: number): void;
  /** Respond to the next N list requests with 500. */
  failNext(count: number): void;
  /** Answer a list request with a body that is not JSON: the next one, or the one after `skip` good pages. */
  malformedNext(skip?: number): void;
  /** Wait this long before answering each page. */
  pageDelayMs: number;
  close(): Promise<void>;
}

export function oktaUser(i: number, overrides: Partial<OktaUser['profile']> & { status?: string } = {}): OktaUser {
  const { status = 'ACTIVE', ...profile } = overrides;
  return {
    id: `00u${String(i).padStart(8, '0')}`,
    status,
    profile: {
      email: `user${i}@example.com`,
      login: `user${i}@example.com`,
      firstName: 'User',
      lastName: String(i),
      employeeNumber: `E${i}`,
      ...profile,
    },
  };
}

/** `count` users numbered from `from`, as oktaUser makes them. */
export function oktaUsers(count: number, from = 1): OktaUser[] {
  return Array.from({ length: count }, (_, i) => oktaUser(from + i));
}

export interface OktaStandInOptions {
  users?: OktaUser[];
  token?: string;
  /** The largest page the org serves, whatever `limit` asks (Okta: 200). */
  pageSize?: number;
  pageDelayMs?: number;
}

export async function startOktaStandIn(options: OktaStandInOptions = {}): Promise<OktaStandIn> {
  const state = {
    users: options.users ?? [],
    token: options.token ?? 'okta-test-token-1234567890',
    requests: [] as string[],
    authorizations: [] as (string | undefined)[],
    rateLimits: 0,
    failures: 0,
    /** Good pages to serve before the malformed one; -1: none pending. */
    malformedAfter: -1,
    pageDelayMs: options.pageDelayMs ?? 0,
  };
  const pageSize = options.pageSize ?? 200;
  let server: Server;
  const standIn: OktaStandIn = {
    url: '',
    get token() {
      return state.token;
    },
    get users() {
      return state.users;
    },
    set users(users) {
      state.users = users;
    },
    requests: state.requests,
    authorizations: state.authorizations,
    listRequests: () => state.requests.filter((r) => r === '/api/v1/users' || r.startsWith('/api/v1/users?')),
    pageSize,
    rateLimitNext: (count) => (state.rateLimits = count),
    failNext: (count) => (state.failures = count),
    malformedNext: (skip = 0) => (state.malformedAfter = skip),
    get pageDelayMs() {
      return state.pageDelayMs;
    },
    set pageDelayMs(ms) {
      state.pageDelayMs = ms;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } as OktaStandIn;

  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', standIn.url);
    state.requests.push(url.pathname + url.search);
    state.authorizations.push(req.headers.authorization);
    if (url.pathname !== '/api/v1/users' || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errorCode: 'E0000022' }));
      return;
    }
    if (req.headers.authorization !== `SSWS ${state.token}`) {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errorCode: 'E0000011', errorSummary: 'Invalid token provided' }));
      return;
    }
    if (state.rateLimits > 0) {
      state.rateLimits--;
      res.writeHead(429, { 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + 1) }).end();
      return;
    }
    if (state.failures > 0) {
      state.failures--;
      res.writeHead(500).end('upstream hiccup');
      return;
    }
    if (state.pageDelayMs) await new Promise((r) => setTimeout(r, state.pageDelayMs));
    if (state.malformedAfter === 0) {
      state.malformedAfter = -1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('[{"id": "00u1", broken');
      return;
    }
    if (state.malformedAfter > 0) state.malformedAfter--;
    const asked = Number(url.searchParams.get('limit') ?? pageSize);
    const limit = Math.max(1, Math.min(Number.isInteger(asked) && asked > 0 ? asked : pageSize, pageSize));
    const after = url.searchParams.get('after');
    // Okta omits DEPROVISIONED users from the default listing.
    const listed = state.users.filter((u) => u.status !== 'DEPROVISIONED');
    const start = after ? listed.findIndex((u) => u.id === after) + 1 : 0;
    const page = listed.slice(start, start + limit);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const links = [`<${standIn.url}/api/v1/users?limit=${limit}>; rel="self"`];
    if (start + limit < listed.length) links.push(`<${standIn.url}/api/v1/users?after=${page[page.length - 1].id}&limit=${limit}>; rel="next"`);
    headers.link = links.join(', ');
    res.writeHead(200, headers).end(JSON.stringify(page));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return standIn;
}

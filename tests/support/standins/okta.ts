// A stand-in Okta org on loopback speaking the Users API as the sync uses it:
// GET /api/v1/users?limit=N[&after=cursor], `Authorization: SSWS <token>`, paged with
// `Link: <...>; rel="next"`, and failure injection (429 with X-Rate-Limit-Reset, 500s,
// malformed JSON, slow pages) for the tests.
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
  /** Respond to the next N list requests with 429 (reset 1 s ahead). */
  rateLimitNext(count: number): void;
  /** Respond to the next N list requests with 500. */
  failNext(count: number): void;
  /** Answer the next list request with a body that is not JSON. */
  malformedNext(): void;
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

export async function startOktaStandIn(options: { users?: OktaUser[]; token?: string } = {}): Promise<OktaStandIn> {
  const state = {
    users: options.users ?? [],
    token: options.token ?? 'okta-test-token-1234567890',
    requests: [] as string[],
    rateLimits: 0,
    failures: 0,
    malformed: false,
    pageDelayMs: 0,
  };
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
    rateLimitNext: (count) => (state.rateLimits = count),
    failNext: (count) => (state.failures = count),
    malformedNext: () => (state.malformed = true),
    get pageDelayMs() {
      return state.pageDelayMs;
    },
    set pageDelayMs(ms) {
      state.pageDelayMs = ms;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  } as OktaStandIn;

  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', standIn.url);
    state.requests.push(url.pathname + url.search);
    if (url.pathname !== '/api/v1/users' || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errorCode: 'E0000022' }));
      return;
    }
    if (req.headers.authorization !== `SSWS ${state.token}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errorCode: 'E0000011', errorSummary: 'Invalid token provided' }));
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
    if (state.malformed) {
      state.malformed = false;
      res.writeHead(200, { 'content-type': 'application/json' }).end('[{"id": "00u1", broken');
      return;
    }
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 200), 200);
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

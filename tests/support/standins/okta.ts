// A stand-in Okta org on loopback speaking the Users API as the sync uses it:
// GET /api/v1/users?limit=N[&after=cursor], `Authorization: SSWS <token>`, paged with
// `Link: <...>; rel="next"` (limit capped at the org's page size, like Okta's 200), and
// failure injection (429 with X-Rate-Limit-Reset, 500s, malformed JSON, slow pages).
// `filter=lastUpdated gt "<ISO time>"` lists the users updated after that time,
// DEPROVISIONED ones included (the plain listing leaves them out). Each user's
// `lastUpdated` is its own when given; otherwise users the stand-in starts with were last
// updated long ago, and a user a test adds or replaces (a new object with other values)
// was updated when a request first reads it. A user edited in place keeps its time.
import { type Server, createServer } from 'node:http';

export interface OktaUser {
  id: string;
  status: string;
  /** When Okta last saw the user change (ISO time); kept by the stand-in when omitted. */
  lastUpdated?: string;
  profile: { email?: string; login: string; firstName?: string; lastName?: string; employeeNumber?: string; displayName?: string };
}

export interface OktaGroup {
  id: string;
  profile: { name: string; description?: string | null };
  /** IDs of the users in the group (not part of Okta's group object: listed by /groups/{id}/users). */
  members: string[];
}

export function oktaGroup(i: number, members: string[], overrides: Partial<OktaGroup['profile']> = {}): OktaGroup {
  return { id: `00g${String(i).padStart(8, '0')}`, profile: { name: `Group ${i}`, description: `The group number ${i}`, ...overrides }, members };
}

export interface OktaStandIn {
  url: string;
  token: string;
  users: OktaUser[];
  groups: OktaGroup[];
  /** Requests for the groups list and group members (GET /api/v1/groups...), in order. */
  groupRequests(): string[];
  /** Requests served, in order (path + query). */
  requests: string[];
  /** The Authorization header of each request, in the same order. */
  authorizations: (string | undefined)[];
  /** Requests for the users list (GET /api/v1/users...), in order. */
  listRequests(): string[];
  /** The user IDs of each users page served, in order. */
  listedIds: string[][];
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
  groups?: OktaGroup[];
  token?: string;
  /** The largest page the org serves, whatever `limit` asks (Okta: 200). */
  pageSize?: number;
  pageDelayMs?: number;
}

export async function startOktaStandIn(options: OktaStandInOptions = {}): Promise<OktaStandIn> {
  const state = {
    users: options.users ?? [],
    groups: options.groups ?? [],
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
  /** Per user id: the user's values as last read, and when they changed. */
  const seen = new Map<string, { json: string; lastUpdated: string }>();
  /** Per user object, its time once read: each object is compared once, so a large listing stays linear. */
  const stamped = new WeakMap<OktaUser, string>();
  const fingerprint = ({ lastUpdated: _, ...user }: OktaUser) => JSON.stringify(user);
  // The users the stand-in starts with were last updated long ago, so an incremental
  // listing shows only what a test changes or adds.
  const LONG_AGO = '2026-01-01T00:00:00.000Z';
  for (const user of options.users ?? []) seen.set(user.id, { json: fingerprint(user), lastUpdated: LONG_AGO });
  const lastUpdatedOf = (user: OktaUser, now: string) => {
    if (user.lastUpdated) return user.lastUpdated;
    const known = stamped.get(user);
    if (known) return known;
    const json = fingerprint(user);
    const before = seen.get(user.id);
    const lastUpdated = before?.json === json ? before.lastUpdated : now;
    seen.set(user.id, { json, lastUpdated });
    stamped.set(user, lastUpdated);
    return lastUpdated;
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
    get groups() {
      return state.groups;
    },
    set groups(groups) {
      state.groups = groups;
    },
    groupRequests: () => state.requests.filter((r) => r.startsWith('/api/v1/groups')),
    requests: state.requests,
    authorizations: state.authorizations,
    listRequests: () => state.requests.filter((r) => r === '/api/v1/users' || r.startsWith('/api/v1/users?')),
    listedIds: [],
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
    const now = new Date().toISOString();
    state.requests.push(url.pathname + url.search);
    state.authorizations.push(req.headers.authorization);
    const members = /^\/api\/v1\/groups\/([^/]+)\/users$/.exec(url.pathname);
    if ((url.pathname !== '/api/v1/users' && url.pathname !== '/api/v1/groups' && !members) || req.method !== 'GET') {
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
    if (url.pathname !== '/api/v1/users') {
      // Groups, or a group's members (users, whatever their status), paged like users.
      let items: { id: string }[];
      if (members) {
        const group = state.groups.find((g) => g.id === decodeURIComponent(members[1]));
        if (!group) {
          res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errorCode: 'E0000007', errorSummary: 'Not found' }));
          return;
        }
        const byId = new Map(state.users.map((u) => [u.id, u]));
        items = group.members.flatMap((id) => (byId.has(id) ? [{ ...byId.get(id)!, lastUpdated: lastUpdatedOf(byId.get(id)!, now) }] : []));
      } else {
        items = state.groups.map(({ members: _, ...group }) => ({ ...group, type: 'OKTA_GROUP' }));
      }
      const from = after ? items.findIndex((item) => item.id === after) + 1 : 0;
      const slice = items.slice(from, from + limit);
      const links = [`<${standIn.url}${url.pathname}?limit=${limit}>; rel="self"`];
      if (from + limit < items.length) links.push(`<${standIn.url}${url.pathname}?after=${slice[slice.length - 1].id}&limit=${limit}>; rel="next"`);
      res.writeHead(200, { 'content-type': 'application/json', link: links.join(', ') }).end(JSON.stringify(slice));
      return;
    }
    const filter = url.searchParams.get('filter');
    let listed: OktaUser[];
    if (filter !== null) {
      const since = /^lastUpdated gt "([^"]+)"$/.exec(filter)?.[1];
      if (!since || Number.isNaN(Date.parse(since))) {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errorCode: 'E0000031', errorSummary: `Invalid search criteria: ${filter}` }));
        return;
      }
      // A filtered listing includes DEPROVISIONED users.
      listed = state.users.filter((u) => Date.parse(lastUpdatedOf(u, now)) > Date.parse(since));
    } else {
      // Okta omits DEPROVISIONED users from the default listing.
      listed = state.users.filter((u) => u.status !== 'DEPROVISIONED');
    }
    const start = after ? listed.findIndex((u) => u.id === after) + 1 : 0;
    const page = listed.slice(start, start + limit);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const query = (extra: string) => `${extra}limit=${limit}${filter === null ? '' : `&filter=${encodeURIComponent(filter)}`}`;
    const links = [`<${standIn.url}/api/v1/users?${query('')}>; rel="self"`];
    if (start + limit < listed.length) links.push(`<${standIn.url}/api/v1/users?${query(`after=${page[page.length - 1].id}&`)}>; rel="next"`);
    headers.link = links.join(', ');
    standIn.listedIds.push(page.map((u) => u.id));
    res.writeHead(200, headers).end(JSON.stringify(page.map((u) => ({ ...u, lastUpdated: lastUpdatedOf(u, now) }))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return standIn;
}

// A stand-in Microsoft Entra tenant on loopback, one server playing both parts the sync
// talks to:
// - the Microsoft identity platform: POST /{tenant}/oauth2/v2.0/token, a form with
//   grant_type=client_credentials, client_id, client_secret and
//   scope=https://graph.microsoft.com/.default; errors as AADSTS JSON ({"error":
//   "invalid_client", ...} with 401 for a wrong secret); tokens carry `expires_in` and
//   really expire then, and can be revoked early (so a client's refresh is exercised);
// - Microsoft Graph: GET /v1.0/users?$select=...&$top=N with `Authorization: Bearer`,
//   {"value": [...], "@odata.nextLink": "<absolute URL>"} paging by $skiptoken, and
//   "@odata.count" when asked with $count=true (which needs `ConsistencyLevel: eventual`);
//   $top capped at the tenant's page size (Graph: 999); 429 with Retry-After, 5xx and
//   malformed JSON on demand;
// - the users delta query: GET /v1.0/users/delta?$select=...&$deltatoken=latest answers no
//   users and an "@odata.deltaLink" for the directory as it is; following a delta link lists
//   what changed since it was issued (a new user whole, a changed one with its id and the
//   changed properties only, a deleted one as {"id", "@removed": {"reason": "changed"}}),
//   paged by "@odata.nextLink", the last page with a new "@odata.deltaLink". Tokens can be
//   expired on demand: Graph then answers 410 Gone with the code "syncStateNotFound".
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphUser {
  id: string;
  displayName: string | null;
  mail: string | null;
  userPrincipalName: string;
  accountEnabled: boolean;
  employeeId: string | null;
}

export interface GraphGroup {
  id: string;
  displayName: string;
  description: string | null;
  /** Its members: users, and whatever else Graph lists (nested groups, devices), by @odata.type. */
  members: { id: string; type: string }[];
}

/** A group of the given users (by GraphUser id), plus any other members given. */
export function graphGroup(i: number, userIds: string[], others: { id: string; type: string }[] = []): GraphGroup {
  return {
    id: `9a0b${String(i).padStart(4, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`,
    displayName: `Graph Group ${i}`,
    description: `Graph group number ${i}`,
    members: [...userIds.map((id) => ({ id, type: '#microsoft.graph.user' })), ...others],
  };
}

export interface GraphRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  authorization: string | undefined;
  consistencyLevel: string | undefined;
  status: number;
}

export interface TokenRequest {
  tenant: string;
  form: Record<string, string>;
  status: number;
}

export interface GraphStandIn {
  /** The base URL: use it as both authorityUrl and graphUrl. */
  url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  users: GraphUser[];
  groups: GraphGroup[];
  /** Graph requests (anything not under /{tenant}/oauth2), in order. */
  requests: GraphRequest[];
  /** Token endpoint requests, in order. */
  tokenRequests: TokenRequest[];
  /** Tokens issued so far. */
  readonly tokensIssued: number;
  /** The most users a page holds, whatever $top asks. */
  readonly pageSize: number;
  /** expires_in (seconds) of tokens issued from now on; they stop working then. */
  expiresIn: number;
  /** Wait this long before answering each users page. */
  pageDelayMs: number;
  /** Answer the next N users requests with 429 and `Retry-After: retryAfterSeconds`. */
  rateLimitNext(count: number, retryAfterSeconds?: number): void;
  /** Answer the next N users requests with 503. */
  failNext(count: number): void;
  /** Answer the next users request with a body that is not JSON. */
  malformedNext(): void;
  /** Every token issued so far stops working now. */
  revokeTokens(): void;
  /** Every token issued so far stops working once this many more pages were served. */
  revokeTokensAfterPages(pages: number): void;
  /** Every delta token issued so far is forgotten (Graph answers 410 syncStateNotFound). */
  expireDeltaTokens(): void;
  /** The next delta page that should end with "@odata.deltaLink" ends with no link at all. */
  omitDeltaLinkNext(): void;
  /** Users delta requests (GET /v1.0/users/delta...), in order. */
  deltaRequests(): GraphRequest[];
  close(): Promise<void>;
}

export function graphUser(i: number, overrides: Partial<GraphUser> = {}): GraphUser {
  return {
    id: `6f1c${String(i).padStart(4, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`,
    displayName: `Graph User ${i}`,
    mail: `graph.user${i}@contoso.example`,
    userPrincipalName: `guser${i}@contoso.onmicrosoft.example`,
    accountEnabled: true,
    employeeId: `G${i}`,
    ...overrides,
  };
}

export function graphUsers(count: number, from = 1): GraphUser[] {
  return Array.from({ length: count }, (_, i) => graphUser(from + i));
}

export interface GraphStandInOptions {
  users?: GraphUser[];
  groups?: GraphGroup[];
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Graph serves at most 999 users a page. */
  pageSize?: number;
  expiresIn?: number;
  pageDelayMs?: number;
}

const SELECTABLE = new Set(['id', 'displayName', 'mail', 'userPrincipalName', 'accountEnabled', 'employeeId']);

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

function graphError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  json(
    res,
    status,
    { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomBytes(8).toString('hex') } } },
    headers,
  );
}

function aadError(res: ServerResponse, status: number, error: string, description: string) {
  json(res, status, {
    error,
    error_description: description,
    error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)],
    timestamp: new Date().toISOString(),
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startGraphStandIn(options: GraphStandInOptions = {}): Promise<GraphStandIn> {
  const pageSize = options.pageSize ?? 999;
  const tokens = new Map<string, number>(); // token -> expiry (ms)
  /** Delta tokens: the directory as it was when each was issued (user id -> user). */
  const snapshots = new Map<string, Map<string, GraphUser>>();
  /** A delta being paged: its entries, left to serve. */
  const deltaPages = new Map<string, Record<string, unknown>[]>();
  const state = {
    rateLimits: 0,
    retryAfter: 1,
    failures: 0,
    malformed: false,
    revokeAfterPages: -1,
    omitDeltaLink: false,
  };
  let server: Server;
  let issued = 0;
  const standIn: GraphStandIn = {
    url: '',
    tenantId: options.tenantId ?? 'c0ffee00-1111-4222-8333-444455556666',
    clientId: options.clientId ?? 'a1b2c3d4-0000-4000-8000-00000000c11e',
    clientSecret: options.clientSecret ?? 'Xy8Q~graph-stand-in-secret-value-0123456789',
    users: options.users ?? [],
    groups: options.groups ?? [],
    requests: [],
    tokenRequests: [],
    get tokensIssued() {
      return issued;
    },
    pageSize,
    expiresIn: options.expiresIn ?? 3599,
    pageDelayMs: options.pageDelayMs ?? 0,
    rateLimitNext(count, retryAfterSeconds = 1) {
      state.rateLimits = count;
      state.retryAfter = retryAfterSeconds;
    },
    failNext: (count) => (state.failures = count),
    malformedNext: () => (state.malformed = true),
    revokeTokens: () => tokens.clear(),
    revokeTokensAfterPages: (pages) => (state.revokeAfterPages = pages),
    expireDeltaTokens: () => {
      snapshots.clear();
      deltaPages.clear();
    },
    omitDeltaLinkNext: () => (state.omitDeltaLink = true),
    deltaRequests: () => standIn.requests.filter((r) => r.url.startsWith('/v1.0/users/delta')),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  async function token(req: IncomingMessage, res: ServerResponse, tenant: string) {
    const raw = await readBody(req);
    const form = Object.fromEntries(new URLSearchParams(raw));
    const record: TokenRequest = { tenant, form, status: 0 };
    standIn.tokenRequests.push(record);
    const answer = (status: number, error: string, description: string) => {
      record.status = status;
      aadError(res, status, error, description);
    };
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return answer(400, 'invalid_request', "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
    }
    if (tenant !== standIn.tenantId) {
      return answer(400, 'invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`);
    }
    if (form.grant_type !== 'client_credentials') {
      return answer(400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.');
    }
    if (form.client_id !== standIn.clientId) {
      return answer(400, 'unauthorized_client', `AADSTS700016: Application with identifier '${form.client_id}' was not found in the directory.`);
    }
    if (form.client_secret !== standIn.clientSecret) {
      return answer(
        401,
        'invalid_client',
        `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${standIn.clientId}'.`,
      );
    }
    if (form.scope !== GRAPH_SCOPE) {
      return answer(
        400,
        'invalid_scope',
        `AADSTS1002012: The provided value for scope ${form.scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const accessToken = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${randomBytes(24).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
    tokens.set(accessToken, Date.now() + standIn.expiresIn * 1000);
    issued++;
    record.status = 200;
    json(res, 200, { token_type: 'Bearer', expires_in: standIn.expiresIn, ext_expires_in: standIn.expiresIn, access_token: accessToken });
  }

  /** A new delta token for the directory as it is now. */
  function deltaToken(): string {
    const token = randomBytes(12).toString('base64url');
    snapshots.set(token, new Map(standIn.users.map((u) => [u.id, { ...u }])));
    return token;
  }

  /** What changed since `before`, as Graph's delta lists it. */
  function changesSince(before: Map<string, GraphUser>): Record<string, unknown>[] {
    const entries: Record<string, unknown>[] = [];
    const now = new Map(standIn.users.map((u) => [u.id, u]));
    for (const user of standIn.users) {
      const was = before.get(user.id);
      if (!was) entries.push({ ...user });
      else {
        const changed = (Object.keys(user) as (keyof GraphUser)[]).filter((key) => key !== 'id' && user[key] !== was[key]);
        if (changed.length) entries.push(Object.fromEntries([['id', user.id], ...changed.map((key) => [key, user[key]])]));
      }
    }
    for (const id of before.keys()) if (!now.has(id)) entries.push({ id, '@removed': { reason: 'changed' } });
    return entries;
  }

  function delta(res: ServerResponse, url: URL, record: GraphRequest) {
    const link = (params: Record<string, string>) => {
      const next = new URL('/v1.0/users/delta', standIn.url);
      for (const [key, value] of Object.entries(params)) next.searchParams.set(key, value);
      return next.toString();
    };
    const body: Record<string, unknown> = { '@odata.context': `${standIn.url}/v1.0/$metadata#users` };
    const skipToken = url.searchParams.get('$skiptoken');
    const token = url.searchParams.get('$deltatoken');
    let entries: Record<string, unknown>[];
    if (token === 'latest') entries = [];
    else if (token !== null) {
      const before = snapshots.get(token);
      if (!before) {
        record.status = 410;
        return graphError(res, 410, 'syncStateNotFound', 'The sync state generation is not found. Please do a full resync.', {
          location: link({}),
        });
      }
      entries = changesSince(before);
    } else if (skipToken !== null) {
      const left = deltaPages.get(skipToken);
      if (!left) {
        record.status = 410;
        return graphError(res, 410, 'resyncRequired', 'Resync required. Replace any local cached data with a full sync.');
      }
      deltaPages.delete(skipToken);
      entries = left;
    } else {
      record.status = 400;
      return graphError(res, 400, 'Request_BadRequest', 'This stand-in answers a delta only from a $deltatoken or a $skiptoken.');
    }
    const page = entries.slice(0, pageSize);
    const rest = entries.slice(pageSize);
    if (rest.length) {
      const next = randomBytes(12).toString('base64url');
      deltaPages.set(next, rest);
      body['@odata.nextLink'] = link({ $skiptoken: next });
    } else if (state.omitDeltaLink && token !== 'latest') {
      state.omitDeltaLink = false;
    } else {
      body['@odata.deltaLink'] = link({ $deltatoken: deltaToken() });
    }
    body.value = page;
    record.status = 200;
    json(res, 200, body);
  }

  async function users(req: IncomingMessage, res: ServerResponse, url: URL, record: GraphRequest) {
    const answer = (status: number, ...rest: [string, string, Record<string, string>?]) => {
      record.status = status;
      graphError(res, status, ...rest);
    };
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) return answer(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const expiry = tokens.get(bearer);
    if (expiry === undefined || expiry <= Date.now()) {
      return answer(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
    }
    if (state.rateLimits > 0) {
      state.rateLimits--;
      return answer(429, 'TooManyRequests', 'Too many requests.', { 'retry-after': String(state.retryAfter) });
    }
    if (state.failures > 0) {
      state.failures--;
      return answer(503, 'serviceNotAvailable', 'The service is temporarily unavailable.');
    }
    if (url.pathname === '/v1.0/users/delta') return delta(res, url, record);
    const membersOf = /^\/v1\.0\/groups\/([^/]+)\/members$/.exec(url.pathname);
    if (url.pathname === '/v1.0/groups' || membersOf) {
      let entries: Record<string, unknown>[];
      if (membersOf) {
        const group = standIn.groups.find((g) => g.id === decodeURIComponent(membersOf[1]));
        if (!group) return answer(404, 'Request_ResourceNotFound', `Resource '${membersOf[1]}' does not exist.`);
        entries = group.members.map((m) => ({ '@odata.type': m.type, id: m.id }));
      } else {
        entries = standIn.groups.map(({ members: _, ...g }) => ({ ...g }));
      }
      const top = Math.min(Number(url.searchParams.get('$top') ?? 100) || 100, pageSize);
      const offset = Number(
        Buffer.from(url.searchParams.get('$skiptoken') ?? '', 'base64url')
          .toString('utf8')
          .replace(/^offset:/, '') || 0,
      );
      const body: Record<string, unknown> = { '@odata.context': `${standIn.url}/v1.0/$metadata#directoryObjects` };
      if (offset + top < entries.length) {
        const next = new URL(url.pathname, standIn.url);
        for (const [key, value] of url.searchParams) if (key !== '$skiptoken') next.searchParams.set(key, value);
        next.searchParams.set('$skiptoken', Buffer.from(`offset:${offset + top}`).toString('base64url'));
        body['@odata.nextLink'] = next.toString();
      }
      body.value = entries.slice(offset, offset + top);
      record.status = 200;
      return json(res, 200, body);
    }
    const wantsCount = url.searchParams.get('$count') === 'true';
    if (wantsCount && String(req.headers.consistencylevel ?? '').toLowerCase() !== 'eventual') {
      return answer(400, 'Request_BadRequest', 'Count is not currently supported.');
    }
    const select = (url.searchParams.get('$select') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = select.find((field) => !SELECTABLE.has(field));
    if (unknown) return answer(400, 'Request_BadRequest', `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`);
    const top = url.searchParams.has('$top') ? Number(url.searchParams.get('$top')) : 100;
    if (!Number.isInteger(top) || top < 1)
      return answer(400, 'Request_BadRequest', `Invalid page size specified: '${url.searchParams.get('$top')}'.`);
    const limit = Math.min(top, pageSize);
    const skipToken = url.searchParams.get('$skiptoken');
    let offset = 0;
    if (skipToken) {
      offset = Number(
        Buffer.from(skipToken, 'base64url')
          .toString('utf8')
          .replace(/^offset:/, ''),
      );
      if (!Number.isInteger(offset) || offset < 0) return answer(400, 'Request_BadRequest', 'Invalid $skiptoken.');
    }
    if (standIn.pageDelayMs) await new Promise((resolve) => setTimeout(resolve, standIn.pageDelayMs));
    if (state.malformed) {
      state.malformed = false;
      record.status = 200;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"value": [{"id": "6f1c", broken');
      return;
    }
    const fields = select.length ? ['id', ...select.filter((f) => f !== 'id')] : [...SELECTABLE];
    const page = standIn.users
      .slice(offset, offset + limit)
      .map((user) => Object.fromEntries(fields.map((field) => [field, user[field as keyof GraphUser] ?? null])));
    const body: Record<string, unknown> = {
      '@odata.context': `${standIn.url}/v1.0/$metadata#users(${select.join(',')})`,
    };
    if (wantsCount) body['@odata.count'] = standIn.users.length;
    if (offset + limit < standIn.users.length) {
      const next = new URL(url.pathname, standIn.url);
      for (const [key, value] of url.searchParams) if (key !== '$skiptoken') next.searchParams.set(key, value);
      next.searchParams.set('$skiptoken', Buffer.from(`offset:${offset + limit}`).toString('base64url'));
      body['@odata.nextLink'] = next.toString();
    }
    body.value = page;
    record.status = 200;
    json(res, 200, body);
    if (state.revokeAfterPages > 0 && --state.revokeAfterPages === 0) {
      state.revokeAfterPages = -1;
      tokens.clear();
    }
  }

  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', standIn.url);
    const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    const handle = async () => {
      if (tokenPath) {
        if (req.method !== 'POST') return aadError(res, 405, 'invalid_request', 'AADSTS900561: The endpoint only accepts POST requests.');
        return token(req, res, decodeURIComponent(tokenPath[1]));
      }
      const record: GraphRequest = {
        method: req.method ?? 'GET',
        url: url.pathname + url.search,
        authorization: req.headers.authorization,
        consistencyLevel: req.headers.consistencylevel as string | undefined,
        status: 0,
      };
      standIn.requests.push(record);
      const served = url.pathname === '/v1.0/users' || url.pathname === '/v1.0/users/delta' || url.pathname.startsWith('/v1.0/groups');
      if (served && req.method === 'GET') return users(req, res, url, record);
      record.status = 404;
      graphError(res, 404, 'Request_ResourceNotFound', `Resource '${url.pathname}' does not exist.`);
    };
    handle().catch((error) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return standIn;
}

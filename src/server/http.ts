// The HTTP server: a small router in front of Yoga, and the edge of the API.
//
// Every response carries `x-request-id` (the caller's, when it is a safe token, else a new
// one), and every request ends in one log line (method, path, operation, status, duration,
// request ID). /health and /ready answer without credentials. /graphql, in this order:
// allowed methods (405 otherwise) and CORS (only CORS_ORIGINS); failed-authentication
// limit per client address (429); credentials, checked BEFORE the body is read or parsed,
// so an unauthenticated caller learns nothing about the schema (401); the rate limit of
// the credential (429, RateLimit-* headers on every authenticated answer); the body-size
// limit (413); then Yoga. HTML pages get a Content-Security-Policy and X-Frame-Options.
// GraphiQL's assets are under /graphiql/. Anything else is a JSON 404; extra routes (OAuth,
// JWKS, the onboarding page) plug in through `routes`, by exact path or, for a key ending
// in `/*`, any one segment under it.
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { sendNodeResponse } from '@whatwg-node/server';
import { countStatements } from '../db/statement-counter.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import type { CredentialSource } from '../auth/strategies.ts';
import { rateLimitKey } from '../auth/viewer.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { type Logger, withRequestId } from '../logger.ts';
import { isMetricsCaller } from '../metrics.ts';
import { type RateLimiter, consume, peek, rateLimitHeaders } from '../rate-limits.ts';
import type { Services } from '../schema/context.ts';
import { addressKey, clientAddress } from './client-address.ts';
import { GRAPHIQL_ASSET_ROUTES } from './graphiql.ts';
import { GRAPHQL_PATH, createGraphQLHandler } from './graphql.ts';
import { secureHtml } from './html-headers.ts';
import { attachWebSocket } from './websocket.ts';

/** What a route may need beyond the Request, which carries no socket. */
export interface RouteInfo {
  /** The peer's address as the socket saw it (a proxy's, behind one). */
  remoteAddress: string | undefined;
}

export type Route = (request: Request, info: RouteInfo) => Promise<Response>;

/** The route of a path: its own, else the `/parent/*` route of its parent. */
function routeOf(routes: Record<string, Route>, path: string): Route | undefined {
  return Object.hasOwn(routes, path) ? routes[path] : routes[`${path.slice(0, path.lastIndexOf('/'))}/*`];
}

/** The limiters of the edge: per credential, and failed authentications per client address. */
export interface EdgeLimits {
  /** RATE_LIMIT_PER_MINUTE per API key or OAuth client; undefined when limiting is off. */
  perCredential: RateLimiter | undefined;
  /** AUTH_FAILURES_PER_MINUTE per client address (shared with /oauth/token). */
  authFailures: RateLimiter;
}

export interface AppOptions {
  config: Config;
  services: Services;
  db: Database;
  logger: Logger;
  authenticator: Authenticator;
  limits: EdgeLimits;
  routes?: Record<string, Route>;
}

/** A caller's own request ID is kept when it is a short, safe token. */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

const GRAPHQL_METHODS = 'GET, POST, OPTIONS';

function graphqlError(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

const UNAUTHENTICATED_BODY = graphqlError(
  'UNAUTHENTICATED',
  'Missing or invalid credentials: send a valid x-api-key header or an OAuth Bearer token.',
);

class BodyTooLarge extends Error {}

/**
 * Reads the body, up to `limit` bytes. Past the limit it rejects with BodyTooLarge at
 * once (the caller answers 413) but goes on reading, and dropping, what the client is
 * still sending: closing or resetting the connection under a client that is mid-upload
 * makes it fail with EPIPE/ECONNRESET instead of reading the 413. Past `discardLimit`
 * bytes the connection is dropped after all.
 */
function readBody(req: IncomingMessage, limit: number, discardLimit = Math.max(16 * limit, 16 * 1024 * 1024)): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const refuse = () => {
      tooLarge = true;
      chunks.length = 0;
      reject(new BodyTooLarge());
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > discardLimit) req.socket.destroy();
        return;
      }
      if (size > limit) return refuse();
      chunks.push(chunk);
    });
    req.once('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks));
    });
    req.once('error', (error) => {
      if (!tooLarge) reject(error);
    });
    if (Number(req.headers['content-length'] ?? 0) > limit) refuse();
  });
}

/** What the request's log line tells, filled in as the request goes (the operation name by Yoga). */
export interface RequestInfo {
  path: string;
  operationName: string | undefined;
  /** The API key or OAuth integration that called, once authenticated. */
  caller: string | undefined;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** The request's URL; a Host header that is not a host (or a odd target) must not break it. */
function requestUrl(req: IncomingMessage): URL {
  let base: URL;
  try {
    base = new URL(`http://${req.headers.host ?? 'localhost'}`);
  } catch {
    base = new URL('http://localhost');
  }
  const target = (req.url ?? '/').replace(/^\/+/, '/');
  try {
    return new URL(target.startsWith('/') ? target : `/${target}`, base);
  } catch {
    return new URL('/', base);
  }
}

function toRequest(req: IncomingMessage, body: Buffer | undefined, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const url = requestUrl(req);
  return new Request(url, { method: req.method, headers, body: body?.length ? new Uint8Array(body) : undefined, signal });
}

export function createApp({ config, services, db, logger, authenticator, limits, routes = {} }: AppOptions) {
  const yoga = createGraphQLHandler({ config, services, prisma: db.prisma, logger, authenticator });

  /** CORS: only origins listed in CORS_ORIGINS, never with credentials (keys travel in headers). */
  function corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin || !config.corsOrigins.includes(origin)) return {};
    return {
      'access-control-allow-origin': origin,
      vary: 'Origin',
      'access-control-expose-headers': 'x-request-id, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after',
    };
  }

  /** Answers /graphql up to Yoga; returns the headers every later answer must carry too. */
  async function graphql(req: IncomingMessage, res: ServerResponse, info: RequestInfo): Promise<void> {
    const cors = corsHeaders(req);
    if (req.method === 'OPTIONS') {
      const preflight = cors['access-control-allow-origin']
        ? {
            ...cors,
            'access-control-allow-methods': 'GET, POST',
            'access-control-allow-headers': 'content-type, accept, x-api-key, authorization, x-request-id',
            'access-control-max-age': '600',
          }
        : {};
      res.writeHead(204, { ...preflight, allow: GRAPHQL_METHODS }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      return json(res, 405, graphqlError('METHOD_NOT_ALLOWED', `${req.method} is not supported on ${GRAPHQL_PATH}; use GET or POST.`), {
        ...cors,
        allow: GRAPHQL_METHODS,
      });
    }
    const source: CredentialSource = (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const graphiqlPage = req.method === 'GET' && !!req.headers.accept?.includes('text/html') && !authenticator.hasCredential(source);

    let extraHeaders: Record<string, string> = { ...cors };
    let viewerContext: object = {};
    if (!graphiqlPage) {
      // Failed authentications are limited per client address, before any credential is looked at.
      const from = clientAddress(source, req.socket.remoteAddress, services.config.trustProxyHops);
      const address = addressKey(from);
      // Checked first, counted on failure only: a partner's many concurrent requests with a
      // valid key from one address must never be refused for failures they did not make
      // (concurrent wrong guesses may overrun the budget by the few in flight at once).
      const failures = await peek(limits.authFailures, address);
      if (!failures.allowed) {
        services.metrics.errors.inc({ code: 'RATE_LIMITED' });
        return json(res, 429, graphqlError('RATE_LIMITED', `Too many failed authentications. Retry after ${failures.resetSeconds} seconds.`), {
          ...cors,
          'retry-after': String(failures.resetSeconds),
        });
      }
      const authenticated = await authenticator.authenticate(source);
      if (!authenticated) {
        await consume(limits.authFailures, address);
        services.metrics.errors.inc({ code: 'UNAUTHENTICATED' });
        return json(res, 401, UNAUTHENTICATED_BODY, cors);
      }
      info.caller = authenticated.viewer.apiKey ? authenticated.viewer.apiKey.id : (authenticated.viewer.integrationId ?? undefined);
      if (limits.perCredential) {
        const budget = await consume(limits.perCredential, rateLimitKey(authenticated.viewer));
        extraHeaders = { ...extraHeaders, ...rateLimitHeaders(budget) };
        if (!budget.allowed) {
          services.metrics.errors.inc({ code: 'RATE_LIMITED' });
          return json(
            res,
            429,
            graphqlError('RATE_LIMITED', `Rate limit of ${budget.limit} requests per minute exceeded. Retry after ${budget.resetSeconds} seconds.`),
            extraHeaders,
          );
        }
      }
      viewerContext = { viewer: authenticated.viewer, proof: authenticated.proof, clientAddress: from };
    }

    let body: Buffer | undefined;
    if (req.method === 'POST') {
      try {
        body = await readBody(req, config.limits.maxBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        return tooLarge(req, res, extraHeaders);
      }
    }
    // Yoga's own Node adapter takes the request from here: its URL and Host made safe, and
    // the body as read above (within MAX_BODY_BYTES), which it uses instead of the stream.
    const url = requestUrl(req);
    req.url = `${url.pathname}${url.search}`;
    req.headers.host = url.host;
    if (body) (req as IncomingMessage & { body?: Uint8Array }).body = body;
    for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
    const response = await yoga.handleNodeRequestAndResponse(req, res, { ...viewerContext, requestInfo: info });
    await sendNodeResponse(response, res, req, false);
  }

  function tooLarge(req: IncomingMessage, res: ServerResponse, headers: Record<string, string> = {}) {
    const answer = JSON.stringify(graphqlError('PAYLOAD_TOO_LARGE', `Request body exceeds ${config.limits.maxBodyBytes} bytes.`));
    // The answer goes out now (with its length, so the client can read it while still
    // sending), but the response ends only once the client has finished sending: Node
    // closes a `Connection: close` socket when the response ends, and closing it under
    // an upload in progress resets the client before it reads the 413.
    res.writeHead(413, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(answer)) });
    res.write(answer);
    if (req.complete) res.end();
    else {
      req.once('end', () => res.end());
      req.once('close', () => res.end());
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, info: RequestInfo) {
    const path = info.path;
    if (path === '/health') return json(res, 200, { status: 'ok' });
    if (path === '/ready') {
      const ready = await db.ping();
      return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unavailable' });
    }
    if (path === GRAPHQL_PATH) {
      // EXPOSE_SQL_COUNT: counted from here, so authentication's lookups count too (src/server/sql-count.ts).
      return config.exposeSqlCount ? countStatements(() => graphql(req, res, info)).result : graphql(req, res, info);
    }
    if (path === '/metrics') {
      // Without METRICS_TOKEN there is no /metrics at all.
      if (!config.metricsToken) return json(res, 404, { error: 'not_found', message: `No route ${path}` });
      if (!isMetricsCaller(req.headers.authorization, config.metricsToken)) {
        return json(res, 401, { error: 'unauthorized', message: 'Send Authorization: Bearer <METRICS_TOKEN>.' }, { 'www-authenticate': 'Bearer' });
      }
      const registry = services.metrics.registry;
      res.writeHead(200, { 'content-type': registry.contentType });
      res.end(await registry.metrics());
      return;
    }
    const route = routeOf(routes, path) ?? GRAPHIQL_ASSET_ROUTES[path];
    if (!route) return json(res, 404, { error: 'not_found', message: `No route ${path}` });
    let body: Buffer | undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      try {
        body = await readBody(req, config.limits.maxBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        return tooLarge(req, res);
      }
    }
    const controller = new AbortController();
    res.once('close', () => controller.abort());
    const response = await route(toRequest(req, body, controller.signal), { remoteAddress: req.socket.remoteAddress });
    secureHtml(response);
    await sendNodeResponse(response, res, req, false);
  }

  const server = createServer((req, res) => {
    const offered = req.headers['x-request-id'];
    const requestId = typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
    res.setHeader('x-request-id', requestId);
    const info: RequestInfo = { path: (req.url ?? '/').split('?')[0], operationName: undefined, caller: undefined };
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const line = {
        requestId,
        method: req.method,
        path: info.path,
        operationName: info.operationName,
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      };
      // Probes are polled constantly; the rest is one info line per request.
      if (info.path === '/health' || info.path === '/ready') logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    withRequestId(requestId, () =>
      handle(req, res, info).catch((error) => {
        logger.error({ err: error, path: info.path }, 'request failed');
        if (!res.headersSent)
          json(res, 500, { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
        else res.destroy();
      }),
    );
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  const ws = attachWebSocket({ httpServer: server, yoga, authenticator, limits, trustProxyHops: services.config.trustProxyHops, logger });

  return {
    server,
    yoga,
    listen(port: number, host: string): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    /** Stops accepting, lets in-flight requests finish (up to graceMs), closes streams. */
    async close(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await ws.close();
      await yoga.dispose();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
    },
  };
}

export type App = ReturnType<typeof createApp>;

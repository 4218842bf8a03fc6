// The HTTP server: a small router in front of Yoga. /health and /ready answer without
// credentials; /graphql gets a body-size limit before any parsing; anything else is a
// JSON 404. Extra routes (OAuth, JWKS) plug in through `routes`.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { sendNodeResponse } from '@whatwg-node/server';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { Services } from '../schema/context.ts';
import type { BearerVerifier } from './auth.ts';
import { GRAPHQL_PATH, createGraphQLHandler } from './graphql.ts';
import { attachWebSocket } from './websocket.ts';

/** What a route may need beyond the Request, which carries no socket. */
export interface RouteInfo {
  /** The peer's address as the socket saw it (a proxy's, behind one). */
  remoteAddress: string | undefined;
}

export type Route = (request: Request, info: RouteInfo) => Promise<Response>;

export interface AppOptions {
  config: Config;
  services: Services;
  db: Database;
  logger: Logger;
  verifyBearer?: BearerVerifier;
  routes?: Record<string, Route>;
}

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

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function toRequest(req: IncomingMessage, body: Buffer | undefined, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  return new Request(url, { method: req.method, headers, body: body?.length ? new Uint8Array(body) : undefined, signal });
}

export function createApp({ config, services, db, logger, verifyBearer, routes = {} }: AppOptions) {
  const yoga = createGraphQLHandler({ config, services, prisma: db.prisma, logger, verifyBearer });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') return json(res, 200, { status: 'ok' });
    if (path === '/ready') {
      const ready = await db.ping();
      return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unavailable' });
    }
    const route = path === GRAPHQL_PATH ? undefined : routes[path];
    if (path !== GRAPHQL_PATH && !route) return json(res, 404, { error: 'not_found', message: `No route ${path}` });

    let body: Buffer | undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      try {
        body = await readBody(req, config.limits.maxBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        const answer = JSON.stringify({
          errors: [{ message: `Request body exceeds ${config.limits.maxBodyBytes} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
        });
        // The answer goes out now (with its length, so the client can read it while still
        // sending), but the response ends only once the client has finished sending: Node
        // closes a `Connection: close` socket when the response ends, and closing it under
        // an upload in progress resets the client before it reads the 413.
        res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(answer)) });
        res.write(answer);
        if (req.complete) res.end();
        else {
          req.once('end', () => res.end());
          req.once('close', () => res.end());
        }
        return;
      }
    }
    const controller = new AbortController();
    res.once('close', () => controller.abort());
    const request = toRequest(req, body, controller.signal);
    const response = route ? await route(request, { remoteAddress: req.socket.remoteAddress }) : await yoga.handleRequest(request, {});
    await sendNodeResponse(response, res, req, false);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      logger.error({ err: error, path: req.url?.split('?')[0] }, 'request failed');
      if (!res.headersSent) json(res, 500, { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  const ws = attachWebSocket(server, yoga, db.prisma, verifyBearer);

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

// GraphQL over WebSocket (graphql-transport-ws) on /graphql. The caller authenticates
// in connection_init ({"x-api-key": ...} or {"authorization": "Bearer ..."}); every
// operation then runs through Yoga's envelop (same plugins, same limits). The
// connection's credentials are checked again before each operation and every
// REAUTHENTICATE_MS (30 s) while it stays open, so a revoked key, an expired token or a
// deleted/DISABLED integration's token ends the connection (close 4403) within that time
// (README: "Edge: authentication, request IDs, limits, headers, metrics"), and new
// operations see the organization's current features.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Authenticated, Authenticator } from '../auth/authenticator.ts';
import { connectionParamsSource } from '../auth/strategies.ts';
import { type Viewer, rateLimitKey } from '../auth/viewer.ts';
import { apiError } from '../domain/errors.ts';
import type { Logger } from '../logger.ts';
import { consume, peek } from '../rate-limits.ts';
import { addressKey, clientAddress } from './client-address.ts';
import { GRAPHQL_PATH, type GraphQLHandler, unauthenticated } from './graphql.ts';
import type { EdgeLimits } from './http.ts';

const REAUTHENTICATE_MS = 30_000;

interface Enveloped {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

export interface WebSocketOptions {
  httpServer: Server;
  yoga: GraphQLHandler;
  authenticator: Authenticator;
  limits: EdgeLimits;
  trustProxyHops: number;
  logger: Logger;
}

export function attachWebSocket({ httpServer, yoga, authenticator, limits, trustProxyHops, logger }: WebSocketOptions) {
  // noServer, and the upgrade handed over here: given the HTTP server itself, ws re-emits
  // that server's errors (a port already in use) as its own, which graphql-ws then prints
  // with a stack trace instead of the one clear start-up line.
  const wss = new WebSocketServer({ noServer: true, path: GRAPHQL_PATH, maxPayload: 1024 * 1024 });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // handleUpgrade answers 400 itself for another path.
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  httpServer.on('upgrade', onUpgrade);
  const sessions = new WeakMap<object, { proof: Authenticated['proof']; viewer: Viewer; timer: NodeJS.Timeout; clientAddress: string | undefined }>();

  /** The connection's current viewer; closes it when its credentials no longer authenticate. */
  async function reauthenticate(socket: WebSocket): Promise<Viewer | null> {
    const session = sessions.get(socket);
    if (!session) return null;
    let viewer: Viewer | null;
    try {
      viewer = await authenticator.reauthenticate(session.proof);
    } catch {
      return session.viewer; // the database hiccuped: no verdict, keep the connection
    }
    if (!viewer) {
      clearInterval(session.timer);
      sessions.delete(socket);
      socket.close(CloseCode.Forbidden, 'UNAUTHENTICATED');
      return null;
    }
    session.viewer = viewer;
    return viewer;
  }

  const disposable = useServer(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
      onConnect: async (ctx) => {
        const { socket, request } = ctx.extra;
        // Failed authentications count per client address, as on HTTP.
        const header = (name: string) => {
          const value = request.headers[name];
          return Array.isArray(value) ? value[0] : value;
        };
        const from = clientAddress(header, request.socket.remoteAddress, trustProxyHops);
        const address = addressKey(from);
        // Checked first, counted on failure only, as on HTTP.
        if (!(await peek(limits.authFailures, address)).allowed) {
          socket.close(CloseCode.Forbidden, 'RATE_LIMITED');
          return false;
        }
        const authenticated = await authenticator
          .authenticate(connectionParamsSource(ctx.connectionParams as Record<string, unknown> | undefined))
          .catch((error) => {
            logger.warn({ err: error }, 'could not authenticate a WebSocket connection');
            return null;
          });
        if (!authenticated) {
          await consume(limits.authFailures, address);
          socket.close(CloseCode.Forbidden, 'UNAUTHENTICATED');
          return false;
        }
        const timer = setInterval(() => void reauthenticate(socket), REAUTHENTICATE_MS);
        timer.unref();
        socket.once('close', () => clearInterval(timer));
        sessions.set(socket, { proof: authenticated.proof, viewer: authenticated.viewer, timer, clientAddress: from });
        return true;
      },
      onSubscribe: async (ctx, _id, params) => {
        const viewer = await reauthenticate(ctx.extra.socket);
        if (!viewer) return [unauthenticated()];
        // Each operation counts against the credential's budget, as an HTTP request does.
        if (limits.perCredential) {
          const budget = await consume(limits.perCredential, rateLimitKey(viewer));
          if (!budget.allowed)
            return [
              apiError('RATE_LIMITED', `Rate limit of ${budget.limit} requests per minute exceeded. Retry after ${budget.resetSeconds} seconds.`),
            ];
        }
        const session = sessions.get(ctx.extra.socket);
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          viewer,
          proof: session?.proof,
          clientAddress: session?.clientAddress,
        });
        let document;
        try {
          document = parse(params.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('Syntax error')];
        }
        const errors = validate(schema, document);
        if (errors.length) return errors;
        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
  );

  return {
    async close() {
      httpServer.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      await disposable.dispose();
    },
  };
}

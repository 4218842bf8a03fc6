// GraphQL over WebSocket (graphql-transport-ws) on /graphql. The caller authenticates
// once, in connection_init ({"x-api-key": ...} or {"authorization": "Bearer ..."});
// every operation then runs through Yoga's envelop (same plugins, same limits).
import type { Server } from 'node:http';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Viewer } from '../schema/context.ts';
import { type BearerVerifier, authenticate, credentialsFromConnectionParams } from './auth.ts';
import { GRAPHQL_PATH, type GraphQLHandler } from './graphql.ts';

interface Enveloped {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

export function attachWebSocket(
  httpServer: Server,
  yoga: GraphQLHandler,
  prisma: PrismaClient,
  verifyBearer?: BearerVerifier,
) {
  const wss = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH, maxPayload: 1024 * 1024 });
  const viewers = new WeakMap<object, Viewer>();

  const disposable = useServer(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
      onConnect: async (ctx) => {
        const viewer = await authenticate(
          prisma,
          credentialsFromConnectionParams(ctx.connectionParams as Record<string, unknown> | undefined),
          verifyBearer,
        ).catch(() => null);
        if (!viewer) {
          ctx.extra.socket.close(CloseCode.Forbidden, 'UNAUTHENTICATED');
          return false;
        }
        viewers.set(ctx.extra.socket, viewer);
        return true;
      },
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          viewer: viewers.get(ctx.extra.socket),
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
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      await disposable.dispose();
    },
  };
}

// GraphQL over HTTP (GET, POST, SSE) with Yoga, and over WebSocket with graphql-ws, both
// on /graphql and through the same envelop plugins, so limits and authentication are
// identical whatever the transport.
import type { IncomingMessage } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, locatedError } from 'graphql';
import { createYoga, maskError as yogaMaskError, type YogaInitialContext } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { apiError } from '../domain/errors.ts';
import { RequestLimiter, isStatementCancelled, statementBounds } from '../db/request-limits.ts';
import { tenantClientCache } from '../db/tenant.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import type { Context, Services, Viewer } from '../schema/context.ts';
import { schema } from '../schema/index.ts';
import { type BearerVerifier, authenticate, credentialsFromHeaders } from './auth.ts';
import { usePageSizeLimit } from './page-size.ts';
import { useRequestLimits } from './request-limits.ts';
import { useRequestParamErrors } from './request-params.ts';
import { useStreamReauthentication } from './stream-reauth.ts';
import { useSqlStatementCount } from './sql-count.ts';

export const GRAPHQL_PATH = '/graphql';

export interface GraphQLDeps {
  config: Config;
  services: Services;
  prisma: PrismaClient;
  logger: Logger;
  verifyBearer?: BearerVerifier;
}

/** Set by the WebSocket transport, which authenticates once in connection_init. */
interface TransportContext {
  viewer?: Viewer;
  req?: IncomingMessage;
}

const UNAUTHENTICATED_MESSAGE = 'Missing or invalid credentials: send a valid x-api-key header or an OAuth Bearer token.';

export function unauthenticated(): GraphQLError {
  return apiError('UNAUTHENTICATED', UNAUTHENTICATED_MESSAGE);
}

function originOf(config: Config, request: Request | undefined, req: IncomingMessage | undefined): string {
  if (config.publicUrl) return config.publicUrl;
  if (request) return new URL(request.url).origin;
  return `http://${req?.headers.host ?? 'localhost'}`;
}

export function createGraphQLHandler({ config, services, prisma, logger, verifyBearer }: GraphQLDeps) {
  const tenantFor = tenantClientCache(prisma);
  const limiter = new RequestLimiter(statementBounds(config.database, config.databaseUrl ? 'postgres' : 'embedded'));
  return createYoga<TransportContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    batching: false,
    multipart: false,
    graphiql: { title: 'Integrations API', headers: JSON.stringify({ 'x-api-key': '<your API key>' }, null, 2) },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    // Never a stack trace or internal message to the caller; the log keeps the detail.
    maskedErrors: {
      isDev: false,
      maskError(error, message) {
        const original = error instanceof GraphQLError ? error.originalError ?? error : error;
        // PostgreSQL cancelled a statement after DB_STATEMENT_TIMEOUT_MS (SQLSTATE 57014).
        if (isStatementCancelled(original)) {
          logger.warn('a database statement of a request was cancelled after DB_STATEMENT_TIMEOUT_MS');
          const timeout = apiError('TIMEOUT', 'The database took too long to answer this request and it was cut off; narrow it (for example a longer search term or a smaller page) or try again later.');
          // Keeps the field's path and location, as a resolver's own error would have them.
          return error instanceof GraphQLError ? locatedError(timeout, error.nodes, error.path) : timeout;
        }
        if (!(original instanceof GraphQLError)) logger.error({ err: original }, 'unexpected error while executing');
        return yogaMaskError(error, message, false);
      },
    },
    context: async (initial: YogaInitialContext & TransportContext): Promise<Context> => {
      const viewer =
        initial.viewer ??
        (await authenticate(prisma, credentialsFromHeaders((name) => initial.request.headers.get(name)), verifyBearer));
      if (!viewer) throw unauthenticated();
      const origin = originOf(config, initial.viewer ? undefined : initial.request, initial.req);
      return { viewer, prisma, services, origin, db: tenantFor(viewer.organization.id) };
    },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: config.limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
        maxAliases: { n: config.limits.maxAliases },
        maxTokens: { n: config.limits.maxTokens },
        maxDirectives: { n: 50 },
        // Connections multiply the cost by `first`; a full page of 100 integrations costs ~15k,
        // while nested pages (100 x 100 x ...) are far above the limit.
        costLimit: { maxCost: 50_000, ignoreIntrospection: true },
        blockFieldSuggestion: { enabled: config.production },
      }),
      useRequestParamErrors(),
      usePageSizeLimit(),
      // Bounded database work per request and per organization (src/db/request-limits.ts).
      useRequestLimits(limiter),
      // SSE subscriptions: credentials checked again every 30 s (WebSocket: see websocket.ts).
      useStreamReauthentication<Context & TransportContext & { request?: Request; socket?: unknown }>({
        everyMs: 30_000,
        checkFor: (context) => {
          const { request } = context;
          if (context.socket || !request) return undefined;
          const credentials = credentialsFromHeaders((name) => request.headers.get(name));
          return async () => {
            const viewer = await authenticate(prisma, credentials, verifyBearer);
            return viewer?.organization.id === context.viewer.organization.id;
          };
        },
        error: unauthenticated,
      }),
      ...(config.exposeSqlCount ? [useSqlStatementCount()] : []),
    ],
  });
}

export type GraphQLHandler = ReturnType<typeof createGraphQLHandler>;

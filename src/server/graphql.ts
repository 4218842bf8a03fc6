// GraphQL over HTTP (GET, POST, SSE) with Yoga, and over WebSocket with graphql-ws, both
// on /graphql and through the same envelop plugins, so limits are identical whatever the
// transport. The caller is already known when Yoga sees a request: HTTP authenticates
// before parsing (src/server/http.ts), WebSocket in connection_init (websocket.ts); both
// hand the viewer and its proof over in the server context.
import type { IncomingMessage } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { type DocumentNode, GraphQLError, locatedError } from 'graphql';
import { type Plugin, createYoga, maskError as yogaMaskError, useExecutionCancellation, type YogaInitialContext } from 'graphql-yoga';
import type { Config } from '../config.ts';
import type { Deps, DomainEvents } from '../domain/deps.ts';
import type { Actor } from '../domain/outbox.ts';
import { snapshotOf } from '../domain/directory-sync.ts';
import { apiError } from '../domain/errors.ts';
import { connectionLost } from '../db/connection-retry.ts';
import { RequestLimiter, isStatementCancelled, statementBounds } from '../db/request-limits.ts';
import { tenantClientCache } from '../db/tenant.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Authenticated, Authenticator } from '../auth/authenticator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { type Logger, currentRequestId, safeError, scrubSecrets } from '../logger.ts';
import type { Context, Services } from '../schema/context.ts';
import { schema } from '../schema/index.ts';
import { GRAPHIQL_OPTIONS, renderGraphiQLPage } from './graphiql.ts';
import type { RequestInfo } from './http.ts';
import { secureHtml } from './html-headers.ts';
import { useMetrics } from './metrics-plugins.ts';
import { usePageSizeLimit } from './page-size.ts';
import { useRequestLimits } from './request-limits.ts';
import { useRequestParamErrors } from './request-params.ts';
import { useStreamReauthentication } from './stream-reauth.ts';
import { useStringInputCheck } from './string-input.ts';
import { useSqlStatementCount } from './sql-count.ts';

export const GRAPHQL_PATH = '/graphql';

export interface GraphQLDeps {
  config: Config;
  services: Services;
  prisma: PrismaClient;
  logger: Logger;
  authenticator: Authenticator;
}

/** Set by the transports: who is calling (and what proved it), and the request's log line. */
interface TransportContext {
  viewer?: Viewer;
  proof?: Authenticated['proof'];
  req?: IncomingMessage;
  requestInfo?: RequestInfo;
  /** The client's address as the edge found it (TRUST_PROXY), for the audit log. */
  clientAddress?: string;
}

/** Yoga's own log calls, in words only: never an error's printed document excerpt. */
function yogaLog(args: unknown[]): string {
  return args.map((arg) => (arg instanceof Error ? String(safeError(arg).message) : scrubSecrets(String(arg)))).join(' ');
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

/** The audit log's actor of a request: the API key or OAuth client, its request ID and client address. */
function actorOf(viewer: Viewer, clientAddress: string | undefined): Actor {
  return {
    type: viewer.apiKey ? 'API_KEY' : 'OAUTH_CLIENT',
    id: viewer.apiKey ? viewer.apiKey.id : viewer.integrationId,
    name: viewer.apiKey ? viewer.apiKey.name : null,
    requestId: currentRequestId() ?? null,
    ipAddress: clientAddress ?? null,
  };
}

export function createGraphQLHandler({ config, services, prisma, logger, authenticator }: GraphQLDeps) {
  const tenantFor = tenantClientCache(prisma);
  const events = domainEvents(services);
  const limiter = new RequestLimiter(statementBounds(config.database, config.databaseUrl ? 'postgres' : 'embedded'));
  return createYoga<TransportContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    batching: false,
    multipart: false,
    // The HTTP edge has read the whole body under MAX_BODY_BYTES already (src/server/http.ts,
    // 413 past it); Yoga's own limit would pipe it through a stream again on every request.
    maxRequestBodySize: false,
    // CORS is the HTTP edge's (CORS_ORIGINS only); Yoga's default would reflect any origin.
    cors: false,
    // Served from this server, no CDN (src/server/graphiql.ts).
    graphiql: GRAPHIQL_OPTIONS,
    renderGraphiQL: renderGraphiQLPage,
    logging: {
      debug: (...args) => logger.debug(yogaLog(args)),
      info: (...args) => logger.info(yogaLog(args)),
      warn: (...args) => logger.warn(yogaLog(args)),
      error: (...args) => logger.error(yogaLog(args)),
    },
    // Never a stack trace or internal message to the caller; the log keeps the detail.
    maskedErrors: {
      isDev: false,
      maskError(error, message) {
        const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        // PostgreSQL cancelled a statement after DB_STATEMENT_TIMEOUT_MS (SQLSTATE 57014).
        if (isStatementCancelled(original)) {
          logger.warn('a database statement of a request was cancelled after DB_STATEMENT_TIMEOUT_MS');
          const timeout = apiError(
            'TIMEOUT',
            'The database took too long to answer this request and it was cut off; narrow it (for example a longer search term or a smaller page) or try again later.',
          );
          // Keeps the field's path and location, as a resolver's own error would have them.
          return error instanceof GraphQLError ? locatedError(timeout, error.nodes, error.path) : timeout;
        }
        // The database connection broke and a retry was not safe or did not help (src/db/connection-retry.ts).
        const lost = connectionLost(original);
        if (lost) {
          logger.warn({ outcomeUnknown: lost.outcomeUnknown }, 'a request failed on a broken database connection');
          const unavailable = apiError(
            'SERVICE_UNAVAILABLE',
            lost.outcomeUnknown
              ? 'The connection to the database was lost while this request was being applied, so it may or may not have taken effect; check, or repeat it if that is safe (requestNewOnboarding with the same idempotencyKey always is).'
              : 'The connection to the database was lost while answering this request (what failed was not applied); try again.',
          );
          return error instanceof GraphQLError ? locatedError(unavailable, error.nodes, error.path) : unavailable;
        }
        if (original instanceof GraphQLError) return yogaMaskError(error, message, false);
        logger.error({ err: original }, 'unexpected error while executing');
        // The request ID lets an operator find the log line of this answer.
        const masked = yogaMaskError(error, message, false) as GraphQLError;
        return new GraphQLError(masked.message, {
          nodes: masked.nodes,
          path: masked.path,
          extensions: { ...masked.extensions, requestId: currentRequestId() },
        });
      },
    },
    context: async (initial: YogaInitialContext & TransportContext): Promise<Context> => {
      // The transports authenticate first; an operation without a viewer never runs.
      const { viewer } = initial;
      if (!viewer) throw unauthenticated();
      const deps: Deps = {
        db: tenantFor(viewer.organization.id),
        cipher: services.cipher,
        addressPolicy: config.outbound,
        directory: config.directory,
        origin: originOf(config, initial.req ? undefined : initial.request, initial.req),
        events,
        actor: actorOf(viewer, initial.clientAddress),
        webhooks: config.webhooks,
      };
      return { viewer, deps };
    },
    plugins: [
      // GraphiQL's page gets the HTML headers (src/server/html-headers.ts).
      { onResponse: ({ response }) => secureHtml(response) },
      // A request whose caller went away stops resolving (and querying) at once.
      useExecutionCancellation(),
      ...useMetrics(services.metrics),
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
      useStringInputCheck(), // NUL / lone surrogates in string input: BAD_USER_INPUT (README: "Edge: authentication, request IDs, limits, headers, metrics")
      useOperationNameInLog,
      usePageSizeLimit(),
      // Bounded database work per request and per organization (src/db/request-limits.ts).
      useRequestLimits(limiter),
      // SSE subscriptions: credentials checked again every 30 s (WebSocket: see websocket.ts).
      useStreamReauthentication<Context & TransportContext & { socket?: unknown }>({
        everyMs: 30_000,
        checkFor: (context) => {
          const { proof } = context;
          if (context.socket || !proof) return undefined;
          return async () => (await authenticator.reauthenticate(proof))?.organization.id === context.viewer.organization.id;
        },
        error: unauthenticated,
      }),
      ...(config.exposeSqlCount ? [useSqlStatementCount()] : []),
    ],
  });
}

/** How the domain's announcements reach the sync runner and the live subscribers. */
function domainEvents({ pubsub, wakeSyncRunner, credentialsChanged }: Services): DomainEvents {
  return {
    async syncQueued(sync) {
      wakeSyncRunner();
      await pubsub.publish('directorySync', sync.integrationId, snapshotOf(sync));
    },
    syncUpdates: (integrationId) => pubsub.subscribe('directorySync', integrationId)[Symbol.asyncIterator](),
    credentialsChanged,
  };
}

/** The operation's name, for the request's log line (src/server/http.ts). */
const useOperationNameInLog: Plugin = {
  onExecute({ args }) {
    const info = (args.contextValue as TransportContext).requestInfo;
    if (info) info.operationName = args.operationName ?? firstOperationName(args.document);
  },
};

/** The name of the document's first operation, when it has one. */
function firstOperationName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition') return definition.name?.value;
  }
  return undefined;
}

export type GraphQLHandler = ReturnType<typeof createGraphQLHandler>;

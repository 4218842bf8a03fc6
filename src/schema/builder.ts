// The one SchemaBuilder: plugins, scalars, and how IDs and errors look everywhere.
import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { type AuthFailure } from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import { GraphQLError } from 'graphql';
import { DateTimeResolver, EmailAddressResolver, JSONResolver, URLResolver } from 'graphql-scalars';
import { apiError } from '../domain/errors.ts';
import { typeOfId } from '../domain/ids.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Context } from './context.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    /** The organization has INTEGRATIONS_ECOSYSTEM on. */
    integrations: boolean;
    /** The caller used an API key (an admin credential), not an OAuth access token. */
    apiKeyCaller: boolean;
  };
  DefaultFieldNullability: false;
  Scalars: {
    // GraphQL coerces every ID input to a string; our IDs are strings on the way out too.
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    EmailAddress: { Input: string; Output: string };
    URL: { Input: URL; Output: URL | string };
  };
}>({
  plugins: [ScopeAuthPlugin, SimpleObjectsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: {
    // Resolvers and the plugin's own loads go through the request's tenant-scoped client.
    client: (ctx) => ctx.deps.db as unknown as PrismaClient,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesQueryOptions: false,
    // An ID of no known type, or of a type that is not a node, is simply not found.
    nodeQueryOptions: {
      resolve: (_root, { id }, _ctx, _info, resolveNode) => (isNodeType(id.typename) ? resolveNode(id) : null),
    },
    // Our IDs carry their type in their prefix: no base64 "Type:id" wrapping.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => ({ typename: typeOfId(globalID) ?? 'Unknown', id: globalID }),
  },
  scopeAuth: {
    // A subscription's scopes hold before it subscribes (a gated caller learns nothing, not
    // even whether the integration exists), not only when its events resolve.
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      integrations: ctx.viewer.organization.features.includes('INTEGRATIONS_ECOSYSTEM'),
      apiKeyCaller: ctx.viewer.apiKey !== null,
    }),
    unauthorizedError: (_parent, _ctx, _info, result) =>
      failedScopes(result.failure).includes('integrations')
        ? apiError('FEATURE_DISABLED', 'The Integrations feature (INTEGRATIONS_ECOSYSTEM) is not enabled for this organization.')
        : apiError(
            'FORBIDDEN',
            'This operation needs an API key; OAuth access tokens may read integrations, start directory syncs, and request or complete onboarding sessions, but not manage API keys, client secrets or integrations.',
          ),
  },
});

/** Fields of the Integrations feature: FEATURE_DISABLED while INTEGRATIONS_ECOSYSTEM is off. */
export const integrationsOnly = { authScopes: { integrations: true } } as const;

/**
 * The feature on, and an API key: what manages credentials or makes, repoints or removes
 * integrations (README: "OAuth", "Scopes"). `integrations` comes first: scope-auth stops at
 * the first failed scope of $all, so a gated organization gets FEATURE_DISABLED.
 */
export const integrationsByApiKey = { authScopes: { $all: { integrations: true, apiKeyCaller: true } } } as const;

/** API keys only (an OAuth access token must not mint or list credentials). */
export const apiKeyOnly = { authScopes: { apiKeyCaller: true } } as const;

/** The scopes a scope-auth failure names, however nested. */
function failedScopes(failure: AuthFailure): string[] {
  if ('failures' in failure) return failure.failures.flatMap(failedScopes);
  return 'scope' in failure ? [failure.scope] : [];
}

function isNodeType(typename: string): boolean {
  try {
    return builder.configStore.getTypeConfig(typename).kind === 'Object';
  } catch {
    return false;
  }
}

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSON', JSONResolver);
builder.addScalarType('EmailAddress', EmailAddressResolver);
// graphql-scalars' URL throws a TypeError for an unparsable URL in variables, which would be
// masked as INTERNAL_SERVER_ERROR; a GraphQLError makes it the caller's input error it is.
builder.addScalarType('URL', URLResolver, {
  parseValue: (value) => {
    try {
      return URLResolver.parseValue(value) as URL;
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      throw new GraphQLError('Not a valid absolute URL.', { extensions: { code: 'BAD_USER_INPUT' } });
    }
  },
});

builder.queryType({});
builder.mutationType({});

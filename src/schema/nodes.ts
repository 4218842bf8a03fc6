// The shapes every node type shares: how an organization's rows are found by ID, for
// `node(id:)`, the by-ID query fields and the node a mutation payload returns. The
// tenant client (ctx.deps.db) adds the organization to every lookup, so another
// organization's ID finds nothing, exactly like an unknown one.
import type { AuthScopeMap } from '@pothos/plugin-scope-auth';
import type { TenantClient } from '../db/tenant.ts';
import { type IdType, isIdOf } from '../domain/ids.ts';
import { builder } from './builder.ts';

type Types = typeof builder.$inferSchemaTypes;

/** Options of every prismaNode: our prefixed IDs, and `node(id:)` of an unknown or foreign ID is null, not an error. */
export const tenantNode = { id: { field: 'id' }, nullable: true } as const;

/** The node models callers look up by ID. */
export type NodeModel = Extract<
  IdType,
  | 'Integration'
  | 'Workflow'
  | 'DirectoryUser'
  | 'DirectoryGroup'
  | 'OnboardingSession'
  | 'ApiKey'
  | 'DirectorySync'
  | 'Event'
  | 'WebhookEndpoint'
  | 'WebhookDelivery'
  | 'AuditLogEntry'
>;

interface FindById {
  findUnique(args: { where: { id: string } }): Promise<unknown>;
}

/** The row of `model` with this ID and the request's selection (`query`), or null. */
function findNode(db: TenantClient, model: NodeModel, id: string, query: object): Promise<unknown> | null {
  if (!isIdOf(model, id)) return null;
  // Prisma's delegates are named after their models: `Integration` -> `db.integration`.
  const delegate = (db as unknown as Record<string, FindById>)[model[0].toLowerCase() + model.slice(1)];
  return delegate.findUnique({ ...query, where: { id } });
}

/** `field(id: ID!): Model` of the organization's rows; null for an unknown or foreign ID. */
export function byIdField(
  t: PothosSchemaTypes.QueryFieldBuilder<Types, Types['Root']>,
  model: NodeModel,
  options: { authScopes?: AuthScopeMap<Types>; description?: string } = {},
) {
  return t.prismaField({
    ...options,
    type: model,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) => findNode(ctx.deps.db, model, id, query) as never,
  });
}

/** True when a Pothos `query` asks for nothing beyond the row's own columns. */
function selectsColumnsOnly(query: object): boolean {
  return Object.values(query).every((part) => part == null || (typeof part === 'object' && Object.keys(part).length === 0));
}

/**
 * A payload's node, as the request selects it: the row the use case returned when the
 * selection is its own columns, else loaded again by ID with the selection's relations in
 * the same statement; so a mutation's node costs what the same selection costs through
 * a by-ID query field (tests/query-counts.test.ts).
 */
export function payloadNode<Parent>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>,
  model: NodeModel,
  rowOf: (parent: Parent) => { id: string } | null | undefined,
  options: { description?: string } = {},
) {
  return t.prismaField({
    ...options,
    type: model,
    nullable: true,
    resolve: (query, parent, _args, ctx) => {
      const row = rowOf(parent);
      if (!row) return null;
      return (selectsColumnsOnly(query) ? row : findNode(ctx.deps.db, model, row.id, query)) as never;
    },
  });
}

// Shared pieces of the Relay connections. Page sizes (default 20, above 100 a
// BAD_USER_INPUT error) are checked for every connection in src/server/page-size.ts.
import { builder } from './builder.ts';
import type { Context } from './context.ts';

type Types = typeof builder.$inferSchemaTypes;

/** Lists are newest first (IDs are time-ordered). */
const newestFirst = { orderBy: { id: 'desc' as const } };

/** What Pothos hands a connection's totalCount: a number (relatedConnection) or a loader (prismaConnection). */
type TotalCount = number | (() => number | Promise<number>) | undefined;

/** The `totalCount` field of a connection type shared by several connection fields. */
export function totalCountField(t: PothosSchemaTypes.ObjectFieldBuilder<Types, object>) {
  return t.int({
    resolve: (connection) => {
      const { totalCount } = connection as { totalCount?: TotalCount };
      return (typeof totalCount === 'function' ? totalCount() : totalCount) ?? 0;
    },
  });
}

/** The two calls a list needs of a model's delegate (`ctx.deps.db.integration`, …). */
interface ListDelegate {
  findMany(args: object): Promise<unknown[]>;
  count(args: { where?: object }): Promise<number>;
}

interface ListResolvers<Args> {
  resolve(query: object, root: unknown, args: Args, ctx: Context): never;
  totalCount(parent: unknown, args: Args, ctx: Context): Promise<number>;
}

/**
 * `resolve` and `totalCount` of a prismaConnection over the organization's rows, newest
 * first: the page and its count always under the same condition.
 */
export function newestFirstList(rowsOf: (ctx: Context) => unknown): ListResolvers<object>;
export function newestFirstList<Args extends object>(rowsOf: (ctx: Context) => unknown, where: (args: Args) => object): ListResolvers<Args>;
export function newestFirstList(rowsOf: (ctx: Context) => unknown, where: (args: object) => object = () => ({})): ListResolvers<object> {
  const delegate = (ctx: Context) => rowsOf(ctx) as ListDelegate;
  return {
    resolve: (query, _root, args, ctx) => delegate(ctx).findMany({ ...query, where: where(args), ...newestFirst }) as never,
    totalCount: (_parent, args, ctx) => delegate(ctx).count({ where: where(args) }),
  };
}

// Shared pieces of the Relay connections. Page sizes (default 20, above 100 a
// BAD_USER_INPUT error) are checked for every connection in src/server/page-size.ts.
import type { Context } from './context.ts';

/** Lists are newest first (IDs are time-ordered). */
export const newestFirst = { orderBy: { id: 'desc' as const } };

/** A totalCount loader for a connection whose count does not depend on its parent. */
export function countOf(count: (ctx: Context) => Promise<number>) {
  return (_parent: unknown, _args: unknown, ctx: Context) => count(ctx);
}

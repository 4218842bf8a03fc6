// Tenancy, enforced in one place: the client a request works with adds the caller's
// organization to every read and write of an organization-owned model. A resolver or
// domain function cannot forget it, and another organization's row is simply not found.
import { getDatamodel } from '../generated/pothos-types.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

// The datamodel generated for Pothos (model -> fields), read once: the schema itself says
// which models are organization-owned and where each relation leads, so no list here can
// fall behind prisma/schema.prisma.
const MODELS = getDatamodel().datamodel.models;

/** Models with an organizationId column. Others (versions, identity records) are only
 * reached through a scoped parent. */
const TENANT_MODELS = new Set(Object.keys(MODELS).filter((name) => MODELS[name].fields.some((f) => f.name === 'organizationId')));

/** Per model, its relation fields and the model each leads to. */
const RELATIONS = new Map(
  Object.entries(MODELS).map(([name, model]) => [name, new Map(model.fields.filter((f) => f.kind === 'object').map((f) => [f.name, f.type]))]),
);

const WHERE_OPERATIONS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
  'upsert',
]);

type Args = Record<string, unknown> & { where?: object; data?: unknown; create?: object; update?: object };

/**
 * `where` narrowed to rows whose `key` is `value`. A condition the caller already put on
 * that key is kept beside ours, not replaced: asking for another organization's ID must
 * find nothing, not the caller's own row.
 */
function restrict(where: object | undefined, key: string, value: string): object {
  const current = (where ?? {}) as Record<string, unknown>;
  if (current[key] === undefined) return { ...current, [key]: value };
  const and = current.AND === undefined ? [] : Array.isArray(current.AND) ? current.AND : [current.AND];
  return { ...current, AND: [...and, { [key]: value }] };
}

/**
 * Prisma finds a `cursor` row by its unique input alone, without the query's `where`, then
 * pages from where that row sorts; so another organization's ID would give a page where an
 * unknown ID gives none (an oracle). With the organization in the cursor's unique input,
 * a foreign ID finds no cursor row, exactly like an unknown one (an Organization cursor
 * gets the caller's own id, as its `where` does). Cursors nested in
 * `include` / `select` (the relation loads Pothos builds for `t.relatedConnection`) are
 * looked up the same way, so the tree is walked along relation fields.
 * Copy-on-write: this runs on every query, and args without a cursor anywhere come back as
 * the same object, untouched and uncopied.
 */
function scopeCursors(model: string, args: Args, organizationId: string): Args {
  let scoped = args;
  const key = model === 'Organization' ? 'id' : TENANT_MODELS.has(model) ? 'organizationId' : undefined;
  if (key && args.cursor != null) scoped = { ...args, cursor: restrict(args.cursor as object, key, organizationId) };
  const relations = RELATIONS.get(model);
  for (const branch of ['include', 'select'] as const) {
    const tree = args[branch] as Record<string, unknown> | null | undefined;
    if (!relations || !tree || typeof tree !== 'object') continue;
    let scopedTree = tree;
    for (const field in tree) {
      const related = relations.get(field); // undefined for scalars and `_count`
      const value = tree[field];
      if (!related || !value || typeof value !== 'object') continue; // `true`: no cursor
      const scopedValue = scopeCursors(related, value as Args, organizationId);
      if (scopedValue === value) continue;
      if (scopedTree === tree) scopedTree = { ...tree };
      scopedTree[field] = scopedValue;
    }
    if (scopedTree !== tree) {
      if (scoped === args) scoped = { ...args };
      scoped[branch] = scopedTree;
    }
  }
  return scoped;
}

export function scopeArgs(model: string, operation: string, rawArgs: Args, organizationId: string): Args {
  const args = scopeCursors(model, rawArgs, organizationId);
  if (model === 'Organization') {
    if (operation.startsWith('create')) throw new Error('organizations are created by the admin command');
    return WHERE_OPERATIONS.has(operation) ? { ...args, where: restrict(args.where, 'id', organizationId) } : args;
  }
  if (!TENANT_MODELS.has(model)) return args;
  const scoped: Args = { ...args };
  // A row never moves to another organization: updates may not name one.
  const updates = operation === 'upsert' ? (args.update as object | undefined) : operation.startsWith('update') ? args.data : undefined;
  if (updates && typeof updates === 'object' && ('organizationId' in updates || 'organization' in updates)) {
    throw new Error(`${model}.${operation} may not change the organization of a row`);
  }
  if (WHERE_OPERATIONS.has(operation)) scoped.where = restrict(args.where, 'organizationId', organizationId);
  if (operation === 'create') scoped.data = { ...(args.data as object), organizationId };
  if (operation === 'upsert') scoped.create = { ...args.create, organizationId };
  if (operation === 'createMany' || operation === 'createManyAndReturn') {
    const rows = Array.isArray(args.data) ? args.data : [args.data];
    scoped.data = rows.map((row) => ({ ...(row as object), organizationId }));
  }
  return scoped;
}

export function tenantClient(prisma: PrismaClient, organizationId: string) {
  const client = prisma.$extends({
    name: 'tenant',
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, (args ?? {}) as Args, organizationId));
        },
      },
    },
  });
  // Writes may name it explicitly for readability and types; the extension enforces it anyway.
  return Object.assign(client, { organizationId });
}

export type TenantClient = ReturnType<typeof tenantClient>;

/**
 * Tenant clients hold no per-request state, and a fresh Prisma extension is slower on its
 * first queries than one already used; so each organization's client is kept and reused
 * (least recently used ones are dropped past `size`).
 */
export function tenantClientCache(prisma: PrismaClient, size = 1000) {
  const clients = new Map<string, TenantClient>();
  return (organizationId: string): TenantClient => {
    let client = clients.get(organizationId);
    if (client) clients.delete(organizationId);
    else client = tenantClient(prisma, organizationId);
    clients.set(organizationId, client);
    if (clients.size > size) clients.delete(clients.keys().next().value!);
    return client;
  };
}

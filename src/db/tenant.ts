// Tenancy, enforced in one place: the client a request works with adds the caller's
// organization to every read and write of an organization-owned model. A resolver or
// domain function cannot forget it, and another organization's row is simply not found.
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Models with an organizationId column. Others (versions, identity records) are only
 * reached through a scoped parent. */
const TENANT_MODELS = new Set([
  'ApiKey',
  'Workflow',
  'Integration',
  'OnboardingSession',
  'DirectoryUser',
  'DirectorySync',
]);

const WHERE_OPERATIONS = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany',
  'count', 'aggregate', 'groupBy', 'update', 'updateMany', 'updateManyAndReturn',
  'delete', 'deleteMany', 'upsert',
]);

type Args = Record<string, unknown> & { where?: object; data?: unknown; create?: object };

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

export function scopeArgs(model: string, operation: string, args: Args, organizationId: string): Args {
  if (model === 'Organization') {
    if (operation.startsWith('create')) throw new Error('organizations are created by the admin command');
    return WHERE_OPERATIONS.has(operation) ? { ...args, where: restrict(args.where, 'id', organizationId) } : args;
  }
  if (!TENANT_MODELS.has(model)) return args;
  const scoped: Args = { ...args };
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

import { auditLogWhere } from '../domain/audit-log.ts';
import { apiKeyOnly, builder } from './builder.ts';
import { newestFirstList } from './connections.ts';
import { AuditActorTypeEnum } from './enums.ts';
import { tenantNode } from './nodes.ts';

const AuditActor = builder.simpleObject('AuditActor', {
  description: 'Who made a change: an API key, an OAuth client (its integration), the admin command, or the server itself.',
  fields: (t) => ({
    type: t.field({ type: AuditActorTypeEnum }),
    id: t.string({ nullable: true, description: "The API key or the OAuth client's integration ID." }),
    name: t.string({ nullable: true, description: "The API key's name, or the admin command's." }),
  }),
});

builder.prismaNode('AuditLogEntry', {
  ...tenantNode,
  ...apiKeyOnly,
  description: 'One change: who made it, when, from where, and what changed (non-secret fields only).',
  fields: (t) => ({
    action: t.exposeString('action', { description: '<object>.<verb>, e.g. integration.update.' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    actor: t.field({ type: AuditActor, resolve: (entry) => ({ type: entry.actorType, id: entry.actorId, name: entry.actorName }) }),
    targetId: t.exposeID('targetId', { nullable: true }),
    requestId: t.exposeString('requestId', { nullable: true }),
    ipAddress: t.exposeString('ipAddress', { nullable: true }),
    changes: t.expose('changes', { type: 'JSON', nullable: true, description: '{ field: { from, to } }; a secret shows only that it changed.' }),
  }),
});

const AuditLogFilter = builder.inputType('AuditLogFilter', {
  fields: (t) => ({
    action: t.string(),
    targetId: t.id(),
    actorId: t.string(),
    occurredAfter: t.field({ type: 'DateTime' }),
    occurredBefore: t.field({ type: 'DateTime' }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.prismaConnection(
    {
      ...apiKeyOnly,
      type: 'AuditLogEntry',
      cursor: 'id',
      description: "The organization's audit log, newest first. API key callers only (FORBIDDEN for OAuth access tokens).",
      args: { filter: t.arg({ type: AuditLogFilter }) },
      ...newestFirstList(
        (ctx) => ctx.deps.db.auditLogEntry,
        (args: { filter?: typeof AuditLogFilter.$inferInput | null }) => auditLogWhere(args.filter),
      ),
    },
    { name: 'AuditLogEntryConnection' },
    { name: 'AuditLogEntryEdge' },
  ),
);

import { eventWhere } from '../domain/events.ts';
import { builder, integrationsOnly } from './builder.ts';
import { newestFirstList } from './connections.ts';
import { tenantNode } from './nodes.ts';

export const EventRef = builder.prismaNode('Event', {
  ...tenantNode,
  ...integrationsOnly,
  description: 'Something that happened in the organization, recorded with the change itself; kept at least 30 days.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'e.g. integration.created, directory.user.deactivated (README: "Events and webhooks").' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    data: t.expose('data', { type: 'JSON', description: "The affected object's ID and public fields; never a secret." }),
  }),
});

const EventFilter = builder.inputType('EventFilter', {
  fields: (t) => ({
    types: t.stringList({ description: 'Any of these types; empty or omitted: every type.' }),
    occurredAfter: t.field({ type: 'DateTime' }),
    occurredBefore: t.field({ type: 'DateTime' }),
  }),
});

builder.queryField('events', (t) =>
  t.prismaConnection(
    {
      ...integrationsOnly,
      type: 'Event',
      cursor: 'id',
      description: "The organization's events, newest first.",
      args: { filter: t.arg({ type: EventFilter }) },
      ...newestFirstList(
        (ctx) => ctx.deps.db.event,
        (args: { filter?: typeof EventFilter.$inferInput | null }) => eventWhere(args.filter),
      ),
    },
    { name: 'EventConnection' },
    { name: 'EventEdge' },
  ),
);

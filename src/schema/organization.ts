import type { Viewer } from '../auth/viewer.ts';
import { builder } from './builder.ts';
import { ApiKeyRef } from './api-keys.ts';
import { FeatureEnum } from './enums.ts';
import { tenantNode } from './nodes.ts';

const OrganizationRef = builder.prismaNode('Organization', {
  ...tenantNode,
  fields: (t) => ({
    name: t.exposeString('name'),
    features: t.expose('features', { type: [FeatureEnum], description: 'The features enabled for this organization.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description: 'Who is calling: the organization, and the API key when one was used.',
  fields: (t) => ({
    organization: t.field({ type: OrganizationRef, resolve: (viewer) => viewer.organization }),
    apiKey: t.field({ type: ApiKeyRef, nullable: true, resolve: (viewer) => viewer.apiKey }),
  }),
});

builder.queryField('viewer', (t) => t.field({ type: ViewerRef, resolve: (_root, _args, ctx) => ctx.viewer }));

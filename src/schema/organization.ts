import { FEATURES } from '../domain/organizations.ts';
import type { Viewer } from './context.ts';
import { builder } from './builder.ts';
import { ApiKeyRef } from './api-keys.ts';

export const FeatureEnum = builder.enumType('Feature', { values: FEATURES });

export const OrganizationRef = builder.prismaNode('Organization', {
  id: { field: 'id' },
  nullable: true, // node(id:) of an unknown or foreign ID is null, not an error
  fields: (t) => ({
    name: t.exposeString('name'),
    features: t.field({
      type: [FeatureEnum],
      description: 'The features enabled for this organization.',
      resolve: (org) => org.features,
    }),
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

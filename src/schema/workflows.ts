import { createWorkflow, updateWorkflow } from '../domain/workflows.ts';
import { builder } from './builder.ts';
import { newestFirstList } from './connections.ts';
import { WorkflowStatusEnum } from './enums.ts';
import { byIdField, payloadNode, tenantNode } from './nodes.ts';
import { payload, payloadType } from './payloads.ts';

builder.prismaNode('Workflow', {
  ...tenantNode,
  description: 'A verification workflow: the steps a person goes through.',
  fields: (t) => ({
    configurationId: t.exposeString('configurationId', { description: 'The identifier the verification engine knows this workflow by.' }),
    name: t.exposeString('name'),
    status: t.expose('status', { type: WorkflowStatusEnum }),
    steps: t.exposeStringList('steps', { description: 'The steps of the current version.' }),
    version: t.exposeInt('version', { description: 'Bumped when the steps change, not on rename.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  workflows: t.prismaConnection(
    {
      type: 'Workflow',
      cursor: 'id',
      description: 'Workflows of the organization, newest first.',
      ...newestFirstList((ctx) => ctx.deps.db.workflow),
    },
    { name: 'WorkflowConnection' },
    { name: 'WorkflowEdge' },
  ),
  workflow: byIdField(t, 'Workflow'),
}));

const CreateWorkflowInput = builder.inputType('CreateWorkflowInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    steps: t.stringList({ required: true }),
  }),
});
const UpdateWorkflowInput = builder.inputType('UpdateWorkflowInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    steps: t.stringList({ description: 'New steps bump the version; sessions keep the version they started with.' }),
  }),
});
const WorkflowPayload = payloadType<Awaited<ReturnType<typeof createWorkflow>>>('WorkflowPayload', (t) => ({
  workflow: payloadNode(t, 'Workflow', (p) => p.workflow),
}));

builder.mutationFields((t) => ({
  createWorkflow: t.field({
    type: WorkflowPayload,
    args: { input: t.arg({ type: CreateWorkflowInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => createWorkflow(ctx.deps, input)),
  }),
  updateWorkflow: t.field({
    type: WorkflowPayload,
    args: { input: t.arg({ type: UpdateWorkflowInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(() => updateWorkflow(ctx.deps, input)),
  }),
}));

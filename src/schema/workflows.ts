import { createWorkflow, updateWorkflow } from '../domain/workflows.ts';
import { isIdOf } from '../domain/ids.ts';
import { builder } from './builder.ts';
import { countOf, newestFirst } from './connections.ts';
import { UserErrorRef, payload } from './user-errors.ts';

const WorkflowStatusEnum = builder.enumType('WorkflowStatus', { values: ['ACTIVE', 'ARCHIVED'] as const });

export const WorkflowRef = builder.prismaNode('Workflow', {
  id: { field: 'id' },
  nullable: true, // node(id:) of an unknown or foreign ID is null, not an error
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
  workflows: t.prismaConnection({
    type: 'Workflow',
    cursor: 'id',
    description: 'Workflows of the organization, newest first.',
    resolve: (query, _root, _args, ctx) => ctx.db.workflow.findMany({ ...query, ...newestFirst }),
    totalCount: countOf((ctx) => ctx.db.workflow.count()),
  }, { name: 'WorkflowConnection' }, { name: 'WorkflowEdge' }),
  workflow: t.prismaField({
    type: 'Workflow',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) =>
      isIdOf('Workflow', String(id)) ? ctx.db.workflow.findUnique({ ...query, where: { id: String(id) } }) : null,
  }),
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
const WorkflowPayload = builder.simpleObject('WorkflowPayload', {
  fields: (t) => ({
    workflow: t.field({ type: WorkflowRef, nullable: true }),
    userErrors: t.field({ type: [UserErrorRef] }),
  }),
});

builder.mutationFields((t) => ({
  createWorkflow: t.field({
    type: WorkflowPayload,
    args: { input: t.arg({ type: CreateWorkflowInput, required: true }) },
    resolve: (_root, { input }, ctx) => payload(async () => ({ workflow: await createWorkflow(ctx.db, input) })),
  }),
  updateWorkflow: t.field({
    type: WorkflowPayload,
    args: { input: t.arg({ type: UpdateWorkflowInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      payload(async () => ({ workflow: await updateWorkflow(ctx.db, { ...input, id: String(input.id) }) })),
  }),
}));

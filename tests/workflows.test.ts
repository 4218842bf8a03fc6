import { beforeAll, describe, expect } from 'vitest';
import { type Org, errors, execute, graphql, it, mutate, nodeIds, send, testOrg } from './support/kit.ts';

const CREATE = graphql(`
  mutation WorkflowsCreate($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      workflow {
        id
        configurationId
        name
        status
        steps
        version
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation WorkflowsUpdate($input: UpdateWorkflowInput!) {
    updateWorkflow(input: $input) {
      workflow {
        id
        name
        steps
        version
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const GET = graphql(`
  query WorkflowsGet($id: ID!) {
    workflow(id: $id) {
      id
      name
      version
      steps
    }
    node(id: $id) {
      id
      ... on Workflow {
        name
      }
    }
  }
`);
const COUNT = graphql(`
  query WorkflowsCount {
    workflows {
      totalCount
    }
  }
`);
const PAGE = graphql(`
  query WorkflowsPage($first: Int, $after: String, $last: Int, $before: String) {
    workflows(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      edges {
        cursor
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

let acme: Org;

beforeAll(async () => {
  acme = await testOrg({ name: 'Acme' });
});

describe('workflows', () => {
  it('creates a workflow at version 1 with a configuration ID', async () => {
    const { workflow, userErrors } = await mutate(acme, CREATE, { name: 'KYC', steps: ['DOCUMENT', 'SELFIE'] });
    expect(userErrors).toEqual([]);
    expect(workflow).toMatchObject({ name: 'KYC', status: 'ACTIVE', steps: ['DOCUMENT', 'SELFIE'], version: 1 });
    expect(workflow?.id).toMatch(/^wf_[0-9a-z]{26}$/);
    expect(workflow?.configurationId).toMatch(/^cfg_/);
  });

  it('bumps the version when steps change, not on rename', async () => {
    const workflow = await acme.workflow({ name: 'Basic', steps: ['DOCUMENT'] });
    const renamed = await mutate(acme, UPDATE, { id: workflow.id, name: 'Basic v2' });
    expect(renamed.workflow).toMatchObject({ name: 'Basic v2', version: 1 });
    const sameSteps = await mutate(acme, UPDATE, { id: workflow.id, steps: ['DOCUMENT'] });
    expect(sameSteps.workflow?.version).toBe(1);
    const changed = await mutate(acme, UPDATE, { id: workflow.id, steps: ['DOCUMENT', 'LIVENESS'] });
    expect(changed.workflow).toMatchObject({ version: 2, steps: ['DOCUMENT', 'LIVENESS'] });
    const read = await execute(acme, GET, { id: workflow.id });
    expect(read.workflow).toMatchObject({ version: 2, name: 'Basic v2' });
    expect(read.node).toEqual({ id: workflow.id, name: 'Basic v2' });
  });

  it('rejects bad input with userErrors and writes nothing', async () => {
    const before = await execute(acme, COUNT);
    const empty = await mutate(acme, CREATE, { name: ' ', steps: ['A'] });
    expect(empty.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'name'] })]);
    const noSteps = await mutate(acme, CREATE, { name: 'X', steps: [] });
    expect(noSteps.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'steps'] })]);
    const blankStep = await mutate(acme, CREATE, { name: 'X', steps: ['A', ''] });
    expect(blankStep.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'steps', '1'] })]);
    const after = await execute(acme, COUNT);
    expect(after.workflows.totalCount).toBe(before.workflows.totalCount);
  });

  it("treats another organization's workflow exactly like an unknown one", async ({ otherOrg }) => {
    const workflow = await otherOrg.workflow({ name: 'Theirs', steps: ['DOCUMENT'] });
    const foreign = await mutate(acme, UPDATE, { id: workflow.id, name: 'Mine now' });
    const unknown = await mutate(acme, UPDATE, { id: 'wf_01m8mwbn4xqpj3fypwxwrsccbr', name: 'Mine now' });
    const garbage = await mutate(acme, UPDATE, { id: 'not-an-id', name: 'Mine now' });
    for (const result of [foreign, unknown, garbage]) {
      expect(result.workflow).toBeNull();
      expect(result.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'id'], message: unknown.userErrors[0].message }]);
    }
    const read = await execute(acme, GET, { id: workflow.id });
    expect(read).toEqual({ workflow: null, node: null });
    const theirs = await execute(otherOrg, GET, { id: workflow.id });
    expect(theirs.workflow?.name).toBe('Theirs');
  });

  it('pages with first/after and last/before, newest first, with totalCount', async ({ org }) => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await org.workflow({ name: `W${i}`, steps: ['S'] })).id);
    const page1 = (await execute(org, PAGE, { first: 2 })).workflows;
    expect(page1.totalCount).toBe(5);
    expect(nodeIds(page1)).toEqual([ids[4], ids[3]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await execute(org, PAGE, { first: 2, after: page1.pageInfo.endCursor })).workflows;
    expect(nodeIds(page2)).toEqual([ids[2], ids[1]]);
    const back = (await execute(org, PAGE, { last: 2, before: page2.pageInfo.startCursor })).workflows;
    expect(nodeIds(back)).toEqual([ids[4], ids[3]]);
    const all = (await execute(org, PAGE, {})).workflows;
    expect(all.edges).toHaveLength(5);
    await errors(send(org, PAGE, { first: 101 }), 'BAD_USER_INPUT');
    await errors(send(org, PAGE, { last: 101 }), 'BAD_USER_INPUT');
  });
});

import { gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestOrg, createOrg, expectGraphQLErrors } from './support/api.ts';

const CREATE = gql`
  mutation ($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) {
      workflow { id configurationId name status steps version }
      userErrors { field message code }
    }
  }
`;
const UPDATE = gql`
  mutation ($input: UpdateWorkflowInput!) {
    updateWorkflow(input: $input) {
      workflow { id name steps version }
      userErrors { field message code }
    }
  }
`;
const GET = gql`query ($id: ID!) { workflow(id: $id) { id name version steps } node(id: $id) { id ... on Workflow { name } } }`;

type Payload = { workflow: any; userErrors: { field: string[]; code: string; message: string }[] };

let acme: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  [acme, other] = await Promise.all([createOrg('Acme'), createOrg('Other')]);
});

async function create(org: TestOrg, input: object) {
  return (await org.client.request<{ createWorkflow: Payload }>(CREATE, { input })).createWorkflow;
}
async function update(org: TestOrg, input: object) {
  return (await org.client.request<{ updateWorkflow: Payload }>(UPDATE, { input })).updateWorkflow;
}

describe('workflows', () => {
  it('creates a workflow at version 1 with a configuration ID', async () => {
    const { workflow, userErrors } = await create(acme, { name: 'KYC', steps: ['DOCUMENT', 'SELFIE'] });
    expect(userErrors).toEqual([]);
    expect(workflow).toMatchObject({ name: 'KYC', status: 'ACTIVE', steps: ['DOCUMENT', 'SELFIE'], version: 1 });
    expect(workflow.id).toMatch(/^wf_[0-9a-z]{26}$/);
    expect(workflow.configurationId).toMatch(/^cfg_/);
  });

  it('bumps the version when steps change, not on rename', async () => {
    const { workflow } = await create(acme, { name: 'Basic', steps: ['DOCUMENT'] });
    const renamed = await update(acme, { id: workflow.id, name: 'Basic v2' });
    expect(renamed.workflow).toMatchObject({ name: 'Basic v2', version: 1 });
    const sameSteps = await update(acme, { id: workflow.id, steps: ['DOCUMENT'] });
    expect(sameSteps.workflow.version).toBe(1);
    const changed = await update(acme, { id: workflow.id, steps: ['DOCUMENT', 'LIVENESS'] });
    expect(changed.workflow).toMatchObject({ version: 2, steps: ['DOCUMENT', 'LIVENESS'] });
    const read = await acme.client.request<any>(GET, { id: workflow.id });
    expect(read.workflow).toMatchObject({ version: 2, name: 'Basic v2' });
    expect(read.node).toEqual({ id: workflow.id, name: 'Basic v2' });
  });

  it('rejects bad input with userErrors and writes nothing', async () => {
    const before = await acme.client.request<any>(gql`{ workflows { totalCount } }`);
    const empty = await create(acme, { name: ' ', steps: ['A'] });
    expect(empty.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'name'] })]);
    const noSteps = await create(acme, { name: 'X', steps: [] });
    expect(noSteps.userErrors).toEqual([expect.objectContaining({ code: 'REQUIRED', field: ['input', 'steps'] })]);
    const blankStep = await create(acme, { name: 'X', steps: ['A', ''] });
    expect(blankStep.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'steps', '1'] })]);
    const after = await acme.client.request<any>(gql`{ workflows { totalCount } }`);
    expect(after.workflows.totalCount).toBe(before.workflows.totalCount);
  });

  it("treats another organization's workflow exactly like an unknown one", async () => {
    const { workflow } = await create(other, { name: 'Theirs', steps: ['DOCUMENT'] });
    const foreign = await update(acme, { id: workflow.id, name: 'Mine now' });
    const unknown = await update(acme, { id: 'wf_01m8mwbn4xqpj3fypwxwrsccbr', name: 'Mine now' });
    const garbage = await update(acme, { id: 'not-an-id', name: 'Mine now' });
    for (const result of [foreign, unknown, garbage]) {
      expect(result.workflow).toBeNull();
      expect(result.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'id'], message: unknown.userErrors[0].message }]);
    }
    const read = await acme.client.request<any>(GET, { id: workflow.id });
    expect(read).toEqual({ workflow: null, node: null });
    const theirs = await other.client.request<any>(GET, { id: workflow.id });
    expect(theirs.workflow.name).toBe('Theirs');
  });

  it('pages with first/after and last/before, newest first, with totalCount', async () => {
    const org = await createOrg('Pager');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create(org, { name: `W${i}`, steps: ['S'] })).workflow.id);
    const PAGE = gql`query ($first: Int, $after: String, $last: Int, $before: String) {
      workflows(first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    const page1 = (await org.client.request<any>(PAGE, { first: 2 })).workflows;
    expect(page1.totalCount).toBe(5);
    expect(page1.edges.map((e: any) => e.node.id)).toEqual([ids[4], ids[3]]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await org.client.request<any>(PAGE, { first: 2, after: page1.pageInfo.endCursor })).workflows;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
    const back = (await org.client.request<any>(PAGE, { last: 2, before: page2.pageInfo.startCursor })).workflows;
    expect(back.edges.map((e: any) => e.node.id)).toEqual([ids[4], ids[3]]);
    const all = (await org.client.request<any>(PAGE, {})).workflows;
    expect(all.edges).toHaveLength(5);
    await expectGraphQLErrors(org.client.request(PAGE, { first: 101 }), 'BAD_USER_INPUT');
    await expectGraphQLErrors(org.client.request(PAGE, { last: 101 }), 'BAD_USER_INPUT');
  });
});

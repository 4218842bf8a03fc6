// The typed client partner scripts use (client/sdk.ts, from codegen.ts): it works against
// the real server, and the committed file is what `npm run codegen` produces today. So are
// the tests' typed documents (tests/generated/, from every graphql(`…`) in tests/).
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { GraphQLClient } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../codegen.ts';
import { getSdk } from '../client/sdk.ts';
import { type TestOrg, createOrg, graphqlUrl } from './support/api.ts';
import { ROOT } from './support/process.ts';

let org: TestOrg;

beforeAll(async () => {
  org = await createOrg('SDK Partner');
});

describe('generated SDK (client/sdk.ts)', () => {
  it('calls viewer and createWorkflow with an API key, typed end to end', async () => {
    const api = getSdk(new GraphQLClient(graphqlUrl, { headers: { 'x-api-key': org.apiKey } }));

    const { viewer } = await api.Viewer();
    expect(viewer.organization).toMatchObject({ id: org.id, name: 'SDK Partner' });
    expect(viewer.organization.features).toContain('INTEGRATIONS_ECOSYSTEM');
    expect(viewer.apiKey?.id).toMatch(/^key_/);

    const { createWorkflow } = await api.CreateWorkflow({ input: { name: 'SDK flow', steps: ['DOCUMENT', 'SELFIE'] } });
    expect(createWorkflow.userErrors).toEqual([]);
    expect(createWorkflow.workflow).toMatchObject({ name: 'SDK flow', steps: ['DOCUMENT', 'SELFIE'], version: 1, status: 'ACTIVE' });

    const { workflow } = await api.Workflow({ id: createWorkflow.workflow!.id });
    expect(workflow?.configurationId).toBe(createWorkflow.workflow!.configurationId);
  });

  it('is not stale: codegen from schema.graphql, client/operations and tests/ gives the committed files', async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: ROOT }, false);
    const filenames = outputs.map((output) => output.filename);
    expect(filenames).toContain('client/sdk.ts');
    // tests/generated/ holds exactly what codegen writes there, nothing left over.
    const generated = (await readdir(path.join(ROOT, 'tests/generated'))).map((file) => `tests/generated/${file}`);
    expect(generated.sort()).toEqual(filenames.filter((filename) => filename.startsWith('tests/generated/')).sort());
    for (const output of outputs) {
      const committed = await readFile(path.join(ROOT, output.filename), 'utf8');
      expect(committed === output.content, `${output.filename} is stale: run \`npm run codegen\` and commit it`).toBe(true);
    }
  }, 120_000);
});

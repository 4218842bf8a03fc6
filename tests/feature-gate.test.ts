// The INTEGRATIONS_ECOSYSTEM feature gate, and the templates it guards. The flag is
// flipped with the real admin command while the suite's server runs; the server must
// see the change within 5 seconds (CONTRACT §2), so the test polls up to that deadline.
import { gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestOrg, createOrg, expectGraphQLErrors, post, setFeature } from './support/api.ts';

const TEMPLATES = gql`
  {
    integrationTemplates {
      key name category description
      fields { key label type required secret description }
    }
  }
`;
const FEATURES = gql`{ viewer { organization { features } } }`;

/** Polls `probe` until it returns true, for at most `ms`; returns how long that took. */
async function within(ms: number, probe: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function templatesCode(org: TestOrg): Promise<string | null> {
  const response = await post({ query: TEMPLATES }, { 'x-api-key': org.apiKey });
  if (!response.json?.errors) return null;
  return response.json.errors[0]?.extensions?.code ?? 'NO_CODE';
}

let gated: TestOrg;
let enabled: TestOrg;
let toggled: TestOrg;

beforeAll(async () => {
  [gated, enabled, toggled] = await Promise.all([
    createOrg('Gated', { integrations: false }),
    createOrg('Templates'),
    createOrg('Toggled', { integrations: false }),
  ]);
});

describe('an organization without INTEGRATIONS_ECOSYSTEM', () => {
  it('gets a top-level FEATURE_DISABLED for integrationTemplates, and no data', async () => {
    const response = await expectGraphQLErrors(gated.client.request(TEMPLATES), 'FEATURE_DISABLED');
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].path).toEqual(['integrationTemplates']);
    expect(JSON.stringify(response)).not.toContain('OKTA');
  });

  it('still has viewer, workflows and API keys', async () => {
    const { viewer } = await gated.client.request<any>(gql`{ viewer { organization { id name features } apiKey { id } } }`);
    expect(viewer.organization).toEqual({ id: gated.id, name: 'Gated', features: [] });
    expect(viewer.apiKey.id).toMatch(/^key_/);

    const { createWorkflow } = await gated.client.request<any>(
      gql`mutation { createWorkflow(input: { name: "Allowed", steps: ["DOCUMENT"] }) { workflow { id } userErrors { code } } }`,
    );
    expect(createWorkflow.userErrors).toEqual([]);
    const { workflows, workflow } = await gated.client.request<any>(
      gql`query ($id: ID!) { workflows { totalCount } workflow(id: $id) { name } }`,
      { id: createWorkflow.workflow.id },
    );
    expect(workflows.totalCount).toBe(1);
    expect(workflow.name).toBe('Allowed');

    const { generateApiKey } = await gated.client.request<any>(gql`mutation { generateApiKey(input: { name: "Allowed" }) { secret userErrors { code } } }`);
    expect(generateApiKey.userErrors).toEqual([]);
    expect(generateApiKey.secret).toEqual(expect.any(String));
    const { apiKeys } = await gated.client.request<any>(gql`{ apiKeys { totalCount } }`);
    expect(apiKeys.totalCount).toBe(2);
  });

  it('keeps the rest of a mixed query: only the gated field errors', async () => {
    const response = await post({ query: `{ viewer { organization { id } } ${TEMPLATES.replace(/^\s*\{|\}\s*$/g, '')} }` }, { 'x-api-key': gated.apiKey });
    expect(response.status).toBe(200);
    expect(response.json.errors.map((e: any) => e.extensions.code)).toEqual(['FEATURE_DISABLED']);
    // integrationTemplates is non-null, so the error nulls the whole data; either way no template leaks.
    expect(JSON.stringify(response.json.data ?? null)).not.toContain('OKTA');
  });
});

describe('switching the feature with the admin command while the server runs', () => {
  // Admin commands are separate processes (a few seconds each on a busy machine).
  it('turns integrationTemplates on within 5 seconds, and off again, for that organization only', async () => {
    const org = toggled;
    expect(await templatesCode(org)).toBe('FEATURE_DISABLED');

    await setFeature(org.id, true);
    await within(5000, async () => (await templatesCode(org)) === null);
    const { integrationTemplates } = await org.client.request<any>(TEMPLATES);
    expect(integrationTemplates.length).toBeGreaterThanOrEqual(4);
    expect((await org.client.request<any>(FEATURES)).viewer.organization.features).toEqual(['INTEGRATIONS_ECOSYSTEM']);
    expect(await templatesCode(gated)).toBe('FEATURE_DISABLED');

    await setFeature(org.id, false);
    await within(5000, async () => (await templatesCode(org)) === 'FEATURE_DISABLED');
    expect((await org.client.request<any>(FEATURES)).viewer.organization.features).toEqual([]);
    expect(await templatesCode(enabled)).toBeNull();

    // Turning it on twice is the same as once.
    await setFeature(org.id, true);
    await setFeature(org.id, true);
    await within(5000, async () => (await templatesCode(org)) === null);
    expect((await org.client.request<any>(FEATURES)).viewer.organization.features).toEqual(['INTEGRATIONS_ECOSYSTEM']);
  }, 120_000);
});

describe('integrationTemplates', () => {
  // CONTRACT §4, field by field. Templates may carry extra optional fields and more
  // templates may exist; these must be exactly as listed.
  const CONTRACT: Record<string, { category: string; fields: Record<string, { type: string; required: boolean; secret: boolean }> }> = {
    OKTA: {
      category: 'DIRECTORY',
      fields: {
        orgUrl: { type: 'URL', required: true, secret: false },
        apiToken: { type: 'SECRET', required: true, secret: true },
      },
    },
    MICROSOFT_ENTRA: {
      category: 'DIRECTORY',
      fields: {
        tenantId: { type: 'STRING', required: true, secret: false },
        clientId: { type: 'STRING', required: true, secret: false },
        clientSecret: { type: 'SECRET', required: true, secret: true },
        authorityUrl: { type: 'URL', required: false, secret: false },
        graphUrl: { type: 'URL', required: false, secret: false },
      },
    },
    OIDC_CLIENT_CREDENTIALS: {
      category: 'CUSTOM',
      fields: { redirectUris: { type: 'STRING_LIST', required: false, secret: false } },
    },
    API: { category: 'CUSTOM', fields: {} },
  };

  it('lists OKTA, MICROSOFT_ENTRA, OIDC_CLIENT_CREDENTIALS and API with the contract fields', async () => {
    const { integrationTemplates } = await enabled.client.request<any>(TEMPLATES);
    const byKey = new Map<string, any>(integrationTemplates.map((t: any) => [t.key, t]));
    expect(byKey.size).toBe(integrationTemplates.length); // keys are unique
    for (const [key, expected] of Object.entries(CONTRACT)) {
      const template = byKey.get(key);
      expect(template, key).toBeDefined();
      expect(template.category, key).toBe(expected.category);
      expect(template.name.trim(), key).not.toBe('');
      expect(template.description.trim(), key).not.toBe('');
      const fields = new Map<string, any>(template.fields.map((f: any) => [f.key, f]));
      expect(fields.size, `${key}: field keys are unique`).toBe(template.fields.length);
      for (const [fieldKey, shape] of Object.entries(expected.fields)) {
        const field = fields.get(fieldKey);
        expect(field, `${key}.${fieldKey}`).toBeDefined();
        expect({ type: field.type, required: field.required, secret: field.secret }, `${key}.${fieldKey}`).toEqual(shape);
        expect(field.label.trim(), `${key}.${fieldKey}`).not.toBe('');
      }
      for (const field of template.fields) {
        if (!(field.key in expected.fields)) expect(field.required, `${key}.${field.key} is extra, so optional`).toBe(false);
        // A SECRET field is always a secret (encrypted, masked).
        if (field.type === 'SECRET') expect(field.secret, `${key}.${field.key}`).toBe(true);
      }
    }
  });

  it("gives Entra's optional URLs their documented defaults", async () => {
    const { integrationTemplates } = await enabled.client.request<any>(gql`{ integrationTemplates { key fields { key defaultValue } } }`);
    const entra = integrationTemplates.find((t: any) => t.key === 'MICROSOFT_ENTRA');
    const defaults = Object.fromEntries(entra.fields.map((f: any) => [f.key, f.defaultValue]));
    expect(defaults.authorityUrl).toBe('https://login.microsoftonline.com');
    expect(defaults.graphUrl).toBe('https://graph.microsoft.com');
  });
});

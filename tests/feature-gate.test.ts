// The INTEGRATIONS_ECOSYSTEM feature gate, and the templates it guards. The flag is
// flipped with the real admin command while the suite's server runs; the server must
// see the change within 5 seconds (README: "Admin command"), so the test polls up to that
// deadline.
import { beforeAll, describe, expect } from 'vitest';
import { type Org, codes, errors, execute, graphql, it, present, send, setFeature, testOrg } from './support/kit.ts';

graphql(`
  fragment FeatureGateTemplate on IntegrationTemplate {
    key
    name
    category
    description
    fields {
      key
      label
      type
      required
      secret
      description
    }
  }
`);
const TEMPLATES = graphql(`
  query FeatureGateTemplates {
    integrationTemplates {
      ...FeatureGateTemplate
    }
  }
`);
const MIXED = graphql(`
  query FeatureGateMixed {
    viewer {
      organization {
        id
      }
    }
    integrationTemplates {
      ...FeatureGateTemplate
    }
  }
`);
const FEATURES = graphql(`
  query FeatureGateFeatures {
    viewer {
      organization {
        features
      }
    }
  }
`);
const VIEWER = graphql(`
  query FeatureGateViewer {
    viewer {
      organization {
        id
        name
        features
      }
      apiKey {
        id
      }
    }
  }
`);
const CREATE_ALLOWED = graphql(`
  mutation FeatureGateCreateAllowed {
    createWorkflow(input: { name: "Allowed", steps: ["DOCUMENT"] }) {
      workflow {
        id
      }
      userErrors {
        code
      }
    }
  }
`);
const WORKFLOWS = graphql(`
  query FeatureGateWorkflows($id: ID!) {
    workflows {
      totalCount
    }
    workflow(id: $id) {
      name
    }
  }
`);
const GENERATE_ALLOWED = graphql(`
  mutation FeatureGateGenerateAllowed {
    generateApiKey(input: { name: "Allowed" }) {
      secret
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const API_KEYS = graphql(`
  query FeatureGateApiKeys {
    apiKeys {
      totalCount
    }
  }
`);
const DEFAULTS = graphql(`
  query FeatureGateDefaults {
    integrationTemplates {
      key
      fields {
        key
        defaultValue
      }
    }
  }
`);

/** Polls `probe` until it returns true, for at most `ms`; returns how long that took. */
async function within(ms: number, probe: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function templatesCode(org: Org): Promise<string | null> {
  const answer = await send(org, TEMPLATES);
  if (!answer.errors) return null;
  return answer.errors[0]?.extensions?.code ?? 'NO_CODE';
}

let gated: Org;
let enabled: Org;

beforeAll(async () => {
  [gated, enabled] = await Promise.all([testOrg({ name: 'Gated', integrations: false }), testOrg({ name: 'Templates' })]);
});

describe('an organization without INTEGRATIONS_ECOSYSTEM', () => {
  it('gets a top-level FEATURE_DISABLED for integrationTemplates, and no data', async () => {
    const response = await errors(send(gated, TEMPLATES), 'FEATURE_DISABLED');
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(present(response.errors)[0].path).toEqual(['integrationTemplates']);
    expect(JSON.stringify(response)).not.toContain('OKTA');
  });

  it('still has viewer, workflows and API keys', async () => {
    const { viewer } = await execute(gated, VIEWER);
    expect(viewer.organization).toEqual({ id: gated.id, name: 'Gated', features: [] });
    expect(viewer.apiKey?.id).toMatch(/^key_/);

    const { createWorkflow } = await execute(gated, CREATE_ALLOWED);
    expect(createWorkflow.userErrors).toEqual([]);
    const { workflows, workflow } = await execute(gated, WORKFLOWS, { id: present(createWorkflow.workflow).id });
    expect(workflows.totalCount).toBe(1);
    expect(workflow?.name).toBe('Allowed');

    const { generateApiKey } = await execute(gated, GENERATE_ALLOWED);
    expect(generateApiKey.userErrors).toEqual([]);
    expect(generateApiKey.secret).toEqual(expect.any(String));
    const { apiKeys } = await execute(gated, API_KEYS);
    expect(apiKeys.totalCount).toBe(2);
  });

  it('keeps the rest of a mixed query: only the gated field errors', async () => {
    const response = await send(gated, MIXED);
    expect(response.status).toBe(200);
    expect(codes(response)).toEqual(['FEATURE_DISABLED']);
    // integrationTemplates is non-null, so the error nulls the whole data; either way no template leaks.
    expect(JSON.stringify(response.data ?? null)).not.toContain('OKTA');
  });
});

describe('switching the feature with the admin command while the server runs', () => {
  // A fresh organization, made without the feature.
  it.override('org', () => testOrg({ name: 'Toggled', integrations: false }));

  // Admin commands are separate processes (a few seconds each on a busy machine).
  it('turns integrationTemplates on within 5 seconds, and off again, for that organization only', async ({ org }) => {
    expect(await templatesCode(org)).toBe('FEATURE_DISABLED');

    await setFeature(org.id, true);
    await within(5000, async () => (await templatesCode(org)) === null);
    const { integrationTemplates } = await execute(org, TEMPLATES);
    expect(integrationTemplates.length).toBeGreaterThanOrEqual(4);
    expect((await execute(org, FEATURES)).viewer.organization.features).toEqual(['INTEGRATIONS_ECOSYSTEM']);
    expect(await templatesCode(gated)).toBe('FEATURE_DISABLED');

    await setFeature(org.id, false);
    await within(5000, async () => (await templatesCode(org)) === 'FEATURE_DISABLED');
    expect((await execute(org, FEATURES)).viewer.organization.features).toEqual([]);
    expect(await templatesCode(enabled)).toBeNull();

    // Turning it on twice is the same as once.
    await setFeature(org.id, true);
    await setFeature(org.id, true);
    await within(5000, async () => (await templatesCode(org)) === null);
    expect((await execute(org, FEATURES)).viewer.organization.features).toEqual(['INTEGRATIONS_ECOSYSTEM']);
  }, 120_000);
});

describe('integrationTemplates', () => {
  // The templates' fields (README: "Integrations and onboarding sessions"), field by
  // field. Templates may carry extra optional fields and more templates may exist; these
  // must be exactly as listed.
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
    const { integrationTemplates } = await execute(enabled, TEMPLATES);
    const byKey = new Map(integrationTemplates.map((t) => [t.key, t]));
    expect(byKey.size).toBe(integrationTemplates.length); // keys are unique
    for (const [key, expected] of Object.entries(CONTRACT)) {
      const template = present(byKey.get(key), key);
      expect(template.category, key).toBe(expected.category);
      expect(template.name.trim(), key).not.toBe('');
      expect(template.description.trim(), key).not.toBe('');
      const fields = new Map(template.fields.map((f) => [f.key, f]));
      expect(fields.size, `${key}: field keys are unique`).toBe(template.fields.length);
      for (const [fieldKey, shape] of Object.entries(expected.fields)) {
        const field = present(fields.get(fieldKey), `${key}.${fieldKey}`);
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
    const { integrationTemplates } = await execute(enabled, DEFAULTS);
    const entra = present(
      integrationTemplates.find((t) => t.key === 'MICROSOFT_ENTRA'),
      'MICROSOFT_ENTRA',
    );
    const defaults = Object.fromEntries(entra.fields.map((f) => [f.key, f.defaultValue]));
    expect(defaults.authorityUrl).toBe('https://login.microsoftonline.com');
    expect(defaults.graphUrl).toBe('https://graph.microsoft.com');
  });
});

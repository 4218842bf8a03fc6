// Integration templates are data: adding one means adding an entry here. Validation
// (src/domain/integration-config.ts) reads these definitions, never template keys.

export type TemplateFieldType = 'STRING' | 'URL' | 'SECRET' | 'STRING_LIST' | 'BOOLEAN' | 'INTEGER';
export type IntegrationCategory = 'DIRECTORY' | 'CUSTOM';

export interface TemplateField {
  key: string;
  label: string;
  type: TemplateFieldType;
  required: boolean;
  /** Encrypted at rest and only ever shown masked. */
  secret: boolean;
  description?: string;
  /** Used when the field is not set. */
  default?: string;
  /**
   * INTEGER fields: the smallest and largest value accepted. A smallest value may be a
   * server setting's name, read from ConfigServices.settings.
   */
  range?: { min: number | keyof IntegerSettings; max: number };
  /**
   * Says where the template's secrets are sent (a host, or a tenant at one). An update
   * that changes its effective value (default included) must give every stored secret
   * field again: a stored secret never goes where it was not entered for (README: "Outbound requests").
   */
  secretDestination: boolean;
}

/** Server settings INTEGER fields may be bounded by (src/config.ts). */
export interface IntegerSettings {
  /** SYNC_MIN_INTERVAL_SECONDS */
  minSyncIntervalSeconds: number;
}

export interface IntegrationTemplate {
  key: string;
  name: string;
  category: IntegrationCategory;
  description: string;
  fields: TemplateField[];
  /** Which directory connector syncs users, for DIRECTORY templates. */
  connector?: 'okta' | 'microsoftGraph';
  /** Whether integrations of this template get an OAuth client ID and secrets. */
  oauthClient?: boolean;
}

/** The fields every directory template has: its schedule and its safety valve (README: "Directory sync"). */
const DIRECTORY_FIELDS: TemplateField[] = [
  {
    key: 'syncIntervalSeconds',
    label: 'Sync interval (seconds)',
    type: 'INTEGER',
    required: false,
    secret: false,
    secretDestination: false,
    default: '3600',
    range: { min: 'minSyncIntervalSeconds', max: 7 * 24 * 3600 },
    description: 'How often the directory syncs on its own, counted from the start of its last sync (at least SYNC_MIN_INTERVAL_SECONDS).',
  },
  {
    key: 'maxDeactivationPercent',
    label: 'Most users one sync may deactivate (%)',
    type: 'INTEGER',
    required: false,
    secret: false,
    secretDestination: false,
    default: '30',
    range: { min: 0, max: 100 },
    description:
      'A sync that would deactivate more than this share of a directory of 20 or more active users deactivates nobody and fails; startDirectorySync with allowMassDeactivation lets the next one through.',
  },
  {
    key: 'groupFilter',
    label: 'Groups to import',
    type: 'STRING_LIST',
    required: false,
    secret: false,
    secretDestination: false,
    description:
      'Group names or external IDs: when set, only members of these groups are active users; a user in none of them at a FULL sync becomes inactive.',
  },
];

const field = (f: Omit<TemplateField, 'secret' | 'secretDestination'> & { secret?: boolean; secretDestination?: boolean }): TemplateField => ({
  ...f,
  secret: f.secret ?? f.type === 'SECRET',
  secretDestination: f.secretDestination ?? false,
});

export const TEMPLATES: readonly IntegrationTemplate[] = [
  {
    key: 'OKTA',
    name: 'Okta',
    category: 'DIRECTORY',
    description: 'Sync users from an Okta organization through the Okta Users API.',
    connector: 'okta',
    fields: [
      field({
        key: 'orgUrl',
        label: 'Okta org URL',
        type: 'URL',
        required: true,
        secretDestination: true,
        description: 'For example https://acme.okta.com',
      }),
      field({
        key: 'apiToken',
        label: 'API token',
        type: 'SECRET',
        required: true,
        description: 'An Okta API token with read access to users (sent as SSWS).',
      }),
      ...DIRECTORY_FIELDS,
    ],
  },
  {
    key: 'MICROSOFT_ENTRA',
    name: 'Microsoft Entra ID',
    category: 'DIRECTORY',
    description: 'Sync users from a Microsoft Entra ID tenant through Microsoft Graph.',
    connector: 'microsoftGraph',
    fields: [
      field({
        key: 'tenantId',
        label: 'Tenant ID',
        type: 'STRING',
        required: true,
        secretDestination: true,
        description: 'The directory (tenant) ID.',
      }),
      field({
        key: 'clientId',
        label: 'Client ID',
        type: 'STRING',
        required: true,
        description: 'The application (client) ID of an app registration with User.Read.All.',
      }),
      field({
        key: 'clientSecret',
        label: 'Client secret',
        type: 'SECRET',
        required: true,
        description: "The app registration's client secret value.",
      }),
      field({
        key: 'authorityUrl',
        label: 'Authority URL',
        type: 'URL',
        required: false,
        secretDestination: true,
        default: 'https://login.microsoftonline.com',
        description: 'The Microsoft identity platform host.',
      }),
      field({
        key: 'graphUrl',
        label: 'Graph URL',
        type: 'URL',
        required: false,
        secretDestination: true,
        default: 'https://graph.microsoft.com',
        description: 'The Microsoft Graph host, without /v1.0.',
      }),
      ...DIRECTORY_FIELDS,
    ],
  },
  {
    key: 'OIDC_CLIENT_CREDENTIALS',
    name: 'OIDC client credentials',
    category: 'CUSTOM',
    description: 'An OAuth 2.0 client (client ID and secret) that obtains access tokens for this API and starts verification sessions.',
    oauthClient: true,
    fields: [
      field({
        key: 'redirectUris',
        label: 'Redirect URIs',
        type: 'STRING_LIST',
        required: false,
        description: 'Where users may be sent after verification.',
      }),
    ],
  },
  {
    key: 'API',
    name: 'API',
    category: 'CUSTOM',
    description: 'Start verification sessions from your own systems with an API key.',
    fields: [],
  },
];

const BY_KEY = new Map(TEMPLATES.map((t) => [t.key, t]));

export function findTemplate(key: string): IntegrationTemplate | undefined {
  return BY_KEY.get(key);
}

/** The template an integration was made from (stored keys are always known ones). */
export function templateOf(integration: { id?: string; templateKey: string }): IntegrationTemplate {
  const template = BY_KEY.get(integration.templateKey);
  if (!template) throw new Error(`integration ${integration.id ?? ''} has unknown template ${integration.templateKey}`);
  return template;
}

/** Directory templates sync users and take no workflow; others require one. */
export function takesWorkflow(template: IntegrationTemplate): boolean {
  return template.category !== 'DIRECTORY';
}

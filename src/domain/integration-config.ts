// Validation of an integration's configuration against its template's field
// definitions: one mechanism for every template, so a new template is only data.
// Secret fields are encrypted here and never leave this module in clear, except through
// `revealSecret` for the connectors that must send them upstream. Two outbound rules are
// judged here too, as data of the templates (README: "Outbound requests"): a URL field may not name
// localhost or a literal address the address policy refuses, and an update that changes
// a field marked `secretDestination` must give the stored secrets again.
import type { AddressPolicy } from '../outbound/address-policy.ts';
import type { Cipher } from './crypto.ts';
import type { Problems, UserErrorCode } from './errors.ts';
import type { IntegerSettings, IntegrationTemplate, TemplateField } from './templates.ts';
import { checkTenantUrl } from './validation.ts';

/** What validating a config needs besides the template: encryption, the address policy, the settings fields are bounded by. */
export interface ConfigServices {
  cipher: Cipher;
  /** ALLOW_PRIVATE_NETWORK_TARGETS (config.outbound). */
  addressPolicy: AddressPolicy;
  settings: IntegerSettings;
}

export type PlainConfig = Record<string, unknown>;
export type StoredSecret = { ciphertext: string; hint: string };
export type SecretConfig = Record<string, StoredSecret>;

export interface StoredConfig {
  config: PlainConfig;
  secrets: SecretConfig;
}

const MAX_STRING = 2048;
const MAX_LIST = 100;

/** "••••" + the last four characters; "••••" alone for values under 8 characters. */
function maskSecret(value: string): string {
  return value.length < 8 ? '••••' : `••••${value.slice(-4)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The normalized value of one field, or an error message. */
function checkValue(field: TemplateField, value: unknown, services: ConfigServices): { value: unknown } | { error: string; code: UserErrorCode } {
  switch (field.type) {
    case 'INTEGER': {
      const { min, max } = integerRange(field, services.settings);
      if (typeof value !== 'number' || !Number.isInteger(value)) return { code: 'INVALID', error: `${field.label} must be a whole number.` };
      if (value < min || value > max) return { code: 'INVALID', error: `${field.label} must be from ${min} to ${max}.` };
      return { value };
    }
    case 'STRING':
    case 'SECRET': {
      if (typeof value !== 'string') return { code: 'INVALID', error: `${field.label} must be a string.` };
      const trimmed = value.trim();
      if (!trimmed) return { code: 'REQUIRED', error: `${field.label} must not be empty.` };
      if (trimmed.length > MAX_STRING) return { code: 'INVALID', error: `${field.label} is at most ${MAX_STRING} characters.` };
      return { value: trimmed };
    }
    case 'URL': {
      if (typeof value !== 'string') return { code: 'INVALID', error: `${field.label} must be a URL string.` };
      const checked = checkTenantUrl(value, field.label, services.addressPolicy);
      if (!('url' in checked)) return checked;
      const { url } = checked;
      return { value: url.toString().replace(/\/+$/, '') };
    }
    case 'STRING_LIST': {
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !item.trim() || item.length > MAX_STRING)) {
        return { code: 'INVALID', error: `${field.label} must be a list of non-empty strings.` };
      }
      if (value.length > MAX_LIST) return { code: 'INVALID', error: `${field.label} has at most ${MAX_LIST} entries.` };
      return { value: (value as string[]).map((item) => item.trim()) };
    }
    case 'BOOLEAN':
      return typeof value === 'boolean' ? { value } : { code: 'INVALID', error: `${field.label} must be true or false.` };
  }
}

/** A non-secret field's effective value: its own, else its default. */
function effectiveValue(field: TemplateField, config: PlainConfig): string | undefined {
  const value = Object.hasOwn(config, field.key) ? config[field.key] : field.default;
  return value === undefined ? undefined : JSON.stringify(value);
}

/**
 * Applies `input` on top of `current` (empty for a new integration): keys given replace,
 * keys omitted stay (secrets too), null clears an optional field. Returns the new stored
 * config, or undefined after adding its problems to `problems`, each at
 * ["input","config",key].
 *
 * Credentials stay where they were given: when the effective value (default included) of
 * a `secretDestination` field changes, every stored secret must be given again in the
 * same input (a new value, or null to clear an optional one; its masked hint does not
 * count), or it is REQUIRED at that secret field. A destination field that is itself in
 * error moves nothing and is reported alone.
 */
export function applyConfig(
  template: IntegrationTemplate,
  current: StoredConfig,
  input: unknown,
  services: ConfigServices,
  problems: Problems,
): StoredConfig | undefined {
  const { cipher } = services;
  const at = (key?: string) => (key ? ['input', 'config', key] : ['input', 'config']);
  if (input !== undefined && input !== null && !isPlainObject(input)) {
    problems.add('INVALID', at(), 'config must be an object of template field values.');
    return undefined;
  }
  let valid = true;
  const problem = (code: UserErrorCode, key: string, message: string) => {
    problems.add(code, at(key), message);
    valid = false;
  };
  const patch = (input ?? {}) as Record<string, unknown>;
  const fields = new Map(template.fields.map((f) => [f.key, f]));
  for (const key of Object.keys(patch)) {
    if (!fields.has(key)) problem('UNKNOWN_FIELD', key, `${template.key} has no configuration field "${key}".`);
  }
  const inError = (key: string) => problems.has(at(key));
  const config: PlainConfig = { ...current.config };
  const secrets: SecretConfig = { ...current.secrets };
  for (const field of template.fields) {
    const given = Object.hasOwn(patch, field.key);
    const value = patch[field.key];
    if (given && value === null) {
      delete config[field.key];
      delete secrets[field.key];
    } else if (given && field.secret && value === current.secrets[field.key]?.hint) {
      // The masked value sent back unchanged (a form re-submitting what it read): keep the secret.
    } else if (given) {
      const checked = checkValue(field, value, services);
      if ('error' in checked) {
        problem(checked.code, field.key, checked.error);
        continue;
      }
      if (field.secret) {
        const text = String(checked.value);
        secrets[field.key] = { ciphertext: cipher.encrypt(text), hint: maskSecret(text) };
        delete config[field.key];
      } else {
        config[field.key] = checked.value;
      }
    }
    const present = field.secret ? field.key in secrets : field.key in config;
    if (field.required && !present && !inError(field.key)) {
      problem('REQUIRED', field.key, `${field.label} (${field.key}) is required.`);
    }
  }
  const moved = template.fields.filter(
    (f) => f.secretDestination && !f.secret && !inError(f.key) && effectiveValue(f, current.config) !== effectiveValue(f, config),
  );
  if (moved.length) {
    const where = moved.map((f) => f.key).join(', ');
    for (const field of template.fields) {
      if (!field.secret || !Object.hasOwn(current.secrets, field.key) || inError(field.key)) continue;
      const givenAnew = Object.hasOwn(patch, field.key) && patch[field.key] !== current.secrets[field.key].hint;
      if (givenAnew) continue;
      problem(
        'REQUIRED',
        field.key,
        `Changing ${where} changes where ${field.label} is sent: give ${field.key} again in the same update (its masked value does not count).`,
      );
    }
  }
  return valid ? { config, secrets } : undefined;
}

/** The config as callers see it: plain values, and secrets masked. */
export function visibleConfig(template: IntegrationTemplate, stored: StoredConfig): Record<string, unknown> {
  const visible: Record<string, unknown> = {};
  for (const field of template.fields) {
    if (field.secret && stored.secrets[field.key]) visible[field.key] = stored.secrets[field.key].hint;
    else if (!field.secret && field.key in stored.config) visible[field.key] = stored.config[field.key];
  }
  return visible;
}

/** A field's effective value (its default when unset), for connectors. */
export function configValue(template: IntegrationTemplate, stored: StoredConfig, key: string): string | undefined {
  const value = stored.config[key];
  if (typeof value === 'string') return value;
  return template.fields.find((f) => f.key === key)?.default;
}

/** An INTEGER field's bounds, its setting-named minimum read from `settings`. */
function integerRange(field: TemplateField, settings: IntegerSettings): { min: number; max: number } {
  const range = field.range ?? { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
  return { min: typeof range.min === 'number' ? range.min : settings[range.min], max: range.max };
}

/**
 * An INTEGER field's effective value: its own, else its default, and never below its
 * minimum (a setting such as SYNC_MIN_INTERVAL_SECONDS may be above the default).
 */
export function integerValue(template: IntegrationTemplate, stored: StoredConfig, key: string, settings: IntegerSettings): number {
  const field = template.fields.find((f) => f.key === key && f.type === 'INTEGER');
  if (!field) throw new Error(`${template.key} has no INTEGER field ${key}`);
  const own = stored.config[key];
  const value = typeof own === 'number' ? own : Number(field.default);
  const { min, max } = integerRange(field, settings);
  return Math.min(Math.max(value, min), max);
}

/** The clear text of a secret field, for sending it upstream. Never for responses or logs. */
export function revealSecret(stored: StoredConfig, key: string, cipher: Cipher): string | undefined {
  const secret = stored.secrets[key];
  return secret ? cipher.decrypt(secret.ciphertext) : undefined;
}

export function storedConfigOf(row: { config: unknown; secrets: unknown }): StoredConfig {
  return {
    config: isPlainObject(row.config) ? row.config : {},
    secrets: isPlainObject(row.secrets) ? (row.secrets as SecretConfig) : {},
  };
}

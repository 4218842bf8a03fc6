// The input rules several use cases share, each stated once (README: "Integrations and
// onboarding sessions"): names of things, and the caller's own references.
import { type AddressPolicy, bareHost, isRefusedLiteralHost } from '../outbound/address-policy.ts';
import type { Problems, UserErrorCode } from './errors.ts';

/** Names of organizations, API keys, workflows and integrations. */
const NAME_MAX_LENGTH = 100;

/** The caller's own strings kept on a session: loginHint, externalUserId, idempotencyKey. */
const REFERENCE_MAX_LENGTH = 255;

/** A name, trimmed: required and at most NAME_MAX_LENGTH characters. */
export function checkName(problems: Problems, name: string, field = ['input', 'name']): string {
  const trimmed = name.trim();
  if (!trimmed) problems.add('REQUIRED', field, 'A name is required.');
  else if (trimmed.length > NAME_MAX_LENGTH) problems.add('INVALID', field, `A name is at most ${NAME_MAX_LENGTH} characters.`);
  return trimmed;
}

/** A reference of the caller's, when given: at most REFERENCE_MAX_LENGTH characters. */
export function checkReference(problems: Problems, value: string | null | undefined, field: string[]): void {
  if (value != null && value.length > REFERENCE_MAX_LENGTH) {
    problems.add('INVALID', field, `${field.at(-1)} is at most ${REFERENCE_MAX_LENGTH} characters.`);
  }
}

/** How long a replaced credential keeps working beside its successor (contract 6.4, 6.5): 0 to 7 days. */
export const MAX_OVERLAP_SECONDS = 604_800;

/** A replaced credential's overlap in seconds, when valid: a whole number from 0 to MAX_OVERLAP_SECONDS. */
export function checkOverlapSeconds(problems: Problems, value: number | null | undefined, fallback: number, field: string[]): number {
  const seconds = value ?? fallback;
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_OVERLAP_SECONDS) {
    problems.add('INVALID', field, `${field.at(-1)} is 0 to ${MAX_OVERLAP_SECONDS}.`);
  }
  return seconds;
}

/** The longest an API key may be made to live: two years (contract 6.5.2). */
const MAX_EXPIRY_MS = 2 * 366 * 24 * 3600 * 1000;

/** An expiry date, when given: in the future and at most two years ahead. */
export function checkExpiry(problems: Problems, value: Date | null | undefined, field: string[], now = Date.now()): Date | null {
  if (value == null) return null;
  if (value.getTime() <= now) problems.add('INVALID', field, `${field.at(-1)} must be in the future.`);
  else if (value.getTime() - now > MAX_EXPIRY_MS) problems.add('INVALID', field, `${field.at(-1)} is at most two years ahead.`);
  return value;
}

/**
 * A URL the server will call (a directory's, a webhook receiver's): absolute http(s), no
 * credentials in it, and not a literal local or private address (contract 6.2.2; host
 * names are judged when connecting, on the addresses they resolve to).
 */
export function checkTenantUrl(value: string, label: string, policy: AddressPolicy): { url: URL } | { code: UserErrorCode; error: string } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { code: 'INVALID', error: `${label} must be an absolute http(s) URL.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { code: 'INVALID', error: `${label} must be an http(s) URL.` };
  if (url.username || url.password) return { code: 'INVALID', error: `${label} must not contain credentials.` };
  if (isRefusedLiteralHost(url, policy)) {
    return {
      code: 'URL_NOT_ALLOWED',
      error: `${label} points to ${bareHost(url)}, a local, private or otherwise non-public address; this server does not connect there.`,
    };
  }
  return { url };
}

// requestFingerprint (src/domain/onboarding.ts): what an idempotent replay of
// requestNewOnboarding must match. Same parameters in any key order give the same
// fingerprint; null and undefined are the same as absent; the idempotency key itself is not
// part of it; any parameter that differs gives another fingerprint.
import { describe, expect, it } from 'vitest';
import { type RequestOnboardingInput, requestFingerprint } from '../../src/domain/onboarding.ts';

const FULL: Required<RequestOnboardingInput> = {
  integrationId: 'int_01aaa',
  loginHint: 'ada@example.com',
  directoryUserId: 'dus_01bbb',
  externalUserId: 'crm-42',
  email: 'ada@example.com',
  redirectUrl: 'https://app.example.com/done',
  idempotencyKey: 'crm-42-1',
};

/** The same object with its keys in reverse order. */
function reversed<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).reverse()) as T;
}

describe('requestFingerprint', () => {
  it('is a SHA-256 in hex', () => {
    expect(requestFingerprint(FULL)).toMatch(/^[0-9a-f]{64}$/);
  });

  const same: [name: string, a: RequestOnboardingInput, b: RequestOnboardingInput][] = [
    ['the same input', FULL, { ...FULL }],
    ['keys in another order', FULL, reversed(FULL)],
    ['keys in another order (minimal input)', { integrationId: 'int_1', externalUserId: 'x' }, { externalUserId: 'x', integrationId: 'int_1' }],
    ['null and absent', { integrationId: 'int_1', email: null, loginHint: null }, { integrationId: 'int_1' }],
    ['undefined and absent', { integrationId: 'int_1', redirectUrl: undefined }, { integrationId: 'int_1' }],
    ['null and undefined', { integrationId: 'int_1', directoryUserId: null }, { integrationId: 'int_1', directoryUserId: undefined }],
    ['another idempotency key', FULL, { ...FULL, idempotencyKey: 'crm-42-2' }],
    ['an idempotency key and none', { integrationId: 'int_1', idempotencyKey: 'k' }, { integrationId: 'int_1' }],
    ['an idempotency key and a null one', { integrationId: 'int_1', idempotencyKey: 'k' }, { integrationId: 'int_1', idempotencyKey: null }],
  ];

  it.each(same)('is the same for %s', (_name, a, b) => {
    expect(requestFingerprint(a)).toBe(requestFingerprint(b));
  });

  // Each field but the idempotency key, changed on its own.
  const fields = (Object.keys(FULL) as (keyof RequestOnboardingInput)[]).filter((key) => key !== 'idempotencyKey');
  const different: [name: string, a: RequestOnboardingInput, b: RequestOnboardingInput][] = [
    ...fields.map((field): [string, RequestOnboardingInput, RequestOnboardingInput] => [
      `another ${field}`,
      FULL,
      { ...FULL, [field]: `${FULL[field]}-other` },
    ]),
    ...fields
      .filter((field) => field !== 'integrationId')
      .map((field): [string, RequestOnboardingInput, RequestOnboardingInput] => [`${field} present and absent`, FULL, { ...FULL, [field]: null }]),
    ['a value moved to another field', { integrationId: 'int_1', email: 'a@example.com' }, { integrationId: 'int_1', loginHint: 'a@example.com' }],
    ['a case difference', { integrationId: 'int_1', externalUserId: 'CRM-42' }, { integrationId: 'int_1', externalUserId: 'crm-42' }],
  ];

  it.each(different)('differs for %s', (_name, a, b) => {
    expect(requestFingerprint(a)).not.toBe(requestFingerprint(b));
  });

  it('does not change its input', () => {
    const input = { ...FULL };
    requestFingerprint(Object.freeze(input));
    expect(input).toEqual(FULL);
  });
});

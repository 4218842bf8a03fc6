// Secrets we mint (API keys, client secrets): 256 bits of randomness behind a
// recognisable prefix so secret scanners can spot a leaked one. Stored as SHA-256 only;
// a slow hash adds nothing at this entropy.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SECRET_PREFIX = {
  apiKey: 'iapi_',
  clientSecret: 'icsec_',
} as const;

export interface MintedSecret {
  secret: string;
  hash: string;
  /** The secret's first characters, shown so a person can tell secrets apart. */
  prefix: string;
  lastFour: string;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function mintSecret(kind: keyof typeof SECRET_PREFIX): MintedSecret {
  const secret = SECRET_PREFIX[kind] + randomBytes(32).toString('base64url');
  return { secret, hash: sha256(secret), prefix: secret.slice(0, SECRET_PREFIX[kind].length + 4), lastFour: secret.slice(-4) };
}

/**
 * A webhook signing secret as Standard Webhooks has it: `whsec_` and the base64 of 32
 * random bytes (the HMAC key). Unlike API keys it is kept, encrypted: the server signs with it.
 */
export function mintWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** A random URL-safe token (onboarding links, client IDs). */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

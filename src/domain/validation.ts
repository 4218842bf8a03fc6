// The input rules several use cases share, each stated once (README: "Integrations and
// onboarding sessions"): names of things, and the caller's own references.
import type { Problems } from './errors.ts';

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

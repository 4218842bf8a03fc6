// Two kinds of failure reach a caller:
// - User errors: the input is wrong (validation, unknown IDs, rules). Mutations answer
//   them in their payload's `userErrors` and write nothing. A use case collects them in a
//   `Problems` list, so one answer names every problem of the input, not only the first.
// - ApiError: a top-level GraphQL error (authentication, feature flags, limits).
import { GraphQLError } from 'graphql';

/** Every `UserError.code` the API answers (README: "Errors"). */
export type UserErrorCode =
  | 'REQUIRED'
  | 'INVALID'
  | 'NOT_FOUND'
  | 'UNKNOWN_FIELD'
  | 'URL_NOT_ALLOWED'
  | 'TEMPLATE_NOT_FOUND'
  | 'WORKFLOW_REQUIRED'
  | 'WORKFLOW_NOT_ALLOWED'
  | 'WORKFLOW_NOT_FOUND'
  | 'INTEGRATION_NOT_FOUND'
  | 'INTEGRATION_NOT_DIRECTORY'
  | 'INTEGRATION_DISABLED'
  | 'INTEGRATION_CANNOT_ONBOARD'
  | 'CLIENT_SECRET_NOT_SUPPORTED'
  | 'DIRECTORY_USER_NOT_FOUND'
  | 'DIRECTORY_USER_AMBIGUOUS'
  | 'DIRECTORY_USER_INACTIVE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'SESSION_NOT_FOUND'
  | 'SESSION_ALREADY_FINISHED'
  | 'WEBHOOK_ENDPOINT_DISABLED';

export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code: UserErrorCode;
}

export class UserErrors extends Error {
  constructor(readonly errors: UserErrorShape[]) {
    super(errors.map((e) => e.message).join('; '));
  }

  static of(code: UserErrorCode, field: string[] | null, message: string): UserErrors {
    return new UserErrors([{ code, field, message }]);
  }
}

/** The problems found in one mutation's input so far. */
export class Problems {
  private readonly found: UserErrorShape[] = [];

  add(code: UserErrorCode, field: string[] | null, message: string): void {
    this.found.push({ code, field, message });
  }

  /** True when a problem was recorded at `field` (or below it). */
  has(field: string[]): boolean {
    return this.found.some((problem) => field.every((part, index) => problem.field?.[index] === part));
  }

  /** Ends the use case with every problem found, if there is any. */
  throwIfAny(): void {
    if (this.found.length) throw new UserErrors([...this.found]);
  }
}

/** The same answer for an unknown ID and another organization's ID (tenancy). */
export function notFound(field: string[], what: string, code: UserErrorCode = 'NOT_FOUND'): UserErrors {
  return UserErrors.of(code, field, `No ${what} with this ID exists.`);
}

export type ApiErrorCode =
  'UNAUTHENTICATED' | 'FEATURE_DISABLED' | 'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'TIMEOUT' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE';

const HTTP_STATUS: Partial<Record<ApiErrorCode, number>> = { UNAUTHENTICATED: 401 };

export function apiError(code: ApiErrorCode, message: string): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, { extensions: { code, ...(status ? { http: { status } } : {}) } });
}

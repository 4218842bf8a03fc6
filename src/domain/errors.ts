// Two kinds of failure reach a caller:
// - UserErrors: the input is wrong (validation, unknown IDs, rules). Mutations answer
//   them in their payload's `userErrors` and write nothing.
// - ApiError: a top-level GraphQL error (authentication, feature flags, limits).
import { GraphQLError } from 'graphql';

export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code: string;
}

export class UserErrors extends Error {
  constructor(readonly errors: UserErrorShape[]) {
    super(errors.map((e) => e.message).join('; '));
  }

  static of(code: string, field: string[] | null, message: string): UserErrors {
    return new UserErrors([{ code, field, message }]);
  }
}

/** The same answer for an unknown ID and another organization's ID (tenancy). */
export function notFound(field: string[], what: string, code = 'NOT_FOUND'): UserErrors {
  return UserErrors.of(code, field, `No ${what} with this ID exists.`);
}

export type ApiErrorCode = 'UNAUTHENTICATED' | 'FEATURE_DISABLED' | 'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'TIMEOUT' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE';

const HTTP_STATUS: Partial<Record<ApiErrorCode, number>> = { UNAUTHENTICATED: 401 };

export function apiError(code: ApiErrorCode, message: string): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, { extensions: { code, ...(status ? { http: { status } } : {}) } });
}

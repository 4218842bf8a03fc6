// Reading a directory's users: the filter of `directoryUsers`, for its page and its
// totalCount alike.
import { escapeLike } from '../db/sql.ts';
import type { EnrollmentStatus, Prisma } from '../generated/prisma/client.ts';
import { isIdOf } from './ids.ts';

export interface DirectoryUserFilter {
  active?: boolean | null;
  enrollmentStatus?: EnrollmentStatus | null;
  /** Case-insensitive substring of email, user principal name, display name, employee ID or external ID. */
  search?: string | null;
}

const SEARCHED_FIELDS = ['email', 'userPrincipalName', 'displayName', 'employeeId', 'externalId'] as const;

/** An unknown or another organization's integration lists nothing (the tenant client adds the organization). */
export function directoryUserWhere(integrationId: string, filter: DirectoryUserFilter | null | undefined): Prisma.DirectoryUserWhereInput {
  const search = filter?.search?.trim();
  return {
    integrationId: isIdOf('Integration', integrationId) ? integrationId : '',
    active: filter?.active ?? undefined,
    enrollmentStatus: filter?.enrollmentStatus ?? undefined,
    ...(search ? { OR: SEARCHED_FIELDS.map((field) => ({ [field]: { contains: escapeLike(search), mode: 'insensitive' as const } })) } : {}),
  };
}

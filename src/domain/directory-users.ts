// Reading a directory's users and groups: the filters of `directoryUsers` and
// `directoryGroups`, for their pages and totalCounts alike.
import { escapeLike } from '../db/sql.ts';
import type { EnrollmentStatus, Prisma } from '../generated/prisma/client.ts';
import { isIdOf } from './ids.ts';

export interface DirectoryUserFilter {
  active?: boolean | null;
  enrollmentStatus?: EnrollmentStatus | null;
  /** Case-insensitive substring of email, user principal name, display name, employee ID or external ID. */
  search?: string | null;
  /** Members of this group only. */
  groupId?: string | null;
}

const SEARCHED_FIELDS = ['email', 'userPrincipalName', 'displayName', 'employeeId', 'externalId'] as const;

/** An unknown or another organization's integration lists nothing (the tenant client adds the organization). */
export function directoryUserWhere(integrationId: string, filter: DirectoryUserFilter | null | undefined): Prisma.DirectoryUserWhereInput {
  const search = filter?.search?.trim();
  return {
    integrationId: isIdOf('Integration', integrationId) ? integrationId : '',
    active: filter?.active ?? undefined,
    enrollmentStatus: filter?.enrollmentStatus ?? undefined,
    ...(filter?.groupId != null ? { groupMemberships: { some: { groupId: isIdOf('DirectoryGroup', filter.groupId) ? filter.groupId : '' } } } : {}),
    ...(search ? { OR: SEARCHED_FIELDS.map((field) => ({ [field]: { contains: escapeLike(search), mode: 'insensitive' as const } })) } : {}),
  };
}

/** `directoryGroups`' condition: the integration's groups, by a case-insensitive substring of their name or external ID. */
export function directoryGroupWhere(integrationId: string, filter: { search?: string | null } | null | undefined): Prisma.DirectoryGroupWhereInput {
  const search = filter?.search?.trim();
  return {
    integrationId: isIdOf('Integration', integrationId) ? integrationId : '',
    ...(search
      ? { OR: (['name', 'externalId'] as const).map((field) => ({ [field]: { contains: escapeLike(search), mode: 'insensitive' as const } })) }
      : {}),
  };
}

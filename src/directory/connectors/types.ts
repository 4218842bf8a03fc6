// What a directory connector gives the sync job: one page of users at a time, and the
// cursor (the upstream URL of the next page) to resume from. Pages are streamed, never
// accumulated, so a sync's memory does not grow with the directory.
import { EmailAddressResolver } from 'graphql-scalars';

/**
 * The first candidate that is an email address as DirectoryUser.email (an EmailAddress)
 * accepts it. Directories hold logins that are not addresses ("jdoe"), and one such value
 * stored as the email would make every list that includes the user fail to serialize.
 */
export function firstEmail(...candidates: (string | null)[]): string | null {
  for (const candidate of candidates) {
    if (candidate === null) continue;
    try {
      EmailAddressResolver.serialize(candidate);
      return candidate;
    } catch {
      // not an address: try the next one
    }
  }
  return null;
}

export interface UpstreamUser {
  externalId: string;
  email: string | null;
  userPrincipalName: string | null;
  employeeId: string | null;
  displayName: string | null;
  active: boolean;
  /**
   * Attributes the upstream did not send (a Microsoft Graph delta lists only what changed):
   * the stored values stay.
   */
  absent?: (keyof Omit<UpstreamUser, 'externalId' | 'absent'>)[];
}

export interface DirectoryPage {
  users: UpstreamUser[];
  /** External IDs of users the upstream says are gone (Microsoft Graph's "@removed"). */
  removed: string[];
  /** Where the next page is; null when this was the last one. */
  next: string | null;
  /** The directory's user count, when it tells. */
  total: number | null;
  /** The last page of a Microsoft Graph delta: where the next incremental listing starts. */
  deltaLink?: string;
}

export interface UpstreamGroup {
  externalId: string;
  name: string;
  description: string | null;
}

export interface GroupsPage {
  groups: UpstreamGroup[];
  next: string | null;
}

export interface MembersPage {
  /** External IDs of the group's members that are users. */
  userIds: string[];
  /** Members left out: not users (nested groups, devices), or malformed entries. */
  skipped: number;
  next: string | null;
}

/**
 * What a sync lists: the whole directory, or what changed (Okta: users updated since
 * `since`; Microsoft Graph: the delta from `deltaLink`).
 */
export type Listing = { kind: 'FULL' } | { kind: 'INCREMENTAL'; since: Date; deltaLink: string | null };

export interface DirectoryConnector {
  /** Reads the users page at `cursor` of `listing` (null: its first page). */
  fetchPage(cursor: string | null, listing: Listing): Promise<DirectoryPage>;
  /** Reads the groups listing's page at `cursor` (null: its first page). */
  fetchGroupsPage(cursor: string | null): Promise<GroupsPage>;
  /** Reads a page of one group's members (null: the first page). */
  fetchMembersPage(groupExternalId: string, cursor: string | null): Promise<MembersPage>;
  /**
   * Microsoft Graph: a delta link for the directory as it is now, taken before a FULL
   * listing so the next INCREMENTAL one starts from there.
   */
  trackChanges?(): Promise<string>;
}

/** An INCREMENTAL listing cannot go on (Graph's delta token expired, or there is none): run a FULL one. */
export class ResyncRequired extends Error {}

/** An upstream failure a person can act on; never carries credentials. */
export class UpstreamError extends Error {}

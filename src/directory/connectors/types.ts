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

/**
 * What a sync lists: the whole directory, or what changed (Okta: users updated since
 * `since`; Microsoft Graph: the delta from `deltaLink`).
 */
export type Listing = { kind: 'FULL' } | { kind: 'INCREMENTAL'; since: Date; deltaLink: string | null };

export interface DirectoryConnector {
  /** Reads the page at `cursor` (null: the first page of the listing). */
  fetchPage(cursor: string | null): Promise<DirectoryPage>;
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

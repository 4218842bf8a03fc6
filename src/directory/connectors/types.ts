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
}

export interface DirectoryPage {
  users: UpstreamUser[];
  /** Where the next page is; null when this was the last one. */
  next: string | null;
  /** The directory's user count, when it tells. */
  total: number | null;
}

export interface DirectoryConnector {
  /** Reads the page at `cursor` (null: the first page). */
  fetchPage(cursor: string | null): Promise<DirectoryPage>;
}

/** An upstream failure a person can act on; never carries credentials. */
export class UpstreamError extends Error {}

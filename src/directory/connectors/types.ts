// What a directory connector gives the sync job: one page of users at a time, and the
// cursor (the upstream URL of the next page) to resume from. Pages are streamed, never
// accumulated, so a sync's memory does not grow with the directory.

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

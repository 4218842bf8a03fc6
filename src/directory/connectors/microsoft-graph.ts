// Microsoft Entra ID through Microsoft Graph: a client-credentials token from
// {authorityUrl}/{tenantId}/oauth2/v2.0/token, then GET {graphUrl}/v1.0/users following
// @odata.nextLink. 429s carry Retry-After (seconds). An expired token is refreshed once.
//
// Changes come from the users delta query: before a FULL listing, GET
// /v1.0/users/delta?$select=...&$deltatoken=latest answers no users and a delta link for
// the directory as it is then; an INCREMENTAL listing follows that link (then its
// @odata.nextLink pages) to a new @odata.deltaLink, kept for the next run. A delta lists a
// changed user with at least the attributes that changed, and a deleted or disabled-from-
// scope one as {"id", "@removed"}. A token Graph no longer knows (HTTP 410, or the codes
// syncStateNotFound / resyncRequired) means the run must be FULL.
import {
  ResyncRequired,
  UpstreamError,
  firstEmail,
  type DirectoryConnector,
  type DirectoryPage,
  type Listing,
  type UpstreamGroup,
  type UpstreamUser,
} from './types.ts';
import { type UpstreamContext, assertSameOrigin, upstreamCall, upstreamReason } from './http.ts';
import type { OutboundResponse } from '../../outbound/client.ts';

const SERVICE = 'Microsoft Graph';
const IDENTITY = 'Microsoft identity platform';
const SELECT = 'id,displayName,mail,userPrincipalName,accountEnabled,employeeId';
const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

interface GraphUser {
  id?: unknown;
  displayName?: unknown;
  mail?: unknown;
  userPrincipalName?: unknown;
  accountEnabled?: unknown;
  employeeId?: unknown;
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

function toUpstreamUser(user: GraphUser, delta: boolean): UpstreamUser {
  const id = str(user?.id);
  if (!id) throw new UpstreamError('Microsoft Graph returned a user without an id');
  const upstream: UpstreamUser = {
    externalId: id,
    email: firstEmail(str(user.mail), str(user.userPrincipalName)),
    userPrincipalName: str(user.userPrincipalName),
    employeeId: str(user.employeeId),
    displayName: str(user.displayName),
    active: user.accountEnabled !== false,
  };
  if (!delta) return upstream;
  // A delta entry holds the attributes that changed: the others keep their stored values.
  const sent = (key: keyof GraphUser) => Object.hasOwn(user, key);
  const absent: NonNullable<UpstreamUser['absent']> = [];
  if (!sent('mail')) absent.push('email');
  if (!sent('userPrincipalName')) absent.push('userPrincipalName');
  if (!sent('employeeId')) absent.push('employeeId');
  if (!sent('displayName')) absent.push('displayName');
  if (!sent('accountEnabled')) absent.push('active');
  return absent.length ? { ...upstream, absent } : upstream;
}

interface GraphEntry {
  id?: unknown;
  displayName?: unknown;
  description?: unknown;
  '@odata.type'?: unknown;
}

function toUpstreamGroup(group: GraphEntry): UpstreamGroup {
  const id = str(group?.id);
  if (!id) throw new UpstreamError('Microsoft Graph returned a group without an id');
  return { externalId: id, name: str(group.displayName) ?? id, description: str(group.description) };
}

const USER_TYPE = '#microsoft.graph.user';

/** Graph's answer to a delta token it no longer has. */
const RESYNC_CODES = new Set(['syncStateNotFound', 'resyncRequired', 'SyncStateNotFound', 'ResyncRequired']);

const retryAfter = (r: OutboundResponse) => {
  const seconds = Number(r.header('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
};

const isSuccess = (status: number) => status >= 200 && status <= 299;

export interface GraphOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authorityUrl: string;
  graphUrl: string;
  pageSize?: number;
}

export function microsoftGraphConnector(options: GraphOptions, context: UpstreamContext): DirectoryConnector {
  const graphBase = options.graphUrl.replace(/\/+$/, '');
  const fullListing = `${graphBase}/v1.0/users?$select=${SELECT}&$top=${options.pageSize ?? 999}&$count=true`;
  /** Where a listing starts; a kept delta link leads where the integration's Graph URL does, or nowhere. */
  const firstOf = (listing: Listing) =>
    listing.kind === 'FULL' ? fullListing : listing.deltaLink ? assertSameOrigin(listing.deltaLink, fullListing, SERVICE) : null;
  let token: { value: string; expiresAt: number } | undefined;
  /** What the server sends upstream: never quoted back into a stored error. */
  const sent = () => [options.clientSecret, ...(token ? [token.value] : [])];

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now() + 60_000) return token.value;
    const url = `${options.authorityUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`;
    token = await upstreamCall(
      context,
      {
        url,
        service: IDENTITY,
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({
            client_id: options.clientId,
            client_secret: options.clientSecret,
            scope: GRAPH_SCOPE,
            grant_type: 'client_credentials',
          }).toString(),
        },
        rateLimitWaitMs: retryAfter,
      },
      async (response) => {
        if (!isSuccess(response.status)) {
          throw new UpstreamError(
            `${IDENTITY} refused the client credentials (HTTP ${response.status})${await upstreamReason(response, sent())}: check the integration's tenantId, clientId and clientSecret`,
          );
        }
        const fields: Record<string, unknown> = {};
        await response.json({ root: 'object', paths: ['$.*'], onValue: (value, at) => void (fields[String(at.key)] = value) });
        if (typeof fields.access_token !== 'string') throw new UpstreamError(`${IDENTITY} answered without an access token`);
        const lifetime = Number(fields.expires_in);
        return { value: fields.access_token, expiresAt: Date.now() + (Number.isFinite(lifetime) ? lifetime : 3600) * 1000 };
      },
    );
    return token.value;
  }

  async function listPage(url: string, isDelta: boolean, retried = false): Promise<{ page: DirectoryPage } | { expired: true }> {
    const bearer = await accessToken();
    return upstreamCall(
      context,
      {
        url,
        service: SERVICE,
        init: { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json', ConsistencyLevel: 'eventual' } },
        rateLimitWaitMs: retryAfter,
      },
      async (response) => {
        if (response.status === 401 && !retried) {
          // The token expired or was revoked upstream: get a new one, once.
          await response.discard();
          return { expired: true as const };
        }
        if (response.status === 401 || response.status === 403) {
          throw new UpstreamError(
            `Microsoft Graph refused to list users (HTTP ${response.status})${await upstreamReason(response, sent())}: the app registration needs User.Read.All`,
          );
        }
        if (isDelta && !isSuccess(response.status)) {
          const reason = await upstreamReason(response, sent());
          if (response.status === 410 || [...RESYNC_CODES].some((code) => reason.includes(code))) {
            throw new ResyncRequired(`Microsoft Graph no longer knows the delta token (HTTP ${response.status})`);
          }
          throw new UpstreamError(`Microsoft Graph answered HTTP ${response.status} for the users delta${reason}`);
        }
        if (!isSuccess(response.status)) {
          throw new UpstreamError(
            `Microsoft Graph answered HTTP ${response.status} for the users list${await upstreamReason(response, sent())}: check the integration's graphUrl`,
          );
        }
        const users: UpstreamUser[] = [];
        const removed: string[] = [];
        let next: string | null = null;
        let deltaLink: string | null = null;
        let count: number | null = null;
        let sawValue = false;
        await response.json({
          root: 'object',
          // Users one by one as they end; the top-level fields (the links, the count) too.
          paths: ['$.value.*', '$.*'],
          onValue(value, at) {
            if (at.depth === 2) {
              const entry = value as GraphUser & { '@removed'?: unknown };
              if (isDelta && typeof entry === 'object' && entry !== null && Object.hasOwn(entry, '@removed')) {
                const id = str(entry.id);
                if (!id) throw new UpstreamError('Microsoft Graph returned a removed user without an id');
                removed.push(id);
              } else users.push(toUpstreamUser(entry, isDelta));
            } else if (at.key === 'value') sawValue = Array.isArray(value);
            else if (at.key === '@odata.nextLink' && typeof value === 'string') next = value;
            else if (at.key === '@odata.deltaLink' && typeof value === 'string') deltaLink = value;
            else if (at.key === '@odata.count' && Number.isInteger(value)) count = value as number;
          },
        });
        if (!sawValue) throw new UpstreamError('Microsoft Graph returned a users list without "value"');
        if (isDelta && next === null && deltaLink === null) {
          throw new UpstreamError('Microsoft Graph ended a users delta without @odata.deltaLink');
        }
        const page: DirectoryPage = { users, removed, next: next ? assertSameOrigin(next, fullListing, SERVICE) : null, total: count };
        if (isDelta && next === null) page.deltaLink = assertSameOrigin(deltaLink!, fullListing, SERVICE);
        return { page };
      },
    );
  }

  /** A page of a plain collection (groups, members): its entries, and the next page's link. */
  async function collection(url: string, what: string, retried = false): Promise<{ entries: GraphEntry[]; next: string | null }> {
    const bearer = await accessToken();
    const result = await upstreamCall(
      context,
      {
        url,
        service: SERVICE,
        init: { headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' } },
        rateLimitWaitMs: retryAfter,
      },
      async (response) => {
        if (response.status === 401 && !retried) {
          await response.discard();
          return 'expired' as const;
        }
        if (response.status === 401 || response.status === 403) {
          throw new UpstreamError(
            `Microsoft Graph refused to list ${what} (HTTP ${response.status})${await upstreamReason(response, sent())}: the app registration needs GroupMember.Read.All`,
          );
        }
        if (!isSuccess(response.status)) {
          throw new UpstreamError(`Microsoft Graph answered HTTP ${response.status} for the ${what}${await upstreamReason(response, sent())}`);
        }
        const entries: GraphEntry[] = [];
        let next: string | null = null;
        let sawValue = false;
        await response.json({
          root: 'object',
          paths: ['$.value.*', '$.*'],
          onValue(value, at) {
            if (at.depth === 2) entries.push((typeof value === 'object' && value !== null ? value : {}) as GraphEntry);
            else if (at.key === 'value') sawValue = Array.isArray(value);
            else if (at.key === '@odata.nextLink' && typeof value === 'string') next = value;
          },
        });
        if (!sawValue) throw new UpstreamError(`Microsoft Graph returned the ${what} without "value"`);
        return { entries, next: next ? assertSameOrigin(next, fullListing, SERVICE) : null };
      },
    );
    if (result !== 'expired') return result;
    token = undefined;
    if (retried) throw new UpstreamError(`Microsoft Graph refused to list ${what} (HTTP 401)`);
    return collection(url, what, true);
  }

  async function read(url: string, isDelta: boolean): Promise<DirectoryPage> {
    let result = await listPage(url, isDelta);
    if ('expired' in result) {
      token = undefined;
      result = await listPage(url, isDelta, true);
    }
    if ('expired' in result) throw new UpstreamError('Microsoft Graph refused to list users (HTTP 401)');
    return result.page;
  }

  return {
    fetchPage(cursor, listing) {
      const url = cursor ?? firstOf(listing);
      if (url === null) return Promise.reject(new ResyncRequired('no delta link is kept for this directory yet'));
      return read(url, listing.kind === 'INCREMENTAL');
    },
    async fetchGroupsPage(cursor) {
      const { entries, next } = await collection(cursor ?? `${graphBase}/v1.0/groups?$select=id,displayName,description&$top=999`, 'groups');
      return { groups: entries.map(toUpstreamGroup), next };
    },
    async fetchMembersPage(groupId, cursor) {
      const { entries, next } = await collection(
        cursor ?? `${graphBase}/v1.0/groups/${encodeURIComponent(groupId)}/members?$select=id&$top=999`,
        'group members',
      );
      // Users only: nested groups are not expanded; devices, contacts and service principals are no users.
      const users = entries.filter((entry) => entry['@odata.type'] === USER_TYPE && str(entry.id) !== null);
      return { userIds: users.map((entry) => str(entry.id)!), skipped: entries.length - users.length, next };
    },
    async trackChanges() {
      const page = await read(`${graphBase}/v1.0/users/delta?$select=${SELECT}&$deltatoken=latest`, true);
      if (!page.deltaLink) throw new UpstreamError('Microsoft Graph answered $deltatoken=latest without @odata.deltaLink');
      return page.deltaLink;
    },
  };
}

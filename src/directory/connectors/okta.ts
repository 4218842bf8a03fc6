// Okta Users API: GET {orgUrl}/api/v1/users?limit=N with `Authorization: SSWS <token>`,
// paged by `Link: <...>; rel="next"`. 429s carry X-Rate-Limit-Reset (epoch seconds). An
// INCREMENTAL listing adds `filter=lastUpdated gt "<time>"`, which lists DEPROVISIONED
// users too (the plain listing leaves them out). Groups: GET /api/v1/groups and
// GET /api/v1/groups/{id}/users, paged the same way (group members are always users).
import type { OutboundResponse } from '../../outbound/client.ts';
import { UpstreamError, firstEmail, type DirectoryConnector, type Listing, type UpstreamGroup, type UpstreamUser } from './types.ts';
import { type UpstreamContext, assertSameOrigin, upstreamCall, upstreamReason } from './http.ts';

const INACTIVE_STATUSES = new Set(['SUSPENDED', 'DEPROVISIONED']);
const SERVICE = 'Okta';

interface OktaGroup {
  id?: unknown;
  profile?: { name?: unknown; description?: unknown };
}

interface OktaUser {
  id?: unknown;
  status?: unknown;
  profile?: { email?: unknown; login?: unknown; employeeNumber?: unknown; displayName?: unknown; firstName?: unknown; lastName?: unknown };
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

function toUpstreamUser(user: OktaUser): UpstreamUser {
  const id = str(user?.id);
  if (!id) throw new UpstreamError('Okta returned a user without an id');
  const profile = typeof user.profile === 'object' && user.profile !== null ? user.profile : {};
  const name = str(profile.displayName) ?? ([str(profile.firstName), str(profile.lastName)].filter(Boolean).join(' ') || null);
  return {
    externalId: id,
    email: firstEmail(str(profile.email), str(profile.login)),
    userPrincipalName: str(profile.login),
    employeeId: str(profile.employeeNumber),
    displayName: name,
    active: !INACTIVE_STATUSES.has(String(user.status)),
  };
}

function toUpstreamGroup(group: OktaGroup): UpstreamGroup {
  const id = str(group?.id);
  if (!id) throw new UpstreamError('Okta returned a group without an id');
  const profile = typeof group.profile === 'object' && group.profile !== null ? group.profile : {};
  return { externalId: id, name: str(profile.name) ?? id, description: str(profile.description) };
}

function nextLink(header: string | null): string | null {
  for (const part of header?.split(',') ?? []) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return null;
}

export interface OktaOptions {
  orgUrl: string;
  apiToken: string;
  pageSize?: number;
}

/** Okta's clock may be behind ours: an incremental listing reaches this far before `since`. */
const CLOCK_SKEW_MS = 60_000;

export function oktaConnector(options: OktaOptions, context: UpstreamContext): DirectoryConnector {
  const listUsers = `${options.orgUrl.replace(/\/+$/, '')}/api/v1/users?limit=${options.pageSize ?? 200}`;
  const firstOf = (listing: Listing) =>
    listing.kind === 'FULL'
      ? listUsers
      : `${listUsers}&filter=${encodeURIComponent(`lastUpdated gt "${new Date(listing.since.getTime() - CLOCK_SKEW_MS).toISOString()}"`)}`;
  const base = options.orgUrl.replace(/\/+$/, '');
  const limit = options.pageSize ?? 200;
  const sent = [options.apiToken];

  /** One page of a listing: its items through `onItem`, and the next page's link (same host only). */
  function page<T>(url: string, what: string, onItem: (item: unknown) => T): Promise<{ items: T[]; next: string | null }> {
    return upstreamCall(
      context,
      {
        url,
        service: SERVICE,
        init: { headers: { authorization: `SSWS ${options.apiToken}`, accept: 'application/json' } },
        rateLimitWaitMs: (r: OutboundResponse) => {
          const reset = Number(r.header('x-rate-limit-reset'));
          return Number.isFinite(reset) && reset > 0 ? reset * 1000 - Date.now() + 100 : 1000;
        },
      },
      async (response) => {
        if (response.status === 401 || response.status === 403) {
          throw new UpstreamError(
            `Okta rejected the API token (HTTP ${response.status})${await upstreamReason(response, sent)}: check the integration's apiToken and its permissions`,
          );
        }
        if (response.status < 200 || response.status > 299) {
          throw new UpstreamError(
            `Okta answered HTTP ${response.status} for the ${what}${await upstreamReason(response, sent)}: check the integration's orgUrl`,
          );
        }
        const items: T[] = [];
        await response.json({ root: 'array', paths: ['$.*'], onValue: (item) => items.push(onItem(item)) });
        const next = nextLink(response.header('link'));
        return { items, next: next ? assertSameOrigin(next, base, SERVICE) : null };
      },
    );
  }

  return {
    async fetchPage(cursor, listing) {
      const { items, next } = await page(cursor ?? firstOf(listing), 'users list', (user) => toUpstreamUser(user as OktaUser));
      return { users: items, removed: [], next, total: null };
    },
    async fetchGroupsPage(cursor) {
      const { items, next } = await page(cursor ?? `${base}/api/v1/groups?limit=${limit}`, 'groups list', (group) =>
        toUpstreamGroup(group as OktaGroup),
      );
      return { groups: items, next };
    },
    async fetchMembersPage(groupId, cursor) {
      let skipped = 0;
      const { items, next } = await page(
        cursor ?? `${base}/api/v1/groups/${encodeURIComponent(groupId)}/users?limit=${limit}`,
        'group members',
        (user) => {
          const id = str((user as OktaUser)?.id);
          if (!id) skipped++;
          return id;
        },
      );
      return { userIds: items.filter((id): id is string => id !== null), skipped, next };
    },
  };
}

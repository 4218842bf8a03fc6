// Okta Users API: GET {orgUrl}/api/v1/users?limit=N with `Authorization: SSWS <token>`,
// paged by `Link: <...>; rel="next"`. 429s carry X-Rate-Limit-Reset (epoch seconds). An
// INCREMENTAL listing adds `filter=lastUpdated gt "<time>"`, which lists DEPROVISIONED
// users too (the plain listing leaves them out).
import { UpstreamError, firstEmail, type DirectoryConnector, type Listing, type UpstreamUser } from './types.ts';
import { type UpstreamContext, assertSameOrigin, upstreamCall, upstreamReason } from './http.ts';

const INACTIVE_STATUSES = new Set(['SUSPENDED', 'DEPROVISIONED']);
const SERVICE = 'Okta';

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

export function oktaConnector(options: OktaOptions, context: UpstreamContext, listing: Listing = { kind: 'FULL' }): DirectoryConnector {
  const listUsers = `${options.orgUrl.replace(/\/+$/, '')}/api/v1/users?limit=${options.pageSize ?? 200}`;
  const first =
    listing.kind === 'FULL'
      ? listUsers
      : `${listUsers}&filter=${encodeURIComponent(`lastUpdated gt "${new Date(listing.since.getTime() - CLOCK_SKEW_MS).toISOString()}"`)}`;
  const sent = [options.apiToken];
  return {
    fetchPage(cursor) {
      return upstreamCall(
        context,
        {
          url: cursor ?? first,
          service: SERVICE,
          init: { headers: { authorization: `SSWS ${options.apiToken}`, accept: 'application/json' } },
          rateLimitWaitMs: (r) => {
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
              `Okta answered HTTP ${response.status} for the users list${await upstreamReason(response, sent)}: check the integration's orgUrl`,
            );
          }
          const users: UpstreamUser[] = [];
          await response.json({ root: 'array', paths: ['$.*'], onValue: (user) => users.push(toUpstreamUser(user as OktaUser)) });
          const next = nextLink(response.header('link'));
          return { users, removed: [], next: next ? assertSameOrigin(next, first, SERVICE) : null, total: null };
        },
      );
    },
  };
}

// Microsoft Entra ID through Microsoft Graph: a client-credentials token from
// {authorityUrl}/{tenantId}/oauth2/v2.0/token, then GET {graphUrl}/v1.0/users following
// @odata.nextLink. 429s carry Retry-After (seconds). An expired token is refreshed once.
import { UpstreamError, firstEmail, type DirectoryConnector, type UpstreamUser } from './types.ts';
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

function toUpstreamUser(user: GraphUser): UpstreamUser {
  const id = str(user?.id);
  if (!id) throw new UpstreamError('Microsoft Graph returned a user without an id');
  return {
    externalId: id,
    email: firstEmail(str(user.mail), str(user.userPrincipalName)),
    userPrincipalName: str(user.userPrincipalName),
    employeeId: str(user.employeeId),
    displayName: str(user.displayName),
    active: user.accountEnabled !== false,
  };
}

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
  const first = `${graphBase}/v1.0/users?$select=${SELECT}&$top=${options.pageSize ?? 999}&$count=true`;
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

  async function listPage(url: string, retried = false): Promise<{ page: Awaited<ReturnType<DirectoryConnector['fetchPage']>> } | { expired: true }> {
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
        if (!isSuccess(response.status)) {
          throw new UpstreamError(
            `Microsoft Graph answered HTTP ${response.status} for the users list${await upstreamReason(response, sent())}: check the integration's graphUrl`,
          );
        }
        const users: UpstreamUser[] = [];
        let next: string | null = null;
        let count: number | null = null;
        let sawValue = false;
        await response.json({
          root: 'object',
          // Users one by one as they end; the top-level fields (the link, the count) too.
          paths: ['$.value.*', '$.*'],
          onValue(value, at) {
            if (at.depth === 2) users.push(toUpstreamUser(value as GraphUser));
            else if (at.key === 'value') sawValue = Array.isArray(value);
            else if (at.key === '@odata.nextLink' && typeof value === 'string') next = value;
            else if (at.key === '@odata.count' && Number.isInteger(value)) count = value as number;
          },
        });
        if (!sawValue) throw new UpstreamError('Microsoft Graph returned a users list without "value"');
        return { page: { users, next: next ? assertSameOrigin(next, first, SERVICE) : null, total: count } };
      },
    );
  }

  return {
    async fetchPage(cursor) {
      const url = cursor ?? first;
      let result = await listPage(url);
      if ('expired' in result) {
        token = undefined;
        result = await listPage(url, true);
      }
      if ('expired' in result) throw new UpstreamError('Microsoft Graph refused to list users (HTTP 401)');
      return result.page;
    },
  };
}

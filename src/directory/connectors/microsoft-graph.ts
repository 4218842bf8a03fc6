// Microsoft Entra ID through Microsoft Graph: a client-credentials token from
// {authorityUrl}/{tenantId}/oauth2/v2.0/token, then GET {graphUrl}/v1.0/users following
// @odata.nextLink. 429s carry Retry-After (seconds). An expired token is refreshed once.
import { UpstreamError, firstEmail, type DirectoryConnector, type UpstreamUser } from './types.ts';
import { assertSameOrigin, readJson, upstreamFetch, type RetryPolicy } from './http.ts';

const SERVICE = 'Microsoft Graph';
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

export function toUpstreamUser(user: GraphUser): UpstreamUser {
  const id = str(user.id);
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

const retryAfter = (r: Response) => {
  const seconds = Number(r.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
};

export interface GraphOptions {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authorityUrl: string;
  graphUrl: string;
  pageSize?: number;
  retry?: RetryPolicy;
}

export function microsoftGraphConnector(options: GraphOptions): DirectoryConnector {
  const graphBase = options.graphUrl.replace(/\/+$/, '');
  const first = `${graphBase}/v1.0/users?$select=${SELECT}&$top=${options.pageSize ?? 999}&$count=true`;
  let token: { value: string; expiresAt: number } | undefined;

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now() + 60_000) return token.value;
    const url = `${options.authorityUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`;
    const response = await upstreamFetch(
      {
        url,
        service: 'Microsoft identity platform',
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({
            client_id: options.clientId,
            client_secret: options.clientSecret,
            scope: GRAPH_SCOPE,
            grant_type: 'client_credentials',
          }),
        },
        rateLimitWaitMs: retryAfter,
      },
      options.retry,
    );
    const body = (await readJson(response, 'Microsoft identity platform')) as { access_token?: unknown; expires_in?: unknown; error?: unknown };
    if (!response.ok || typeof body.access_token !== 'string') {
      const reason = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
      throw new UpstreamError(
        `Microsoft identity platform refused the client credentials (${reason}): check the integration's tenantId, clientId and clientSecret`,
      );
    }
    const lifetime = Number(body.expires_in);
    token = { value: body.access_token, expiresAt: Date.now() + (Number.isFinite(lifetime) ? lifetime : 3600) * 1000 };
    return token.value;
  }

  async function get(url: string, retried = false): Promise<Response> {
    const response = await upstreamFetch(
      {
        url,
        service: SERVICE,
        init: { headers: { authorization: `Bearer ${await accessToken()}`, accept: 'application/json', ConsistencyLevel: 'eventual' } },
        rateLimitWaitMs: retryAfter,
      },
      options.retry,
    );
    if (response.status === 401 && !retried) {
      // The token expired or was revoked upstream: get a new one, once.
      await response.body?.cancel();
      token = undefined;
      return get(url, true);
    }
    return response;
  }

  return {
    async fetchPage(cursor) {
      const response = await get(cursor ?? first);
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        throw new UpstreamError(`Microsoft Graph refused to list users (HTTP ${response.status}): the app registration needs User.Read.All`);
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new UpstreamError(`Microsoft Graph answered HTTP ${response.status} for the users list: check the integration's graphUrl`);
      }
      const body = (await readJson(response, SERVICE)) as { value?: unknown; '@odata.nextLink'?: unknown; '@odata.count'?: unknown };
      if (!Array.isArray(body.value)) throw new UpstreamError('Microsoft Graph returned a users list without "value"');
      const next = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : null;
      const count = Number(body['@odata.count']);
      return {
        users: body.value.map((u) => toUpstreamUser(u as GraphUser)),
        next: next ? assertSameOrigin(next, first, SERVICE) : null,
        total: Number.isInteger(count) ? count : null,
      };
    },
  };
}

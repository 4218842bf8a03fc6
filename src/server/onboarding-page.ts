// GET /onboarding/<session ID>?token=…: the page a session's onboardingUrl opens (contract
// 6.6.3). It shows that session's status, its workflow's name and steps, and nothing else;
// a wrong token, an unknown or malformed ID and another organization's session are one and
// the same 404 page. With ONBOARDING_SANDBOX=true an open session's page has Complete and
// Fail buttons: a POST to the same URL with the page's CSRF token, finished by the very use
// case completeOnboardingSession runs (same rules, events and audit entry), then a 303 to
// the session's redirectUrl, or back to the page.
//
// The URL carries the session's credential, so every answer is no-store and no-referrer;
// pages may not be framed and load nothing (no script at all, one style by its hash).
import type { Config } from '../config.ts';
import type { Cipher } from '../domain/crypto.ts';
import { UserErrors } from '../domain/errors.ts';
import { type LinkedSession, completeOnboardingSession, isOpenStatus, sessionOfLink } from '../domain/onboarding.ts';
import type { Actor } from '../domain/outbox.ts';
import { constantTimeEqual } from '../domain/secrets.ts';
import { tenantClient } from '../db/tenant.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { currentRequestId } from '../logger.ts';
import { clientAddress } from './client-address.ts';
import type { Route, RouteInfo } from './http.ts';
import { STYLE_SOURCE, messagePage, sessionPage } from './onboarding-page-html.ts';

export const ONBOARDING_PATH = '/onboarding/';

/** A form of two short fields; anything much larger is not the page's form. */
const MAX_FORM_BYTES = 2048;
const OUTCOMES = ['COMPLETED', 'FAILED'] as const;
type Outcome = (typeof OUTCOMES)[number];

const CSRF_PURPOSE = 'onboarding page csrf';

export interface OnboardingPageDeps {
  prisma: PrismaClient;
  cipher: Cipher;
  config: Pick<Config, 'onboardingSandbox' | 'trustProxyHops'>;
}

/**
 * Where the form may send the browser: this server, and the origin of the session's
 * redirectUrl (Chromium holds a form's redirects to form-action too). A URL without an
 * origin (an app's custom scheme) is allowed by its scheme.
 */
function formTargets(redirectUrl: string | null): string {
  if (!redirectUrl) return "'self'";
  const url = new URL(redirectUrl);
  return `'self' ${url.origin === 'null' ? url.protocol : url.origin}`;
}

function html(
  status: number,
  body: string,
  { redirectUrl = null, headers = {} }: { redirectUrl?: string | null; headers?: Record<string, string> } = {},
) {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src ${STYLE_SOURCE}; form-action ${formTargets(redirectUrl)}; frame-ancestors 'none'; base-uri 'none'`,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

/** The one answer for every link that opens nothing: it must not tell why. */
const notFound = () => html(404, messagePage('Page not found', 'This link is not valid. Ask whoever sent it to you for a new one.'));

const refused = (status: number, title: string, message: string, headers?: Record<string, string>) =>
  html(status, messagePage(title, message), { headers });

/** The session ID and token of an onboarding link ("" when absent or given twice: no session has them). */
function linkOf(url: URL): { sessionId: string; token: string } {
  const tokens = url.searchParams.getAll('token');
  return { sessionId: url.pathname.slice(ONBOARDING_PATH.length), token: tokens.length === 1 ? tokens[0] : '' };
}

/** The page's form fields, exactly: one csrf and one known outcome, nothing else. */
function readForm(body: string): { csrf: string; outcome: Outcome } | undefined {
  const fields = new URLSearchParams(body);
  const names = [...fields.keys()];
  if (names.length !== 2 || new Set(names).size !== 2) return undefined;
  const csrf = fields.get('csrf');
  const outcome = OUTCOMES.find((known) => known === fields.get('outcome'));
  return csrf && outcome ? { csrf, outcome } : undefined;
}

export function createOnboardingPage({ prisma, cipher, config }: OnboardingPageDeps): Route {
  const csrfTokenOf = (sessionId: string) => cipher.mac(CSRF_PURPOSE, sessionId);
  const allow = config.onboardingSandbox ? 'GET, HEAD, POST' : 'GET, HEAD';

  function page(session: LinkedSession, url: URL, status = 200, notice?: string) {
    const sandboxForm =
      config.onboardingSandbox && isOpenStatus(session.status)
        ? { action: `${url.pathname}${url.search}`, csrfToken: csrfTokenOf(session.id) }
        : undefined;
    return html(status, sessionPage(session, { sandboxForm, notice }), { redirectUrl: session.redirectUrl });
  }

  async function finish(request: Request, url: URL, info: RouteInfo): Promise<Response> {
    const contentType = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
    if (contentType !== 'application/x-www-form-urlencoded') {
      return refused(415, 'Unsupported form', 'Send the form as application/x-www-form-urlencoded, as the page does.');
    }
    const body = await request.arrayBuffer();
    if (body.byteLength > MAX_FORM_BYTES) return refused(413, 'Form too large', `The form may be at most ${MAX_FORM_BYTES} bytes.`);
    const form = readForm(new TextDecoder().decode(body));
    if (!form) return refused(400, 'Malformed form', 'The form needs exactly the fields csrf and outcome (COMPLETED or FAILED).');

    const { sessionId, token } = linkOf(url);
    const session = await sessionOfLink(prisma, sessionId, token);
    if (!session) return notFound();
    if (!constantTimeEqual(form.csrf, csrfTokenOf(session.id))) {
      return refused(403, 'Form refused', 'This form did not come from this page. Open the link again and use its buttons.');
    }
    // Not a caller of the API but this server's own page: SYSTEM, named so the audit log says which.
    const actor: Actor = {
      type: 'SYSTEM',
      id: null,
      name: 'onboarding page (sandbox)',
      requestId: currentRequestId() ?? null,
      ipAddress: clientAddress(request, info.remoteAddress, config.trustProxyHops) ?? null,
    };
    try {
      await completeOnboardingSession({ db: tenantClient(prisma, session.organizationId), actor }, { sessionId: session.id, outcome: form.outcome });
    } catch (error) {
      if (!(error instanceof UserErrors)) throw error;
      const current = await sessionOfLink(prisma, sessionId, token);
      // SESSION_ALREADY_FINISHED (a second click, another tab, the engine first), or gone since.
      return current ? page(current, url, 409, error.message) : notFound();
    }
    return new Response(null, {
      status: 303,
      headers: { location: session.redirectUrl ?? `${url.pathname}${url.search}`, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    });
  }

  return async function onboardingPage(request: Request, info: RouteInfo): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === 'GET' || request.method === 'HEAD') {
      const { sessionId, token } = linkOf(url);
      const session = await sessionOfLink(prisma, sessionId, token);
      return session ? page(session, url) : notFound();
    }
    if (request.method === 'POST') {
      // Refused before anything is looked up: without the sandbox a POST tells nothing.
      if (!config.onboardingSandbox)
        return refused(403, 'Sandbox mode is off', 'Sessions are finished by the verification engine, not on this page.');
      return finish(request, url, info);
    }
    return refused(405, 'Method not allowed', `Use ${allow}.`, { allow });
  };
}

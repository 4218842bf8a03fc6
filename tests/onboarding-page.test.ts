// The onboarding page (contract 6.6.3, README: "Onboarding page"): what a session's
// onboardingUrl opens. On the suite's shared server (no sandbox): the page of that session
// only, escaped, with strict headers; one 404 page for every link that opens nothing; no
// way to change anything. On a server of this file's own with ONBOARDING_SANDBOX=true: the
// Complete and Fail buttons, refused without the page's CSRF token or the link's token,
// finishing the session exactly as completeOnboardingSession does (status, events, audit
// entry), and in headless Chromium a click that lands on the session's redirectUrl.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { launchBrowser, sameOriginPage } from './support/browser.ts';
import { type IsolatedServer, startIsolatedServer } from './support/isolated-server.ts';
import { type Org, execute, graphql, it, nodes, present, setFeature, testOrg } from './support/kit.ts';

const SESSION = graphql(`
  query OnboardingPageSession($id: ID!) {
    onboardingSession(id: $id) {
      id
      status
      completedAt
    }
  }
`);
const EVENTS = graphql(`
  query OnboardingPageEvents($types: [String!]) {
    events(first: 50, filter: { types: $types }) {
      edges {
        node {
          type
          data
        }
      }
    }
  }
`);
const AUDIT = graphql(`
  query OnboardingPageAudit($targetId: ID!) {
    auditLog(first: 10, filter: { targetId: $targetId }) {
      edges {
        node {
          action
          actor {
            type
            id
            name
          }
          changes
        }
      }
    }
  }
`);

const UNKNOWN_SESSION = 'ses_00000000000000000000000000';

interface Page {
  status: number;
  headers: Headers;
  text: string;
}

async function open(url: string, init: RequestInit = {}): Promise<Page> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** POSTs the page's form (or any body) to a link. */
function submit(url: string, fields: Record<string, string> | string, contentType = 'application/x-www-form-urlencoded') {
  const body = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
  return open(url, { method: 'POST', headers: { 'content-type': contentType }, body });
}

/** The same link with another session ID or token. */
function withLink(onboardingUrl: string, change: { id?: string; token?: string | null }): string {
  const url = new URL(onboardingUrl);
  if (change.id !== undefined) url.pathname = `/onboarding/${change.id}`;
  if (change.token === null) url.searchParams.delete('token');
  else if (change.token !== undefined) url.searchParams.set('token', change.token);
  return url.href;
}

const tokenOf = (onboardingUrl: string) => present(new URL(onboardingUrl).searchParams.get('token'), 'the link token');

/** The page's CSRF token, as its form carries it. */
function csrfOf(page: Page): string {
  return present(/name="csrf" value="([^"]+)"/.exec(page.text)?.[1], 'the CSRF field');
}

/** The session IDs of the organization's events of this type. */
async function eventSessionIds(org: Org, type: string): Promise<string[]> {
  return nodes((await execute(org, EVENTS, { types: [type] })).events).map((event) => (event.data as { id: string }).id);
}

async function statusOf(org: Org, id: string) {
  return present((await execute(org, SESSION, { id })).onboardingSession, 'the session').status;
}

function expectPageHeaders(page: Page) {
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const csp = present(page.headers.get('content-security-policy'), 'content-security-policy');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src|unsafe-inline|unpkg/);
  expect(page.headers.get('cache-control')).toBe('no-store');
  expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  expect(page.headers.get('x-frame-options')).toBe('DENY');
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('the page (sandbox off: the shared server)', () => {
  let acme: Org;
  let other: Org;
  beforeAll(async () => {
    [acme, other] = await Promise.all([testOrg({ name: 'Onboarding page' }), testOrg({ name: 'Onboarding page other' })]);
  });

  it("shows the session's status, workflow name and steps, escaped, and nothing of another session", async () => {
    const workflow = await acme.workflow({ name: '<b>KYC</b> & "friends"', steps: ['DOCUMENT', '<script>alert(1)</script>'] });
    const integration = await acme.apiIntegration({ name: 'Page API', workflowId: workflow.id });
    const session = await acme.session({ integrationId: integration.id, externalUserId: 'person-secret-ref', email: 'person@example.com' });
    const neighbour = await acme.session({ integrationId: integration.id, externalUserId: 'neighbour-ref' });

    const page = await open(session.onboardingUrl);
    expect(page.status).toBe(200);
    expectPageHeaders(page);
    expect(page.text).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page.text).toContain('<title>Identity verification: Pending</title>');
    expect(page.text).toContain('<h1>Identity verification</h1>');
    expect(page.text).toContain('data-status="PENDING">Pending<');
    expect(page.text).toContain('&lt;b&gt;KYC&lt;/b&gt; &amp; &quot;friends&quot;');
    expect(page.text).toContain('<li>DOCUMENT</li><li>&lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(page.text).not.toMatch(/<script|<b>/);
    // No buttons without the sandbox; nothing of the person, the organization or another session.
    expect(page.text).not.toMatch(/<form|<button|csrf/);
    for (const absent of ['person-secret-ref', 'person@example.com', acme.id, acme.name, neighbour.id, tokenOf(session.onboardingUrl)]) {
      expect(page.text).not.toContain(absent);
    }
    expect((await open(session.onboardingUrl, { method: 'HEAD' })).status).toBe(200);
  });

  it('answers one 404 page for a wrong token, an unknown, malformed or mismatched session, or a missing token', async () => {
    const session = await acme.session();
    const theirs = await other.session();
    const noIntegrations = await testOrg({ name: 'Onboarding page gated' });
    const gated = await noIntegrations.session();
    await setFeature(noIntegrations.id, false);

    const links = {
      'a wrong token': withLink(session.onboardingUrl, { token: `${tokenOf(session.onboardingUrl).slice(0, -2)}xx` }),
      'an unknown session': withLink(session.onboardingUrl, { id: UNKNOWN_SESSION }),
      "another organization's session with this token": withLink(session.onboardingUrl, { id: theirs.id }),
      "this session with another organization's token": withLink(session.onboardingUrl, { token: tokenOf(theirs.onboardingUrl) }),
      'a malformed ID': withLink(session.onboardingUrl, { id: "ses_'; DROP TABLE x;--" }),
      'an ID of another type': withLink(session.onboardingUrl, { id: acme.id }),
      'no token': withLink(session.onboardingUrl, { token: null }),
      'an empty token': withLink(session.onboardingUrl, { token: '' }),
      'a huge token': withLink(session.onboardingUrl, { token: 'x'.repeat(5000) }),
      'the token twice': `${session.onboardingUrl}&token=${tokenOf(session.onboardingUrl)}`,
      'no session ID': withLink(session.onboardingUrl, { id: '' }),
      'an organization without INTEGRATIONS_ECOSYSTEM': gated.onboardingUrl,
    };
    const pages = await Promise.all(Object.values(links).map((link) => open(link)));
    const [first] = pages;
    expect(first.status).toBe(404);
    expectPageHeaders(first);
    expect(first.text).toContain('<title>Page not found</title>');
    pages.forEach((page, index) => {
      const label = Object.keys(links)[index];
      expect(page.status, label).toBe(404);
      expect(page.text, label).toBe(first.text);
    });
    expect(first.text).not.toContain(session.id);
    // The links that open something still do.
    expect((await open(session.onboardingUrl)).status).toBe(200);
    expect((await open(theirs.onboardingUrl)).status).toBe(200);
    await setFeature(noIntegrations.id, true);
    expect((await open(gated.onboardingUrl)).status).toBe(200);
  });

  it('changes nothing on a POST without the sandbox, and refuses other methods with 405', async () => {
    const session = await acme.session();
    const refused = await submit(session.onboardingUrl, { csrf: 'anything', outcome: 'COMPLETED' });
    expect(refused.status).toBe(403);
    expectPageHeaders(refused);
    expect(refused.text).toContain('Sandbox mode is off');
    // The same for a link that opens nothing: a POST tells nothing either.
    expect((await submit(withLink(session.onboardingUrl, { id: UNKNOWN_SESSION }), { csrf: 'x', outcome: 'COMPLETED' })).text).toBe(refused.text);
    // A GET never acts, whatever its query says.
    expect((await open(`${session.onboardingUrl}&outcome=COMPLETED`)).status).toBe(200);
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const page = await open(session.onboardingUrl, { method });
      expect(page.status, method).toBe(405);
      expect(page.headers.get('allow'), method).toBe('GET, HEAD');
    }
    expect(await statusOf(acme, session.id)).toBe('PENDING');
  });
});

describe('the sandbox (ONBOARDING_SANDBOX=true)', () => {
  let server: IsolatedServer;
  let acme: Org;
  let other: Org;
  let browser: Browser;
  /** The partner's app the browser is sent back to: a loopback stand-in that records what it got. */
  let partnerApp: Server;
  let partnerOrigin: string;
  const partnerRequests: { url: string; referer: string | undefined }[] = [];

  beforeAll(async () => {
    partnerApp = createServer((req, res) => {
      partnerRequests.push({ url: req.url ?? '', referer: req.headers.referer });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Partner app</title><h1>Welcome back</h1>');
    });
    await new Promise<void>((resolve) => partnerApp.listen(0, '127.0.0.1', resolve));
    partnerOrigin = `http://127.0.0.1:${(partnerApp.address() as AddressInfo).port}`;
    [server, browser] = await Promise.all([startIsolatedServer({ ONBOARDING_SANDBOX: 'true' }), launchBrowser()]);
    const on = { server: { storageEnv: server.storageEnv, graphqlUrl: server.graphqlUrl } };
    [acme, other] = await Promise.all([testOrg({ name: 'Sandbox page', ...on }), testOrg({ name: 'Sandbox page other', ...on })]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => partnerApp?.close(resolve));
  });

  it("offers Complete and Fail on an open session's page, with a CSRF token that is not the link's token", async () => {
    const session = await acme.session({ redirectUrl: `${partnerOrigin}/done` });
    const page = await open(session.onboardingUrl);
    expect(page.status).toBe(200);
    expectPageHeaders(page);
    // The form may send the browser on to the session's redirectUrl, and nowhere else.
    expect(page.headers.get('content-security-policy')).toContain(`form-action 'self' ${partnerOrigin};`);
    const url = new URL(session.onboardingUrl);
    expect(page.text).toContain(`<form method="post" action="${url.pathname}?token=${tokenOf(session.onboardingUrl)}">`);
    expect(page.text).toContain('<button type="submit" class="complete" name="outcome" value="COMPLETED">Complete</button>');
    expect(page.text).toContain('<button type="submit" class="fail" name="outcome" value="FAILED">Fail</button>');
    const csrf = csrfOf(page);
    expect(csrf).not.toBe(tokenOf(session.onboardingUrl));
    expect(csrf.length).toBeGreaterThanOrEqual(40);
    // Per session: another session's page carries another token.
    expect(csrfOf(await open((await acme.session()).onboardingUrl))).not.toBe(csrf);
  });

  it('refuses a POST without the right CSRF token, link token or form, and changes nothing', async () => {
    const session = await acme.session();
    const otherSession = await acme.session();
    const theirs = await other.session();
    const csrf = csrfOf(await open(session.onboardingUrl));
    const theirCsrf = csrfOf(await open(otherSession.onboardingUrl));

    const attempts: [string, Promise<Page>, number][] = [
      ['a wrong CSRF token', submit(session.onboardingUrl, { csrf: `${csrf.slice(0, -2)}xx`, outcome: 'COMPLETED' }), 403],
      ["another session's CSRF token", submit(session.onboardingUrl, { csrf: theirCsrf, outcome: 'COMPLETED' }), 403],
      ['the link token as CSRF token', submit(session.onboardingUrl, { csrf: tokenOf(session.onboardingUrl), outcome: 'COMPLETED' }), 403],
      ['no CSRF token', submit(session.onboardingUrl, { outcome: 'COMPLETED' }), 400],
      ['a wrong link token', submit(withLink(session.onboardingUrl, { token: 'wrong' }), { csrf, outcome: 'COMPLETED' }), 404],
      ["another organization's session", submit(withLink(session.onboardingUrl, { id: theirs.id }), { csrf, outcome: 'COMPLETED' }), 404],
      ['an unknown outcome', submit(session.onboardingUrl, { csrf, outcome: 'EXPIRED' }), 400],
      ['a repeated field', submit(session.onboardingUrl, `csrf=${csrf}&outcome=COMPLETED&outcome=FAILED`), 400],
      ['an extra field', submit(session.onboardingUrl, { csrf, outcome: 'COMPLETED', fullName: 'X' }), 400],
      ['JSON', submit(session.onboardingUrl, JSON.stringify({ csrf, outcome: 'COMPLETED' }), 'application/json'), 415],
      ['an oversized form', submit(session.onboardingUrl, `csrf=${csrf}&outcome=COMPLETED&pad=${'x'.repeat(4096)}`), 413],
    ];
    for (const [label, attempt, status] of attempts) {
      const page = await attempt;
      expect(page.status, label).toBe(status);
      expect(page.headers.get('content-type'), label).toBe('text/html; charset=utf-8');
      expect(page.text, label).toMatch(/<h1>[^<]+<\/h1>/);
    }
    const notFound = await open(withLink(session.onboardingUrl, { token: 'wrong' }));
    expect((await attempts[4][1]).text).toBe(notFound.text);
    expect(await statusOf(acme, session.id)).toBe('PENDING');
    expect(nodes((await execute(acme, AUDIT, { targetId: session.id })).auditLog).map((entry) => entry.action)).toEqual([
      'onboarding_session.create',
    ]);
  });

  it('Complete finishes the session as completeOnboardingSession does, then shows it; a second POST is refused', async () => {
    const session = await acme.session();
    const csrf = csrfOf(await open(session.onboardingUrl));
    const done = await submit(session.onboardingUrl, { csrf, outcome: 'COMPLETED' });
    expect(done.status).toBe(303);
    const url = new URL(session.onboardingUrl);
    expect(done.headers.get('location')).toBe(`${url.pathname}${url.search}`);
    expect(done.headers.get('referrer-policy')).toBe('no-referrer');

    const read = present((await execute(acme, SESSION, { id: session.id })).onboardingSession);
    expect(read.status).toBe('COMPLETED');
    expect(read.completedAt).not.toBeNull();
    const events = nodes((await execute(acme, EVENTS, { types: ['onboarding.session.completed'] })).events);
    expect(events.filter((event) => (event.data as { id: string }).id === session.id)).toEqual([
      { type: 'onboarding.session.completed', data: expect.objectContaining({ id: session.id, status: 'COMPLETED' }) },
    ]);
    const audit = nodes((await execute(acme, AUDIT, { targetId: session.id })).auditLog);
    expect(audit[0]).toEqual({
      action: 'onboarding_session.complete',
      actor: { type: 'SYSTEM', id: null, name: 'onboarding page (sandbox)' },
      changes: { status: { from: 'PENDING', to: 'COMPLETED' } },
    });
    // Nothing of it reached another organization.
    expect(await eventSessionIds(other, 'onboarding.session.completed')).toEqual([]);

    const after = await open(session.onboardingUrl);
    expect(after.text).toContain('data-status="COMPLETED">Completed<');
    expect(after.text).not.toMatch(/<form|<button/);
    // The rules of the mutation: a finished session stays finished.
    const again = await submit(session.onboardingUrl, { csrf, outcome: 'FAILED' });
    expect(again.status).toBe(409);
    expect(again.text).toContain('This session is already completed.');
    expect(await statusOf(acme, session.id)).toBe('COMPLETED');
    expect(nodes((await execute(acme, AUDIT, { targetId: session.id })).auditLog)).toHaveLength(2);
  });

  it('Fail fails the session; an expired session shows EXPIRED and cannot be finished', async () => {
    const failed = await acme.session();
    expect((await submit(failed.onboardingUrl, { csrf: csrfOf(await open(failed.onboardingUrl)), outcome: 'FAILED' })).status).toBe(303);
    expect(await statusOf(acme, failed.id)).toBe('FAILED');
    expect(await eventSessionIds(acme, 'onboarding.session.failed')).toContain(failed.id);

    const expiring = await acme.session();
    const csrf = csrfOf(await open(expiring.onboardingUrl));
    // Seven days pass: the session's expiry, moved into the past.
    const db = server.database();
    await db.connect();
    try {
      await db.query(`UPDATE "OnboardingSession" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [expiring.id]);
    } finally {
      await db.end();
    }
    const page = await open(expiring.onboardingUrl);
    expect(page.text).toContain('data-status="EXPIRED">Expired<');
    expect(page.text).not.toMatch(/<form|<button/);
    const refused = await submit(expiring.onboardingUrl, { csrf, outcome: 'COMPLETED' });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('This session is already expired.');
    expect(await statusOf(acme, expiring.id)).toBe('EXPIRED');
  });

  it('in Chromium: a click on Complete lands on the redirectUrl, with no referrer and nothing loaded from elsewhere', async () => {
    const session = await acme.session({ redirectUrl: `${partnerOrigin}/done?order=42` });
    const browsing = await sameOriginPage(browser, server.server.url);
    // The partner's app is on loopback too: let the browser reach it, and only it.
    await browsing.page.route(`${partnerOrigin}/**`, (route) => route.continue());
    try {
      const { page } = browsing;
      await page.goto(session.onboardingUrl);
      expect(await page.title()).toBe('Identity verification: Pending');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Identity verification');
      expect(await page.locator('#steps li').allTextContents()).toEqual(['DOCUMENT', 'SELFIE']);
      expect(await page.locator('script').count()).toBe(0);
      await browsing.screenshot('onboarding-page-sandbox');
      await Promise.all([page.waitForURL(`${partnerOrigin}/done?order=42`), page.getByRole('button', { name: 'Complete' }).click()]);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome back');
      expect(partnerRequests.filter((request) => request.url === '/done?order=42')).toEqual([{ url: '/done?order=42', referer: undefined }]);
      expect(browsing.foreignRequests).toEqual([]);
      expect(browsing.pageErrors).toEqual([]);
      expect(await statusOf(acme, session.id)).toBe('COMPLETED');

      // Without a redirectUrl the browser comes back to the page, which shows the outcome.
      const plain = await acme.session();
      await page.goto(plain.onboardingUrl);
      await page.getByRole('button', { name: 'Fail' }).click();
      await page.locator('#status[data-status="FAILED"]').waitFor();
      expect(page.url()).toBe(plain.onboardingUrl);
      expect(await page.locator('#status').textContent()).toBe('Failed');
      expect(await page.getByRole('button').count()).toBe(0);
      await browsing.screenshot('onboarding-page-failed');
      expect(browsing.foreignRequests).toEqual([]);
      expect(browsing.pageErrors).toEqual([]);
    } finally {
      await browsing.context.close();
    }
  });
});

// Headless Chromium for the end-to-end page tests (GraphiQL, the onboarding page):
// Debian's `chromium` driven by playwright-core (../README.md: "Testing"). Every request to
// an origin other than the server under test is aborted and recorded, so a page that
// reaches for the internet fails its test instead of quietly working on a connected laptop.
// Screenshots go to test-artifacts/ (git-ignored), named by test.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/project-root.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, 'test-artifacts');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface SameOriginPage {
  context: BrowserContext;
  page: Page;
  /** Every request the page tried to make to another origin (each was aborted). */
  foreignRequests: string[];
  /** Console errors and uncaught page errors, in order. */
  pageErrors: string[];
  /** Saves a full-page screenshot as test-artifacts/<name>.png; returns its path. */
  screenshot(name: string): Promise<string>;
}

/** A fresh context whose pages may only talk to `origin`. */
export async function sameOriginPage(browser: Browser, origin: string): Promise<SameOriginPage> {
  const allowed = new URL(origin).origin;
  const context = await browser.newContext();
  const foreignRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === allowed) return route.continue();
    foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return {
    context,
    page,
    foreignRequests,
    pageErrors,
    async screenshot(name) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
  };
}

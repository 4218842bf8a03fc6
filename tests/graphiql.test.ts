// GraphiQL on GET /graphql in headless Chromium with every other origin blocked (as with no
// internet): it renders from this server's assets alone, asks for no schema and shows no
// error until a key is in its headers, then loads the schema (docs), runs queries,
// mutations and a subscription over SSE. Screenshots: test-artifacts/graphiql-*.png.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { serverUrl } from './support/api.ts';
import { type SameOriginPage, launchBrowser, sameOriginPage } from './support/browser.ts';
import { createOktaIntegration, startSync, waitForSync } from './support/directory.ts';
import { execute, graphql, it, post } from './support/kit.ts';
import { type OktaStandIn, oktaUsers, startOktaStandIn } from './support/standins/okta.ts';

const GRAPHIQL_URL = `${serverUrl}/graphql`;
/** Generous: the first load of a fresh server imports and serves GraphiQL's bundle (some 9 MB). */
const UI_TIMEOUT = 20_000;

const WORKFLOW = graphql(`
  query GraphiqlWorkflow($id: ID!) {
    workflow(id: $id) {
      name
      steps
    }
  }
`);

let browser: Browser;
const opened: SameOriginPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const { context } of opened) await context.close();
  await browser?.close();
});

interface GraphiQL extends SameOriginPage {
  /** POSTs the page sent to /graphql (introspection, operations), their bodies. */
  posts: string[];
  queryEditor: Locator;
  /** The visible one of Variables and Headers. */
  toolEditor: Locator;
  response: Locator;
  docs: Locator;
}

/** A fresh browser context on GraphiQL, rendered (its query editor up). */
async function openGraphiQL(): Promise<GraphiQL> {
  const tab = await sameOriginPage(browser, serverUrl);
  opened.push(tab);
  const { page } = tab;
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url() === GRAPHIQL_URL) posts.push(request.postData() ?? '');
  });
  const answer = await page.goto(GRAPHIQL_URL);
  expect(answer?.status()).toBe(200);
  const graphiql = {
    ...tab,
    posts,
    queryEditor: page.locator('.graphiql-query-editor .monaco-editor'),
    toolEditor: page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor'),
    response: page.locator('.graphiql-response'),
    docs: page.locator('.graphiql-plugin'),
  };
  await graphiql.queryEditor.waitFor({ timeout: UI_TIMEOUT });
  return graphiql;
}

/** Replaces an editor's whole text as a person pasting it would (typing would meet the editor's auto-closing brackets). */
async function paste(page: Page, editor: Locator, text: string) {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((pasted) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', pasted);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, text);
}

async function showTool(page: Page, name: 'Variables' | 'Headers') {
  await page.locator('.graphiql-editor-tools').getByRole('button', { name, exact: true }).click();
}

async function setKey(graphiql: GraphiQL, apiKey: string) {
  await showTool(graphiql.page, 'Headers');
  await paste(graphiql.page, graphiql.toolEditor, JSON.stringify({ 'x-api-key': apiKey }, null, 2));
}

function executeButton(page: Page) {
  return page.getByRole('button', { name: /^(Execute|Stop) query/ });
}

/** An editor's or pane's text with its runs of whitespace as one space (editors show spaces as &nbsp; and wrap long lines, so values are kept free of spaces). */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ');
}

describe('GraphiQL with no internet', () => {
  it('renders from this server alone, waits for a key without an error, then loads the schema and runs operations', async ({ org }) => {
    const graphiql = await openGraphiQL();
    const { page } = graphiql;

    // The examples, one tab each, and the key template in the headers editor.
    const tabs = page.locator('.graphiql-tabs .graphiql-tab');
    await expect.poll(() => tabs.allInnerTexts()).toEqual(['Viewer', 'Integrations', 'RequestNewOnboarding', 'StartDirectorySync']);
    await expect.poll(() => textOf(graphiql.toolEditor)).toContain('"x-api-key": "iapi_…"');

    // No key yet: the docs wait (a spinner) with no error, and nothing was sent.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await graphiql.docs.locator('.graphiql-spinner').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('.graphiql-doc-explorer-error').count()).toBe(0);
    expect(await graphiql.response.innerText()).not.toMatch(/error|UNAUTHENTICATED/i);
    expect(graphiql.posts).toEqual([]);
    await graphiql.screenshot('graphiql-before-key');

    // The key: the schema loads (one introspection, with it) and the docs list the root types.
    await setKey(graphiql, org.apiKey);
    await graphiql.docs.locator('.graphiql-doc-explorer-root-type').first().waitFor({ timeout: UI_TIMEOUT });
    expect(graphiql.posts.filter((body) => body.includes('IntrospectionQuery'))).toHaveLength(1);
    expect(await page.locator('.graphiql-doc-explorer-error').count()).toBe(0);

    // Viewer, the first tab's example.
    await executeButton(page).click();
    await expect.poll(() => textOf(graphiql.response), { timeout: UI_TIMEOUT }).toContain(`"id": "${org.id}"`);
    await graphiql.screenshot('graphiql-viewer');

    // A mutation typed in by hand.
    const name = `Made-in-GraphiQL-${Date.now()}`;
    await paste(
      page,
      graphiql.queryEditor,
      `mutation CreateWorkflowHere {\n  createWorkflow(input: { name: "${name}", steps: ["DOCUMENT", "SELFIE"] }) {\n    workflow { id name }\n    userErrors { field message code }\n  }\n}\n`,
    );
    // GraphiQL takes the operation name from the edited document a moment later (debounced);
    // the tab's title shows it once it has, and executing before would name the old one.
    await expect.poll(() => page.locator('.graphiql-tab-active').innerText(), { timeout: UI_TIMEOUT }).toBe('CreateWorkflowHere');
    await executeButton(page).click();
    await expect.poll(() => textOf(graphiql.response), { timeout: UI_TIMEOUT }).toContain(`"name": "${name}"`);
    const made = (await textOf(graphiql.response)).match(/"id": "(wf_\w+)"/);
    expect(made, await textOf(graphiql.response)).not.toBeNull();
    expect((await execute(org, WORKFLOW, { id: made![1] })).workflow).toEqual({ name, steps: ['DOCUMENT', 'SELFIE'] });

    // The docs: a type found by the search, with its fields.
    await graphiql.docs.locator('.graphiql-doc-explorer-search-input input').fill('Workflow');
    await page.getByRole('option', { name: 'Workflow', exact: true }).click();
    await expect.poll(() => graphiql.docs.locator('.graphiql-doc-explorer-title').innerText()).toBe('Workflow');
    await expect.poll(() => graphiql.docs.innerText()).toMatch(/steps[\s\S]*version/);
    await graphiql.screenshot('graphiql-docs');

    expect(graphiql.foreignRequests).toEqual([]);
    expect(graphiql.pageErrors).toEqual([]);
  });

  describe('subscriptions', () => {
    let okta: OktaStandIn;

    beforeAll(async () => {
      // Slow pages, so a sync has steps to watch.
      okta = await startOktaStandIn({ users: oktaUsers(60), pageSize: 20, pageDelayMs: 200 });
    });

    afterAll(async () => {
      await okta?.close();
    });

    it("follow directorySyncProgress over SSE with the example tab's operation, until stopped", async ({ org }) => {
      const { id, firstSync } = await createOktaIntegration(org, okta, { name: 'Okta in GraphiQL' });
      await waitForSync(org, firstSync.id);
      const graphiql = await openGraphiQL();
      const { page } = graphiql;

      await page.locator('.graphiql-tabs .graphiql-tab').getByText('StartDirectorySync').click();
      await setKey(graphiql, org.apiKey);
      await showTool(page, 'Variables');
      await paste(page, graphiql.toolEditor, JSON.stringify({ input: { integrationId: id }, integrationId: id }));
      // Two operations in the tab: the button asks which.
      await executeButton(page).click();
      await page.getByRole('menuitem', { name: 'DirectorySyncProgress' }).click();
      // First the latest sync's state, then a new sync's steps as they come.
      await expect.poll(() => textOf(graphiql.response), { timeout: UI_TIMEOUT }).toContain(`"id": "${firstSync.id}"`);
      const started = await startSync(org, id);
      const syncId = started.sync!.id;
      // One result at a time in the pane: the new sync's id and its end are in the same one.
      await expect
        .poll(() => textOf(graphiql.response), { timeout: UI_TIMEOUT })
        .toMatch(new RegExp(`"id": "${syncId}".*"status": "SUCCEEDED".*"processed": 60`));
      await graphiql.screenshot('graphiql-subscription');

      await page.getByRole('button', { name: /^Stop query/ }).click();
      await page.getByRole('button', { name: /^Execute query/ }).waitFor({ timeout: UI_TIMEOUT });
      expect(graphiql.foreignRequests).toEqual([]);
      expect(graphiql.pageErrors).toEqual([]);
    });
  });

  it('sends a page whose policy allows this server only, and its assets without a key', async () => {
    const page = await fetch(GRAPHIQL_URL, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/https?:|\*/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    // No inline script: the only <script> without src is the options' JSON data block.
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toEqual(['<script type="application/json" id="graphiql-options">']);

    const asset = await fetch(`${serverUrl}/graphiql/graphiql.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await asset.text()).length).toBeGreaterThan(1_000_000);
    const etag = asset.headers.get('etag')!;
    expect((await fetch(`${serverUrl}/graphiql/graphiql.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${serverUrl}/graphiql/graphiql.js`, { method: 'POST' })).status).toBe(405);

    // The page is the only thing without a key: introspection stays UNAUTHENTICATED.
    const introspection = await post({ query: '{ __schema { types { name } } }' });
    expect(introspection.status).toBe(401);
    expect(introspection.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(introspection.text).not.toContain('__Schema');
  });
});

// GraphiQL on GET /graphql (a browser asking for text/html), working with no internet: the
// page loads GraphiQL from this server (/graphiql/*, the prebuilt bundle of
// @graphql-yoga/render-graphiql, the version of graphql-yoga) instead of a CDN, and so its
// Content-Security-Policy allows 'self' only (src/server/html-headers.ts). The bundle is
// some 9 MB of text, imported on the first request for it rather than at every start.
// What the page does in the browser: src/server/graphiql-start.ts.
import { createHash } from 'node:crypto';
import type { GraphiQLOptions } from 'graphql-yoga';
import { API_KEY_PLACEHOLDER, EXAMPLE_TABS, HEADERS_TEMPLATE } from './graphiql-examples.ts';
import { GRAPHIQL_START_SCRIPT } from './graphiql-start.ts';
import type { Route } from './http.ts';

/** Yoga's `graphiql` option. */
export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: 'Integrations API',
  defaultTabs: EXAMPLE_TABS,
  defaultHeaders: HEADERS_TEMPLATE,
  // The headers hold an API key: it stays in the tab, never in the browser's storage.
  shouldPersistHeaders: false,
  defaultEditorToolsVisibility: 'headers',
  inputValueDeprecation: true,
  schemaDescription: true,
};

const ASSET_DIR = '/graphiql';

interface Asset {
  path: string;
  contentType: string;
  body(bundle: Bundle): string | Uint8Array<ArrayBuffer>;
}

type Bundle = typeof import('@graphql-yoga/render-graphiql/graphiql');

const JAVASCRIPT = 'text/javascript; charset=utf-8';

/** Everything the page loads; the workers under the labels Monaco asks for them by. */
const ASSETS = {
  start: { path: `${ASSET_DIR}/start.js`, contentType: JAVASCRIPT, body: () => GRAPHIQL_START_SCRIPT },
  js: { path: `${ASSET_DIR}/graphiql.js`, contentType: JAVASCRIPT, body: (bundle) => bundle.js },
  css: { path: `${ASSET_DIR}/graphiql.css`, contentType: 'text/css; charset=utf-8', body: (bundle) => bundle.css },
  favicon: { path: `${ASSET_DIR}/favicon.ico`, contentType: 'image/x-icon', body: (bundle) => dataUrlBytes(bundle.favicon) },
  editorWorkerService: { path: `${ASSET_DIR}/editor.worker.js`, contentType: JAVASCRIPT, body: (bundle) => bundle.editorWorkerService },
  json: { path: `${ASSET_DIR}/json.worker.js`, contentType: JAVASCRIPT, body: (bundle) => bundle.jsonWorker },
  graphql: { path: `${ASSET_DIR}/graphql.worker.js`, contentType: JAVASCRIPT, body: (bundle) => bundle.graphqlWorker },
} satisfies Record<string, Asset>;

function dataUrlBytes(url: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
}

interface LoadedAsset {
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
  etag: string;
}

let loaded: Promise<Map<string, LoadedAsset>> | undefined;

function loadAssets(): Promise<Map<string, LoadedAsset>> {
  loaded ??= import('@graphql-yoga/render-graphiql/graphiql').then(
    (bundle) =>
      new Map(
        Object.values(ASSETS).map((asset: Asset) => {
          const body = asset.body(bundle);
          const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
          return [asset.path, { contentType: asset.contentType, body, etag }];
        }),
      ),
  );
  return loaded;
}

/**
 * The asset routes. Revalidated on every load (no-cache, ETag): the names stay the same
 * across upgrades, and a 304 costs a round trip instead of megabytes.
 */
export const GRAPHIQL_ASSET_ROUTES: Record<string, Route> = Object.fromEntries(
  Object.values(ASSETS).map(({ path }) => {
    const route: Route = async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return Response.json(
          { error: 'method_not_allowed', message: `${request.method} is not supported on ${path}; use GET.` },
          { status: 405, headers: { allow: 'GET, HEAD' } },
        );
      }
      const asset = (await loadAssets()).get(path)!;
      const headers = { 'content-type': asset.contentType, etag: asset.etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
      if (request.headers.get('if-none-match') === asset.etag) return new Response(null, { status: 304, headers });
      return new Response(asset.body, { headers });
    };
    return [path, route];
  }),
);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Yoga's `renderGraphiQL`: the page, with no inline script or style (its options are a JSON data block). */
export function renderGraphiQLPage(options: GraphiQLOptions): string {
  const workers = { editorWorkerService: ASSETS.editorWorkerService.path, json: ASSETS.json.path, graphql: ASSETS.graphql.path };
  // `<` escaped, so no value can close the data block.
  const page = JSON.stringify({ graphiql: options, workers, keyPlaceholder: API_KEY_PLACEHOLDER }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${ASSETS.favicon.path}" />
    <link rel="stylesheet" href="${ASSETS.css.path}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${page}</script>
    <script src="${ASSETS.start.path}"></script>
    <script src="${ASSETS.js.path}"></script>
  </body>
</html>
`;
}

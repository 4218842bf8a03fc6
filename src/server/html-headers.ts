// Headers every HTML page carries (GraphiQL on /graphql, and any HTML a route answers):
// it may not be framed, and loads only what it needs. A route that sets one of them itself
// keeps its own (the onboarding page's policy is stricter than GraphiQL's).
const HTML_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://unpkg.com; style-src 'self' 'unsafe-inline' https://unpkg.com; " +
    "img-src 'self' data: https://unpkg.com; font-src 'self' data: https://unpkg.com; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Adds the HTML headers the response does not have yet, when it is a page. */
export function secureHtml(response: Response) {
  if (!response.headers.get('content-type')?.includes('text/html')) return;
  for (const [name, value] of Object.entries(HTML_HEADERS)) if (!response.headers.has(name)) response.headers.set(name, value);
}

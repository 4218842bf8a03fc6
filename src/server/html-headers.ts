// Headers every HTML page carries (GraphiQL on /graphql, and any HTML a route answers):
// it may not be framed, and loads only what it needs, from this server alone. Scripts only
// from files; styles also inline, which GraphiQL's editor (Monaco) cannot do without: it
// sets style attributes and adds its theme as <style> elements, with no way to give them
// a nonce. data: serves the fonts and images inside GraphiQL's stylesheet. A route that
// sets one of these headers itself keeps its own (the onboarding page's policy is stricter).
const HTML_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
    "worker-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Adds the HTML headers the response does not have yet, when it is a page. */
export function secureHtml(response: Response) {
  if (!response.headers.get('content-type')?.includes('text/html')) return;
  for (const [name, value] of Object.entries(HTML_HEADERS)) if (!response.headers.has(name)) response.headers.set(name, value);
}

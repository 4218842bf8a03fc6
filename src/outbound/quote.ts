// What of an upstream's own words may be stored for a tenant to read (DirectorySync.error,
// a webhook delivery's lastError): at most 200 characters of its error text, on one line,
// and never anything the server sent it. An upstream that echoes a credential back (a
// hostile host, or a proxy reflecting the request) must not get it stored and shown.
const MAX_QUOTE = 200;
/** Any run of this many characters of a credential the server sent is redacted. */
const WINDOW = 6;
const REDACTED = '[redacted]';

export function quoteUpstream(text: string, sent: readonly string[], max = MAX_QUOTE): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- control characters are what this strips (they could forge log lines)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const lower = clean.toLowerCase();
  const hidden = new Uint8Array(clean.length);
  for (const secret of sent) {
    const s = secret.toLowerCase();
    if (s.length < WINDOW) {
      for (let at = s ? lower.indexOf(s) : -1; at !== -1; at = lower.indexOf(s, at + 1)) hidden.fill(1, at, at + s.length);
      continue;
    }
    for (let i = 0; i + WINDOW <= s.length; i++) {
      const piece = s.slice(i, i + WINDOW);
      for (let at = lower.indexOf(piece); at !== -1; at = lower.indexOf(piece, at + 1)) hidden.fill(1, at, at + WINDOW);
    }
  }
  let out = '';
  for (let i = 0; i < clean.length; i++) {
    if (!hidden[i]) out += clean[i];
    else if (!hidden[i - 1] || i === 0) out += REDACTED;
  }
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

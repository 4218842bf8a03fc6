// The onboarding page's HTML: small, server-rendered, usable without JavaScript and without
// anything from another origin. Every value in it is escaped (workflow names and steps are
// tenant input). Its one inline style is allowed by its hash, so the Content-Security-Policy
// allows no script and no other style at all.
import { createHash } from 'node:crypto';
import type { LinkedSession } from '../domain/onboarding.ts';

const STYLE = `
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; }
main { max-width: 36rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
ol { padding-left: 1.5rem; }
.notice { border-left: 4px solid #1a4d8f; padding: 0.5rem 0.75rem; background: #eef3fa; }
.buttons { display: flex; gap: 0.75rem; }
button { font: inherit; font-weight: 600; padding: 0.5rem 1.25rem; border: 2px solid transparent; border-radius: 4px; color: #fff; cursor: pointer; }
button:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.complete { background: #1d6b34; }
.fail { background: #a4262c; }
`;

/** The Content-Security-Policy source that allows STYLE, and only it. */
export const STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

const STATUS_LABELS: Record<string, string> = {
  PENDING: 'Pending',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  EXPIRED: 'Expired',
};

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A page that only says something (not found, refused, malformed): its title is its heading. */
export function messagePage(title: string, message: string): string {
  return document(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

export interface SessionPageOptions {
  /** Where the sandbox form posts (the page's own path and token); absent: no buttons. */
  sandboxForm?: { action: string; csrfToken: string };
  /** Why the page is shown again instead of the next one (a finished session posted to). */
  notice?: string;
}

export function sessionPage(session: LinkedSession, { sandboxForm, notice }: SessionPageOptions = {}): string {
  const status = STATUS_LABELS[session.status] ?? session.status;
  const parts = [
    '<h1>Identity verification</h1>',
    notice ? `<p class="notice" role="status">${escapeHtml(notice)}</p>` : '',
    '<dl>',
    `<dt>Status</dt><dd id="status" data-status="${escapeHtml(session.status)}">${escapeHtml(status)}</dd>`,
    `<dt>Workflow</dt><dd id="workflow">${escapeHtml(session.workflowName)}</dd>`,
    `<dt>Session</dt><dd><code>${escapeHtml(session.id)}</code></dd>`,
    '</dl>',
    '<h2>Steps</h2>',
    `<ol id="steps">${session.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol>`,
  ];
  if (sandboxForm) {
    parts.push(
      '<section aria-labelledby="sandbox-heading">',
      '<h2 id="sandbox-heading">Sandbox</h2>',
      '<p>This server runs in sandbox mode: finish the session here as the verification engine would. No identity is checked.</p>',
      `<form method="post" action="${escapeHtml(sandboxForm.action)}">`,
      `<input type="hidden" name="csrf" value="${escapeHtml(sandboxForm.csrfToken)}">`,
      '<div class="buttons">',
      '<button type="submit" class="complete" name="outcome" value="COMPLETED">Complete</button>',
      '<button type="submit" class="fail" name="outcome" value="FAILED">Fail</button>',
      '</div>',
      '</form>',
      '</section>',
    );
  }
  return document(`Identity verification: ${status}`, parts.filter(Boolean).join('\n'));
}

/**
 * GET /docs: a small self-contained page that renders the operations from /openapi.json, and
 * GET /docs/errors: the error catalogue (the `type` of every problem links here). No external
 * scripts, styles or fonts; the script and style are served from this origin so the CSP stays strict.
 */
import type { FastifyInstance } from 'fastify';
import { ERROR_CATALOGUE } from '../../errors/catalogue.js';
import { DOCS_SCRIPT, DOCS_STYLE } from './assets.js';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/docs/docs.css">
</head>
<body>
${body}
</body>
</html>
`;

const API_PAGE = page(
  'CallGuard API',
  `<header><h1>CallGuard API</h1>
<p>Generated from the server's own request schemas: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).
Errors are <code>application/problem+json</code> with a stable code: <a href="/docs/errors">error catalogue</a>.
Live calls stream over the WebSocket <code>/v1/live</code>.</p></header>
<main id="ops"><p>Loading the operations…</p></main>
<script src="/docs/docs.js" defer></script>`,
);

function errorsPage(): string {
  const rows = Object.entries(ERROR_CATALOGUE)
    .map(
      ([code, def]) =>
        `<tr id="${code.toLowerCase()}"><td><code>${code}</code></td><td>${def.status}</td><td>${escapeHtml(def.title)}</td><td>${escapeHtml(def.howToFix)}</td></tr>`,
    )
    .join('\n');
  return page(
    'CallGuard error catalogue',
    `<header><h1>Error catalogue</h1><p><a href="/docs">Back to the API</a></p></header>
<main><table><thead><tr><th>code</th><th>HTTP</th><th>meaning</th><th>how to fix</th></tr></thead>
<tbody>${rows}</tbody></table></main>`,
  );
}

export function registerDocs(app: FastifyInstance): void {
  const errors = errorsPage();
  const html = (body: string) => async (_req: unknown, reply: { type(t: string): unknown }) => {
    reply.type('text/html; charset=utf-8');
    return body;
  };
  app.get('/docs', html(API_PAGE));
  app.get('/docs/errors', html(errors));
  app.get('/docs/docs.js', async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').send(DOCS_SCRIPT),
  );
  app.get('/docs/docs.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(DOCS_STYLE));
}

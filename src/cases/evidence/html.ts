/**
 * The evidence pack as one self-contained, printable HTML page: no scripts, no external resources
 * (a Content-Security-Policy forbids them), every piece of case text escaped, print CSS. Pure.
 */
import type { Case } from '../schema.js';
import { evidenceDocument, type Block } from './document.js';
import { escapeHtml } from './escape.js';
import { buildEvidencePack, type EvidenceOptions } from './pack.js';

const CSS = `
:root { color-scheme: light; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #999; } h3 { font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; table-layout: auto; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: break-word; }
th { background: #eee; }
blockquote { margin: .5rem 0 1rem; padding: .5rem 1rem; border-left: 4px solid #999; background: #f6f6f6; white-space: pre-wrap; overflow-wrap: anywhere; }
p, li { overflow-wrap: anywhere; }
@page { margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  tr, blockquote { break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/**
 * @example
 * const html = renderEvidenceHtml(c); // "<!doctype html>…" — open it in a browser and print
 */
export function renderEvidenceHtml(c: Case, options: EvidenceOptions = {}): string {
  const blocks = evidenceDocument(buildEvidencePack(c, options));
  const title = blocks[0]?.type === 'heading' ? blocks[0].text : 'CallGuard evidence pack';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="robots" content="noindex">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}\n</style>`,
    '</head>',
    '<body>',
    ...blocks.map(block),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'table':
      if (!b.rows.length) return '<p><em>None recorded.</em></p>';
      return [
        '<table>',
        `<thead><tr>${b.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...b.rows.map((r) => `<tr>${r.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`),
        '</tbody>',
        '</table>',
      ].join('\n');
    case 'quote':
      return `<p><strong>${escapeHtml(b.label)}:</strong></p>\n<blockquote>${escapeHtml(b.text.trim())}</blockquote>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</${tag}>`;
    }
  }
}

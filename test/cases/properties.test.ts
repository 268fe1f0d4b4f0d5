/**
 * Property tests: no case content breaks an output. Hostile strings (markup, Markdown syntax, control
 * characters, lone surrogates, bidi overrides, very long text) go into every text field of a case; the
 * HTML must contain only CallGuard's own tags, every Markdown table row must keep its columns, and the
 * text and JSON renderings must stay well-formed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allReports,
  buildEvidencePack,
  renderEvidenceHtml,
  renderEvidenceJson,
  renderEvidenceMarkdown,
  type Case,
  type CaseItem,
} from '../../src/cases/index.js';
import { evidenceDocument } from '../../src/cases/evidence/document.js';

const NASTY = [
  '<script>alert(1)</script>',
  '<SCRIPT src=//x>',
  '<img src=x onerror=alert(1)>',
  '</td></tr></table><script>',
  '<!-- comment',
  '| a | b |',
  '\\|',
  '\\',
  'a\\',
  '\n# heading\n',
  '\n---\n',
  '\n===\n',
  '```js\nfence',
  '~~~',
  '> quote',
  '1. list',
  '- item',
  '[link](javascript:alert(1))',
  '![img](http://x)',
  '&lt;script&gt;',
  '&#60;script',
  '\u0000\u0007\u001b[31m',
  '\r\n\r',
  '\u2028\u2029\u0085',
  '\u202e\u200f',
  '\uD800',
  '\uDC00x',
  '😀👩‍👩‍👧',
  'ﷺ𝕏',
  '"\'`',
];

const hostile = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 6 }).map((xs) => xs.join('')),
  fc.string({ maxLength: 20 }).map((s) => s.repeat(200)),
);

const caseArb = fc
  .record({
    strings: fc.array(hostile, { minLength: 30, maxLength: 30 }),
    country: fc.constantFrom('US', 'GB', 'AU', 'CA', 'DE'),
  })
  .map(({ strings, country }): Case => {
    let i = 0;
    const s = () => strings[i++ % strings.length]!;
    const items: CaseItem[] = [
      {
        kind: 'call',
        id: '0000000000000001',
        at: '2026-11-20T10:00:00Z',
        direction: 'incoming',
        theirNumber: s(),
        myNumber: s(),
        claimedOrg: s(),
        callerName: s(),
        callerIdName: s(),
        callbackNumber: s(),
        transcript: s(),
        notes: s(),
        assessment: { verdict: 'scam', summary: s() },
      },
      {
        kind: 'message',
        id: '0000000000000002',
        channel: 'text',
        at: '2026-11-20',
        sender: s(),
        subject: s(),
        numbers: [s(), s()],
        links: [s()],
        content: s(),
        headers: s(),
        claimedOrg: s(),
        ipAddress: s(),
      },
      { kind: 'remote-session', id: '0000000000000003', tool: s(), codeGiven: true, device: s(), notes: s() },
      {
        kind: 'payment',
        id: '0000000000000004',
        at: '2026-11-21T09:00:00+01:00',
        method: 'crypto',
        status: 'paid',
        amount: '12.5',
        currency: 'BTC',
        recipientName: s(),
        recipientAccount: s(),
        reference: s(),
        crypto: { asset: s(), address: s(), transactionHash: s(), exchange: s() },
        notes: s(),
      },
      {
        kind: 'payment',
        id: '0000000000000005',
        at: '2026-11-21',
        method: 'gift-card',
        status: 'paid',
        amount: '100',
        currency: 'USD',
        giftCards: [{ brand: s(), number: s() }],
      },
      { kind: 'disclosure', id: '0000000000000006', what: 'password', accounts: [s(), s()] },
    ];
    return {
      id: '0123456789abcdef0123456789abcdef',
      createdAt: '2026-11-24T08:00:00.000Z',
      updatedAt: '2026-11-25T09:30:00.000Z',
      title: s(),
      country,
      summary: s(),
      victim: { name: s(), address: s(), email: s() },
      filer: { name: s(), relationship: s() },
      items,
    };
  });

const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'h1',
  'h2',
  'h3',
  'p',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'blockquote',
  'strong',
  'em',
  'ol',
  'ul',
  'li',
]);
const generatedAt = new Date('2026-11-25T12:00:00Z');

/** Indexes of "|" not escaped by a backslash (a backslash escapes the next character, including "\\"). */
function unescapedPipes(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') n++;
  }
  return n;
}
function hasUnescaped(line: string, ch: string): boolean {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === ch) return true;
  }
  return false;
}

describe('no case content breaks an output', () => {
  it('HTML holds only CallGuard’s own tags, no script, no comment, and stays in its structure', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const html = renderEvidenceHtml(c, { generatedAt });
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toContain('<!--');
        const tags = new Set(
          [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()),
        );
        expect([...tags].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
        expect(html.match(/<!doctype/gi)).toHaveLength(1);
        expect(html.match(/<\/table>/g)?.length).toBe(html.match(/<table>/g)?.length);
        // No control characters except tab and newline survive.
        // eslint-disable-next-line no-control-regex -- looking for control characters is the test
        expect(html).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
        expect(html).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
      { numRuns: 30 },
    );
  });

  it('Markdown keeps every table row’s columns, every heading, and no raw HTML or fences', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const md = renderEvidenceMarkdown(c, { generatedAt });
        const lines = md.split('\n');
        const blocks = evidenceDocument(buildEvidencePack(c, { generatedAt }));
        const headings = blocks.filter((b) => b.type === 'heading').length;
        expect(lines.filter((l) => /^ {0,3}#{1,6}(\s|$)/.test(l))).toHaveLength(headings);
        expect(lines.filter((l) => /^ {0,3}(```|~~~)/.test(l))).toHaveLength(0);
        // Tables: consecutive "|" lines must all have the header's column count.
        let columns = -1;
        for (const line of lines) {
          if (line.startsWith('|')) {
            const n = unescapedPipes(line);
            if (columns === -1) columns = n;
            expect(n, line.slice(0, 200)).toBe(columns);
          } else columns = -1;
          expect(hasUnescaped(line, '<'), line.slice(0, 200)).toBe(false);
          expect(hasUnescaped(line, '`'), line.slice(0, 200)).toBe(false);
          // Setext underlines and thematic breaks can only come from our own quote/list prefixes.
          expect(line).not.toMatch(/^ {0,3}(=+|-{3,}|\*{3,}|_{3,})\s*$/);
        }
        const tableRows = lines.filter((l) => l.startsWith('|')).length;
        const expectedRows = blocks.reduce(
          (n, b) => n + (b.type === 'table' && b.rows.length ? b.rows.length + 2 : 0),
          0,
        );
        expect(tableRows).toBe(expectedRows);
      }),
      { numRuns: 30 },
    );
  });

  it('report texts keep one field per line and the JSON pack round-trips', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        for (const r of allReports(c)) {
          // eslint-disable-next-line no-control-regex -- looking for control characters is the test
          expect(r.text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/);
          expect(r.text.split('\n')[1]).toBe(r.url);
          // Every value line is either "Label: …", an indented continuation, a heading, a note or blank.
          for (const line of r.text.split('\n').slice(2)) {
            expect(
              line === '' || /^(== .* ==| {2}|- |Note: |Notes:|See also: |[^\s].*?:( |$))/.test(line),
              line.slice(0, 120),
            ).toBe(true);
          }
        }
        const json = renderEvidenceJson(c, { generatedAt });
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(buildEvidencePack(c, { generatedAt }))));
      }),
      { numRuns: 25 },
    );
  });
});

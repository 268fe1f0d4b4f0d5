/**
 * Escaping for the evidence pack. Case text is hostile: it must never become markup, break a table
 * row or start a Markdown block. Pure.
 */
import { cleanText, oneLine } from '../text.js';

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML element content or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return cleanText(value).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!);
}

/**
 * The ASCII punctuation that can open inline Markdown (emphasis, code, links, autolinks, HTML, tables,
 * strikethrough, entities). Brackets are escaped, so parentheses and "!" cannot form a link or image.
 */
const MD_INLINE = /[\\`*_[\]<>#|~&]/g;

/** Inline Markdown text on one line: every syntax character escaped, line breaks turned into spaces. */
export function mdInline(value: string): string {
  return oneLine(value).replace(MD_INLINE, (ch) => `\\${ch}`);
}

/** One table cell: as inline text, and never empty (an empty cell is shown as "—"). */
export function mdCell(value: string): string {
  const v = mdInline(value).trim();
  return v === '' ? '—' : v;
}

/** A Markdown table; every cell is escaped so a "|" or a newline in the data cannot add a column or row. */
export function mdTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** Multi-line free text as a block quote: each line escaped, so no line can start a heading, list or fence. */
export function mdQuote(value: string): string {
  return cleanText(value)
    .trim()
    .split('\n')
    .map((l) => {
      const esc = mdInline(l.replace(/\t/g, '    '))
        .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3')
        .replace(/^(\s*)([-+=])/, '$1\\$2');
      return esc.trim() === '' ? '>' : `> ${esc}`;
    })
    .join('\n');
}

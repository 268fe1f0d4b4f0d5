/** The evidence pack as Markdown (GitHub-flavoured tables). Every piece of case text is escaped. Pure. */
import type { Case } from '../schema.js';
import { evidenceDocument, type Block } from './document.js';
import { mdInline, mdQuote, mdTable } from './escape.js';
import { buildEvidencePack, type EvidenceOptions } from './pack.js';

/**
 * @example
 * const md = renderEvidenceMarkdown(c); // "# CallGuard evidence pack\n\n| Field | Value |\n…"
 */
export function renderEvidenceMarkdown(c: Case, options: EvidenceOptions = {}): string {
  return evidenceDocument(buildEvidencePack(c, options)).map(block).join('\n\n') + '\n';
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${mdInline(b.text)}`;
    case 'paragraph':
      return mdInline(b.text);
    case 'table':
      return b.rows.length ? mdTable(b.header, b.rows) : '_None recorded._';
    case 'quote':
      return `**${mdInline(b.label)}:**\n\n${mdQuote(b.text)}`;
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${mdInline(item)}`).join('\n');
  }
}

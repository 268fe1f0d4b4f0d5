/** Builds a report from its fields and renders the copy-ready text. Pure. */
import { cleanText, oneLine } from '../text.js';
import type { AuthorityReport, ReportField } from './types.js';

export class FieldList {
  readonly fields: ReportField[] = [];
  private section: string | undefined;

  in(section: string): this {
    this.section = section;
    return this;
  }

  add(label: string, value: string | undefined): this {
    const field: ReportField = { label, value: value ?? '' };
    if (this.section !== undefined) field.section = this.section;
    this.fields.push(field);
    return this;
  }
}

/**
 * Plain text, ready to copy into the form: one "Label: value" per field, multi-line values
 * indented, sections as "== Section ==" headings.
 */
export function renderReportText(r: Omit<AuthorityReport, 'text'>): string {
  const out: string[] = [oneLine(r.title), r.url];
  if (!r.applies) out.push(`Note: ${oneLine(r.reason)}`);
  let section: string | undefined;
  for (const f of r.fields) {
    if (f.section !== section) {
      section = f.section;
      if (section !== undefined) out.push('', `== ${oneLine(section)} ==`);
    }
    const value = cleanText(f.value).trim();
    if (value === '') out.push(`${oneLine(f.label)}: (not recorded)`);
    else if (!value.includes('\n')) out.push(`${oneLine(f.label)}: ${value}`);
    else out.push(`${oneLine(f.label)}:`, ...value.split('\n').map((l) => `  ${l}`));
  }
  if (r.notes.length) out.push('', 'Notes:', ...r.notes.map((n) => `- ${oneLine(n)}`));
  for (const s of r.alsoAt) out.push(`See also: ${oneLine(s.name)} ${s.url}`);
  return out.join('\n') + '\n';
}

export function finish(r: Omit<AuthorityReport, 'text'>): AuthorityReport {
  return { ...r, text: renderReportText(r) };
}

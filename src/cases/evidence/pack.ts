/** The evidence pack's content, computed once and rendered as Markdown, HTML or JSON. Pure. */
import type { Case, CaseItem } from '../schema.js';
import { totalsByCurrency, type CurrencyTotal } from '../money.js';
import { recoveryPlan, type RecoveryStep } from '../recovery.js';
import { allReports } from '../reports/index.js';
import type { ReportId } from '../reports/types.js';
import { detectPhantomHacker, type PatternMatch } from '../stages.js';
import { buildTimeline, undatedItems, type TimelineEntry } from '../timeline.js';

export interface EvidencePack {
  format: 'callguard-case-evidence';
  version: 1;
  generatedAt: string;
  case: Case;
  timeline: TimelineEntry[];
  undated: CaseItem[];
  totals: CurrencyTotal[];
  pattern: PatternMatch | null;
  reports: Array<{ id: ReportId; title: string; url: string; applies: boolean; reason: string }>;
  recoveryPlan: RecoveryStep[];
}

export interface EvidenceOptions {
  /** When the pack was made (defaults to now); fixed in tests so the output is stable. */
  generatedAt?: Date;
}

/**
 * Everything the police, the bank or a lawyer needs, in one object.
 * @example
 * buildEvidencePack(c).totals; // [{ currency: 'USD', paid: '2500', … }]
 */
export function buildEvidencePack(c: Case, options: EvidenceOptions = {}): EvidencePack {
  return {
    format: 'callguard-case-evidence',
    version: 1,
    generatedAt: (options.generatedAt ?? new Date()).toISOString(),
    case: c,
    timeline: buildTimeline(c),
    undated: undatedItems(c),
    totals: totalsByCurrency(c),
    pattern: detectPhantomHacker(c),
    reports: allReports(c).map(({ id, title, url, applies, reason }) => ({
      id,
      title,
      url,
      applies,
      reason,
    })),
    recoveryPlan: recoveryPlan(c),
  };
}

/**
 * The pack as JSON (2-space indented). JSON.stringify escapes control characters and lone surrogates.
 * @example
 * JSON.parse(renderEvidenceJson(c)).format; // "callguard-case-evidence"
 */
export function renderEvidenceJson(c: Case, options: EvidenceOptions = {}): string {
  return JSON.stringify(buildEvidencePack(c, options), null, 2) + '\n';
}

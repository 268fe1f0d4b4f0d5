/**
 * Case file, reports for the authorities and the recovery plan. Pure: no Node APIs, so the web app
 * runs all of it in the page; storage lives in src/store/case-repository.ts.
 *
 * @example
 * import { createCase, generateReport, recoveryPlan, renderEvidenceHtml } from 'callguard/cases';
 * const c = createCase({
 *   country: 'US',
 *   items: [
 *     { kind: 'call', at: '2026-11-20T14:05:00-05:00', direction: 'incoming', theirNumber: '+1 844 555 0100', claimedOrg: 'Microsoft' },
 *     { kind: 'remote-session', at: '2026-11-20T14:20:00-05:00', tool: 'AnyDesk', codeGiven: true },
 *     { kind: 'payment', at: '2026-11-20', method: 'gift-card', amount: 500, currency: 'USD', giftCards: [{ brand: 'Target', number: '041234567890' }] },
 *   ],
 * });
 * generateReport(c, 'ftc').text;            // the FTC ReportFraud answers, ready to copy
 * recoveryPlan(c)[0];                        // { urgency: 'minutes', title: 'Disconnect the computer from the internet', … }
 * renderEvidenceHtml(c);                     // a printable, self-contained HTML page
 */
export {
  caseInputSchema,
  caseItemSchema,
  caseSchema,
  callSchema,
  messageSchema,
  remoteSessionSchema,
  paymentSchema,
  disclosureSchema,
  caseId as caseIdSchema,
  LIMITS,
  STAGES,
  PAYMENT_METHODS,
  DISCLOSURE_KINDS,
  MESSAGE_KINDS,
  REMOTE_TOOLS,
  type Case,
  type CaseInput,
  type CaseItem,
  type CaseItemInput,
  type Call,
  type Message,
  type RemoteSession,
  type Payment,
  type Disclosure,
  type Person,
  type Filer,
  type Stage,
  type PaymentMethod,
  type DisclosureKind,
} from './schema.js';
export {
  createCase,
  parseCaseItem,
  addItems,
  toMillis,
  compareWhen,
  type ValidateOptions,
} from './validate.js';
export { newCaseId } from './ids.js';
export { assessCall } from './assess-call.js';
export { buildTimeline, undatedItems, type TimelineEntry } from './timeline.js';
export {
  detectPhantomHacker,
  stageGroups,
  stageOf,
  STAGE_LABELS,
  type PatternMatch,
  type StageGroup,
} from './stages.js';
export { totalsByCurrency, formatMoney, type CurrencyTotal } from './money.js';
export { itemTitle, itemDetails, humanWhen } from './describe.js';
export { recoveryPlan, URGENCIES, URGENCY_LABELS, type RecoveryStep, type Urgency } from './recovery.js';
export {
  generateReport,
  applicableReports,
  allReports,
  isReportId,
  renderReportText,
  REPORT_IDS,
  type AuthorityReport,
  type ReportField,
  type ReportId,
} from './reports/index.js';
export {
  buildEvidencePack,
  renderEvidenceJson,
  type EvidencePack,
  type EvidenceOptions,
} from './evidence/pack.js';
export { renderEvidenceMarkdown } from './evidence/markdown.js';
export { renderEvidenceHtml } from './evidence/html.js';
export { SOURCES, type Source } from './sources.js';

import { renderEvidenceHtml } from './evidence/html.js';
import { renderEvidenceMarkdown } from './evidence/markdown.js';
import { renderEvidenceJson, type EvidenceOptions } from './evidence/pack.js';
import type { Case } from './schema.js';

export const EXPORT_FORMATS = ['md', 'json', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The evidence pack in one of the three formats, with its media type.
 * @example
 * exportCase(c, 'html').contentType; // "text/html; charset=utf-8"
 */
export function exportCase(
  c: Case,
  format: ExportFormat,
  options: EvidenceOptions = {},
): { body: string; contentType: string; extension: string } {
  switch (format) {
    case 'md':
      return {
        body: renderEvidenceMarkdown(c, options),
        contentType: 'text/markdown; charset=utf-8',
        extension: 'md',
      };
    case 'json':
      return {
        body: renderEvidenceJson(c, options),
        contentType: 'application/json; charset=utf-8',
        extension: 'json',
      };
    case 'html':
      return {
        body: renderEvidenceHtml(c, options),
        contentType: 'text/html; charset=utf-8',
        extension: 'html',
      };
  }
}

/** Every authority report, generated from one case. Pure. */
import { CallGuardError } from '../../errors/catalogue.js';
import type { Case } from '../schema.js';
import { actionFraudReport } from './action-fraud.js';
import { dncReport } from './dnc.js';
import { ftcReport } from './ftc.js';
import { ic3Report } from './ic3.js';
import { microsoftReport } from './microsoft.js';
import { scamwatchReport } from './scamwatch.js';
import { sms7726Report } from './sms-7726.js';
import { REPORT_IDS, type AuthorityReport, type ReportId } from './types.js';

const BUILDERS: Record<ReportId, (c: Case) => AuthorityReport> = {
  ftc: ftcReport,
  ic3: ic3Report,
  microsoft: microsoftReport,
  dnc: dncReport,
  '7726': sms7726Report,
  actionfraud: actionFraudReport,
  scamwatch: scamwatchReport,
};

/**
 * One report, whether or not it applies to the case (`applies` and `reason` say).
 * @example
 * const r = generateReport(c, 'ic3');
 * r.url;   // "https://www.ic3.gov/"
 * r.text;  // "FBI Internet Crime Complaint Center (IC3) complaint\n…\n== Victim information ==\nName: …"
 */
export function generateReport(c: Case, id: ReportId): AuthorityReport {
  const build = BUILDERS[id];
  if (!build) {
    throw new CallGuardError(
      'CG_INPUT_INVALID',
      `Unknown report "${String(id)}"; use one of ${REPORT_IDS.join(', ')}.`,
      {
        pointer: 'report',
      },
    );
  }
  return build(c);
}

/**
 * Every report that applies to the case (its country and channels), in a fixed order.
 * @example
 * applicableReports(c).map((r) => r.id); // ["ftc", "ic3", "microsoft", "dnc"]
 */
export function applicableReports(c: Case): AuthorityReport[] {
  return allReports(c).filter((r) => r.applies);
}

/** Every report, applicable or not. */
export function allReports(c: Case): AuthorityReport[] {
  return REPORT_IDS.map((id) => BUILDERS[id](c));
}

export function isReportId(value: string): value is ReportId {
  return (REPORT_IDS as readonly string[]).includes(value);
}

export { REPORT_IDS, type AuthorityReport, type ReportField, type ReportId } from './types.js';
export { renderReportText } from './render.js';

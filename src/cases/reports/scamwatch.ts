/** Scamwatch (https://www.scamwatch.gov.au/report-a-scam) and, for hacked devices or accounts, ReportCyber. Pure. */
import type { Case } from '../schema.js';
import { SOURCES } from '../sources.js';
import {
  datePart,
  disclosedLine,
  firstContact,
  joinList,
  methodsLine,
  moneyLine,
  narrative,
  subjectInfo,
} from './facts.js';
import { FieldList, finish } from './render.js';
import type { AuthorityReport } from './types.js';

export function scamwatchReport(c: Case): AuthorityReport {
  const s = subjectInfo(c);
  const start = firstContact(c);
  const remote = c.items.some((i) => i.kind === 'remote-session');
  const f = new FieldList()
    .add('What type of scam was it?', remote ? 'Remote access / tech support scam' : 'Impersonation scam')
    .add('When were you first contacted?', start.at ? datePart(start.at) : '')
    .add('How were you contacted?', start.how)
    .add('Did you lose money? How much?', moneyLine(c, 'paid') || 'No')
    .add('How did you pay?', methodsLine(c, 'paid', 'attempted'))
    .add('What personal information did you give?', disclosedLine(c))
    .add('Scammer name or organisation', joinList([...s.organisations, ...s.names]))
    .add('Scammer phone number(s)', joinList(s.phones))
    .add('Scammer email address(es)', joinList(s.emails))
    .add('Scammer website(s)', joinList(s.websites))
    .add('Tell us what happened', narrative(c));
  const au = c.country === 'AU';
  return finish({
    id: 'scamwatch',
    title: 'Scamwatch / ReportCyber (Australia)',
    url: SOURCES.scamwatch.url,
    alsoAt: [SOURCES.reportCyber],
    applies: au,
    reason: au
      ? 'Scamwatch collects scam reports in Australia; ReportCyber takes reports when devices or accounts were hacked.'
      : `Scamwatch and ReportCyber are Australian; this case's country is ${c.country}.`,
    fields: f.fields,
    notes: remote ? ['The scammers had remote access: also report at ReportCyber (cyber.gov.au).'] : [],
  });
}

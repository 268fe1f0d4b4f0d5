/** FTC ReportFraud (https://reportfraud.ftc.gov/), fields in the order PRODUCT.md lists from the form. Pure. */
import type { Case } from '../schema.js';
import { SOURCES } from '../sources.js';
import { stageGroups, STAGE_LABELS } from '../stages.js';
import { datePart, firstContact, joinList, methodsLine, moneyLine, narrative, subjectInfo } from './facts.js';
import { FieldList, finish } from './render.js';
import type { AuthorityReport } from './types.js';

export function ftcReport(c: Case): AuthorityReport {
  const s = subjectInfo(c);
  const start = firstContact(c);
  const stages = stageGroups(c).map((g) => g.stage);
  const category = [
    stages.includes('tech-support') || stages.length === 0 ? 'Impersonator: tech support' : '',
    stages.includes('financial-institution') ? 'Impersonator: bank or financial institution' : '',
    stages.includes('government') ? 'Impersonator: government agency' : '',
  ].filter(Boolean);
  const v = c.victim;
  const f = new FieldList()
    .add('What best describes what happened?', joinList(category))
    .add('When did it happen?', start.at ? datePart(start.at) : '')
    .add('How did it start?', start.how)
    .add('Company or person name the scammer used', joinList([...s.organisations, ...s.names]))
    .add('Phone number(s)', joinList(s.phones))
    .add('Email address(es)', joinList(s.emails))
    .add('Website(s)', joinList(s.websites))
    .add('How much did you pay?', moneyLine(c, 'paid'))
    .add('How much did they ask for (not paid)?', moneyLine(c, 'asked'))
    .add('How did you pay?', methodsLine(c, 'paid', 'attempted'))
    .add('What happened? (in your own words)', narrative(c))
    .add('Your name (optional)', v?.name)
    .add('Your email (optional)', v?.email)
    .add('Your phone (optional)', v?.phone)
    .add(
      'Your address (optional)',
      [v?.address, v?.city, v?.region, v?.postalCode, v?.country].filter(Boolean).join(', '),
    )
    .add('Your age range (optional)', v?.ageRange);
  return finish({
    id: 'ftc',
    title: 'FTC ReportFraud',
    url: SOURCES.ftcReportFraud.url,
    alsoAt: [],
    applies: c.country === 'US',
    reason:
      c.country === 'US'
        ? 'The FTC collects fraud reports from people in the United States.'
        : `The FTC is the United States' agency; this case's country is ${c.country}.`,
    fields: f.fields,
    notes: [
      'Never put a full card number, password or Social Security number in the report.',
      `Stages recorded: ${stages.map((x) => STAGE_LABELS[x]).join(', ') || 'none'}.`,
    ],
  });
}

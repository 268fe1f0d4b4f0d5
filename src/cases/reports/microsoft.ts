/** Microsoft's report-a-tech-support-scam form (https://www.microsoft.com/reportascam). Pure. */
import type { Case } from '../schema.js';
import { SOURCES } from '../sources.js';
import {
  datePart,
  firstContact,
  isMicrosoftClaimed,
  joinList,
  methodsLine,
  moneyLine,
  narrative,
  subjectInfo,
} from './facts.js';
import { FieldList, finish } from './render.js';
import type { AuthorityReport } from './types.js';

export function microsoftReport(c: Case): AuthorityReport {
  const s = subjectInfo(c);
  const start = firstContact(c);
  const claimed = isMicrosoftClaimed(c);
  const f = new FieldList()
    .add('How did the scammer contact you?', start.how)
    .add('Date of the contact', start.at ? datePart(start.at) : '')
    .add('Phone number the scammer used', joinList(s.phones))
    .add('Website address', joinList(s.websites))
    .add('Email address', joinList(s.emails))
    .add('Company the scammer pretended to be', joinList(s.organisations))
    .add('Did you pay money? Amount', moneyLine(c, 'paid') || 'No')
    .add('Payment method', methodsLine(c, 'paid', 'attempted'))
    .add('Your country', c.victim?.country ?? c.country)
    .add('Describe what happened', narrative(c));
  return finish({
    id: 'microsoft',
    title: 'Microsoft: report a tech support scam',
    url: SOURCES.microsoftReport.url,
    alsoAt: [],
    applies: claimed,
    reason: claimed
      ? 'The scammers used Microsoft’s name; Microsoft collects these reports.'
      : 'Nobody in this case claimed to be Microsoft; this form is for scams that use Microsoft’s name.',
    fields: f.fields,
    notes: [
      'Microsoft does not make unsolicited calls and never asks for passwords or card details by phone.',
    ],
  });
}

/** Action Fraud (https://www.actionfraud.police.uk/), the UK's reporting centre for fraud. Pure. */
import type { Case } from '../schema.js';
import { METHOD_LABELS } from '../describe.js';
import { formatMoney } from '../money.js';
import { SOURCES } from '../sources.js';
import { datePart, firstContact, joinList, moneyLine, narrative, paymentsOf, subjectInfo } from './facts.js';
import { FieldList, finish } from './render.js';
import type { AuthorityReport } from './types.js';

export function actionFraudReport(c: Case): AuthorityReport {
  const s = subjectInfo(c);
  const start = firstContact(c);
  const v = c.victim;
  const f = new FieldList()
    .in('What happened')
    .add('When did it happen?', start.at ? datePart(start.at) : '')
    .add('How were you contacted?', start.how)
    .add('Describe what happened', narrative(c))
    .in('Suspect details')
    .add('Name(s) used', joinList(s.names))
    .add('Organisation they claimed to be', joinList(s.organisations))
    .add('Phone number(s)', joinList(s.phones))
    .add('Email address(es)', joinList(s.emails))
    .add('Website(s)', joinList(s.websites))
    .in('Money lost')
    .add('Total lost', moneyLine(c, 'paid'));
  paymentsOf(c, 'paid', 'attempted').forEach((p, i) => {
    f.add(
      `Payment ${i + 1}`,
      [
        `${formatMoney(p.amount, p.currency)} by ${METHOD_LABELS[p.method]} on ${p.at}`,
        p.recipientName && `to ${p.recipientName}`,
        p.recipientBank && `bank ${p.recipientBank}`,
        p.recipientAccount && `account ${p.recipientAccount}`,
        p.recipientRoutingOrSwift && `sort code/SWIFT ${p.recipientRoutingOrSwift}`,
        p.reference && `reference ${p.reference}`,
        p.crypto?.address && `address ${p.crypto.address}`,
        p.crypto?.transactionHash && `hash ${p.crypto.transactionHash}`,
      ]
        .filter(Boolean)
        .join(', '),
    );
  });
  f.in('Your details')
    .add('Name', v?.name)
    .add('Address', [v?.address, v?.city, v?.postalCode].filter(Boolean).join(', '))
    .add('Phone', v?.phone)
    .add('Email', v?.email);
  const gb = c.country === 'GB';
  return finish({
    id: 'actionfraud',
    title: 'Action Fraud (UK)',
    url: SOURCES.actionFraud.url,
    alsoAt: [],
    applies: gb,
    reason: gb
      ? 'Action Fraud takes fraud reports for England, Wales and Northern Ireland.'
      : `Action Fraud is for the UK; this case's country is ${c.country}.`,
    fields: f.fields,
    notes: ['In Scotland, report to Police Scotland on 101 instead.'],
  });
}

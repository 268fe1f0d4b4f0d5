/**
 * FBI IC3 complaint (https://www.ic3.gov/), every section: victim, financial transactions (with crypto
 * addresses, hashes and exchange), subjects, description, and other information (email headers). Pure.
 */
import type { Case } from '../schema.js';
import { METHOD_LABELS } from '../describe.js';
import { formatMoney } from '../money.js';
import { SOURCES } from '../sources.js';
import { cleanText } from '../text.js';
import { joinList, messages, moneyLine, narrative, paymentsOf, stagesLine, subjectInfo } from './facts.js';
import { FieldList, finish } from './render.js';
import type { AuthorityReport } from './types.js';

export function ic3Report(c: Case): AuthorityReport {
  const v = c.victim;
  const f = new FieldList().in('Victim information');
  f.add('Name', v?.name)
    .add('Age range', v?.ageRange)
    .add('Address', v?.address)
    .add('City', v?.city)
    .add('State / region', v?.region)
    .add('Postal code', v?.postalCode)
    .add('Country', v?.country ?? c.country)
    .add('Phone number', v?.phone)
    .add('Email address', v?.email)
    .add('Are you filing on behalf of someone else?', c.filer ? 'Yes' : 'No');
  if (c.filer) {
    f.in('Complainant information (the person filing)')
      .add('Name', c.filer.name)
      .add('Relationship to the victim', c.filer.relationship)
      .add('Phone number', c.filer.phone)
      .add('Email address', c.filer.email);
  }
  const pays = paymentsOf(c, 'paid', 'attempted');
  pays.forEach((p, i) => {
    f.in(`Financial transaction ${i + 1}`)
      .add('Transaction type', METHOD_LABELS[p.method])
      .add('Transaction date', p.at)
      .add('Amount', formatMoney(p.amount, p.currency))
      .add('Was the money sent?', p.status === 'paid' ? 'Yes' : 'Attempted (stopped or reversed)')
      .add('Recipient name', p.recipientName)
      .add('Recipient bank name', p.recipientBank)
      .add('Recipient account number', p.recipientAccount)
      .add('Recipient routing number / SWIFT', p.recipientRoutingOrSwift)
      .add('Reference / memo', p.reference)
      .add('Victim bank name', p.fromBank)
      .add('Victim account (last 4 digits)', p.fromAccountLast4);
    if (p.crypto) {
      f.add('Cryptocurrency type', p.crypto.asset)
        .add('Cryptocurrency amount', formatMoney(p.amount, p.currency))
        .add('Recipient cryptocurrency address', p.crypto.address)
        .add('Transaction ID / hash', p.crypto.transactionHash)
        .add('Originating address', p.crypto.fromAddress)
        .add('Exchange or ATM/kiosk used', p.crypto.exchange);
    }
    if (p.giftCards?.length) {
      f.add(
        'Gift cards (brand, number)',
        p.giftCards.map((g) => [g.brand, g.number].filter(Boolean).join(' ')).join('\n'),
      );
    }
  });
  f.in('Financial transactions').add('Total amount lost', moneyLine(c, 'paid'));
  const s = subjectInfo(c);
  f.in('Information about the subject(s)')
    .add('Name(s)', joinList(s.names))
    .add('Business / organisation name(s) used', joinList(s.organisations))
    .add('Phone number(s)', joinList(s.phones))
    .add('Email address(es)', joinList(s.emails))
    .add('Website(s) / URL(s)', joinList(s.websites))
    .add('IP address(es)', joinList(s.ips));
  f.in('Description of incident').add('Describe what happened', narrative(c));
  const headers = messages(c)
    .filter((m) => m.headers)
    .map((m) => cleanText(m.headers!).trim())
    .join('\n\n');
  f.in('Other information')
    .add('Email header(s)', headers)
    .add(
      'Pattern',
      stagesLine(c) ? `${stagesLine(c)} (FBI IC3 PSA 2023-09-29, ${SOURCES.ic3PhantomHacker.url})` : '',
    );
  return finish({
    id: 'ic3',
    title: 'FBI Internet Crime Complaint Center (IC3) complaint',
    url: SOURCES.ic3.url,
    alsoAt: [],
    applies: c.country === 'US',
    reason:
      c.country === 'US'
        ? 'IC3 takes complaints about internet-enabled fraud, including tech support and crypto scams.'
        : `IC3 is the FBI's service; this case's country is ${c.country}, so file with your own police first.`,
    fields: f.fields,
    notes: [
      'Fill in one financial transaction per payment; keep receipts, transaction hashes and screenshots.',
      'Paste full email headers in "Other information" if the scam started by email.',
    ],
  });
}

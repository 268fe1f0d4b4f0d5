/** Plain-language one-line descriptions of case items, shared by the timeline, reports and evidence pack. Pure. */
import type { CaseItem, Payment } from './schema.js';
import { formatMoney } from './money.js';

export const CHANNEL_LABELS: Record<string, string> = {
  popup: 'pop-up warning',
  email: 'email',
  invoice: 'invoice',
  text: 'text message',
  'search-result': 'search result',
  ad: 'online ad',
  letter: 'letter',
  website: 'website',
};

export const METHOD_LABELS: Record<Payment['method'], string> = {
  'gift-card': 'gift card',
  wire: 'wire transfer',
  'bank-transfer': 'bank transfer',
  crypto: 'cryptocurrency',
  'crypto-atm': 'cryptocurrency ATM',
  card: 'credit or debit card',
  'payment-app': 'payment app',
  cash: 'cash',
  check: 'check',
  other: 'other',
};

export const DISCLOSURE_LABELS: Record<string, string> = {
  password: 'password(s)',
  card: 'card details',
  'bank-details': 'bank account details',
  ssn: 'Social Security number',
  'one-time-code': 'one-time code(s)',
  'personal-info': 'personal information',
  'id-document': 'identity document',
};

/** A short title for the item ("Incoming call from +1 844 555 0100 claiming to be Microsoft"). */
export function itemTitle(item: CaseItem): string {
  switch (item.kind) {
    case 'call': {
      const who = item.claimedOrg ? ` claiming to be ${item.claimedOrg}` : '';
      return item.direction === 'incoming'
        ? `Incoming call${item.theirNumber ? ` from ${item.theirNumber}` : ''}${who}`
        : `Called ${item.theirNumber ?? 'a number'}${item.claimedOrg ? `, answered as ${item.claimedOrg}` : ''}`;
    }
    case 'message': {
      const label = CHANNEL_LABELS[item.channel] ?? item.channel;
      const who = item.claimedOrg ? ` claiming to be ${item.claimedOrg}` : '';
      return `${capitalise(label)}${item.sender ? ` from ${item.sender}` : ''}${who}`;
    }
    case 'remote-session':
      return `Remote access with ${item.tool}${item.codeGiven ? ' (access code given)' : ''}`;
    case 'payment': {
      const verb =
        item.status === 'paid' ? 'Paid' : item.status === 'attempted' ? 'Tried to pay' : 'Asked to pay';
      const to = item.recipientName ? ` to ${item.recipientName}` : '';
      return `${verb} ${formatMoney(item.amount, item.currency)} by ${METHOD_LABELS[item.method]}${to}`;
    }
    case 'disclosure':
      return `Gave ${DISCLOSURE_LABELS[item.what] ?? item.what}${item.institution ? ` (${item.institution})` : ''}`;
  }
}

/** Further facts about the item, one short line each (no free text: notes and transcripts go elsewhere). */
export function itemDetails(item: CaseItem): string[] {
  const d: string[] = [];
  const push = (label: string, v: string | number | boolean | undefined) => {
    if (v !== undefined && v !== '') d.push(`${label}: ${typeof v === 'boolean' ? (v ? 'yes' : 'no') : v}`);
  };
  switch (item.kind) {
    case 'call':
      push('Caller ID name', item.callerIdName);
      push('Caller ID verification', item.callerIdVerification);
      push('Name the caller gave', item.callerName);
      push('Callback number given', item.callbackNumber);
      push('My number', item.myNumber);
      push('Duration (minutes)', item.durationMinutes);
      push('Recorded message', item.recordedMessage);
      if (item.assessment) {
        push('CallGuard verdict', item.assessment.verdict);
        if (item.assessment.flags?.length) push('Red flags', item.assessment.flags.join(', '));
      }
      break;
    case 'message':
      push('Subject', item.subject);
      if (item.numbers?.length) push('Phone numbers shown', item.numbers.join(', '));
      if (item.links?.length) push('Links', item.links.join(', '));
      push('IP address', item.ipAddress);
      break;
    case 'remote-session':
      push('Access code given', item.codeGiven);
      push('Ended', item.endedAt);
      push('Tool still installed', item.stillInstalled);
      push('Device', item.device);
      push('IP address', item.ipAddress);
      break;
    case 'payment':
      push('Recipient bank', item.recipientBank);
      push('Recipient account', item.recipientAccount);
      push('Routing / SWIFT', item.recipientRoutingOrSwift);
      push('Reference', item.reference);
      push(
        'Paid from',
        [item.fromBank, item.fromAccountLast4 && `account ending ${item.fromAccountLast4}`]
          .filter(Boolean)
          .join(', '),
      );
      if (item.crypto) {
        push('Asset', item.crypto.asset);
        push('To address', item.crypto.address);
        push('Transaction hash', item.crypto.transactionHash);
        push('Exchange or ATM', item.crypto.exchange);
        push('From address', item.crypto.fromAddress);
      }
      for (const g of item.giftCards ?? []) {
        push(
          'Gift card',
          [g.brand, g.number, g.amount && formatMoney(g.amount, item.currency)].filter(Boolean).join(', '),
        );
      }
      break;
    case 'disclosure':
      if (item.accounts?.length) push('Accounts or services', item.accounts.join(', '));
      push('Last 4 digits', item.last4);
      break;
  }
  return d;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "2026-11-18 09:12 (UTC-06:00)" from an ISO date-time; a date stays as it is. */
export function humanWhen(at: string): string {
  const m = at.match(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/);
  if (!m) return at;
  return `${m[1]} ${m[2]} (${m[3] === 'Z' ? 'UTC' : `UTC${m[3]}`})`;
}

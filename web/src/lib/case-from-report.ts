import type { CaseInput, CaseItemInput, PaymentMethod } from '../../../src/cases/index.js';
import type { Ask } from '../../../src/store/types.js';
import type { LastCheck } from './app-state.js';
import type { ReportDraft } from './report-draft.js';

const MESSAGE_CHANNEL: Partial<
  Record<string, 'popup' | 'invoice' | 'search-result' | 'email' | 'text' | 'website'>
> = {
  popup: 'popup',
  invoice: 'invoice',
  search: 'search-result',
  email: 'email',
  sms: 'text',
  website: 'website',
};

const PAYMENT_FOR: Partial<Record<Ask, PaymentMethod>> = {
  'gift-cards': 'gift-card',
  crypto: 'crypto',
  wire: 'wire',
};

function amountOf(typed: string): string | null {
  const clean = typed.replace(/[, ]/g, '');
  return /^\d{1,13}(\.\d{1,18})?$/.test(clean) && Number(clean) > 0 ? clean : null;
}

/**
 * The report form as a case for src/cases, whose generators write the FTC, IC3 and Microsoft texts.
 * Only what the person typed or CallGuard found goes in; nothing is invented.
 */
export function caseFromReport(draft: ReportDraft, check: LastCheck | null): CaseInput {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(draft.date) ? draft.date : new Date().toISOString().slice(0, 10);
  const number = draft.number.trim();
  const org = draft.claimedOrg.trim();
  const items: CaseItemInput[] = [];
  const call: CaseItemInput = {
    kind: 'call',
    at: date,
    direction: draft.direction === 'i-called' ? 'outgoing' : 'incoming',
  };
  if (number) call.theirNumber = number;
  if (org) call.claimedOrg = org;
  const verification = check?.facts.callerIdVerification;
  if (verification) call.callerIdVerification = verification;
  if (check) {
    call.assessment = {
      verdict: check.assessment.verdict,
      risk: check.assessment.risk,
      summary: check.assessment.summary.slice(0, 1000),
      flags: check.assessment.redFlags.map((f) => f.title.slice(0, 80)).slice(0, 50),
    };
  }
  items.push(call);

  const channel = MESSAGE_CHANNEL[draft.numberSource];
  if (channel) {
    const message: CaseItemInput = { kind: 'message', channel };
    if (number) message.numbers = [number];
    if (org) message.claimedOrg = org;
    items.push(message);
  }

  if (draft.given.includes('remote-access'))
    items.push({ kind: 'remote-session', tool: 'other', codeGiven: true });
  if (draft.given.includes('passwords')) items.push({ kind: 'disclosure', what: 'password' });
  if (draft.given.includes('card')) items.push({ kind: 'disclosure', what: 'card' });
  if (draft.given.includes('bank')) items.push({ kind: 'disclosure', what: 'bank-details' });

  const methods = draft.given.flatMap((a) => (PAYMENT_FOR[a] ? [PAYMENT_FOR[a]] : []));
  const amount = amountOf(draft.amountLost);
  const currency = /^[A-Za-z][A-Za-z0-9]{2,9}$/.test(draft.currency.trim()) ? draft.currency.trim() : 'USD';
  if (amount && methods.length === 0) methods.push(draft.given.includes('card') ? 'card' : 'other');
  methods.forEach((method, i) => {
    const payment: CaseItemInput = {
      kind: 'payment',
      at: date,
      method,
      currency,
      amount: i === 0 && amount ? amount : '0',
    };
    if (methods.length > 1 && i === 0 && amount)
      payment.reference = 'Total of all payments; the split is not known';
    if (!amount) payment.reference = 'Amount not known yet';
    items.push(payment);
  });

  const input: CaseInput = {
    country: /^[A-Za-z]{2}$/.test(draft.country.trim()) ? draft.country.trim() : 'US',
    items,
  };
  if (draft.text.trim()) input.summary = draft.text.trim();
  if (draft.region.trim()) input.victim = { region: draft.region.trim().slice(0, 200) };
  return input;
}

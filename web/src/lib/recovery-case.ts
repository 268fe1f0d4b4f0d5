import type { CaseItemInput } from '../../../src/cases/schema.js';

/** What the person says they gave away, on the recovery page. */
export interface GivenAway {
  remoteAccess: boolean;
  remoteTool: string;
  password: boolean;
  card: boolean;
  bankDetails: boolean;
  ssn: boolean;
  bankTransfer: boolean;
  giftCards: boolean;
  crypto: boolean;
  amounts: { bankTransfer: string; giftCards: string; crypto: string };
  currency: string;
}

export const NOTHING_GIVEN: GivenAway = {
  remoteAccess: false,
  remoteTool: 'AnyDesk',
  password: false,
  card: false,
  bankDetails: false,
  ssn: false,
  bankTransfer: false,
  giftCards: false,
  crypto: false,
  amounts: { bankTransfer: '', giftCards: '', crypto: '' },
  currency: 'USD',
};

function amountOf(typed: string): string {
  const clean = typed.replace(/[^0-9.]/g, '');
  return /^\d{1,13}(\.\d{1,18})?$/.test(clean) ? clean : '0';
}

/**
 * The case items for src/cases' recovery plan. Amounts the person did not know are sent as 0 and
 * the plan's "because" lines, which quote amounts, are then hidden (see the recovery page).
 */
export function caseItems(given: GivenAway, today: string): CaseItemInput[] {
  const items: CaseItemInput[] = [];
  const currency = /^[A-Za-z]{3}$/.test(given.currency.trim()) ? given.currency.trim().toUpperCase() : 'USD';
  if (given.remoteAccess)
    items.push({ kind: 'remote-session', tool: given.remoteTool || 'other', codeGiven: true });
  if (given.password) items.push({ kind: 'disclosure', what: 'password' });
  if (given.card) items.push({ kind: 'disclosure', what: 'card' });
  if (given.bankDetails) items.push({ kind: 'disclosure', what: 'bank-details' });
  if (given.ssn) items.push({ kind: 'disclosure', what: 'ssn' });
  if (given.bankTransfer)
    items.push({
      kind: 'payment',
      at: today,
      method: 'bank-transfer',
      amount: amountOf(given.amounts.bankTransfer),
      currency,
    });
  if (given.giftCards)
    items.push({
      kind: 'payment',
      at: today,
      method: 'gift-card',
      amount: amountOf(given.amounts.giftCards),
      currency,
    });
  if (given.crypto)
    items.push({
      kind: 'payment',
      at: today,
      method: 'crypto',
      amount: amountOf(given.amounts.crypto),
      currency,
    });
  return items;
}

export function allAmountsKnown(given: GivenAway): boolean {
  const pairs: Array<[boolean, string]> = [
    [given.bankTransfer, given.amounts.bankTransfer],
    [given.giftCards, given.amounts.giftCards],
    [given.crypto, given.amounts.crypto],
  ];
  return pairs.every(([on, typed]) => !on || amountOf(typed) !== '0');
}

export function isoToday(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Exact decimal sums per currency (crypto amounts have up to 18 decimals; floats would lose them). Pure. */
import type { Case, Payment } from './schema.js';

export interface CurrencyTotal {
  currency: string;
  /** Money that left (status "paid"). */
  paid: string;
  /** Started but stopped or reversed. */
  attempted: string;
  /** Demanded but not paid. */
  asked: string;
  payments: number;
}

/**
 * Totals per currency, sorted by currency code.
 * @example
 * totalsByCurrency(c); // [{ currency: 'USD', paid: '1500', attempted: '0', asked: '500', payments: 3 }]
 */
export function totalsByCurrency(c: Pick<Case, 'items'>): CurrencyTotal[] {
  const map = new Map<string, { paid: Dec; attempted: Dec; asked: Dec; payments: number }>();
  for (const item of c.items) {
    if (item.kind !== 'payment') continue;
    const t = map.get(item.currency) ?? { paid: ZERO, attempted: ZERO, asked: ZERO, payments: 0 };
    t[item.status] = add(t[item.status], parse(item.amount));
    t.payments += 1;
    map.set(item.currency, t);
  }
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, t]) => ({
      currency,
      paid: format(t.paid),
      attempted: format(t.attempted),
      asked: format(t.asked),
      payments: t.payments,
    }));
}

export function payments(c: Pick<Case, 'items'>): Payment[] {
  return c.items.filter((i): i is Payment => i.kind === 'payment');
}

/** "1,234.5 USD". Grouping only; no rounding, so nothing is lost. */
export function formatMoney(value: string, currency: string): string {
  const [int = '0', frac] = value.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}${frac ? `.${frac}` : ''} ${currency}`;
}

/** Exact sum of two non-negative decimal strings. */
export function addDecimal(a: string, b: string): string {
  return format(add(parse(a), parse(b)));
}

interface Dec {
  units: bigint;
  scale: number;
}
const ZERO: Dec = { units: 0n, scale: 0 };

function parse(s: string): Dec {
  const [int = '0', frac = ''] = s.split('.');
  return { units: BigInt(int + frac), scale: frac.length };
}

function add(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return {
    units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale),
    scale,
  };
}

function format(d: Dec): string {
  if (d.scale === 0) return d.units.toString();
  const s = d.units.toString().padStart(d.scale + 1, '0');
  const int = s.slice(0, s.length - d.scale);
  const frac = s.slice(s.length - d.scale).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

import { describe, expect, it } from 'vitest';
import { addDecimal, formatMoney, totalsByCurrency } from './money.js';
import type { Payment } from './schema.js';

const pay = (amount: string, currency: string, status: Payment['status'] = 'paid'): Payment => ({
  kind: 'payment',
  id: Math.random().toString(16).slice(2, 18).padEnd(16, '0'),
  at: '2026-11-20',
  method: 'other',
  status,
  amount,
  currency,
});

describe('money', () => {
  it('sums exactly per currency and status', () => {
    const t = totalsByCurrency({
      items: [pay('0.1', 'BTC'), pay('0.2', 'BTC'), pay('100', 'USD'), pay('50.5', 'USD', 'asked')],
    });
    expect(t).toEqual([
      { currency: 'BTC', paid: '0.3', attempted: '0', asked: '0', payments: 2 },
      { currency: 'USD', paid: '100', attempted: '0', asked: '50.5', payments: 2 },
    ]);
  });

  it('adds decimals of different scales without rounding', () => {
    expect(addDecimal('0.000000000000000001', '12345678901234')).toBe('12345678901234.000000000000000001');
    expect(addDecimal('0.5', '0.5')).toBe('1');
  });

  it('groups thousands without changing digits', () => {
    expect(formatMoney('1234567.891', 'USD')).toBe('1,234,567.891 USD');
    expect(formatMoney('12', 'GBP')).toBe('12 GBP');
  });
});

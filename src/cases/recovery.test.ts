import { describe, expect, it } from 'vitest';
import { createCase } from './validate.js';
import { recoveryPlan, URGENCIES } from './recovery.js';

const now = new Date('2026-11-25T12:00:00Z');
const plan = (items: unknown[], country = 'US') => recoveryPlan(createCase({ country, items }, { now }));
const ids = (items: unknown[], country?: string) => plan(items, country).map((s) => s.id);

describe('recoveryPlan', () => {
  it('always warns about recovery scams, last, and says where to report', () => {
    const p = plan([]);
    expect(p.at(-1)?.id).toBe('recovery-scam-warning');
    expect(p.at(-1)?.source.url).toBe('https://consumer.ftc.gov/articles/refund-and-recovery-scams');
    expect(p.map((s) => s.id)).toContain('file-reports');
    expect(ids([])).not.toContain('disconnect');
  });

  it('matches remote access: disconnect now, then uninstall, scan and change passwords elsewhere', () => {
    const p = plan([{ kind: 'remote-session', tool: 'AnyDesk', codeGiven: true }]);
    expect(p[0]).toMatchObject({ id: 'disconnect', urgency: 'minutes' });
    expect(p.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'uninstall-tool',
        'full-scan',
        'change-passwords-clean-device',
        'two-step-verification',
      ]),
    );
    expect(p.find((s) => s.id === 'uninstall-tool')?.title).toBe('Uninstall AnyDesk');
  });

  it('puts gift cards and wires in the minutes, with the card numbers and the reference', () => {
    const p = plan([
      {
        kind: 'payment',
        at: '2026-11-20',
        method: 'gift-card',
        amount: 500,
        currency: 'USD',
        giftCards: [{ brand: 'Target', number: '0412 3456' }],
      },
      {
        kind: 'payment',
        at: '2026-11-20',
        method: 'wire',
        amount: 9000,
        currency: 'USD',
        reference: 'REF-77',
      },
    ]);
    const gift = p.find((s) => s.id === 'call-gift-card-issuer')!;
    expect(gift.urgency).toBe('minutes');
    expect(gift.detail).toContain('Target 0412 3456');
    expect(gift.source.url).toBe('https://consumer.ftc.gov/articles/avoiding-and-reporting-gift-card-scams');
    expect(p.find((s) => s.id === 'recall-transfer')?.detail).toContain('REF-77');
  });

  it('matches card, crypto, SSN and passwords', () => {
    const got = ids([
      { kind: 'disclosure', what: 'card', last4: '4242' },
      {
        kind: 'payment',
        at: '2026-11-20',
        method: 'crypto',
        amount: 0.1,
        currency: 'BTC',
        crypto: { asset: 'BTC', exchange: 'Example Exchange' },
      },
      { kind: 'disclosure', what: 'ssn' },
      { kind: 'disclosure', what: 'password' },
    ]);
    expect(got).toEqual(
      expect.arrayContaining([
        'call-card-issuer',
        'contact-exchange',
        'report-ic3-crypto',
        'credit-freeze',
        'identitytheft-gov',
        'change-passwords',
        'two-step-verification',
      ]),
    );
  });

  it('does not send asked-for payments to the bank', () => {
    expect(
      ids([
        { kind: 'payment', at: '2026-11-20', method: 'wire', status: 'asked', amount: 1, currency: 'USD' },
      ]),
    ).not.toContain('recall-transfer');
  });

  it('sorts steps by urgency and cites a source for each', () => {
    const p = plan([
      { kind: 'disclosure', what: 'ssn' },
      { kind: 'remote-session', tool: 'TeamViewer', codeGiven: true },
      { kind: 'payment', at: '2026-11-20', method: 'card', amount: 99, currency: 'USD' },
    ]);
    const order = p.map((s) => URGENCIES.indexOf(s.urgency));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const s of p) expect(s.source.url).toMatch(/^https:\/\//);
  });

  it('names the local report in the UK and Australia', () => {
    expect(plan([], 'GB').find((s) => s.id === 'file-reports')?.source.url).toBe(
      'https://www.actionfraud.police.uk/',
    );
    expect(plan([], 'AU').find((s) => s.id === 'file-reports')?.detail).toContain('Scamwatch');
  });
});

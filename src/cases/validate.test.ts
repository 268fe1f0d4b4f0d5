import { describe, expect, it } from 'vitest';
import { CallGuardError } from '../errors/catalogue.js';
import { addItems, createCase, parseCaseItem } from './validate.js';

const now = new Date('2026-11-25T12:00:00Z');
const call = {
  kind: 'call',
  at: '2026-11-20T14:05:00-05:00',
  direction: 'incoming',
  claimedOrg: 'Microsoft',
};

function errorOf(fn: () => unknown): CallGuardError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CallGuardError) return err;
    throw err;
  }
  throw new Error('expected a CallGuardError');
}

describe('createCase', () => {
  it('gives each case an unguessable 128-bit id and each item an id', () => {
    const a = createCase({ items: [call] }, { now });
    const b = createCase({ items: [call] }, { now });
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.items[0]!.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a.country).toBe('US');
    expect(a.createdAt).toBe(now.toISOString());
  });

  it('refuses a full card number where only the last 4 digits are allowed', () => {
    const err = errorOf(() =>
      createCase({ items: [{ kind: 'disclosure', what: 'card', last4: '4111 1111 1111 1111' }] }, { now }),
    );
    expect(err.code).toBe('CG_CASE_SENSITIVE_DATA');
    expect(err.pointer).toBe('/items/0/last4');
    expect(err.message).toMatch(/last 4 digits/);
  });

  it('refuses a password, an SSN or an access code, pointing at the field', () => {
    for (const [key, value] of [
      ['password', 'hunter2'],
      ['ssn', '078-05-1120'],
      ['code', '123 456 789'],
    ] as const) {
      const err = errorOf(() =>
        parseCaseItem({ kind: 'remote-session', tool: 'AnyDesk', codeGiven: true, [key]: value }, { now }),
      );
      expect(err.code).toBe('CG_CASE_SENSITIVE_DATA');
      expect(err.pointer).toBe(`/${key}`);
    }
  });

  it('keeps nothing but the fact for an SSN disclosure', () => {
    const err = errorOf(() => parseCaseItem({ kind: 'disclosure', what: 'ssn', last4: '1120' }, { now }));
    expect(err.code).toBe('CG_CASE_SENSITIVE_DATA');
  });

  it('refuses negative amounts, future dates and dates before 1990', () => {
    const pay = { kind: 'payment', at: '2026-11-20', method: 'wire', currency: 'USD' };
    expect(errorOf(() => parseCaseItem({ ...pay, amount: -5 }, { now })).message).toMatch(/negative/);
    expect(errorOf(() => parseCaseItem({ ...pay, amount: '-5' }, { now })).pointer).toBe('/amount');
    const future = errorOf(() => parseCaseItem({ ...call, at: '2026-11-25T13:00:00Z' }, { now }));
    expect(future.code).toBe('CG_CASE_INVALID');
    expect(future.message).toMatch(/future/);
    expect(errorOf(() => parseCaseItem({ ...call, at: '1989-12-31' }, { now })).message).toMatch(/1990/);
    expect(errorOf(() => parseCaseItem({ ...call, at: 'yesterday' }, { now })).pointer).toBe('/at');
  });

  it('accepts a date later today in a time zone ahead of UTC, but not tomorrow', () => {
    expect(parseCaseItem({ ...call, at: '2026-11-26' }, { now }).at).toBe('2026-11-26');
    expect(errorOf(() => parseCaseItem({ ...call, at: '2026-11-27' }, { now })).code).toBe('CG_CASE_INVALID');
  });

  it('keeps amounts exact as decimal strings', () => {
    const p = parseCaseItem(
      {
        kind: 'payment',
        at: '2026-11-20',
        method: 'crypto',
        amount: '0.000000000000000001',
        currency: 'eth',
        crypto: { asset: 'ETH' },
      },
      { now },
    );
    expect(p.kind === 'payment' && [p.amount, p.currency]).toEqual(['0.000000000000000001', 'ETH']);
  });

  it('refuses crypto details on a non-crypto payment and gift cards on a wire', () => {
    const base = { kind: 'payment', at: '2026-11-20', amount: 1, currency: 'USD' };
    expect(
      errorOf(() => parseCaseItem({ ...base, method: 'wire', crypto: { asset: 'BTC' } }, { now })).pointer,
    ).toBe('/crypto');
    expect(
      errorOf(() => parseCaseItem({ ...base, method: 'wire', giftCards: [{ brand: 'Target' }] }, { now }))
        .pointer,
    ).toBe('/giftCards');
  });

  it('refuses control characters in one-line fields and unknown fields', () => {
    expect(errorOf(() => parseCaseItem({ ...call, claimedOrg: 'Micro\u0007soft' }, { now })).pointer).toBe(
      '/claimedOrg',
    );
    expect(errorOf(() => parseCaseItem({ ...call, colour: 'red' }, { now })).pointer).toBe('/colour');
  });

  it('drops text-direction overrides from every field, one-line and free', () => {
    // U+202E shows "3210 555 888" reversed after it: a report would read otherwise than filed. Apps
    // wrap copied names and numbers in such marks invisibly, so they are dropped, not refused.
    const item = parseCaseItem(
      {
        ...call,
        callerName: 'Agent \u202E3210 555 888',
        claimedOrg: '\u2068Microsoft\u2069',
        notes: 'call \u2066back\u2069 on \u202D+1 888\u202C',
      },
      { now },
    ) as Record<string, unknown>;
    expect(item['callerName']).toBe('Agent 3210 555 888');
    expect(item['claimedOrg']).toBe('Microsoft');
    expect(item['notes']).toBe('call back on +1 888');
    // The plain right-to-left mark stays: Arabic and Hebrew text needs it.
    expect(parseCaseItem({ ...call, notes: 'שלום\u200F 123' }, { now }).notes).toBe('שלום\u200F 123');
  });

  it('cleans and redacts free text through the hook', () => {
    const item = parseCaseItem(
      { ...call, notes: 'card 4111\u0000 and more\r\nline two' },
      { now, redact: (t) => t.replace(/\d{4}/g, '[number]') },
    );
    expect(item.notes).toBe('card [number] and more\nline two');
  });

  it('refuses a session that ends before it starts', () => {
    const err = errorOf(() =>
      parseCaseItem(
        {
          kind: 'remote-session',
          tool: 'AnyDesk',
          codeGiven: false,
          at: '2026-11-20T10:00:00Z',
          endedAt: '2026-11-20T09:00:00Z',
        },
        { now },
      ),
    );
    expect(err.pointer).toBe('/endedAt');
  });
});

describe('addItems', () => {
  it('appends validated items and points at the bad one', () => {
    const c = createCase({}, { now });
    const next = addItems(c, [call], { now });
    expect(next.items).toHaveLength(1);
    expect(c.items).toHaveLength(0);
    expect(errorOf(() => addItems(c, [call, { kind: 'nope' }], { now })).pointer).toMatch(/^\/items\/1/);
  });
});

describe('free text', () => {
  it('redacts free text by default', () => {
    const item = parseCaseItem(
      { ...call, notes: 'my card is 4111 1111 1111 1111 and password is hunter2' },
      { now },
    );
    expect(item.notes).not.toContain('4111');
    expect(item.notes).not.toContain('hunter2');
  });
});

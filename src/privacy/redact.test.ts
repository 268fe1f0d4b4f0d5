import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid, redactText } from './redact.js';

describe('redactText', () => {
  it('removes Luhn-valid card numbers in any common grouping and keeps other digit runs', () => {
    const r = redactText('He read 4111 1111 1111 1111 and 5500-0000-0000-0004 then 4111111111111112.');
    expect(r.text).toBe('He read [card number removed] and [card number removed] then 4111111111111112.');
    expect(r.redactions).toEqual([{ kind: 'card-number', count: 2 }]);
  });

  it('leaves phone numbers alone', () => {
    const text = 'They called from +1 800 642 7676 and +44 20 7946 0000.';
    expect(redactText(text).text).toBe(text);
  });

  it('removes IBANs that pass mod-97 only', () => {
    const r = redactText('Send it to GB82 WEST 1234 5698 7654 32 not GB82 WEST 1234 5698 7654 33.');
    expect(r.text).toBe('Send it to [IBAN removed] not GB82 WEST 1234 5698 7654 33.');
    expect(ibanValid('DE89370400440532013000')).toBe(true);
  });

  it('removes US SSNs, formatted or labelled', () => {
    const r = redactText('my SSN is 123456789, also 078-05-1120; order 000-12-3456 stays');
    expect(r.text).toBe('my SSN is [SSN removed], also [SSN removed]; order 000-12-3456 stays');
    expect(r.redactions).toEqual([{ kind: 'ssn', count: 2 }]);
  });

  it('removes passwords and one-time codes typed into the text', () => {
    const r = redactText(
      'I told him my password is hunter2 and then the code 483920. PIN: 1234. Password="s3cret pass"',
    );
    expect(r.text).toBe(
      'I told him my password is [password removed] and then the code [code removed]. PIN: [password removed]. Password=[password removed]',
    );
    expect(r.text).not.toMatch(/hunter2|483920|1234|s3cret/);
    expect(r.redactions).toEqual([
      { kind: 'password', count: 3 },
      { kind: 'one-time-code', count: 1 },
    ]);
  });

  it('handles "verification code was 483 920" and "OTP 5521"', () => {
    const r = redactText('The verification code was 483 920, then OTP 5521.');
    expect(r.text).toBe('The verification code was [code removed], then OTP [code removed].');
  });

  it('does not touch ordinary prose about passwords', () => {
    const text = 'He asked for my password but I refused. Microsoft never asks for codes.';
    expect(redactText(text)).toEqual({ text, redactions: [] });
  });

  it('checks Luhn correctly', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });
});

describe('redactText properties', () => {
  /** Appends the Luhn check digit to a digit string. */
  const withCheckDigit = (body: string) => {
    for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
    throw new Error('unreachable');
  };

  it('removes every Luhn-valid 16-digit card, however it is grouped and wherever it sits', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{14}$/),
        fc.constantFrom(' ', '-', ''),
        fc.string({ maxLength: 40 }).map((s) => s.replace(/\d/g, '')),
        fc.string({ maxLength: 40 }).map((s) => s.replace(/\d/g, '')),
        (body, sep, before, after) => {
          const card = withCheckDigit(body);
          const grouped = card.match(/.{4}/g)!.join(sep);
          const out = redactText(`${before} ${grouped} ${after}`);
          expect(out.text).not.toContain(grouped);
          expect(out.text).not.toContain(card);
          expect(out.redactions).toContainEqual({ kind: 'card-number', count: 1 });
        },
      ),
    );
  });

  it('never throws and never grows secrets back, on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const out = redactText(text);
        expect(typeof out.text).toBe('string');
        expect(redactText(out.text).text).toBe(out.text);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { getCountries, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { CallGuardError } from '../../errors/catalogue.js';
import { checkNumber } from './check-number.js';
import { normaliseNumber } from './normalise.js';

describe('normaliseNumber', () => {
  it.each([
    ['1 - (888) 839 - 0199', '18888390199'],
    ['1 - { 8 8 8 } - ( 8 3 9 ) - 0 1 9 9', '18888390199'],
    ['+44 20 7946 0018', '+442079460018'],
    ['+44 (0)20 7946 0018', '+442079460018'],
    ['１-８００-６４２-７６７６', '18006427676'],
    ['1-800-MICROSOFT', '1800642767638'],
    ['tel:+1-800-642-7676', '+18006427676'],
    ['(800) 642-7676 ext. 12', '8006427676'],
  ])('%s -> %s', (input, out) => {
    expect(normaliseNumber(input)?.dialable).toBe(out);
  });

  it('finds no number in words', () => {
    expect(normaliseNumber('call me maybe')).toBeNull();
  });
});

describe('checkNumber: official channels', () => {
  it.each([
    ['1-800-642-7676', 'microsoft'],
    ['1-800-MICROSOFT', 'microsoft'],
    ['+44 344 800 2400', 'microsoft'],
    ['1-800-APL-CARE', 'apple'],
    ['(800) 772-1213', 'ssa'],
    ['800.829.1040', 'irs'],
    ['1-877-FTC-HELP', 'ftc'],
    ['1-800-935-9935', 'chase'],
    ['0300 200 3310', 'hmrc'],
  ])('%s is an official %s number', (input, org) => {
    const r = checkNumber(input, { country: input.startsWith('0300') ? 'GB' : 'US' });
    expect(r.official?.org).toBe(org);
    expect(r.verdict).toBe('official');
    expect(r.valid).toBe(true);
  });

  it('reports E.164, type and country', () => {
    const r = checkNumber('1-800-642-7676');
    expect(r).toMatchObject({ e164: '+18006427676', type: 'toll-free', country: 'US', valid: true });
  });

  it('uses the default country for national numbers', () => {
    expect(checkNumber('020 7946 0018', { country: 'GB' })).toMatchObject({
      e164: '+442079460018',
      type: 'fixed-line',
      country: 'GB',
    });
    expect(checkNumber('07700 900123', { country: 'UK' }).country).toBe('GB');
  });

  it('flags premium-rate numbers', () => {
    const r = checkNumber('0906 123 4567', { country: 'GB' });
    expect(r.type).toBe('premium-rate');
    expect(r.verdict).toBe('suspicious');
    expect(r.reasons.map((x) => x.code)).toContain('PREMIUM_RATE');
  });
});

describe('checkNumber: where the number came from', () => {
  it('a number in a pop-up is a scam sign, citing that Microsoft never puts numbers in warnings', () => {
    const r = checkNumber('1 (888) 839-0199', { source: 'popup', org: 'Microsoft' });
    expect(r.verdict).toBe('suspicious');
    const popup = r.reasons.find((x) => x.code === 'NUMBER_FROM_POPUP');
    expect(popup?.severity).toBe('danger');
    expect(popup?.message).toMatch(/never include a phone number/);
    expect(r.reasons.map((x) => x.code)).toContain('NOT_AN_OFFICIAL_NUMBER');
    expect(r.reasons.find((x) => x.code === 'NOT_AN_OFFICIAL_NUMBER')?.message).toBe(
      "This is not a number CallGuard knows for Microsoft. Find Microsoft's real contact details yourself: https://support.microsoft.com/contactus",
    );
  });

  it('a number claimed to be "my bank" sends the person to their card, not to a website', () => {
    const r = checkNumber('1 (888) 839-0199', { source: 'sms', org: 'my bank' });
    expect(r.reasons.find((x) => x.code === 'NOT_AN_OFFICIAL_NUMBER')?.message).toBe(
      'This is not a number CallGuard knows for your bank. Call the number on the back of your card or on your statement.',
    );
  });

  it.each(['invoice-email', 'search-result', 'sms', 'email'] as const)(
    'source %s is a warning sign',
    (source) => {
      expect(checkNumber('1 (888) 839-0199', { source }).verdict).toBe('suspicious');
    },
  );

  it('a number from the official site with no other concern stays unknown, not official', () => {
    expect(checkNumber('+1 206 882 8080', { source: 'official-site' }).verdict).toBe('unknown');
  });

  it('an official number as caller ID of an org that never calls means spoofing is likely', () => {
    const r = checkNumber('+1 800 642 7676', { source: 'caller-id' });
    expect(r.official?.org).toBe('microsoft');
    expect(r.verdict).toBe('suspicious');
    expect(r.reasons.find((x) => x.code === 'CALLER_ID_SPOOFING_LIKELY')?.message).toMatch(/spoofed/);
  });

  it('a bank that does call: caller ID still cannot be trusted, so the verdict is unknown', () => {
    const r = checkNumber('+1 800 935 9935', { source: 'caller-id' });
    expect(r.verdict).toBe('unknown');
    expect(r.reasons.map((x) => x.code)).toContain('CALLER_ID_CAN_BE_SPOOFED');
  });

  it("another organisation's number claimed as Apple's", () => {
    const r = checkNumber('1-800-642-7676', { org: 'apple' });
    expect(r.verdict).toBe('suspicious');
    expect(r.reasons.map((x) => x.code)).toContain('NOT_CLAIMED_ORG');
  });
});

describe('checkNumber: bad input', () => {
  it.each(['', '   ', 'hello', '12', 'x'.repeat(500)])('throws CG_NUMBER_INVALID for %j', (input) => {
    expect(() => checkNumber(input)).toThrow(CallGuardError);
    try {
      checkNumber(input);
    } catch (err) {
      expect((err as CallGuardError).code).toBe('CG_NUMBER_INVALID');
    }
  });

  it('an unknown country option is a clear option error', () => {
    expect(() => checkNumber('8006427676', { country: 'ZZ' })).toThrow(/two-letter country code/);
  });

  it('a number that cannot exist gets the invalid verdict, not an exception', () => {
    const r = checkNumber('+1 123 456 7890');
    expect(r.valid).toBe(false);
    expect(r.verdict).toBe('invalid');
  });

  it('control characters do not break it', () => {
    expect(checkNumber('1\u0000800\u200b642\u00077676').e164).toBe('+18006427676');
  });
});

describe('checkNumber: type and validity agree with libphonenumber', () => {
  // checkNumber classifies each parsed number once; this pins it to libphonenumber's own
  // isValid()/getType() for every country's example number and for near-miss variants of it.
  const inputs = getCountries().flatMap((country) => {
    const example = getExampleNumber(country, examples)?.number;
    if (!example) return [];
    return [example, example.slice(0, -1), example + '9', example.slice(0, -2) + '00'];
  });

  it('for every country', () => {
    expect(inputs.length).toBeGreaterThan(800);
    let invalid = 0;
    for (const input of inputs) {
      const lib = parsePhoneNumberFromString(input);
      const check = checkNumber(input);
      const valid = lib?.isValid() ?? false;
      if (!valid) invalid++;
      expect(check.valid, input).toBe(valid);
      if (valid) expect(check.e164, input).toBe(lib!.number);
      if (valid && lib!.getType()) expect(check.type, input).not.toBe('unknown');
      if (valid && !lib!.getType()) expect(check.type, input).toBe('unknown');
    }
    expect(invalid).toBeGreaterThan(100); // the variants include invalid numbers
  });
});

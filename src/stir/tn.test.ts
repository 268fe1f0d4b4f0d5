import { describe, expect, it } from 'vitest';
import { canonicalTn, extractUri, tnFromUri } from './tn.js';

describe('canonicalTn (ATIS-1000074 canonical form)', () => {
  it.each([
    ['+1 (202) 555-0143', '12025550143'],
    ['+1.202.555.0143', '12025550143'],
    ['12025550143', '12025550143'],
    ['2025550143', '12025550143'],
    ['+442079460000', '442079460000'],
  ])('%s → %s', (input, out) => {
    expect(canonicalTn(input)).toBe(out);
  });

  it('uses the default country for national numbers elsewhere', () => {
    expect(canonicalTn('020 7946 0000', { defaultCountry: 'GB' })).toBe('442079460000');
  });

  it.each(['', 'abc', '+', '+1234567890123456', '12-ab-34', '1'.repeat(40)])('refuses %j', (input) => {
    expect(canonicalTn(input)).toBeNull();
  });
});

describe('tnFromUri', () => {
  it.each([
    ['tel:+1-202-555-0143', '12025550143'],
    ['<tel:+12025550143;verstat=TN-Validation-Passed>', '12025550143'],
    ['<sip:+12025550143@example.net;user=phone>;tag=9', '12025550143'],
    ['"Microsoft Support" <sip:+12025550143@198.51.100.7>;tag=abc', '12025550143'],
    ['sip:2025550143@example.net', '12025550143'],
    ['sips:%2B12025550143@example.net;user=phone', '12025550143'],
    ['+1 202 555 0143', '12025550143'],
    ['<sip:+12025550143;npdi;rn=+12025559999@example.net;user=phone>', '12025550143'],
  ])('%s → %s', (input, out) => {
    expect(tnFromUri(input)).toBe(out);
  });

  it('returns null for URIs without a number', () => {
    expect(tnFromUri('<sip:alice@example.com>;tag=1')).toBeNull();
    expect(tnFromUri('mailto:a@b.c')).toBeNull();
    expect(tnFromUri('<sip:anonymous@anonymous.invalid>')).toBeNull();
  });
});

describe('extractUri on hostile header values', () => {
  it('takes the first <...> as the old pattern did', () => {
    const cases = [
      '"Bob" <sip:+12025550143@x>;tag=1',
      '<<tel:+1>',
      'a<b<c>d>e',
      '<>',
      '<',
      '>',
      'x>y<z',
      'tel:+1;a=b',
    ];
    for (const v of cases) {
      const m = /<([^>]*)>/.exec(v.trim());
      expect(extractUri(v)).toBe(m ? m[1]!.trim() : v.trim());
    }
  });

  it('reads a 64 KB value of unclosed "<" in linear time (a From header in a posted INVITE)', () => {
    const started = performance.now();
    expect(extractUri('<'.repeat(64 * 1024))).toBe('<'.repeat(64 * 1024));
    expect(tnFromUri(`From: ${'<'.repeat(64 * 1024)}`)).toBeNull();
    // The quadratic pattern took about 2 s on this input; the linear scan takes well under 1 ms.
    expect(performance.now() - started).toBeLessThan(250);
  });
});

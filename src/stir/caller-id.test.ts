import { describe, expect, it } from 'vitest';
import { callerIdFromDisplay, callerIdFromVerstat } from './caller-id.js';

describe('callerIdFromVerstat', () => {
  it('maps the three verstat values', () => {
    expect(callerIdFromVerstat('TN-Validation-Passed')).toBe('passed');
    expect(callerIdFromVerstat('TN-Validation-Failed')).toBe('failed');
    expect(callerIdFromVerstat('No-TN-Validation')).toBe('not-verified');
    expect(callerIdFromVerstat(null)).toBe('unknown');
    expect(callerIdFromVerstat('something-else')).toBe('unknown');
  });

  it('only full attestation vouches for the number', () => {
    expect(callerIdFromVerstat('TN-Validation-Passed', 'A')).toBe('passed');
    expect(callerIdFromVerstat('TN-Validation-Passed', 'B')).toBe('not-verified');
    expect(callerIdFromVerstat('TN-Validation-Passed-C')).toBe('not-verified');
    expect(callerIdFromVerstat('TN-Validation-Passed-A')).toBe('passed');
  });
});

describe('callerIdFromDisplay (what the phone shows)', () => {
  it.each([
    ['VERIFICATION_STATUS_PASSED', 'passed'],
    ['VERIFICATION_STATUS_FAILED', 'failed'],
    ['VERIFICATION_STATUS_NOT_VERIFIED', 'not-verified'],
    [1, 'passed'],
    [2, 'failed'],
    [0, 'not-verified'],
    ['Verified call', 'passed'],
    ['not verified', 'not-verified'],
    ['passed', 'passed'],
    ['TN-Validation-Failed', 'failed'],
    ['Scam likely', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%j → %s', (label, fact) => {
    expect(callerIdFromDisplay(label)).toBe(fact);
  });
});

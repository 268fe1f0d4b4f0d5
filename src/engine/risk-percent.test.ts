import { describe, expect, it } from 'vitest';
import { riskPercent } from './risk-percent.js';

describe('riskPercent', () => {
  it('never shows 0% or 100%: a calibrated risk is neither "safe" nor "certain"', () => {
    expect(riskPercent(0)).toBe('under 1%');
    expect(riskPercent(0.004)).toBe('under 1%');
    expect(riskPercent(0.006)).toBe('1%');
    expect(riskPercent(0.5)).toBe('50%');
    expect(riskPercent(0.994)).toBe('99%');
    expect(riskPercent(0.996)).toBe('over 99%');
    expect(riskPercent(1)).toBe('over 99%');
    expect(riskPercent(Number.NaN)).toBe('unknown');
  });
});

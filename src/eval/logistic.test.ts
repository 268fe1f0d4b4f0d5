import { describe, expect, it } from 'vitest';
import { fitLogistic, margin, plattScale, sigmoid } from './logistic.js';

describe('fitLogistic', () => {
  it('learns a separating weight for an informative feature', () => {
    const rows = [
      { indices: [0, 1], values: [1, 1] },
      { indices: [0], values: [1] },
      { indices: [1], values: [1] },
      { indices: [1], values: [1] },
    ];
    const labels = [true, true, false, false];
    const m = fitLogistic(rows, labels, { dim: 2, l2: 0.001, iterations: 500 });
    expect(m.weights[0]).toBeGreaterThan(1);
    expect(sigmoid(margin(m, rows[1]!))).toBeGreaterThan(0.8);
    expect(sigmoid(margin(m, rows[2]!))).toBeLessThan(0.2);
  });

  it('respects lower bounds', () => {
    const rows = [
      { indices: [0], values: [1] },
      { indices: [], values: [] },
    ];
    const m = fitLogistic(rows, [false, true], { dim: 1, l2: 0.001, lowerBounds: [0] });
    expect(m.weights[0]).toBe(0);
    const capped = fitLogistic(rows, [true, false], { dim: 1, l2: 0.001, upperBounds: [0.5] });
    expect(capped.weights[0]).toBe(0.5);
  });
});

describe('prior-centred fit', () => {
  it('shrinks towards the given centre, not towards 0', () => {
    // An uninformative feature: present in one scam and one legit example.
    const rows = [
      { indices: [0], values: [1] },
      { indices: [0], values: [1] },
    ];
    const m = fitLogistic(rows, [true, false], { dim: 1, l2: 1, center: [2] });
    expect(m.weights[0]).toBeGreaterThan(0.5);
    const zero = fitLogistic(rows, [true, false], { dim: 1, l2: 1 });
    expect(Math.abs(zero.weights[0]!)).toBeLessThan(0.1);
  });
});

describe('plattScale', () => {
  it('maps scores to calibrated probabilities', () => {
    // Half the examples at score 1 are scams; all at 3 are; none at -1.
    const scores = [1, 1, 1, 1, 3, 3, -1, -1];
    const labels = [true, false, true, false, true, true, false, false];
    const { a, b } = plattScale(scores, labels);
    expect(sigmoid(a * 1 + b)).toBeGreaterThan(0.3);
    expect(sigmoid(a * 1 + b)).toBeLessThan(0.7);
    expect(sigmoid(a * 3 + b)).toBeGreaterThan(0.8);
  });
});

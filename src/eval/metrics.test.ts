import { describe, expect, it } from 'vitest';
import {
  brierScore,
  confusionOf,
  metricsByGroup,
  metricsOf,
  reliabilityTable,
  rocAuc,
  type Scored,
} from './metrics.js';

const item = (actual: boolean, predicted: boolean, score = predicted ? 1 : 0): Scored => ({
  actual,
  predicted,
  score,
});

describe('metricsOf', () => {
  it('computes the headline figures from a confusion matrix', () => {
    const items = [
      item(true, true),
      item(true, true),
      item(true, false),
      item(false, true),
      item(false, false),
      item(false, false),
      item(false, false),
    ];
    const m = metricsOf(items);
    expect(m.confusion).toEqual({ tp: 2, fp: 1, tn: 3, fn: 1 });
    expect(m.n).toBe(7);
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
    expect(m.fpr).toBeCloseTo(1 / 4);
    expect(m.accuracy).toBeCloseTo(5 / 7);
  });

  it('reports figures that cannot be measured as null, not 0', () => {
    const m = metricsOf([item(false, false), item(false, false)]);
    expect(m.recall).toBeNull();
    expect(m.precision).toBeNull();
    expect(m.auc).toBeNull();
    expect(m.fpr).toBe(0);
  });

  it('counts every outcome once', () => {
    expect(confusionOf([])).toEqual({ tp: 0, fp: 0, tn: 0, fn: 0 });
  });
});

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([true, true, false, false], [0.9, 0.8, 0.2, 0.1])).toBe(1);
    expect(rocAuc([true, true, false, false], [0.1, 0.2, 0.8, 0.9])).toBe(0);
  });

  it('gives ties half credit', () => {
    expect(rocAuc([true, false, true, false], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    // one positive above one negative, one tied pair: (1 + 0.5 + 1 + 1) / 4... computed by hand:
    // pos {0.9, 0.5}, neg {0.5, 0.1}: pairs (0.9>0.5)=1, (0.9>0.1)=1, (0.5=0.5)=0.5, (0.5>0.1)=1 -> 3.5/4
    expect(rocAuc([true, true, false, false], [0.9, 0.5, 0.5, 0.1])).toBeCloseTo(0.875);
  });
});

describe('calibration', () => {
  it('Brier score is 0 when certain and right, 1 when certain and wrong', () => {
    expect(brierScore([true, false], [1, 0])).toBe(0);
    expect(brierScore([true, false], [0, 1])).toBe(1);
    expect(brierScore([true], [0.8])).toBeCloseTo(0.04);
  });

  it('reliability table bins predictions and reports the observed rate', () => {
    const table = reliabilityTable([true, false, true, true], [0.05, 0.07, 0.85, 1], 10);
    expect(table).toHaveLength(10);
    expect(table[0]).toMatchObject({ n: 2, observed: 0.5 });
    expect(table[0]!.meanPredicted).toBeCloseTo(0.06);
    expect(table[8]).toMatchObject({ n: 1, observed: 1 });
    expect(table[9]).toMatchObject({ n: 1, observed: 1, meanPredicted: 1 });
    expect(table[5]).toMatchObject({ n: 0, observed: null });
  });
});

describe('metricsByGroup', () => {
  it('splits by key and files missing values under (none)', () => {
    const rows = [
      { ...item(true, true), source: 'a' },
      { ...item(false, true), source: 'b' },
      { ...item(false, false), source: null },
    ];
    const groups = metricsByGroup(rows, (r) => r.source);
    expect(Object.keys(groups)).toEqual(['(none)', 'a', 'b']);
    expect(groups.a!.recall).toBe(1);
    expect(groups.b!.fpr).toBe(1);
  });
});

/**
 * Binary classification metrics for labelled scam/legit data. Pure functions over plain arrays so the
 * CLI, the training script and tests share one definition of every figure.
 */

/** One scored example: the truth, the decision and the score that ranks it. */
export interface Scored {
  /** True when the example is a scam. */
  actual: boolean;
  /** True when the detector called it a scam. */
  predicted: boolean;
  /** Higher means more likely a scam (risk or log-odds); used for ROC-AUC. */
  score: number;
}

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface Metrics {
  n: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  fpr: number | null;
  accuracy: number | null;
  auc: number | null;
  confusion: Confusion;
}

/**
 * Counts true/false positives/negatives.
 * @example confusionOf([{ actual: true, predicted: true, score: 0.9 }]) // { tp: 1, fp: 0, tn: 0, fn: 0 }
 */
export function confusionOf(items: readonly Scored[]): Confusion {
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const it of items) {
    if (it.actual) {
      if (it.predicted) c.tp++;
      else c.fn++;
    } else if (it.predicted) c.fp++;
    else c.tn++;
  }
  return c;
}

/** a / b, or null when b is 0 (a figure that cannot be measured is not 0 and not 1). */
function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/**
 * ROC-AUC by the rank-sum (Mann-Whitney U) formula; tied scores get their average rank, so a constant
 * scorer gets 0.5. Null when one class is absent.
 * @example rocAuc([true, false], [0.9, 0.1]) // 1
 */
export function rocAuc(actual: readonly boolean[], scores: readonly number[]): number | null {
  const n = actual.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSumPos = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const avgRank = (i + j) / 2 + 1; // ranks are 1-based
    for (let k = i; k <= j; k++) {
      if (actual[order[k]!]) {
        positives++;
        rankSumPos += avgRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSumPos - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Every headline figure for one set of scored examples.
 * @example metricsOf(items).recall
 */
export function metricsOf(items: readonly Scored[]): Metrics {
  const confusion = confusionOf(items);
  const { tp, fp, tn, fn } = confusion;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return {
    n: items.length,
    precision,
    recall,
    f1,
    fpr: ratio(fp, fp + tn),
    accuracy: ratio(tp + tn, items.length),
    auc: rocAuc(
      items.map((it) => it.actual),
      items.map((it) => it.score),
    ),
    confusion,
  };
}

/**
 * Mean squared difference between predicted probability and outcome (0 is perfect, 0.25 is a coin).
 * @example brierScore([true], [0.8]) // 0.04 (approximately)
 */
export function brierScore(actual: readonly boolean[], probabilities: readonly number[]): number | null {
  if (actual.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = probabilities[i]! - (actual[i] ? 1 : 0);
    sum += d * d;
  }
  return sum / actual.length;
}

export interface ReliabilityBin {
  /** Lower and upper edge of the bin, [from, to) except the last which includes 1. */
  from: number;
  to: number;
  n: number;
  /** Mean predicted probability in the bin. */
  meanPredicted: number | null;
  /** Share of scams among the bin's examples. */
  observed: number | null;
}

/**
 * Reliability (calibration) table: equal-width probability bins with predicted vs observed rates.
 * @example reliabilityTable([true, false], [0.9, 0.1], 10)
 */
export function reliabilityTable(
  actual: readonly boolean[],
  probabilities: readonly number[],
  bins = 10,
): ReliabilityBin[] {
  const sums = Array.from({ length: bins }, () => ({ n: 0, p: 0, pos: 0 }));
  for (let i = 0; i < actual.length; i++) {
    const p = probabilities[i]!;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    const s = sums[b]!;
    s.n++;
    s.p += p;
    if (actual[i]) s.pos++;
  }
  return sums.map((s, b) => ({
    from: b / bins,
    to: (b + 1) / bins,
    n: s.n,
    meanPredicted: s.n === 0 ? null : s.p / s.n,
    observed: s.n === 0 ? null : s.pos / s.n,
  }));
}

/**
 * Metrics for each value of a key (source, category, brand); examples without a value go to "(none)".
 * @example metricsByGroup(rows, (r) => r.source)
 */
export function metricsByGroup<T extends Scored>(
  items: readonly T[],
  key: (item: T) => string | null | undefined,
): Record<string, Metrics> {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it) ?? '(none)';
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(it);
  }
  const out: Record<string, Metrics> = {};
  for (const k of [...groups.keys()].sort()) out[k] = metricsOf(groups.get(k)!);
  return out;
}

/**
 * Verdict thresholds from out-of-fold risks against stated false-positive targets. "likely-scam" is the
 * detection threshold: the lowest risk at which every legitimate source stays within its target.
 */
import type { Doc } from './corpus.js';

export interface FpTargets {
  /** Max false-positive rate per source of legitimate calls (others: `default`). */
  bySource: Record<string, number>;
  default: number;
  /** A "likely scam" must be more likely than not. */
  floor: number;
}

export function fprAt(
  docs: readonly Doc[],
  risks: readonly number[],
  threshold: number,
  source?: string,
): number {
  let fp = 0;
  let n = 0;
  docs.forEach((d, i) => {
    if (d.label || (source !== undefined && d.source !== source)) return;
    n++;
    if (risks[i]! >= threshold) fp++;
  });
  return n === 0 ? 0 : fp / n;
}

/** Lowest threshold (one of the observed risks, or the floor) meeting every target. */
export function chooseThreshold(docs: readonly Doc[], risks: readonly number[], targets: FpTargets): number {
  const sources = [...new Set(docs.filter((d) => !d.label).map((d) => d.source))];
  const candidates = [...new Set([targets.floor, ...risks.filter((r) => r > targets.floor)])].sort(
    (a, b) => a - b,
  );
  for (const t of candidates) {
    if (sources.every((s) => fprAt(docs, risks, t, s) <= (targets.bySource[s] ?? targets.default))) return t;
  }
  // Nothing meets the targets: above every observed risk.
  return Math.min(0.999, Math.max(...risks) + 0.001);
}

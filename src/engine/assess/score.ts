/**
 * Additive log-odds: bias + Σ per-group capped flag weights + mitigations (+ learned logit), then a
 * sigmoid and the verdict thresholds from weights.ts.
 */
import type { Mitigation, RedFlag, Verdict } from '../types.js';
import { WEIGHTS } from '../weights.js';

export interface Score {
  score: number;
  risk: number;
  verdict: Verdict;
}

/**
 * @example scoreFlags([], []).verdict === 'low-risk'
 */
export function scoreFlags(
  flags: readonly RedFlag[],
  mitigations: readonly Mitigation[],
  learnedLogit = 0,
): Score {
  const byGroup = new Map<string, number>();
  for (const f of flags) byGroup.set(f.group, (byGroup.get(f.group) ?? 0) + f.weight);
  let score = WEIGHTS.bias;
  for (const [group, sum] of byGroup) score += Math.min(sum, WEIGHTS.groupCaps[group] ?? sum);
  for (const m of mitigations) score += m.weight;
  score += Math.max(-WEIGHTS.learnedCap, Math.min(WEIGHTS.learnedCap, learnedLogit));
  const risk = Math.round((1 / (1 + Math.exp(-score))) * 1000) / 1000;
  return { score, risk, verdict: verdictFor(risk) };
}

export function verdictFor(risk: number): Verdict {
  const t = WEIGHTS.thresholds;
  if (risk >= t.scam) return 'scam';
  if (risk >= t.likelyScam) return 'likely-scam';
  if (risk >= t.unclear) return 'unclear';
  return 'low-risk';
}

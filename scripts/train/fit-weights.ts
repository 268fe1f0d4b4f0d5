/**
 * Stage 2, SpamAssassin style: fits the rule weights, the mitigations, the bias and the weight of the
 * learned text feature by logistic regression over what the rules raised, with signs constrained
 * (a red flag only adds risk, a mitigation only lowers it), then calibrates with Platt scaling and
 * scores exactly as the engine does (per-group caps included).
 */
import { fitLogistic, plattScale, sigmoid, type LogisticModel } from '../../src/eval/logistic.js';
import type { Doc } from './corpus.js';
import type { FlagGroups, RuleHits } from './rule-features.js';
import { balancedWeights } from './text-model.js';

export interface FittedWeights {
  bias: number;
  flags: Record<string, number>;
  mitigations: Record<string, number>;
  learned: number;
}

export interface FitSpace {
  flagIds: string[];
  mitigationIds: string[];
}

export interface Stage2Options {
  l2: number;
  iterations: number;
  /** Upper bound of the learned feature's weight (the engine's learnedCap). */
  learnedMax: number;
}

export function fitSpace(flagIds: readonly string[], mitigationIds: readonly string[]): FitSpace {
  return { flagIds: [...flagIds].sort(), mitigationIds: [...mitigationIds].sort() };
}

function row(space: FitSpace, hits: RuleHits, learned: number) {
  const indices: number[] = [];
  const values: number[] = [];
  space.flagIds.forEach((id, i) => {
    const s = hits.flags.get(id);
    if (s !== undefined) {
      indices.push(i);
      values.push(s);
    }
  });
  space.mitigationIds.forEach((id, i) => {
    if (hits.mitigations.includes(id)) {
      indices.push(space.flagIds.length + i);
      values.push(1);
    }
  });
  indices.push(space.flagIds.length + space.mitigationIds.length);
  values.push(learned);
  return { indices, values };
}

/** The hand-set weights the fit shrinks towards. */
export interface PriorWeights {
  flags: Record<string, number>;
  mitigations: Record<string, number>;
}

/**
 * Fits with a prior: L2 pulls each weight towards its hand-set value, and bounds keep it within
 * [0, 2 * prior + 1] for flags and [2 * prior - 1, 0] for mitigations (SpamAssassin's score ranges),
 * so one source's quirk (robocalls all say "press 1") cannot blow one rule up.
 */
export function fitStage2(
  space: FitSpace,
  docs: readonly Doc[],
  hits: readonly RuleHits[],
  learned: readonly number[],
  options: Stage2Options,
  prior: PriorWeights,
): FittedWeights {
  const nf = space.flagIds.length;
  const nm = space.mitigationIds.length;
  const dim = nf + nm + 1;
  const lower: (number | undefined)[] = [];
  const upper: (number | undefined)[] = [];
  const center: number[] = [];
  space.flagIds.forEach((id) => {
    const p = Math.max(0, prior.flags[id] ?? 0);
    center.push(p);
    lower.push(0);
    upper.push(2 * p + 1);
  });
  space.mitigationIds.forEach((id) => {
    const p = Math.min(0, prior.mitigations[id] ?? 0);
    center.push(p);
    lower.push(2 * p - 1);
    upper.push(0);
  });
  center.push(0);
  lower.push(0);
  upper.push(options.learnedMax);
  const model: LogisticModel = fitLogistic(
    docs.map((_, i) => row(space, hits[i]!, learned[i]!)),
    docs.map((d) => d.label),
    {
      dim,
      l2: options.l2,
      iterations: options.iterations,
      learningRate: 0.05,
      sampleWeights: balancedWeights(docs),
      lowerBounds: lower,
      upperBounds: upper,
      center,
    },
  );
  return {
    bias: model.bias,
    flags: Object.fromEntries(space.flagIds.map((id, i) => [id, model.weights[i]!])),
    mitigations: Object.fromEntries(space.mitigationIds.map((id, i) => [id, model.weights[nf + i]!])),
    learned: model.weights[nf + nm]!,
  };
}

/** The engine's score: bias + Σ per-group capped flag weights + mitigations + learned (capped). */
export function engineScore(
  w: FittedWeights,
  hits: RuleHits,
  learned: number,
  groups: FlagGroups,
  caps: Record<string, number>,
  learnedCap: number,
): number {
  const byGroup = new Map<string, number>();
  for (const [id, s] of hits.flags) {
    const g = groups.get(id) ?? 'other';
    byGroup.set(g, (byGroup.get(g) ?? 0) + Math.round((w.flags[id] ?? 0) * s * 100) / 100);
  }
  let score = w.bias;
  for (const [g, sum] of byGroup) score += Math.min(sum, caps[g] ?? sum);
  for (const id of hits.mitigations) score += w.mitigations[id] ?? 0;
  return score + Math.max(-learnedCap, Math.min(learnedCap, w.learned * learned));
}

/** Folds Platt's a, b into the weights: risk = sigmoid(a * score + b). Caps scale with them. */
export function applyPlatt(w: FittedWeights, a: number, b: number): FittedWeights {
  const scale = (r: Record<string, number>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v * a]));
  return {
    bias: w.bias * a + b,
    flags: scale(w.flags),
    mitigations: scale(w.mitigations),
    learned: w.learned * a,
  };
}

export { plattScale, sigmoid };

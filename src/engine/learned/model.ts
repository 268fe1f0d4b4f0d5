/**
 * The learned scorer's model: a logistic regression over hashed n-grams of the caller's words, stored
 * quantised. `scoreText` is the one scoring function, used at run time and by the training script.
 */
import { decodeWeights } from './codec.js';
import { featurise, type FeatureParams } from './featurise.js';

/** What the generated model module holds (see scripts/train.ts and PROVENANCE.md). */
export interface LearnedModelData {
  format: 'callguard-learned-v1';
  trainedAt: string;
  params: FeatureParams;
  /** Intercept of the text model. */
  bias: number;
  /** Quantisation step of the stored weights. */
  step: number;
  /** Number of stored non-zero weights. */
  count: number;
  /** base64 varint-delta indices + int8 values (see codec.ts). */
  weights: string;
  /**
   * How the text model's margin joins the engine's log-odds (fitted with the rule weights):
   * logit = weight * x, where x = clamp(margin, -marginCap, marginCap) / marginCap, and x is at most
   * withoutFlagsShare when no rule fired, so wording alone never decides a verdict.
   */
  combine: { weight: number; marginCap: number; withoutFlagsShare: number };
  /** Multiplier on the margin when no side of the call is known (the text may be the callee's words). */
  unknownSpeakerFactor: number;
}

export interface LoadedModel {
  data: LearnedModelData;
  weights: Float32Array;
}

export function loadModel(data: LearnedModelData): LoadedModel {
  return { data, weights: decodeWeights(data.weights, data.step, 2 ** data.params.hashBits) };
}

/** How many of the strongest contributions are kept for explanations. */
const TOP = 200;

export interface TextScore {
  /** bias + w·x, before scaling and capping. */
  margin: number;
  /** Word n-grams that pushed towards scam, largest first, with their contributions. */
  contributions: { phrase: string; weight: number }[];
}

/**
 * @example scoreText(loadModel(MODEL), "install anydesk and buy gift cards").margin > 0
 */
export function scoreText(
  model: { bias: number; params: FeatureParams },
  weights: ArrayLike<number>,
  text: string,
): TextScore {
  const f = featurise(text, model.params);
  let margin = model.bias;
  // Keep only the strongest positive contributions (a small sorted list), and spell out their phrases.
  const top: { k: number; weight: number }[] = [];
  for (let k = 0; k < f.indices.length; k++) {
    const c = weights[f.indices[k]!]! * f.values[k]!;
    margin += c;
    if (c <= 0 || (top.length === TOP && c <= top[TOP - 1]!.weight)) continue;
    // After every kept weight >= c (binary search: the list is sorted, largest first).
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (top[mid]!.weight >= c) lo = mid + 1;
      else hi = mid;
    }
    const at = lo;
    top.splice(at, 0, { k, weight: c });
    if (top.length > TOP) top.pop();
  }
  const contributions: { phrase: string; weight: number }[] = [];
  for (const { k, weight } of top) {
    const phrase = f.phrase(k);
    if (phrase) contributions.push({ phrase, weight });
  }
  return { margin, contributions };
}

/**
 * The learned feature in [-1, 1] that the engine weighs (shared by run time and the weight fit).
 * @example learnedFeature(10, true, false, MODEL) // MODEL.combine.withoutFlagsShare
 */
export function learnedFeature(
  margin: number,
  attributed: boolean,
  hasFlags: boolean,
  data: Pick<LearnedModelData, 'combine' | 'unknownSpeakerFactor'>,
): number {
  const { marginCap, withoutFlagsShare } = data.combine;
  const m = margin * (attributed ? 1 : data.unknownSpeakerFactor);
  const x = Math.max(-marginCap, Math.min(marginCap, m)) / marginCap;
  return hasFlags ? x : Math.min(x, withoutFlagsShare);
}

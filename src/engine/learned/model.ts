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
const topWeight = new Float64Array(TOP);
const topK = new Int32Array(TOP);

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
  // Keep only the strongest positive contributions (a small sorted list, largest first; a later equal
  // weight goes after), and spell out their phrases. Typed arrays: no allocation per insertion.
  let n = 0;
  for (let k = 0; k < f.indices.length; k++) {
    const c = weights[f.indices[k]!]! * f.values[k]!;
    margin += c;
    if (c <= 0 || (n === TOP && c <= topWeight[TOP - 1]!)) continue;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (topWeight[mid]! >= c) lo = mid + 1;
      else hi = mid;
    }
    // Shift the smaller ones down; when full, the smallest drops off.
    for (let j = n < TOP ? n : TOP - 1; j > lo; j--) {
      topWeight[j] = topWeight[j - 1]!;
      topK[j] = topK[j - 1]!;
    }
    topWeight[lo] = c;
    topK[lo] = k;
    if (n < TOP) n++;
  }
  const contributions: { phrase: string; weight: number }[] = [];
  for (let j = 0; j < n; j++) {
    const phrase = f.phrase(topK[j]!);
    if (phrase) contributions.push({ phrase, weight: topWeight[j]! });
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

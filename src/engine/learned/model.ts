/**
 * The learned scorer's model: a logistic regression over hashed n-grams of the caller's words, stored
 * quantised. `scoreText` is the one scoring function, used at run time and by the training script.
 */
import { decodeQuantised, type QuantisedWeights } from './codec.js';
import { featuriseScratch, type FeatureParams, type FeatureScratch } from './featurise.js';

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
  weights: QuantisedWeights;
}

export function loadModel(data: LearnedModelData): LoadedModel {
  return { data, weights: decodeQuantised(data.weights, data.step, 2 ** data.params.hashBits) };
}

/** How many of the strongest positive contributions (word or character grams) explanations draw on. */
const TOP = 200;
/** Per feature entry of the last scoreText call, its contribution weight * value. */
let contribution = new Float64Array(1 << 12);
/** How many of the strongest word entries are ranked at a time, and how many times (see strongestWords). */
const BATCH = 16;
const BATCHES = 2;
const batchWeight = new Float64Array(BATCH);
const batchK = new Int32Array(BATCH);
/** Scratch for finding the TOP-th largest contribution. */
let scratch = new Float64Array(1 << 12);

export interface TextScore {
  /** bias + w·x, before scaling and capping. */
  margin: number;
  /**
   * The word n-grams among the TOP strongest positive contributions, largest first (equal ones in
   * feature order), with their contributions. Worked out on demand, as only a call that sounds like a
   * scam needs them; call it before the next scoreText, whose features replace these.
   */
  contributions(): Generator<{ phrase: string; weight: number }>;
}

/**
 * @example scoreText(MODEL, loadModel(MODEL).weights, "install anydesk and buy gift cards").margin > 0
 */
export function scoreText(
  model: { bias: number; params: FeatureParams },
  weights: QuantisedWeights | ArrayLike<number>,
  text: string,
): TextScore {
  const f = featuriseScratch(text, model.params);
  if (f.size > contribution.length)
    contribution = new Float64Array(Math.max(f.size, contribution.length * 2));
  const c = contribution;
  let margin = model.bias;
  if ('codes' in weights) {
    const { codes, levels } = weights;
    for (let k = 0; k < f.size; k++) {
      const ck = levels[codes[f.indices[k]!]!]! * f.values[k]!;
      c[k] = ck;
      margin += ck;
    }
  } else {
    for (let k = 0; k < f.size; k++) {
      const ck = weights[f.indices[k]!]! * f.values[k]!;
      c[k] = ck;
      margin += ck;
    }
  }
  return { margin, contributions: () => strongestWords(f, c) };
}

/**
 * The word entries among the TOP largest positive contributions, ordered by contribution (largest
 * first) then entry. An explanation needs only a handful, so they are ranked BATCH at a time, each
 * batch the strongest word entries after the last one given, with one check against the TOP cut; the
 * rest all at once only if more than BATCHES batches are asked for.
 */
function* strongestWords(f: FeatureScratch, c: Float64Array): Generator<{ phrase: string; weight: number }> {
  let afterWeight = Infinity;
  let afterK = -1;
  for (let b = 0; b < BATCHES; b++) {
    const n = nextStrongest(f.wordEntries, c, afterWeight, afterK);
    if (n === 0) return;
    afterWeight = batchWeight[n - 1]!;
    afterK = batchK[n - 1]!;
    // Ranks only grow down the list: when the last one is within the TOP, all are.
    const allIn = rank(c, f.size, afterWeight, afterK) < TOP;
    for (let j = 0; j < n; j++) {
      const k = batchK[j]!;
      const ck = batchWeight[j]!;
      if (!allIn && rank(c, f.size, ck, k) >= TOP) return;
      yield { phrase: f.phrase(k)!, weight: ck };
    }
    if (n < BATCH || !allIn) return;
  }
  // The batches gave the first BATCH * BATCHES of these.
  const all = rankedWords(f, c);
  for (let j = BATCH * BATCHES; j < all.length; j++)
    yield { phrase: f.phrase(all[j]!)!, weight: c[all[j]!]! };
}

/**
 * Into batchWeight / batchK: the BATCH strongest positive word entries ranked after (afterWeight,
 * afterK), in order, by insertion (a later equal one goes after); returns how many there are.
 */
function nextStrongest(words: number, c: Float64Array, afterWeight: number, afterK: number): number {
  let n = 0;
  // What an entry must beat: 0, then once the batch is full its weakest (positive, as all in it are;
  // a NaN there counts as 0). One comparison that almost always skips, instead of `ck <= 0`, which
  // goes either way in no order (about four in five word contributions are positive).
  let bar = 0;
  for (let k = 0; k < words; k++) {
    const ck = c[k]!;
    if (ck <= bar) continue;
    if (ck > afterWeight || (ck === afterWeight && k <= afterK)) continue;
    let at = n < BATCH ? n : BATCH - 1;
    for (; at > 0 && batchWeight[at - 1]! < ck; at--) {
      batchWeight[at] = batchWeight[at - 1]!;
      batchK[at] = batchK[at - 1]!;
    }
    batchWeight[at] = ck;
    batchK[at] = k;
    if (n < BATCH) n++;
    if (n === BATCH) {
      const last = batchWeight[BATCH - 1]!;
      bar = last > 0 ? last : 0;
    }
  }
  return n;
}

/** Entry k's place among all contributions ordered largest first, then by entry. */
function rank(c: Float64Array, size: number, ck: number, k: number): number {
  let above = 0;
  for (let j = 0; j < size; j++) {
    const cj = c[j]!;
    if (cj >= ck && (cj > ck || j < k)) above++;
  }
  return above;
}

/** All word entries among the TOP largest positive contributions, in order. */
function rankedWords(f: FeatureScratch, c: Float64Array): number[] {
  // In: everything above `cut`, and the first `ties` entries equal to it. The TOP-th largest of all
  // contributions is the cut when it is positive; otherwise there are fewer than TOP positive ones
  // and all of them are in (cut 0, no ties).
  let cut = 0;
  let ties = 0;
  if (f.size > TOP) {
    if (f.size > scratch.length) scratch = new Float64Array(contribution.length);
    scratch.set(c.subarray(0, f.size));
    const kth = kthLargest(scratch, f.size, TOP);
    if (kth > 0) {
      cut = kth;
      ties = TOP;
      for (let k = 0; k < f.size; k++) if (c[k]! > cut) ties--;
    }
  }
  const chosen: number[] = [];
  for (let k = 0; k < f.wordEntries; k++) {
    const ck = c[k]!;
    if (ck > cut) chosen.push(k);
    else if (ck === cut && ties > 0) {
      chosen.push(k);
      ties--;
    }
  }
  return chosen.sort((a, b) => c[b]! - c[a]! || a - b);
}

/** The k-th largest (1-based) of a[0, n); reorders a. Quickselect (Hoare partition, middle pivot). */
function kthLargest(a: Float64Array, n: number, k: number): number {
  const target = k - 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target]!;
  }
  return a[target]!;
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

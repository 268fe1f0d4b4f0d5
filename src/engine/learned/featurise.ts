/**
 * Hashed n-gram features of what the caller said: word 1-2 grams and character 3-5 grams inside words
 * (these survive speech-to-text misspellings). Each block is scaled to unit length so a long call does
 * not score higher just for being long.
 */
import { fnv1a } from './hash.js';
import { normaliseText } from './normalise.js';

export interface FeatureParams {
  /** Hash space is 2^hashBits. */
  hashBits: number;
  wordNgrams: [number, number];
  charNgrams: [number, number];
}

export const DEFAULT_FEATURE_PARAMS: FeatureParams = { hashBits: 18, wordNgrams: [1, 2], charNgrams: [3, 5] };

/** Sparse vector: parallel arrays, indices unique. `words[i]` is the word n-gram behind an index, if any. */
export interface SparseFeatures {
  indices: number[];
  values: number[];
  /** Word n-gram text per entry, or null for character n-grams (used for explanations). */
  words: (string | null)[];
}

/**
 * @example featurise("your computer has a virus", DEFAULT_FEATURE_PARAMS).indices.length > 0
 */
export function featurise(text: string, params: FeatureParams): SparseFeatures {
  const mask = (1 << params.hashBits) - 1;
  const normalised = normaliseText(text);
  const tokens = normalised === '' ? [] : normalised.split(' ');
  const wordCounts = new Map<string, number>();
  for (let n = params.wordNgrams[0]; n <= params.wordNgrams[1]; n++) {
    for (let i = 0; i + n <= tokens.length; i++) {
      const gram = tokens.slice(i, i + n).join(' ');
      wordCounts.set(gram, (wordCounts.get(gram) ?? 0) + 1);
    }
  }
  const charCounts = new Map<string, number>();
  for (const token of tokens) {
    const padded = `<${token}>`;
    for (let n = params.charNgrams[0]; n <= params.charNgrams[1]; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        const gram = padded.slice(i, i + n);
        charCounts.set(gram, (charCounts.get(gram) ?? 0) + 1);
      }
    }
  }
  const merged = new Map<number, { value: number; word: string | null }>();
  addBlock(merged, wordCounts, 'w:', mask, true);
  addBlock(merged, charCounts, 'c:', mask, false);
  const out: SparseFeatures = { indices: [], values: [], words: [] };
  for (const [index, { value, word }] of merged) {
    out.indices.push(index);
    out.values.push(value);
    out.words.push(word);
  }
  return out;
}

function addBlock(
  into: Map<number, { value: number; word: string | null }>,
  counts: Map<string, number>,
  prefix: string,
  mask: number,
  keepWord: boolean,
): void {
  let norm = 0;
  const weighted: [string, number][] = [];
  for (const [gram, count] of counts) {
    const v = 1 + Math.log(count);
    weighted.push([gram, v]);
    norm += v * v;
  }
  if (norm === 0) return;
  const scale = 1 / Math.sqrt(norm);
  for (const [gram, v] of weighted) {
    const index = fnv1a(prefix + gram) & mask;
    const prev = into.get(index);
    if (prev) prev.value += v * scale;
    else into.set(index, { value: v * scale, word: keepWord ? gram : null });
  }
}

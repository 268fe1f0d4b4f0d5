/**
 * Hashed n-gram features of what the caller said: word 1-2 grams and character 3-5 grams inside words
 * (these survive speech-to-text misspellings). Each block is scaled to unit length so a long call does
 * not score higher just for being long. Character grams are hashed incrementally (no substring per
 * gram), which keeps a 1,500-word call well under a millisecond.
 */
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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

function fnvString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

const WORD_SEED = fnvString(FNV_OFFSET, 'w:');
const CHAR_SEED = fnvString(FNV_OFFSET, 'c:');
const BOUNDARY_START = '<'.charCodeAt(0);
const BOUNDARY_END = '>'.charCodeAt(0);

/** Reused count buffer per hash size (cleared after each use), so no map per n-gram. */
const scratchBuffers = new Map<string, Float64Array>();
function scratch(bits: number, which = 0): Float64Array {
  let buf = scratchBuffers.get(`${bits}:${which}`);
  if (!buf) scratchBuffers.set(`${bits}:${which}`, (buf = new Float64Array(2 ** bits)));
  return buf;
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
      const gram = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
      wordCounts.set(gram, (wordCounts.get(gram) ?? 0) + 1);
    }
  }

  const [cmin, cmax] = params.charNgrams;
  const counts = scratch(params.hashBits);
  const touched: number[] = [];
  const codes: number[] = [];
  for (const token of tokens) {
    codes.length = 0;
    codes.push(BOUNDARY_START);
    for (let i = 0; i < token.length; i++) codes.push(token.charCodeAt(i));
    codes.push(BOUNDARY_END);
    for (let start = 0; start + cmin <= codes.length; start++) {
      let h = CHAR_SEED;
      const end = Math.min(codes.length, start + cmax);
      for (let k = start; k < end; k++) {
        h = fnvStep(h, codes[k]!);
        if (k - start + 1 >= cmin) {
          const index = (h >>> 0) & mask;
          if (counts[index] === 0) touched.push(index);
          counts[index]!++;
        }
      }
    }
  }
  const charEntries: [number, number, null][] = [];
  for (const index of touched) {
    charEntries.push([index, 1 + Math.log(counts[index]!), null]);
    counts[index] = 0;
  }

  const wordEntries: [number, number, string][] = [];
  for (const [gram, count] of wordCounts) {
    wordEntries.push([(fnvString(WORD_SEED, gram) >>> 0) & mask, 1 + Math.log(count), gram]);
  }

  // Accumulate both blocks into one scratch vector (index collisions between blocks simply add up).
  const acc = scratch(params.hashBits, 1);
  const out: SparseFeatures = { indices: [], values: [], words: [] };
  const slot = new Map<number, number>();
  const add = (index: number, value: number, word: string | null) => {
    if (acc[index] === 0) {
      slot.set(index, out.indices.length);
      out.indices.push(index);
      out.words.push(word);
    } else if (word !== null) {
      const at = slot.get(index)!;
      out.words[at] ??= word;
    }
    acc[index]! += value;
  };
  let norm = 0;
  for (const e of wordEntries) norm += e[1] * e[1];
  let scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
  for (const [index, v, word] of wordEntries) add(index, v * scale, word);
  norm = 0;
  for (const e of charEntries) norm += e[1] * e[1];
  scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
  for (const [index, v] of charEntries) add(index, v * scale, null);
  for (const index of out.indices) {
    out.values.push(acc[index]!);
    acc[index] = 0;
  }
  return out;
}

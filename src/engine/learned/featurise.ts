/**
 * Hashed n-gram features of what the caller said: word 1-2 grams and character 3-5 grams inside words
 * (these survive speech-to-text misspellings). Each block is scaled to unit length so a long call does
 * not score higher just for being long. Every gram is hashed incrementally into reused typed arrays (no
 * string or map per gram), which keeps a 1,500-word call around a millisecond.
 */
import { tokenSpans } from './normalise.js';

export interface FeatureParams {
  /** Hash space is 2^hashBits. */
  hashBits: number;
  wordNgrams: [number, number];
  charNgrams: [number, number];
}

export const DEFAULT_FEATURE_PARAMS: FeatureParams = { hashBits: 18, wordNgrams: [1, 2], charNgrams: [3, 5] };

/** Sparse vector: parallel arrays, indices unique. */
export interface SparseFeatures {
  indices: number[];
  values: number[];
  /** The word n-gram behind entry k (its first occurrence), or null for character n-grams. */
  phrase(k: number): string | null;
}

const FNV_PRIME = 0x01000193;

function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

function fnvString(h: number, s: string, from = 0, to = s.length): number {
  for (let i = from; i < to; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

const WORD_SEED = fnvString(0x811c9dc5, 'w:');
const CHAR_SEED = fnvString(0x811c9dc5, 'c:');
const SPACE = 32;
const BOUNDARY_START = 60; // '<'
const BOUNDARY_END = 62; // '>'

interface Scratch {
  words: Float64Array;
  chars: Float64Array;
  acc: Float64Array;
  /** First position of a word gram: token index * 4 + n. */
  firstAt: Int32Array;
}
const scratchBySize = new Map<number, Scratch>();
function scratch(bits: number): Scratch {
  let s = scratchBySize.get(bits);
  if (!s) {
    const n = 2 ** bits;
    s = {
      words: new Float64Array(n),
      chars: new Float64Array(n),
      acc: new Float64Array(n),
      firstAt: new Int32Array(n),
    };
    scratchBySize.set(bits, s);
  }
  return s;
}

/**
 * @example featurise("your computer has a virus", DEFAULT_FEATURE_PARAMS).indices.length > 0
 */
export function featurise(text: string, params: FeatureParams): SparseFeatures {
  const mask = (1 << params.hashBits) - 1;
  const spans = tokenSpans(text);
  const { text: lower, starts, ends, count: tokenCount } = spans;
  const { words, chars, acc, firstAt } = scratch(params.hashBits);
  const [wmin, wmax] = params.wordNgrams;
  const [cmin, cmax] = params.charNgrams;

  const wordTouched: number[] = [];
  for (let i = 0; i < tokenCount; i++) {
    let h = WORD_SEED;
    for (let n = 1; n <= wmax && i + n <= tokenCount; n++) {
      if (n > 1) h = fnvStep(h, SPACE);
      h = fnvString(h, lower, starts[i + n - 1]!, ends[i + n - 1]!);
      if (n < wmin) continue;
      const index = (h >>> 0) & mask;
      if (words[index] === 0) {
        wordTouched.push(index);
        firstAt[index] = i * 4 + n;
      }
      words[index]!++;
    }
  }

  const charTouched: number[] = [];
  if (cmax >= cmin) {
    for (let t = 0; t < tokenCount; t++) {
      const from = starts[t]!;
      const len = ends[t]! - from + 2;
      for (let start = 0; start + cmin <= len; start++) {
        let h = CHAR_SEED;
        const end = Math.min(len, start + cmax);
        for (let k = start; k < end; k++) {
          h = fnvStep(
            h,
            k === 0 ? BOUNDARY_START : k === len - 1 ? BOUNDARY_END : lower.charCodeAt(from + k - 1),
          );
          if (k - start + 1 >= cmin) {
            const index = (h >>> 0) & mask;
            if (chars[index] === 0) charTouched.push(index);
            chars[index]!++;
          }
        }
      }
    }
  }

  const indices: number[] = [];
  const isWord: boolean[] = [];
  addBlock(words, wordTouched, true);
  addBlock(chars, charTouched, false);
  const values = indices.map((index) => {
    const v = acc[index]!;
    acc[index] = 0;
    return v;
  });
  const firsts = indices.map((index, k) => (isWord[k] ? firstAt[index]! : 0));

  function addBlock(counts: Float64Array, touched: number[], word: boolean): void {
    let norm = 0;
    for (const index of touched) {
      const v = 1 + Math.log(counts[index]!);
      counts[index] = v;
      norm += v * v;
    }
    const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
    for (const index of touched) {
      // Words come first, so a word gram always owns its slot (a colliding char gram only adds to it).
      if (acc[index] === 0) {
        indices.push(index);
        isWord.push(word);
      }
      acc[index]! += counts[index]! * scale;
      counts[index] = 0;
    }
  }

  return {
    indices,
    values,
    phrase(k: number): string | null {
      const at = firsts[k];
      if (!at) return null;
      const i = Math.floor(at / 4);
      const n = at % 4;
      const words: string[] = [];
      for (let j = i; j < i + n; j++) words.push(lower.slice(starts[j], ends[j]));
      return words.join(' ');
    },
  };
}

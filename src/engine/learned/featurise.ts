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

/**
 * Counts per hashed slot in a small open-addressing table rather than in arrays over the whole hash
 * space: a call touches a few thousand of the 2^18 slots, and reads scattered over megabytes miss
 * the CPU cache (in batch runs most of the scorer's time). Entries keep first-touch order, which
 * fixes the order of every floating-point sum, so results are bit-identical to dense arrays.
 */
class SlotCounts {
  /** slot → entry + 1 (0 = empty). */
  private table = new Int32Array(1 << 12);
  /** Per entry, in first-touch order: the hashed index, its count, and its table slot. */
  keys = new Int32Array(1 << 11);
  counts = new Float64Array(1 << 11);
  private slots = new Int32Array(1 << 11);
  size = 0;

  /** Adds one to `index`; true when the index is new. */
  add(index: number): boolean {
    const mask = this.table.length - 1;
    let slot = index & mask;
    for (let e = this.table[slot]!; e !== 0; e = this.table[slot]!) {
      if (this.keys[e - 1] === index) {
        this.counts[e - 1]!++;
        return false;
      }
      slot = (slot + 1) & mask;
    }
    const entry = this.size++;
    if (entry === this.keys.length) this.growEntries();
    this.keys[entry] = index;
    this.counts[entry] = 1;
    this.slots[entry] = slot;
    this.table[slot] = entry + 1;
    if (this.size * 2 > this.table.length) this.rehash();
    return true;
  }

  /** The entry holding `index`, or -1. */
  find(index: number): number {
    const mask = this.table.length - 1;
    for (let slot = index & mask; ; slot = (slot + 1) & mask) {
      const e = this.table[slot]!;
      if (e === 0) return -1;
      if (this.keys[e - 1] === index) return e - 1;
    }
  }

  clear(): void {
    for (let e = 0; e < this.size; e++) this.table[this.slots[e]!] = 0;
    this.size = 0;
  }

  private growEntries(): void {
    const n = this.keys.length * 2;
    const keys = new Int32Array(n);
    keys.set(this.keys);
    const counts = new Float64Array(n);
    counts.set(this.counts);
    const slots = new Int32Array(n);
    slots.set(this.slots);
    this.keys = keys;
    this.counts = counts;
    this.slots = slots;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let e = 0; e < this.size; e++) {
      let slot = this.keys[e]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = e + 1;
      this.slots[e] = slot;
    }
    this.table = table;
  }
}

/** Turns counts into 1 + log(count) in place; returns the factor that scales them to unit length. */
function blockScale(block: SlotCounts): number {
  let norm = 0;
  for (let e = 0; e < block.size; e++) {
    const v = 1 + Math.log(block.counts[e]!);
    block.counts[e] = v;
    norm += v * v;
  }
  return norm === 0 ? 0 : 1 / Math.sqrt(norm);
}

const wordCounts = new SlotCounts();
const charCounts = new SlotCounts();

/**
 * @example featurise("your computer has a virus", DEFAULT_FEATURE_PARAMS).indices.length > 0
 */
export function featurise(text: string, params: FeatureParams): SparseFeatures {
  const mask = (1 << params.hashBits) - 1;
  const spans = tokenSpans(text);
  const { text: lower, starts, ends, count: tokenCount } = spans;
  const [wmin, wmax] = params.wordNgrams;
  const [cmin, cmax] = params.charNgrams;
  const words = wordCounts;
  const chars = charCounts;
  words.clear();
  chars.clear();

  /** Per word-gram entry, its first position: token index * 4 + n. */
  const firstAt: number[] = [];
  for (let i = 0; i < tokenCount; i++) {
    let h = WORD_SEED;
    for (let n = 1; n <= wmax && i + n <= tokenCount; n++) {
      if (n > 1) h = fnvStep(h, SPACE);
      h = fnvString(h, lower, starts[i + n - 1]!, ends[i + n - 1]!);
      if (n < wmin) continue;
      if (words.add((h >>> 0) & mask)) firstAt.push(i * 4 + n);
    }
  }

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
          if (k - start + 1 >= cmin) chars.add((h >>> 0) & mask);
        }
      }
    }
  }

  // Each block scaled to unit length. Words come first, so a word gram owns its slot (a colliding
  // char gram only adds to it).
  const indices: number[] = [];
  const values: number[] = [];
  const firsts: number[] = [];
  const wordScale = blockScale(words);
  for (let e = 0; e < words.size; e++) {
    indices.push(words.keys[e]!);
    values.push(words.counts[e]! * wordScale);
    firsts.push(firstAt[e]!);
  }
  const charScale = blockScale(chars);
  for (let e = 0; e < chars.size; e++) {
    const index = chars.keys[e]!;
    const w = words.find(index);
    if (w >= 0) values[w]! += chars.counts[e]! * charScale;
    else {
      indices.push(index);
      values.push(chars.counts[e]! * charScale);
      firsts.push(0);
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

/**
 * Hashed n-gram features of what the caller said: word 1-2 grams and character 3-5 grams inside words
 * (these survive speech-to-text misspellings). Each block is scaled to unit length so a long call does
 * not score higher just for being long. Every gram is hashed incrementally into reused typed arrays (no
 * string or map per gram), and a word seen before reuses its character grams (see WordCache).
 */
import { clearTokenScratch, tokenScratchIsClear, tokenSpans, type TokenSpans } from './normalise.js';

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

/**
 * The same features in scratch typed arrays that the next call overwrites: the scorer's path, which
 * reads them at once and so needs no arrays of its own. Entries [0, wordEntries) are word grams.
 */
export interface FeatureScratch {
  size: number;
  wordEntries: number;
  indices: Int32Array;
  values: Float64Array;
  /** As SparseFeatures.phrase; only valid until the next call. */
  phrase(k: number): string | null;
}

const FNV_PRIME = 0x01000193;

function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

function fnvString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

/** As fnvString over code units codes[from, to). */
function fnvCodes(h: number, codes: Uint16Array, from: number, to: number): number {
  for (let i = from; i < to; i++) h = fnvStep(h, codes[i]!);
  return h;
}

const WORD_SEED = fnvString(0x811c9dc5, 'w:');
const CHAR_SEED = fnvString(0x811c9dc5, 'c:');
const SPACE = 32;
const BOUNDARY_START = 60; // '<'
const BOUNDARY_END = 62; // '>'

function grown<T extends Int32Array | Float64Array>(a: T, min: number): T {
  let n = a.length * 2;
  while (n < min) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

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

  /** Adds one to `index`; returns its entry (a new one is entry size - 1). */
  add(index: number): number {
    const mask = this.table.length - 1;
    let slot = index & mask;
    for (let e = this.table[slot]!; e !== 0; e = this.table[slot]!) {
      if (this.keys[e - 1] === index) {
        this.counts[e - 1]!++;
        return e - 1;
      }
      slot = (slot + 1) & mask;
    }
    const entry = this.size++;
    if (entry === this.keys.length) {
      this.keys = grown(this.keys, entry + 1);
      this.counts = grown(this.counts, entry + 1);
      this.slots = grown(this.slots, entry + 1);
    }
    this.keys[entry] = index;
    this.counts[entry] = 1;
    this.slots[entry] = slot;
    this.table[slot] = entry + 1;
    // At most a quarter full: whether a gram is new or seen follows no pattern the CPU can predict
    // (unless it is fed the same text again and again), and each extra probe is one more such branch.
    // Half full cost about 25 µs more per 1,500-word call on texts not just seen (same results).
    if (this.size * 4 > this.table.length) this.rehash();
    return entry;
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
    // Scattered writes cost more than one sweep once an eighth of the table is in use.
    if (this.size * 8 > this.table.length) this.table.fill(0);
    else for (let e = 0; e < this.size; e++) this.table[this.slots[e]!] = 0;
    this.size = 0;
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

/**
 * The distinct words of one text, each with the entries its first occurrence added: its unigram and
 * its character grams. A call repeats most of its words, and a repeat would add exactly those again:
 * all already present, so adding them only bumps their counts and creates no entry, leaving
 * first-touch order (and so every sum) as it was. The cache counts the repeats and adds them to
 * those entries once, after the pass, instead of hashing and probing each gram (counts are whole
 * numbers, exact in any order).
 */
class WordCache {
  /** slot → word + 1 (0 = empty). */
  private table = new Int32Array(1 << 11);
  private slots = new Int32Array(1 << 10);
  /** Per word: a 32-bit hash of it, where its first occurrence is in the text, and its grams. */
  private hashes = new Int32Array(1 << 10);
  private starts = new Int32Array(1 << 10);
  private ends = new Int32Array(1 << 10);
  /** Per word: its unigram's word entry (-1 when unigrams are not counted). */
  unigram = new Int32Array(1 << 10);
  /** Per word: how many times it occurs after its first occurrence. */
  repeats = new Int32Array(1 << 10);
  /** Word w's gram entries are grams[gramStart[w], gramStart[w + 1]). */
  gramStart = new Int32Array((1 << 10) + 1);
  grams = new Int32Array(1 << 13);
  size = 0;
  /** The free slot where the last `find` missed. */
  private missSlot = 0;

  clear(): void {
    for (let w = 0; w < this.size; w++) this.table[this.slots[w]!] = 0;
    this.size = 0;
  }

  /** clear(), and the words' 32-bit hashes zeroed too: with a word list, those would give the words back. */
  wipe(): void {
    this.hashes.fill(0, 0, this.size);
    this.clear();
  }

  isClear(): boolean {
    return this.size === 0 && this.hashes.every((h) => h === 0) && this.table.every((e) => e === 0);
  }

  /** The word equal to codes[from, to) (with 32-bit hash h), or -1. */
  find(h: number, codes: Uint16Array, from: number, to: number): number {
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (let e = this.table[slot]!; e !== 0; e = this.table[slot]!) {
      const w = e - 1;
      if (this.hashes[w] === h && this.ends[w]! - this.starts[w]! === to - from) {
        let i = from;
        let j = this.starts[w]!;
        while (i < to && codes[i] === codes[j]) {
          i++;
          j++;
        }
        if (i === to) return w;
      }
      slot = (slot + 1) & mask;
    }
    this.missSlot = slot;
    return -1;
  }

  /** Starts a new word right after a `find` for it missed; its grams follow with `addGram`. */
  open(h: number, from: number, to: number, unigram: number): void {
    const w = this.size++;
    if (w === this.hashes.length) {
      this.hashes = grown(this.hashes, w + 1);
      this.starts = grown(this.starts, w + 1);
      this.ends = grown(this.ends, w + 1);
      this.unigram = grown(this.unigram, w + 1);
      this.repeats = grown(this.repeats, w + 1);
      this.slots = grown(this.slots, w + 1);
      this.gramStart = grown(this.gramStart, w + 2);
    }
    this.hashes[w] = h;
    this.starts[w] = from;
    this.ends[w] = to;
    this.unigram[w] = unigram;
    this.repeats[w] = 0;
    this.slots[w] = this.missSlot;
    this.table[this.missSlot] = w + 1;
    this.gramStart[w + 1] = this.gramStart[w]!;
    if (this.size * 2 > this.table.length) this.rehash();
  }

  /** Records a gram entry of the word opened last. */
  addGram(entry: number): void {
    const at = this.gramStart[this.size]!;
    if (at === this.grams.length) this.grams = grown(this.grams, at + 1);
    this.grams[at] = entry;
    this.gramStart[this.size] = at + 1;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let w = 0; w < this.size; w++) {
      let slot = this.hashes[w]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = w + 1;
      this.slots[w] = slot;
    }
    this.table = table;
  }
}

/** 1 + log(n) for small counts, computed with Math.log once (so the same values, bit for bit). */
const ONE_PLUS_LOG = Float64Array.from({ length: 64 }, (_, n) => 1 + Math.log(n));

/** Turns counts into 1 + log(count) in place; returns the factor that scales them to unit length. */
function blockScale(block: SlotCounts): number {
  let norm = 0;
  for (let e = 0; e < block.size; e++) {
    const c = block.counts[e]!;
    const v = c < 64 ? ONE_PLUS_LOG[c]! : 1 + Math.log(c);
    block.counts[e] = v;
    norm += v * v;
  }
  return norm === 0 ? 0 : 1 / Math.sqrt(norm);
}

const wordCounts = new SlotCounts();
const charCounts = new SlotCounts();
let wordCache = new WordCache();
/** A cache grown past this many words is dropped after the call (see KEEP_CHARS in normalise.ts). */
const KEEP_WORDS = 1 << 14;
/** The character-gram entries whose index is also a word gram's, in entry order. */
let collided = new Int32Array(64);
/** The word being split into character grams, between its boundary marks. */
let marked = new Int32Array(64);
/** How much of `marked` the current call has written (wiped after the call). */
let markedUsed = 0;
/** Per word-gram entry, its first position: token index * 4 + n. */
let firstAt = new Int32Array(1 << 11);
let outIndices = new Int32Array(1 << 12);
let outValues = new Float64Array(1 << 12);

interface Counted {
  size: number;
  wordEntries: number;
  spans: TokenSpans;
}

/**
 * Counts the grams of `text` and leaves the scaled features in outIndices / outValues. The scratch
 * that held the text's characters or its words' hashes is wiped when it returns (or throws), so no
 * caller's words stay in memory between calls; what is left are offsets and 18-bit gram indices.
 */
function count(text: string, params: FeatureParams): Counted {
  try {
    return countGrams(text, params);
  } finally {
    clearTokenScratch();
    marked.fill(0, 0, markedUsed);
    markedUsed = 0;
    wordCache.wipe();
  }
}

/** Whether the scratch that holds text or word hashes is empty (for the privacy test). */
export function scratchIsClear(): boolean {
  return tokenScratchIsClear() && marked.every((c) => c === 0) && wordCache.isClear();
}

function countGrams(text: string, params: FeatureParams): Counted {
  const mask = (1 << params.hashBits) - 1;
  const spans = tokenSpans(text);
  const { codes, starts, ends, count: tokenCount } = spans;
  const [wmin, wmax] = params.wordNgrams;
  const [cmin, cmax] = params.charNgrams;
  const words = wordCounts;
  const chars = charCounts;
  const cache = wordCache;
  words.clear();
  chars.clear();
  cache.clear();

  // One pass over the words. The two blocks have their own tables, so interleaving them keeps each
  // block's sequence of additions (and first-touch order) as if it were counted in a pass of its own.
  // The next word's own hash, when the bigram pass over its characters already worked it out.
  let nextOwn = 0;
  let haveNext = false;
  for (let i = 0; i < tokenCount; i++) {
    const from = starts[i]!;
    const to = ends[i]!;
    // The word's own hash is its unigram's; a bigram continues from it.
    const own = haveNext ? nextOwn : fnvCodes(WORD_SEED, codes, from, to);
    haveNext = false;
    const seen = cache.find(own, codes, from, to);
    let unigram = -1;
    let h = own;
    for (let n = 1; n <= wmax && i + n <= tokenCount; n++) {
      if (n === 2) {
        // One pass over the next word for both its bigram with this word and its own hash.
        let hb = fnvStep(h, SPACE);
        let ho = WORD_SEED;
        for (let j = starts[i + 1]!, end = ends[i + 1]!; j < end; j++) {
          const code = codes[j]!;
          hb = fnvStep(hb, code);
          ho = fnvStep(ho, code);
        }
        h = hb;
        nextOwn = ho;
        haveNext = true;
      } else if (n > 2) h = fnvCodes(fnvStep(h, SPACE), codes, starts[i + n - 1]!, ends[i + n - 1]!);
      if (n < wmin) continue;
      if (n === 1 && seen >= 0) continue; // counted with the word's repeats

      const before = words.size;
      const entry = words.add((h >>> 0) & mask);
      if (n === 1) unigram = entry;
      if (words.size > before) {
        if (before === firstAt.length) firstAt = grown(firstAt, before + 1);
        firstAt[before] = i * 4 + n;
      }
    }

    if (seen >= 0) {
      cache.repeats[seen]!++;
      continue;
    }
    cache.open(own, from, to, unigram);
    // The word between boundary marks, as codes, so each gram is a run of plain array reads.
    const len = to - from + 2;
    if (len > marked.length) marked = new Int32Array(len * 2);
    if (len > markedUsed) markedUsed = len;
    marked[0] = BOUNDARY_START;
    for (let j = from; j < to; j++) marked[j - from + 1] = codes[j]!;
    marked[len - 1] = BOUNDARY_END;
    for (let start = 0; start + cmin <= len; start++) {
      let hc = CHAR_SEED;
      const end = Math.min(len, start + cmax);
      let k = start;
      for (; k < start + cmin - 1; k++) hc = fnvStep(hc, marked[k]!);
      for (; k < end; k++) {
        hc = fnvStep(hc, marked[k]!);
        cache.addGram(chars.add((hc >>> 0) & mask));
      }
    }
  }

  // A repeated word's unigram and character grams, once per repeat.
  for (let w = 0; w < cache.size; w++) {
    const extra = cache.repeats[w]!;
    if (extra === 0) continue;
    if (cache.unigram[w]! >= 0) words.counts[cache.unigram[w]!]! += extra;
    for (let g = cache.gramStart[w]!, end = cache.gramStart[w + 1]!; g < end; g++)
      chars.counts[cache.grams[g]!]! += extra;
  }

  // Each block scaled to unit length. Words come first, so a word gram owns its slot (a colliding
  // char gram only adds to it).
  const most = words.size + chars.size;
  if (most > outIndices.length) {
    outIndices = grown(outIndices, most);
    outValues = grown(outValues, most);
  }
  const indices = outIndices;
  const values = outValues;
  const wordScale = blockScale(words);
  for (let e = 0; e < words.size; e++) {
    indices[e] = words.keys[e]!;
    values[e] = words.counts[e]! * wordScale;
  }
  // A char gram with a word gram's index adds to the word's entry (one addition per entry, as the
  // keys are unique). Such collisions are rare, and there are fewer word entries than char entries,
  // so they are looked for from the word side.
  const charScale = blockScale(chars);
  let collisions = 0;
  for (let w = 0; w < words.size; w++) {
    const e = chars.find(words.keys[w]!);
    if (e < 0) continue;
    values[w]! += chars.counts[e]! * charScale;
    if (collisions === collided.length) collided = grown(collided, collisions + 1);
    collided[collisions++] = e;
  }
  if (collisions > 1) collided.subarray(0, collisions).sort();
  let size = words.size;
  let skip = 0;
  for (let e = 0; e < chars.size; e++) {
    if (skip < collisions && collided[skip] === e) {
      skip++;
      continue;
    }
    indices[size] = chars.keys[e]!;
    values[size] = chars.counts[e]! * charScale;
    size++;
  }

  if (cache.size > KEEP_WORDS) wordCache = new WordCache();
  return { size, wordEntries: words.size, spans };
}

/**
 * Features of `text` into scratch arrays (see FeatureScratch).
 * @example featuriseScratch("your computer has a virus", DEFAULT_FEATURE_PARAMS).size > 0
 */
export function featuriseScratch(text: string, params: FeatureParams): FeatureScratch {
  const { size, wordEntries, spans } = count(text, params);
  const firsts = firstAt;
  return {
    size,
    wordEntries,
    indices: outIndices,
    values: outValues,
    phrase: (k) => (k < wordEntries ? phraseAt(spans, firsts[k]!) : null),
  };
}

/** Where the words are: what a phrase is sliced from. */
type Words = Pick<TokenSpans, 'text' | 'starts' | 'ends'>;

/** The word n-gram at position `at` (token index * 4 + n). */
function phraseAt({ text: lower, starts, ends }: Words, at: number): string {
  const i = at >> 2;
  const n = at & 3;
  let out = lower.slice(starts[i], ends[i]);
  for (let j = i + 1; j < i + n; j++) out += ' ' + lower.slice(starts[j], ends[j]);
  return out;
}

/**
 * @example featurise("your computer has a virus", DEFAULT_FEATURE_PARAMS).indices.length > 0
 */
export function featurise(text: string, params: FeatureParams): SparseFeatures {
  const { size, wordEntries, spans: scratch } = count(text, params);
  // Phrases may be asked for after the next call, so they get their own copies.
  const firsts = firstAt.slice(0, wordEntries);
  const spans: Words = {
    text: scratch.text,
    starts: scratch.starts.slice(0, scratch.count),
    ends: scratch.ends.slice(0, scratch.count),
  };
  return {
    indices: Array.from(outIndices.subarray(0, size)),
    values: Array.from(outValues.subarray(0, size)),
    phrase: (k) => (k < wordEntries ? phraseAt(spans, firsts[k]!) : null),
  };
}

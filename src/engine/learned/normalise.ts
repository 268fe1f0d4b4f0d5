/**
 * Text normalisation for the learned scorer. Digits go (order numbers, prices and phone numbers are
 * incidental to one call), case and punctuation go, and common speech-to-text splits are joined so
 * "any desk" and "AnyDesk" are one feature. One pass over the characters: this runs on every call.
 */

const JOIN_RE =
  /\b(?:any\s*desk|team\s*viewer|ultra\s*viewer|log\s*me\s*in|screen\s*connect|micro\s*soft|gift?\s+(?:card|guard)s?|bit\s*coin|e\s*mail)\b/g;
const JOIN_CACHE = new Map<string, string>();

function joined(match: string): string {
  let out = JOIN_CACHE.get(match);
  if (out === undefined) {
    const compact = match.replace(/\s+/g, '');
    out = /^gift?(?:card|guard)s?$/.test(compact) ? 'gift card' : compact;
    if (JOIN_CACHE.size < 1000) JOIN_CACHE.set(match, out);
  }
  return out;
}

/** s with curly quotes and backticks as apostrophes; a search per quote is quicker than a regex pass. */
function straightQuotes(s: string): string {
  return s.indexOf('’') < 0 && s.indexOf('‘') < 0 && s.indexOf('`') < 0 ? s : s.replace(/[’‘`]/g, "'");
}

/** As s.replace(JOIN_RE, joined), but the string is only rebuilt where a match changes. */
function joinSplits(s: string): string {
  let out = '';
  let done = 0;
  JOIN_RE.lastIndex = 0;
  for (let m = JOIN_RE.exec(s); m !== null; m = JOIN_RE.exec(s)) {
    const to = joined(m[0]);
    if (to === m[0]) continue;
    out += s.slice(done, m.index) + to;
    done = m.index + m[0].length;
  }
  return done === 0 ? s : out + s.slice(done);
}

const APOSTROPHE = 39;
const LETTER = /\p{L}/u;
/** ASCII codes that belong to a word (a-z and the apostrophe; the text is already lowercased). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;
ASCII_WORD[APOSTROPHE] = 1;

/** Whether the character at `i` (code unit `code`) belongs to a word; `s` is only read for non-ASCII ones. */
function inWord(code: number, s: string, i: number): boolean {
  return code < 128 ? ASCII_WORD[code] === 1 : LETTER.test(s[i]!);
}

/**
 * Where the words are in the normalised text: word k is text.slice(starts[k], ends[k]). The arrays
 * are scratch reused by the next call (this runs on every call; copy them to keep them).
 */
export interface TokenSpans {
  text: string;
  /** text's UTF-16 code units: reading these is cheaper than charCodeAt, and the featuriser reads each several times. */
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

// Words are separated, so a text of n characters has at most (n + 1) / 2 of them. Arrays for up to
// KEEP_CHARS characters are kept for the next call; a longer text gets arrays of its own, so one huge
// transcript does not hold megabytes for the life of the process.
const KEEP_CHARS = 1 << 17;
let starts = new Int32Array(1 << 12);
let ends = new Int32Array(1 << 12);
let codes = new Uint16Array(1 << 13);
let bytes = new Uint8Array(1 << 13);
/** How much of `codes` and of `bytes` the texts read since the last wipe filled (see clearTokenScratch). */
let usedCodes = 0;
let usedBytes = 0;
const encoder = new TextEncoder();

/**
 * Zeroes the kept code arrays, which hold the last text read: a caller's words should not stay in
 * memory until the next call happens to overwrite them. The featuriser calls it when it is done with
 * a text's codes (phrases are cut from the text string, not from these arrays).
 */
export function clearTokenScratch(): void {
  codes.fill(0, 0, usedCodes);
  bytes.fill(0, 0, usedBytes);
  usedCodes = 0;
  usedBytes = 0;
}

/** Whether the kept code arrays hold nothing (for the privacy test). */
export function tokenScratchIsClear(): boolean {
  return codes.every((c) => c === 0) && bytes.every((b) => b === 0);
}

/**
 * The words of `text` as spans of its normalised form, without a string per word (the featuriser
 * hashes the characters in place).
 * @example tokenSpans("Any Desk now").count === 2
 */
export function tokenSpans(text: string): TokenSpans {
  const lower = joinSplits(straightQuotes(text.toLowerCase()));
  const n = lower.length;
  if (n > KEEP_CHARS) {
    // Arrays of its own, gone with the call (as the text itself).
    const own = new Uint16Array(n);
    codesOf(lower, own, new Uint8Array(n));
    const into = new Int32Array((n >> 1) + 1);
    return spansInto(lower, own, into, new Int32Array(into.length));
  }
  if ((n >> 1) + 1 > starts.length) {
    starts = new Int32Array((n >> 1) + 1);
    ends = new Int32Array(starts.length);
  }
  if (n > codes.length) {
    codes = new Uint16Array(Math.max(n, codes.length * 2));
    bytes = new Uint8Array(codes.length);
  }
  usedCodes = Math.max(usedCodes, n);
  // UTF-8 may fill more of `bytes` than n (up to its length) when the text is not all ASCII.
  usedBytes = Math.max(usedBytes, codesOf(lower, codes, bytes));
  return spansInto(lower, codes, starts, ends);
}

/**
 * Fills `into` with the code units of `s` (`bytes` as long, scratch); returns how many bytes of
 * `bytes` the encoder wrote.
 */
function codesOf(s: string, into: Uint16Array, bytes: Uint8Array): number {
  // All-ASCII text (the usual case) is one byte per code unit in UTF-8, so the encoder (native, much
  // faster than a charCodeAt loop) gives the codes; any other character takes more bytes than one.
  const { read, written } = encoder.encodeInto(s, bytes);
  if (read === s.length && written === s.length) into.set(bytes.subarray(0, s.length));
  else for (let i = 0; i < s.length; i++) into[i] = s.charCodeAt(i);
  return written;
}

/** Fills `into` and `intoEnds` with the spans of the words of `lower` (already normalised; `codes` its code units). */
function spansInto(lower: string, codes: Uint16Array, into: Int32Array, intoEnds: Int32Array): TokenSpans {
  const n = lower.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    if (!inWord(codes[i]!, lower, i)) {
      i++;
      continue;
    }
    const start = i;
    for (i++; i < n && inWord(codes[i]!, lower, i); i++);
    // Apostrophes only count inside a word.
    let a = start;
    let b = i;
    while (a < b && codes[a] === APOSTROPHE) a++;
    while (b > a && codes[b - 1] === APOSTROPHE) b--;
    if (b > a) {
      into[count] = a;
      intoEnds[count] = b;
      count++;
    }
  }
  return { text: lower, codes, starts: into, ends: intoEnds, count };
}

/**
 * Lowercased words (letters and inner apostrophes) with speech-to-text splits joined.
 * @example tokenise("Install Any Desk, then call 1-800-555-0100!") // ["install", "anydesk", "then", "call"]
 */
export function tokenise(text: string): string[] {
  const { text: lower, starts, ends, count } = tokenSpans(text);
  const tokens: string[] = [];
  for (let k = 0; k < count; k++) tokens.push(lower.slice(starts[k], ends[k]));
  clearTokenScratch();
  return tokens;
}

/** The tokens joined by single spaces. */
export function normaliseText(text: string): string {
  return tokenise(text).join(' ');
}

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

const APOSTROPHE = 39;
const LETTER = /\p{L}/u;
/** ASCII codes that belong to a word (a-z and the apostrophe; the text is already lowercased). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;
ASCII_WORD[APOSTROPHE] = 1;

/** Whether the character at `i` belongs to a word; the string is only indexed for non-ASCII ones. */
function inWord(code: number, s: string, i: number): boolean {
  return code < 128 ? ASCII_WORD[code] === 1 : LETTER.test(s[i]!);
}

/**
 * Where the words are in the normalised text: word k is text.slice(starts[k], ends[k]). The arrays
 * are scratch reused by the next call (this runs on every call; copy them to keep them).
 */
export interface TokenSpans {
  text: string;
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

/**
 * The words of `text` as spans of its normalised form, without a string per word (the featuriser
 * hashes the characters in place).
 * @example tokenSpans("Any Desk now").count === 2
 */
export function tokenSpans(text: string): TokenSpans {
  const lower = text.toLowerCase().replace(/[’‘`]/g, "'").replace(JOIN_RE, joined);
  const n = lower.length;
  if ((n >> 1) + 1 > starts.length) {
    const grownStarts = new Int32Array((n >> 1) + 1);
    const grownEnds = new Int32Array(grownStarts.length);
    if (n > KEEP_CHARS) return spansInto(lower, grownStarts, grownEnds);
    starts = grownStarts;
    ends = grownEnds;
  }
  return spansInto(lower, starts, ends);
}

/** Fills `into` and `intoEnds` with the spans of the words of `lower` (already normalised). */
function spansInto(lower: string, into: Int32Array, intoEnds: Int32Array): TokenSpans {
  const n = lower.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    if (!inWord(lower.charCodeAt(i), lower, i)) {
      i++;
      continue;
    }
    const start = i;
    for (i++; i < n && inWord(lower.charCodeAt(i), lower, i); i++);
    // Apostrophes only count inside a word.
    let a = start;
    let b = i;
    while (a < b && lower.charCodeAt(a) === APOSTROPHE) a++;
    while (b > a && lower.charCodeAt(b - 1) === APOSTROPHE) b--;
    if (b > a) {
      into[count] = a;
      intoEnds[count] = b;
      count++;
    }
  }
  return { text: lower, starts: into, ends: intoEnds, count };
}

/**
 * Lowercased words (letters and inner apostrophes) with speech-to-text splits joined.
 * @example tokenise("Install Any Desk, then call 1-800-555-0100!") // ["install", "anydesk", "then", "call"]
 */
export function tokenise(text: string): string[] {
  const { text: lower, starts, ends, count } = tokenSpans(text);
  const tokens: string[] = [];
  for (let k = 0; k < count; k++) tokens.push(lower.slice(starts[k], ends[k]));
  return tokens;
}

/** The tokens joined by single spaces. */
export function normaliseText(text: string): string {
  return tokenise(text).join(' ');
}

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

/** Whether the character at `i` is a letter; the string is only indexed for non-ASCII characters. */
function isLetter(code: number, s: string, i: number): boolean {
  if (code >= 97 && code <= 122) return true;
  if (code < 128) return false;
  return LETTER.test(s[i]!);
}

/** Where the words are in the normalised text: word k is text.slice(starts[k], ends[k]). */
export interface TokenSpans {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/**
 * The words of `text` as spans of its normalised form, without a string per word (the featuriser
 * hashes the characters in place).
 * @example tokenSpans("Any Desk now").count === 2
 */
export function tokenSpans(text: string): TokenSpans {
  const lower = text.toLowerCase().replace(/[’‘`]/g, "'").replace(JOIN_RE, joined);
  // Words are separated, so there are at most (length + 1) / 2 of them.
  const starts = new Int32Array((lower.length >> 1) + 1);
  const ends = new Int32Array(starts.length);
  let count = 0;
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    const inWord = i < lower.length && (code === APOSTROPHE || isLetter(code, lower, i));
    if (inWord) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      let a = start;
      let b = i;
      while (a < b && lower.charCodeAt(a) === APOSTROPHE) a++;
      while (b > a && lower.charCodeAt(b - 1) === APOSTROPHE) b--;
      if (b > a) {
        starts[count] = a;
        ends[count] = b;
        count++;
      }
      start = -1;
    }
  }
  return { text: lower, starts, ends, count };
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

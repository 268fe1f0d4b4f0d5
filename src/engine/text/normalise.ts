/**
 * Speech-to-text tolerance. Lowercases a segment and rewrites split or misheard forms ("any desk",
 * "micro soft", "gif card") to one canonical form, keeping a map back to the original offsets so
 * evidence always quotes what was really written. The same single regex pass also finds the rule
 * scanner's key words, so the text is read once.
 */

/** Multi-word variants: first word → [following words, canonical form]. */
const MULTI: ReadonlyArray<readonly [variant: string, canonical: string]> = [
  ['any desk', 'anydesk'],
  ['any desks', 'anydesk'],
  ['any disk', 'anydesk'],
  ['any dust', 'anydesk'],
  ['any dex', 'anydesk'],
  ['annie desk', 'anydesk'],
  ['anne desk', 'anydesk'],
  ['team viewer', 'teamviewer'],
  ['team view er', 'teamviewer'],
  ['team reviewer', 'teamviewer'],
  ['tim viewer', 'teamviewer'],
  ['teen viewer', 'teamviewer'],
  ['ultra viewer', 'ultraviewer'],
  ['ultra view er', 'ultraviewer'],
  ['quick assist', 'quickassist'],
  ['quick assists', 'quickassist'],
  ['quick support', 'quicksupport'],
  ['log me in', 'logmein'],
  ['screen connect', 'screenconnect'],
  ['rust desk', 'rustdesk'],
  ['micro soft', 'microsoft'],
  ['micro sought', 'microsoft'],
  ['mike row soft', 'microsoft'],
  ['gift guard', 'gift card'],
  ['gift guards', 'gift cards'],
  ['gift cart', 'gift card'],
  ['gift carts', 'gift cards'],
  ['gift curd', 'gift card'],
  ['gif card', 'gift card'],
  ['gif cards', 'gift cards'],
  ['gif guard', 'gift card'],
  ['gif guards', 'gift cards'],
  ['even viewer', 'event viewer'],
  ['even view er', 'event viewer'],
  ['event view er', 'event viewer'],
  ['event reviewer', 'event viewer'],
  ['events viewer', 'event viewer'],
  ['event v w r', 'eventvwr'],
  ['net stat', 'netstat'],
  ['net stats', 'netstat'],
  ['nets tat', 'netstat'],
  ['bit coin', 'bitcoin'],
  ['bit coins', 'bitcoin'],
  ['crypto currency', 'cryptocurrency'],
  ['money gram', 'moneygram'],
  ['pay pal', 'paypal'],
  ['i tunes', 'itunes'],
  ['eye tunes', 'itunes'],
  ['i cloud', 'icloud'],
  ['eye cloud', 'icloud'],
  ['apple i d', 'apple id'],
  ['pass word', 'password'],
  ['pass code', 'passcode'],
  ['comand prompt', 'command prompt'],
  ['s s n', 'ssn'],
  ['i r s', 'irs'],
  ['f t c', 'ftc'],
  ['f b i', 'fbi'],
];

/** One-word mishearings. */
const SINGLE: ReadonlyMap<string, string> = new Map([
  ['zell', 'zelle'],
  ['zel', 'zelle'],
  ['zelly', 'zelle'],
  ['zela', 'zelle'],
  ['anydesks', 'anydesk'],
  ['giftcard', 'gift card'],
  ['giftcards', 'gift cards'],
  ['gifcard', 'gift card'],
  ['microsofts', 'microsoft'],
  ['cashapp', 'cash app'],
  ['netstats', 'netstat'],
  ['teamview', 'teamviewer'],
]);

/** Variant (separators collapsed to one space) → canonical form. */
const CANONICAL = new Map<string, string>([...MULTI, ...SINGLE]);
const VARIANT_SOURCE = trieSource([...CANONICAL.keys()]);

/**
 * One regex alternative per word list, factored as a trie ("pass(?:word|code)"): the regex engine
 * then compares a character or two per position instead of trying hundreds of alternatives.
 * A space in a word matches the separators speech-to-text puts between split words.
 */
export function trieSource(words: readonly string[]): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    const branches = [...node.next].map(
      ([ch, child]) => (ch === ' ' ? '[ -]{1,3}' : escape(ch)) + emit(child),
    );
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return words.length === 0 ? '(?!)' : emit(root);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface NormalisedText {
  /** Lowercased text with canonical forms. */
  readonly text: string;
  /** Key words found (see createLexer), in order, and where each starts in `text`. */
  readonly words: readonly string[];
  readonly starts: readonly number[];
  /** Maps an offset in `text` to the original string; `side` picks the edge of a rewritten span. */
  toOriginal(offset: number, side: 'start' | 'end'): number;
}

interface Rewrite {
  ns: number;
  ne: number;
  os: number;
  oe: number;
}

export type Lexer = (original: string) => NormalisedText;

/** Curly and other apostrophes, written as "'" (one object for all calls, not one per call). */
const APOSTROPHE_RE = /[\u2018\u2019\u02bc`]/g;

/** toOriginal of a segment with nothing rewritten. */
const sameOffset = (n: number): number => n;

/**
 * A lexer that lowercases a segment, rewrites speech-to-text variants and reports where the given
 * key words occur, all in one native regex pass (the scanner uses the key words to pick rules).
 */
export function createLexer(keys: readonly string[]): Lexer {
  const keySet = new Set(keys);
  // Variants first, so "gift guard" wins over the key "gift". Only the variants are captured (a
  // key is the whole match): a capture around the large key alternative made every match slower.
  const re = new RegExp(`\\b(?:(${VARIANT_SOURCE})|${trieSource([...keySet])})(?![a-z0-9'])`, 'g');

  return (original) => {
    let lower = original.toLowerCase();
    // A few characters change length when lowercased ("İ"); keep offsets aligned by leaving those as they are.
    if (lower.length !== original.length) lower = lowerSameLength(original);
    APOSTROPHE_RE.lastIndex = 0;
    if (APOSTROPHE_RE.test(lower)) lower = lower.replace(APOSTROPHE_RE, "'");

    const words: string[] = [];
    const starts: number[] = [];
    const rewrites: Rewrite[] = [];
    let out = '';
    let copiedTo = 0;
    re.lastIndex = 0;
    for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
      const shift = out.length - copiedTo; // normalised = original + shift, outside rewrites
      if (m[1] === undefined) {
        words.push(m[0]);
        starts.push(m.index + shift);
        continue;
      }
      const canonical = CANONICAL.get(m[0].replace(/[ -]+/g, ' '));
      if (canonical === undefined || canonical === m[0]) continue;
      out += lower.slice(copiedTo, m.index);
      const ns = out.length;
      out += canonical;
      rewrites.push({ ns, ne: out.length, os: m.index, oe: m.index + m[0].length });
      copiedTo = m.index + m[0].length;
      let at = ns;
      for (const w of canonical.split(' ')) {
        if (keySet.has(w)) {
          words.push(w);
          starts.push(at);
        }
        at += w.length + 1;
      }
    }
    if (rewrites.length === 0) return { text: lower, words, starts, toOriginal: sameOffset };
    out += lower.slice(copiedTo);
    return { text: out, words, starts, toOriginal: (n, side) => mapBack(rewrites, n, side) };
  };
}

const plainLexer = createLexer([]);

/**
 * Lowercases and canonicalises a segment.
 * @example normalise('Open Any Desk now').text === 'open anydesk now'
 */
export function normalise(original: string): NormalisedText {
  return plainLexer(original);
}

function lowerSameLength(s: string): string {
  let r = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    r += l.length === ch.length ? l : ch;
  }
  return r;
}

function mapBack(rewrites: readonly Rewrite[], n: number, side: 'start' | 'end'): number {
  // Binary search the last rewrite starting at or before n.
  let lo = 0;
  let hi = rewrites.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rewrites[mid]!.ns <= n) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return n;
  const r = rewrites[found]!;
  if (n >= r.ne) return r.oe + (n - r.ne);
  if (n === r.ns) return r.os;
  return side === 'start' ? r.os : r.oe;
}

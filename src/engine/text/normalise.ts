/**
 * Speech-to-text tolerance. Lowercases a segment and rewrites split or misheard forms ("any desk",
 * "micro soft", "gif card") to one canonical token, keeping a map back to the original offsets so
 * evidence always quotes what was really written.
 */

/** Canonical token → the spoken / misheard variants that mean it (regex sources, lowercase). */
const ASR_VARIANTS: ReadonlyArray<readonly [canonical: string, variants: string]> = [
  [
    'anydesk',
    'any ?desk|anne?y ?desk|annie ?desk|any ?disk|any ?desks|any ?dust|any ?dex|any-desk|a ?n ?y ?desk',
  ],
  ['teamviewer', 'team ?viewer|team ?view ?er|team ?reviewer|tim ?viewer|teen ?viewer|team-viewer'],
  ['ultraviewer', 'ultra ?viewer|ultra ?view ?er|ultra-viewer'],
  ['quickassist', 'quick ?assist|quick ?assists|quick-assist|quick ?a ?sist'],
  ['logmein', 'log ?me ?in|logmein123|log-me-in'],
  ['screenconnect', 'screen ?connect|screen-connect'],
  ['rustdesk', 'rust ?desk'],
  ['microsoft', 'micro ?soft|micro-soft|mike ?row ?soft|micro ?sought|microsofts'],
  [
    'gift card',
    'gift ?cards?|gif ?cards?|gift ?guards?|gift ?cars?|gift ?carts?|gift ?curds?|gift-cards?|gif ?guards?',
  ],
  [
    'event viewer',
    'event ?viewer|even ?viewer|event ?view ?er|even ?view ?er|event ?reviewer|events ?viewer',
  ],
  ['eventvwr', 'event ?v ?w ?r'],
  ['netstat', 'net ?stat|net ?stats|nets ?tat|net-stat'],
  ['zelle', 'zelle|zell|zel|zelly|zela'],
  ['bitcoin', 'bit ?coins?|bitcoins|bit-coins?'],
  ['cryptocurrency', 'crypto ?currency|crypto ?currencies|crypto-currency'],
  ['western union', 'western ?union|western-union'],
  ['moneygram', 'money ?gram|money-gram'],
  ['cash app', 'cash ?app|cashapp'],
  ['paypal', 'pay ?pal|pay-pal'],
  ['itunes', 'i ?tunes|i-tunes|eye ?tunes'],
  ['google play', 'google ?play|googleplay'],
  ['icloud', 'i ?cloud|i-cloud|eye ?cloud'],
  ['apple id', 'apple ?i\\.?d\\.?'],
  ['password', 'pass ?word|pass-word|passwords?'],
  ['passcode', 'pass ?code|pass-code'],
  ['one-time', 'one[ -]?time|1[ -]?time'],
  ['command prompt', 'command ?prompt|comand ?prompt|command ?prompts'],
  ['windows', 'windows|window ?s\\b'],
  ['ssn', 'ssn|s ?s ?n|s\\.s\\.n\\.?'],
  ['irs', 'irs|i ?r ?s|i\\.r\\.s\\.?'],
  ['ftc', 'ftc|f ?t ?c'],
  ['fbi', 'fbi|f ?b ?i|f\\.b\\.i\\.?'],
];

const ASR_RE = new RegExp(`\\b(?:${ASR_VARIANTS.map(([, v]) => `(${v})`).join('|')})\\b`, 'g');

export interface NormalisedText {
  /** Lowercased text with canonical tokens. */
  readonly text: string;
  /** Maps an offset in `text` to the original string; `side` picks the edge of a rewritten span. */
  toOriginal(offset: number, side: 'start' | 'end'): number;
}

interface Rewrite {
  /** Start/end in normalised text. */
  ns: number;
  ne: number;
  /** Start/end in the original text. */
  os: number;
  oe: number;
}

/**
 * Lowercases and canonicalises a segment.
 * @example normalise('Open Any Desk now').text === 'open anydesk now'
 */
export function normalise(original: string): NormalisedText {
  let lower = original.toLowerCase();
  // A few characters change length when lowercased ("İ"); keep offsets aligned by leaving those as they are.
  if (lower.length !== original.length) lower = lowerSameLength(original);
  lower = lower.replace(/[\u2018\u2019\u02bc`]/g, "'");

  const rewrites: Rewrite[] = [];
  let out = '';
  let last = 0;
  ASR_RE.lastIndex = 0;
  for (let m = ASR_RE.exec(lower); m !== null; m = ASR_RE.exec(lower)) {
    const canonical = canonicalFor(m);
    const matched = m[0];
    if (canonical === undefined || canonical === matched) continue;
    out += lower.slice(last, m.index);
    const ns = out.length;
    out += canonical;
    rewrites.push({ ns, ne: out.length, os: m.index, oe: m.index + matched.length });
    last = m.index + matched.length;
  }
  if (rewrites.length === 0) return { text: lower, toOriginal: (n) => n };
  out += lower.slice(last);
  return { text: out, toOriginal: (n, side) => mapBack(rewrites, n, side) };
}

function canonicalFor(m: RegExpExecArray): string | undefined {
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return ASR_VARIANTS[g - 1]![0];
  return undefined;
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

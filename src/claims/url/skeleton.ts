import { CONFUSABLES, MULTI_CONFUSABLES } from './confusables.js';

/** Any character outside printable ASCII (controls were rejected earlier). */
const NON_ASCII = /[^\u0020-\u007e]/;

/**
 * What a label looks like to a hurried reader: lookalike characters replaced by the Latin
 * letter they imitate, marks dropped, hyphens kept. Brand names go through the same function,
 * so comparisons are like for like.
 *
 * @example skeleton('micrоsоft') // Cyrillic о -> 'microsoft'
 * @example skeleton('paypa1') // 'paypal'
 */
export function skeleton(label: string): string {
  // Fast path: plain lowercase letters and hyphens with no letter pair that reads as another letter.
  if (/^[a-z-]*$/.test(label) && !/rn|vv|cl|nn/.test(label)) return label;
  let out = '';
  const folded = NON_ASCII.test(label) ? label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : label;
  for (const ch of folded.toLowerCase()) out += CONFUSABLES[ch] ?? ch;
  for (const [from, to] of MULTI_CONFUSABLES) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

export type Script = 'latin' | 'cyrillic' | 'greek' | 'armenian' | 'other';

/**
 * The scripts of the letters in a label (digits and hyphens have none), most labels being
 * plain ASCII.
 */
export function scriptsOf(label: string): Script[] {
  if (!NON_ASCII.test(label)) return /[a-z]/i.test(label) ? ['latin'] : [];
  const s = new Set<Script>();
  for (const ch of label) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f)) s.add('latin');
    else if (c >= 0x400 && c <= 0x52f) s.add('cyrillic');
    else if (c >= 0x370 && c <= 0x3ff) s.add('greek');
    else if (c >= 0x530 && c <= 0x58f) s.add('armenian');
    else if (c > 0x7f && /\p{L}/u.test(ch)) s.add('other');
  }
  return [...s];
}

/** Rows reused across calls: labels are short, and allocation dominated the cost. */
const ROWS = 3;
const WIDTH = 72;
const buf = new Int32Array(ROWS * WIDTH);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps), giving up once it must
 * exceed `max`. Short strings only: labels and brand names (longer ones count as far apart).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (n + 1 > WIDTH || a.length + 1 > WIDTH) return max + 1;
  let p2 = 0;
  let p1 = WIDTH;
  let c = 2 * WIDTH;
  for (let j = 0; j <= n; j++) buf[p1 + j] = j;
  for (let i = 1; i <= a.length; i++) {
    buf[c] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = buf[p1 + j]! + 1;
      const ins = buf[c + j - 1]! + 1;
      if (ins < v) v = ins;
      const sub = buf[p1 + j - 1]! + cost;
      if (sub < v) v = sub;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const tr = buf[p2 + j - 2]! + 1;
        if (tr < v) v = tr;
      }
      buf[c + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = p2;
    p2 = p1;
    p1 = c;
    c = t;
  }
  return buf[p1 + n]!;
}

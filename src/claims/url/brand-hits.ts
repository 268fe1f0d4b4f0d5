import type { OrgId } from '../../knowledge/types.js';
import { BRAND_TOKENS, SCAM_KEYWORDS, type BrandToken } from './brands.js';
import { editDistance, skeleton } from './skeleton.js';

export type BrandHitKind = 'exact' | 'contains' | 'keyword' | 'typo';

export interface BrandHit {
  org: OrgId;
  token: string;
  kind: BrandHitKind;
  /** The label had lookalike characters (Cyrillic, digits for letters...) that made the match. */
  homoglyph: boolean;
}

type Prepared = BrandToken & { skel: string; mask: number };

/** Which of the letters a-z (bit 0-25) and other characters (bit 26-31 by code) occur in a string. */
function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    m |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return m;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

const PREPARED: Prepared[] = BRAND_TOKENS.map((t) => {
  const skel = skeleton(t.token);
  return { ...t, skel, mask: letterMask(skel) };
});
const KEYWORDS: ReadonlySet<string> = new Set(SCAM_KEYWORDS.map(skeleton));
const ANYWHERE = PREPARED.filter((t) => t.anywhere);
const BY_SKELETON = new Map<string, Prepared>();
for (const t of PREPARED) if (!BY_SKELETON.has(t.skel)) BY_SKELETON.set(t.skel, t);
/** Typo candidates by length, so a label is only compared with brands of about its size. */
const TYPOS_BY_LENGTH = new Map<number, Prepared[]>();
for (const t of PREPARED) {
  if (!t.typos) continue;
  const max = maxTypos(t.skel);
  for (let len = t.skel.length - max; len <= t.skel.length + max; len++) {
    const list = TYPOS_BY_LENGTH.get(len) ?? [];
    list.push(t);
    TYPOS_BY_LENGTH.set(len, list);
  }
}

function addHit(hits: BrandHit[], lower: string, t: Prepared, kind: BrandHitKind): void {
  for (const h of hits) if (h.org === t.org) return;
  // A homoglyph match: the brand is not there in plain letters, only in the skeleton.
  const homoglyph = kind !== 'typo' && !lower.replace(/-/g, '').includes(t.token);
  hits.push({ org: t.org, token: t.token, kind, homoglyph });
}

function maxTypos(brand: string): number {
  return brand.length >= 8 ? 2 : 1;
}

/**
 * Brand names hidden in one domain label: whole, glued to a scam keyword, or misspelt by one or
 * two letters. The label is compared as its skeleton, so "micrоsоft" (Cyrillic о) and
 * "paypa1" match. Ordinary words do not: "pineapple", "window-cleaning".
 *
 * @example brandHitsInLabel('microsoft-support-helpline')[0]?.org // 'microsoft'
 * @example brandHitsInLabel('pineapple') // []
 */
export function brandHitsInLabel(label: string): BrandHit[] {
  if (label.length === 0 || label.length > 63 * 4) return [];
  const lower = label.toLowerCase();
  const skel = skeleton(lower);
  const parts = skel.split('-').filter((p) => p.length > 0);
  const joined = parts.length === 1 ? parts[0]! : parts.join('');
  const hits: BrandHit[] = [];

  for (const t of ANYWHERE) {
    if (joined.includes(t.skel)) addHit(hits, lower, t, joined === t.skel ? 'exact' : 'contains');
  }
  let hasKeywordPart = false;
  for (const p of parts) if (KEYWORDS.has(p)) hasKeywordPart = true;
  for (const part of parts) {
    const whole = BY_SKELETON.get(part);
    if (whole && (whole.token.length >= 5 || hasKeywordPart)) addHit(hits, lower, whole, 'exact');
    // Brand glued to a keyword on either side: "windowssupport", "securepaypal".
    for (let k = 2; k < part.length - 1; k++) {
      const head = part.slice(0, k);
      const tail = part.slice(k);
      const a = BY_SKELETON.get(head);
      if (a && KEYWORDS.has(tail)) addHit(hits, lower, a, 'keyword');
      const b = BY_SKELETON.get(tail);
      if (b && KEYWORDS.has(head)) addHit(hits, lower, b, 'keyword');
    }
  }
  const candidates = parts.length > 1 ? [...parts, joined] : parts;
  for (const part of candidates) {
    const near = TYPOS_BY_LENGTH.get(part.length);
    if (!near) continue;
    const mask = letterMask(part);
    for (const t of near) {
      if (part === t.skel || hits.some((h) => h.org === t.org)) continue;
      const max = maxTypos(t.skel);
      // Short brands must keep their first letter, or ordinary words come too close ("morton" / "norton").
      if (max === 1 && part.charCodeAt(0) !== t.skel.charCodeAt(0)) continue;
      // Each edit adds or removes at most two letters from the set of letters used.
      if (popcount(mask ^ t.mask) > 2 * max) continue;
      const d = editDistance(part, t.skel, max);
      if (d >= 1 && d <= max) addHit(hits, lower, t, 'typo');
    }
  }
  return hits;
}

/**
 * Cheap test for a brand name as a whole word (used on paths, where words are many and short):
 * an exact brand name, or a distinctive one inside the word.
 */
export function brandInWord(word: string): { org: OrgId; token: string } | null {
  const exact = BY_SKELETON.get(word);
  if (exact && exact.token.length >= 5) return exact;
  for (const t of ANYWHERE) if (word.includes(t.token)) return t;
  return null;
}

/**
 * Near-duplicate ("campaign") grouping, so copies of one robocall campaign or one scripted scheme never
 * sit on both sides of a train/test split. The rules follow the data README: same first 60 normalised
 * characters, or at least half of the shorter text's word 8-grams shared; optionally a looser shingle
 * rule for scripted dialogues that reuse a scheme with new wording.
 */

/** Lowercase, digits removed, punctuation to spaces, whitespace collapsed. */
export function normaliseForGrouping(text: string): string {
  return text
    .toLowerCase()
    .replace(/[0-9]+/g, '')
    .replace(/[^\p{L}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ShingleRule {
  /** Words per shingle. */
  k: number;
  /** Share of the shorter text's shingles that must be shared. */
  minShare: number;
}

export interface GroupingOptions {
  prefixChars: number;
  rules: ShingleRule[];
}

export const CAMPAIGN_GROUPING: GroupingOptions = { prefixChars: 60, rules: [{ k: 8, minShare: 0.5 }] };

/** Union-find over indices, with path halving. */
export class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function shingles(words: string[], k: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + k <= words.length; i++) out.add(words.slice(i, i + k).join(' '));
  return out;
}

/**
 * Returns a group number for each text (the smallest index in its group), linking texts that are
 * near-duplicates under `options`. Uses an inverted index, so only pairs that share a shingle are compared.
 * @example nearDuplicateGroups(['Your car warranty expires 1', 'your car warranty expires 2', 'hello']) // [0, 0, 2]
 */
export function nearDuplicateGroups(
  texts: readonly string[],
  options: GroupingOptions = CAMPAIGN_GROUPING,
): number[] {
  const uf = new UnionFind(texts.length);
  const normalised = texts.map(normaliseForGrouping);
  const byPrefix = new Map<string, number>();
  normalised.forEach((t, i) => {
    if (t.length === 0) return;
    const prefix = t.slice(0, options.prefixChars);
    const first = byPrefix.get(prefix);
    if (first === undefined) byPrefix.set(prefix, i);
    else uf.union(first, i);
  });
  const words = normalised.map((t) => (t === '' ? [] : t.split(' ')));
  for (const rule of options.rules) {
    const sets = words.map((w) => shingles(w, rule.k));
    const index = new Map<string, number[]>();
    sets.forEach((set, i) => {
      for (const s of set) {
        const list = index.get(s);
        if (list) list.push(i);
        else index.set(s, [i]);
      }
    });
    sets.forEach((set, i) => {
      const shared = new Map<number, number>();
      for (const s of set) {
        for (const j of index.get(s)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
      }
      for (const [j, count] of shared) {
        const smaller = Math.min(set.size, sets[j]!.size);
        if (smaller > 0 && count / smaller >= rule.minShare) uf.union(i, j);
      }
    });
  }
  return texts.map((_, i) => uf.find(i));
}

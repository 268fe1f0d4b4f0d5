/**
 * Group k-fold splitting: every group lands in exactly one fold, and folds are balanced per stratum
 * (for example source + label), so each fold holds a fair share of every source.
 */

export interface FoldItem {
  /** Items with the same group always share a fold. */
  group: string | number;
  /** Balance folds on this key (e.g. `${source}|${label}`). */
  stratum: string;
}

/** Small deterministic PRNG (mulberry32) so folds are reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Assigns each item a fold in [0, k). Groups are placed largest first into the fold that holds the
 * fewest items of the group's main stratum (ties: fewest items overall), after a seeded shuffle.
 * @example groupKFold([{ group: 'a', stratum: 's' }, { group: 'a', stratum: 's' }], 5) // both in one fold
 */
export function groupKFold(items: readonly FoldItem[], k: number, seed = 42): number[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError('k must be an integer >= 2');
  const groups = new Map<string | number, number[]>();
  items.forEach((it, i) => {
    const list = groups.get(it.group);
    if (list) list.push(i);
    else groups.set(it.group, [i]);
  });
  const rand = seededRandom(seed);
  const order = [...groups.values()].map((members) => ({ members, tie: rand() }));
  order.sort((a, b) => b.members.length - a.members.length || a.tie - b.tie);
  const perStratum = new Map<string, number[]>();
  const totals = new Array<number>(k).fill(0);
  const folds = new Array<number>(items.length).fill(0);
  for (const { members } of order) {
    const stratum = mainStratum(members.map((i) => items[i]!.stratum));
    let counts = perStratum.get(stratum);
    if (!counts) perStratum.set(stratum, (counts = new Array<number>(k).fill(0)));
    let best = 0;
    for (let f = 1; f < k; f++) {
      if (counts[f]! < counts[best]! || (counts[f] === counts[best] && totals[f]! < totals[best]!)) best = f;
    }
    counts[best]! += members.length;
    totals[best]! += members.length;
    for (const i of members) folds[i] = best;
  }
  return folds;
}

function mainStratum(strata: string[]): string {
  const counts = new Map<string, number>();
  for (const s of strata) counts.set(s, (counts.get(s) ?? 0) + 1);
  let best = strata[0]!;
  for (const [s, c] of counts) if (c > counts.get(best)!) best = s;
  return best;
}

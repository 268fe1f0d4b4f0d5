import { describe, expect, it } from 'vitest';
import { nearDuplicateGroups, normaliseForGrouping, UnionFind } from './near-duplicates.js';
import { groupKFold } from './split.js';

describe('nearDuplicateGroups', () => {
  it('links texts with the same normalised first 60 characters', () => {
    const a = 'This is the Social Security Administration calling about your number 123 suspended';
    const b = 'this is the social security administration calling about your number 987, other ending';
    expect(nearDuplicateGroups([a, b, 'Completely different words here'])).toEqual([0, 0, 2]);
  });

  it('links texts sharing half of the shorter text word 8-grams, transitively', () => {
    const core =
      'your vehicle warranty is about to expire and we have been trying to reach you about it today';
    const a = `Hello there. ${core}`;
    const b = `Final notice. ${core} press one`;
    const c = 'Something unrelated about booking a table for two at eight tonight please';
    const groups = nearDuplicateGroups([a, c, b]);
    expect(groups[0]).toBe(groups[2]);
    expect(groups[1]).not.toBe(groups[0]);
  });

  it('normalises digits, case and punctuation', () => {
    expect(normaliseForGrouping('Call 555-1234 NOW!!  ok')).toBe('call now ok');
  });

  it('union-find merges sets', () => {
    const uf = new UnionFind(4);
    uf.union(0, 1);
    uf.union(2, 3);
    uf.union(1, 3);
    expect(new Set([0, 1, 2, 3].map((i) => uf.find(i))).size).toBe(1);
  });
});

describe('groupKFold', () => {
  it('never puts one group on two sides and balances strata', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({
      group: Math.floor(i / 4),
      stratum: i % 2 === 0 ? 'scam' : 'legit',
    }));
    const folds = groupKFold(items, 5, 1);
    for (let g = 0; g < 25; g++) {
      const f = new Set(folds.filter((_, i) => items[i]!.group === g));
      expect(f.size).toBe(1);
    }
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(4);
  });

  it('is reproducible from its seed', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ group: i, stratum: 's' }));
    expect(groupKFold(items, 3, 7)).toEqual(groupKFold(items, 3, 7));
  });
});

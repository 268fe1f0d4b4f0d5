import { describe, expect, it } from 'vitest';
import { Lru } from './lru.js';

describe('Lru', () => {
  it('evicts the least recently used entry, reads counting as use', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now newest
    lru.set('c', 3); // evicts b
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.size).toBe(2);
  });

  it('keeps the order right when the newest entry is read again and after deletes', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('b');
    lru.get('b');
    lru.set('c', 3); // evicts a, the oldest
    expect(lru.get('a')).toBeUndefined();
    expect(lru.get('b')).toBe(2);
    lru.delete('b');
    lru.set('b', 4);
    lru.set('d', 5); // evicts c
    expect(lru.get('c')).toBeUndefined();
    expect([lru.get('b'), lru.get('d')]).toEqual([4, 5]);
  });

  it('behaves like a reference LRU on random operations', () => {
    let seed = 7;
    // mulberry32: a small seeded generator, so a failure can be replayed.
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const lru = new Lru<number, number>(3);
    const ref: number[] = []; // keys, oldest first
    const values = new Map<number, number>();
    for (let i = 0; i < 5000; i++) {
      const key = rand(6);
      const op = rand(3);
      if (op === 0) {
        lru.set(key, i);
        if (ref.includes(key)) ref.splice(ref.indexOf(key), 1);
        ref.push(key);
        values.set(key, i);
        if (ref.length > 3) values.delete(ref.shift()!);
      } else if (op === 1) {
        const expected = ref.includes(key) ? values.get(key) : undefined;
        if (ref.includes(key)) ref.push(...ref.splice(ref.indexOf(key), 1));
        expect(lru.get(key)).toBe(expected);
      } else {
        lru.delete(key);
        if (ref.includes(key)) ref.splice(ref.indexOf(key), 1);
        values.delete(key);
      }
      expect(lru.size).toBe(ref.length);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { Lru } from './lru.js';

describe('Lru', () => {
  it('evicts the least recently used entry beyond its size', () => {
    const c = new Lru<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.size).toBe(2);
  });

  it('gives used entries a second chance, and evicts the oldest when all were used', () => {
    const c = new Lru<string, number>(3);
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3);
    c.get('a');
    c.get('b');
    c.set('d', 4); // a and b were used: c, the oldest unused, goes
    expect([c.get('a'), c.get('b'), c.get('c'), c.get('d')]).toEqual([1, 2, undefined, 4]);
    // All three now used (order a, b, d): each gets its chance back, then the oldest, a, goes; never the new entry.
    c.set('e', 5);
    expect(c.size).toBe(3);
    expect(c.get('e')).toBe(5);
    expect([c.get('a'), c.get('b'), c.get('d')]).toEqual([undefined, 2, 4]);
  });

  it('replaces the value of a key that is set again, without growing', () => {
    const c = new Lru<string, number>(2);
    c.set('a', 1);
    c.set('a', 2);
    expect(c.get('a')).toBe(2);
    expect(c.size).toBe(1);
  });
});

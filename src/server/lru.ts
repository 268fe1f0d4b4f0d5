/**
 * A small least-recently-used cache for pure, repeatable computations (number checks): hot numbers
 * (the same spam numbers looked up by many call-blocker clients) skip re-parsing. Bounded, so
 * random keys can only evict, never grow memory.
 *
 * @example
 * const cache = new Lru<string, number>(2);
 * cache.get('a') ?? cache.set('a', 1);
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): V {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
    return value;
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * A small bounded cache for pure, repeatable computations (number checks): hot
 * keys (the same spam numbers looked up by many call-blocker clients) skip re-parsing. Bounded, so
 * random keys can only evict, never grow memory.
 *
 * Eviction is least-recently-used by "second chance" (CLOCK): a hit only marks its entry; when the
 * cache is full, the oldest entries that were used since their last chance are moved to the back
 * and the first unused one goes. A hit does not re-insert its key: re-inserting put each request's
 * freshly built key string into the long-lived map, so every hit on GET /v1/numbers kept one more
 * string alive until the next full GC.
 *
 * @example
 * const cache = new Lru<string, number>(2);
 * cache.get('a') ?? cache.set('a', 1);
 */
interface Entry<V> {
  value: V;
  used: boolean;
}

export class Lru<K, V> {
  private readonly map = new Map<K, Entry<V>>();

  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    entry.used = true;
    return entry.value;
  }

  set(key: K, value: V): V {
    // Room is made before the new entry goes in, so it is never the one evicted.
    if (!this.map.delete(key) && this.map.size >= this.max) this.evictOne();
    this.map.set(key, { value, used: false });
    return value;
  }

  get size(): number {
    return this.map.size;
  }

  /** Oldest first: a used entry gets a second chance at the back, the first unused one goes. */
  private evictOne(): void {
    for (const [key, entry] of this.map) {
      this.map.delete(key);
      if (!entry.used) return;
      entry.used = false;
      this.map.set(key, entry);
    }
  }
}

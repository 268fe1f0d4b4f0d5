/**
 * Runs CPU-heavy requests (assess, scan, bulk number checks, caller-ID verification) one per turn of
 * the event loop, in arrival order.
 *
 * Why: libuv hands the server every readable socket at once and Node runs each request to the end,
 * so under load a whole batch (50 assessments, about 15 ms) runs back to back. A client whose next
 * request arrives just after a batch began waits for all of that batch and then its own: at 50
 * connections the assess route's p99 was about twice its mean, and a pure 300 µs busy loop behind
 * Fastify shows the same. With one job per turn the loop polls between jobs, so new requests join
 * the queue as they arrive and are served in that order, and cheap requests (health checks, number
 * lookups, live segments) are answered between two assessments instead of after a batch of them.
 */
export class FairQueue {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;

  /** @param max how many requests may wait; 0 turns the queue off (every request runs at once). */
  constructor(private readonly max: number) {}

  /** Requests waiting for their turn. */
  get length(): number {
    return this.waiting.length;
  }

  /**
   * Resolves when it is this request's turn. Returns `undefined` when the queue is off (run now)
   * and `'full'` when `max` requests already wait (the caller refuses the request).
   */
  turn(): Promise<void> | 'full' | undefined {
    if (this.max === 0) return undefined;
    if (this.waiting.length >= this.max) return 'full';
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.next);
      }
    });
  }

  // The resumed request runs in the microtasks right after this callback, before the loop turns.
  private readonly next = (): void => {
    const resolve = this.waiting.shift();
    this.scheduled = this.waiting.length > 0;
    if (this.scheduled) setImmediate(this.next);
    resolve?.();
  };
}

/**
 * Runs CPU-heavy requests (assess, scan, bulk number checks, caller-ID verification) one per turn of
 * the event loop, in arrival order, and bounds how many may wait.
 *
 * Why: libuv hands the server every readable socket at once and Node runs each request to the end,
 * so under load a whole batch (50 assessments, about 15 ms) ran back to back while later arrivals,
 * health checks included, waited behind it, and some requests were overtaken again and again (the
 * slowest of a 4 s run at 50 connections took up to 453 ms). With one job per turn the loop polls
 * between jobs: requests are served in the order they came, and cheap requests (health checks,
 * number lookups, live segments) are answered between two assessments. The p99 hardly moved: in
 * this app it comes from pauses every waiting request shares (docs/performance.md, "Eighth session").
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

  /** Whether a request asking for a turn now would be refused. */
  get full(): boolean {
    return this.max > 0 && this.waiting.length >= this.max;
  }

  /**
   * Resolves when it is this request's turn. Returns `undefined` when the queue is off (run now)
   * and `'full'` when `max` requests already wait (the caller refuses the request).
   */
  turn(): Promise<void> | 'full' | undefined {
    if (this.max === 0) return undefined;
    if (this.full) return 'full';
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

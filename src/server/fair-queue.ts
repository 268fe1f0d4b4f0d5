/**
 * Runs CPU-heavy requests (assess, scan, bulk number checks, caller-ID verification) in small
 * batches, one batch per turn of the event loop, in arrival order, and bounds how many may wait.
 *
 * Why turns: libuv hands the server every readable socket at once and Node runs each request to the
 * end, so under load a whole batch (50 assessments, about 15 ms) ran back to back while later
 * arrivals, health checks included, waited behind it, and some requests were overtaken again and
 * again (the slowest of a 4 s run at 50 connections took up to 453 ms). Between turns the loop polls:
 * requests are served in the order they came, and cheap requests (health checks, number lookups,
 * live segments) are answered between two batches.
 *
 * Why batches: an assessment that runs right after another costs about half of one that runs after
 * the loop has read and parsed other requests (about 90 against 160 µs of engine time for the
 * bench's 1 KB transcript, measured in one server under load): the engine's code and data are still
 * in the CPU's caches. Up to BATCH_JOBS requests, and BATCH_BYTES of request bodies, per turn took
 * server CPU per assessment from about 267 to about 193 µs and p99 at 50 connections from 17-23 to
 * 13-19 ms (docs/performance.md, "Ninth session"). The byte bound keeps big requests (a 1 MB scan)
 * one per turn, and routes whose cost does not follow their size (bulk number checks, caller-ID
 * verification) ask for a turn of their own (`bytes` Infinity), so a turn still ends after one heavy
 * job.
 */
const BATCH_JOBS = 8;
const BATCH_BYTES = 64 * 1024;

interface Waiting {
  resolve: () => void;
  bytes: number;
}

export class FairQueue {
  private readonly waiting: Waiting[] = [];
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
   * @param bytes the request's size (its body), which bounds how many share a turn
   */
  turn(bytes = 0): Promise<void> | 'full' | undefined {
    if (this.max === 0) return undefined;
    if (this.full) return 'full';
    return new Promise((resolve) => {
      this.waiting.push({ resolve, bytes });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.next);
      }
    });
  }

  // The resumed requests run in the microtasks right after this callback, one after the other,
  // before the loop turns.
  private readonly next = (): void => {
    let jobs = 0;
    let bytes = 0;
    while (jobs < BATCH_JOBS && this.waiting.length > 0) {
      const first = this.waiting[0]!;
      if (jobs > 0 && bytes + first.bytes > BATCH_BYTES) break;
      this.waiting.shift();
      jobs++;
      bytes += first.bytes;
      first.resolve();
    }
    this.scheduled = this.waiting.length > 0;
    if (this.scheduled) setImmediate(this.next);
  };
}

/**
 * Spacing for `callguard live` sends. The server closes a session that sends more than its announced
 * `maxMessagesPerSecond` (1008), so a piped transcript must not go out as one burst. Real-time
 * speech-to-text is far slower than the limit, so spacing never delays it.
 */

/** Used when the server announces no limit (not a CallGuard server, or an older one). */
export const DEFAULT_MESSAGES_PER_SECOND = 10;

/**
 * Sends go at half the limit: the server counts by arrival time, and a network or event-loop stall
 * delivers the messages queued behind it at once. At half the limit a stall of up to about a second
 * still stays under it; speech arrives far slower than that anyway.
 */
const MARGIN = 2;

/** The limit from a `ready` message's `limits`, or the default when it is missing or nonsense. */
export function announcedRate(limits: unknown): number {
  const n = Number((limits as { maxMessagesPerSecond?: unknown } | null)?.maxMessagesPerSecond);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_MESSAGES_PER_SECOND;
}

/** Returns a function to await before each send; it resolves when the next send is allowed. */
export function createPacer(
  maxPerSecond: number,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): () => Promise<void> {
  const gapMs = (1000 / maxPerSecond) * MARGIN;
  let next = 0;
  return async () => {
    const t = now();
    if (next > t) await sleep(next - t);
    next = Math.max(t, next) + gapMs;
  };
}

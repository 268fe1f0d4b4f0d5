import { describe, expect, it } from 'vitest';
import { announcedRate, createPacer, DEFAULT_MESSAGES_PER_SECOND } from './live-pacer.js';

describe('live pacer', () => {
  it('never lets more than the announced rate go out in any second', async () => {
    let clock = 0;
    const sent: number[] = [];
    const pace = createPacer(
      20,
      () => clock,
      async (ms) => {
        clock += ms;
      },
    );
    for (let i = 0; i < 200; i++) {
      await pace();
      sent.push(clock);
    }
    // At most half the limit in any second, so a stall of up to a second that bunches them is still under it.
    for (const t of sent) expect(sent.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(10);
    expect(sent.at(-1)).toBeLessThan(200 * 110); // paced, not stalled
  });

  it('does not delay lines that come slower than the limit', async () => {
    let clock = 0;
    let slept = 0;
    const pace = createPacer(
      20,
      () => clock,
      async (ms) => {
        slept += ms;
      },
    );
    for (let i = 0; i < 10; i++) {
      clock += 500; // speech-to-text: a line every half second
      await pace();
    }
    expect(slept).toBe(0);
  });

  it('reads the limit from the ready message, with a default for a missing one', () => {
    expect(announcedRate({ maxMessagesPerSecond: 5, maxSegmentChars: 2000 })).toBe(5);
    expect(announcedRate(undefined)).toBe(DEFAULT_MESSAGES_PER_SECOND);
    expect(announcedRate({ maxMessagesPerSecond: 0 })).toBe(DEFAULT_MESSAGES_PER_SECOND);
  });
});

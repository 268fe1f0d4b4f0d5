import { describe, expect, it } from 'vitest';
import { FairQueue } from './fair-queue.js';

describe('FairQueue', () => {
  /** Runs jobs of these body sizes through a queue; returns which ran in which turn of the loop. */
  async function turns(sizes: number[]): Promise<number[][]> {
    const q = new FairQueue(100);
    let turn = 0;
    let ticking = true;
    const tick = (): void => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const ran: number[][] = [];
    await Promise.all(
      sizes.map(async (bytes, n) => {
        await q.turn(bytes);
        (ran[turn] ??= []).push(n);
      }),
    );
    ticking = false;
    expect(q.length).toBe(0);
    return ran.filter(Boolean);
  }

  it('gives turns in the order they were asked for, up to 8 small requests per turn of the loop', async () => {
    expect(await turns(Array<number>(20).fill(1024))).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12, 13, 14, 15],
      [16, 17, 18, 19],
    ]);
  });

  it('gives a big request a turn of its own, and stops a batch before the bytes would pass 64 KB', async () => {
    // Infinity: a route whose cost does not follow its size (bulk number checks) runs alone.
    expect(await turns([1024, Infinity, 1024, 1024])).toEqual([[0], [1], [2, 3]]);
    expect(await turns([1024, 1_000_000, 1024, 40_000, 30_000, 1024, 0])).toEqual([
      [0],
      [1],
      [2, 3],
      [4, 5, 6],
    ]);
  });

  it('says full when max requests already wait, and takes more once one has had its turn', async () => {
    const q = new FairQueue(2);
    // Big requests: one per turn.
    const first = q.turn(100_000);
    const second = q.turn(100_000);
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBeInstanceOf(Promise);
    expect(q.turn()).toBe('full');
    await first;
    expect(q.length).toBe(1);
    const third = q.turn();
    expect(third).toBeInstanceOf(Promise);
    await Promise.all([second, third]);
    expect(q.length).toBe(0);
  });

  it('lets every request run at once when max is 0 (the queue is off)', () => {
    const q = new FairQueue(0);
    expect(q.turn()).toBeUndefined();
    expect(q.length).toBe(0);
  });
});

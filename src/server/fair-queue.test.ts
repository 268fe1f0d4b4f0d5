import { describe, expect, it } from 'vitest';
import { FairQueue } from './fair-queue.js';

describe('FairQueue', () => {
  it('gives turns in the order they were asked for, one per turn of the event loop', async () => {
    const q = new FairQueue(10);
    const seen: string[] = [];
    const jobs = [1, 2, 3].map(async (n) => {
      await q.turn();
      seen.push(`job ${n}`);
      // Marks the next turn: all three jobs in one turn would come before every mark.
      setImmediate(() => seen.push(`turn after job ${n}`));
    });
    expect(q.length).toBe(3);
    await Promise.all(jobs);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([
      'job 1',
      'job 2',
      'turn after job 1',
      'job 3',
      'turn after job 2',
      'turn after job 3',
    ]);
    expect(q.length).toBe(0);
  });

  it('says full when max requests already wait, and takes more once one has had its turn', async () => {
    const q = new FairQueue(2);
    const first = q.turn();
    const second = q.turn();
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

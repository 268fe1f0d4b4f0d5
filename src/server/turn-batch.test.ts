import { describe, expect, it } from 'vitest';
import { flushAllAtExit } from './exit-flush.js';
import { TurnBatch } from './turn-batch.js';

function sink() {
  const writes: string[] = [];
  let synced = 0;
  return {
    writes,
    synced: () => synced,
    write: (s: string) => void writes.push(s),
    flushSync: () => void synced++,
  };
}
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('TurnBatch', () => {
  it("hands one turn's lines on as one write, in order, when the loop turns", async () => {
    const dest = sink();
    const batch = new TurnBatch(dest);
    batch.write('a\n');
    batch.write('b\n');
    expect(dest.writes).toEqual([]);
    await turn();
    expect(dest.writes).toEqual(['a\nb\n']);
    batch.write('c\n');
    await turn();
    await turn();
    expect(dest.writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('a log writer that throws loses its lines but does not throw out of the flush', () => {
    const batch = new TurnBatch({
      write: () => {
        throw new Error('SonicBoom destroyed');
      },
    });
    batch.write('lost\n');
    // The same call the turn's setImmediate makes, where a throw would be uncaught.
    expect(() => batch.flush()).not.toThrow();
  });

  it('writes waiting lines and flushes the destination at exit (flushAllAtExit)', () => {
    const dest = sink();
    const batch = new TurnBatch(dest);
    batch.write('last\n');
    flushAllAtExit();
    expect(dest.writes).toEqual(['last\n']);
    expect(dest.synced()).toBe(1);
    flushAllAtExit(); // nothing waits any more
    expect(dest.synced()).toBe(1);
  });
});

describe('TurnBatch at exit', () => {
  it('does not throw when the destination can no longer take lines', () => {
    const batch = new TurnBatch({
      write: () => {
        throw new Error('SonicBoom destroyed');
      },
    });
    batch.write('late\n');
    expect(() => flushAllAtExit()).not.toThrow();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'cg-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NUMBER = '+12025550143';
const DAY = 86_400_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function report(i: number, number = NUMBER) {
  return {
    number,
    direction: 'they-called',
    occurredAt: '2026-11-24T15:30:00Z',
    claimedOrg: 'Microsoft',
    tactics: ['REMOTE_ACCESS_REQUEST'],
    reporterKey: `reporter-key-${String(i).padStart(8, '0')}`,
  };
}

describe('lookups sharing a read snapshot within one event-loop turn', () => {
  it("reads this process's own writes at once, without waiting for the turn to end", async () => {
    const file = join(dir, 'own', 'callguard.db');
    const store = await openStore({ sqliteFile: file, now: () => new Date('2026-11-25T12:00:00Z') });
    try {
      // All in one turn: the second lookup opens the shared snapshot (getMany too), and each write
      // must end it, or the lookups after it read the state before it.
      expect((await store.reputation.get(NUMBER)).reporters).toBe(0);
      await store.reports.create(report(1));
      expect((await store.reputation.get(NUMBER)).reporters).toBe(1);
      await store.reports.create(report(2));
      const [many] = await store.reputation.getMany([NUMBER]);
      expect(many!.reporters).toBe(2);
    } finally {
      await store.close();
    }
  });

  it("sees another process's commit from the next turn, and one consistent view before it", async () => {
    const file = join(dir, 'other', 'callguard.db');
    const store = await openStore({ sqliteFile: file, now: () => new Date('2026-11-25T12:00:00Z') });
    await store.reports.create(report(1));
    const other = new BetterSqlite3(file); // stands for a second process (e.g. an import)
    try {
      // A turn's first lookup runs alone; the second opens the snapshot the rest of the turn shares.
      expect((await store.reputation.get(NUMBER)).reporters).toBe(1);
      expect((await store.reputation.get(NUMBER)).reporters).toBe(1);
      other.prepare('UPDATE number_reputation SET reporters = 7 WHERE number = ?').run(NUMBER);
      // Same turn: the snapshot still holds.
      expect((await store.reputation.get(NUMBER)).reporters).toBe(1);
      await nextTurn();
      expect((await store.reputation.get(NUMBER)).reporters).toBe(7);
      // A list opens the shared view at once (it is read before the update below, which the lookup
      // after it, in the same turn, must not see).
      await nextTurn();
      const before = store.reputation.getMany([NUMBER, NUMBER]);
      other.prepare('UPDATE number_reputation SET reporters = 9 WHERE number = ?').run(NUMBER);
      expect((await before).map((r) => r.reporters)).toEqual([7, 7]);
      expect((await store.reputation.get(NUMBER)).reporters).toBe(7);
      await nextTurn();
      // The writer can always commit while a snapshot is held (WAL): nothing waits on the reader.
      other.prepare('UPDATE number_reputation SET reporters = 8 WHERE number = ?').run(NUMBER);
      await nextTurn();
      expect((await store.reputation.getByHash((await store.reputation.get(NUMBER)).sha256))?.reporters).toBe(
        8,
      );
    } finally {
      other.close();
      await store.close();
    }
  });
});

/** The per-turn memo of the SQLite lookups (reputation-repo.ts): nothing a caller sees may change because of it. */
describe('repeated lookups of a number in one turn', () => {
  it('decay the score to the time of each lookup, not of the first', async () => {
    let now = Date.parse('2026-11-25T12:00:00Z');
    const store = await openStore({ sqliteFile: join(dir, 'clock', 'c.db'), now: () => new Date(now) });
    try {
      for (let i = 0; i < 5; i++) await store.reports.create(report(i));
      await nextTurn();
      const first = await store.reputation.get(NUMBER);
      expect(first.level).toBe('confirmed-scam');
      now += 90 * DAY; // one half-life, in the same turn
      const later = await store.reputation.get(NUMBER);
      expect(later.score).toBeCloseTo(first.score / 2, 2);
      expect(later.level).toBe('likely-scam');
      expect(first.level).toBe('confirmed-scam'); // an earlier answer is not changed either
    } finally {
      await store.close();
    }
  });

  it('share one frozen answer: nothing a caller could change under another', async () => {
    const store = await openStore({ sqliteFile: join(dir, 'shared', 's.db') });
    try {
      await store.reports.create(report(1));
      await nextTurn();
      const a = await store.reputation.get(NUMBER);
      const b = await store.reputation.get(NUMBER); // the turn's first read ran alone, this one opens its snapshot
      const c = await store.reputation.get(NUMBER);
      expect(c).toBe(b); // the same row, score and level in one snapshot: the same answer
      expect(c).toEqual(a);
      expect(Object.isFrozen(a)).toBe(true);
      expect(() => (a.topBrands as unknown[]).push({ brand: 'x', reporters: 9 })).toThrow(TypeError);
      expect(() => {
        (a.feeds as { reports: number }).reports = 99;
      }).toThrow(TypeError);
      expect(() => {
        (a.topBrands[0] as { reporters: number }).reporters = 99;
      }).toThrow(TypeError);
      expect(() => {
        a.reporters = 42;
      }).toThrow(TypeError);
      expect(b.reporters).toBe(1);
      expect((await store.reputation.get(NUMBER)).topBrands).toEqual([{ brand: 'microsoft', reporters: 1 }]);
    } finally {
      await store.close();
    }
  });

  it('give the same answers as lookups in turns of their own, for many numbers at once', async () => {
    const file = join(dir, 'many', 'm.db');
    const now = () => new Date('2026-11-25T12:00:00Z');
    const store = await openStore({ sqliteFile: file, now });
    const other = new BetterSqlite3(file); // stands for a second process
    try {
      const numbers = Array.from({ length: 1500 }, (_, i) => `+1202555${String(i).padStart(4, '0')}`);
      for (let i = 0; i < 30; i++) await store.reports.create(report(i, numbers[i * 7]!));
      await nextTurn();
      // One turn: more numbers than the memo keeps, each asked twice.
      const together = await Promise.all([...numbers, ...numbers].map((n) => store.reputation.get(n)));
      const alone: unknown[] = [];
      for (const n of numbers) {
        await nextTurn();
        alone.push(await store.reputation.get(n));
      }
      expect(together).toEqual([...alone, ...alone]);
      // Another process's change is seen from the next turn, as without the memo: the turn's second
      // lookup opens its snapshot, which holds until the turn ends.
      await nextTurn();
      expect((await store.reputation.get(numbers[0]!)).reporters).toBe(1);
      expect((await store.reputation.get(numbers[0]!)).reporters).toBe(1);
      other.prepare('UPDATE number_reputation SET reporters = 7 WHERE number = ?').run(numbers[0]);
      expect((await store.reputation.get(numbers[0]!)).reporters).toBe(1);
      await nextTurn();
      expect((await store.reputation.get(numbers[0]!)).reporters).toBe(7);
      // A turn's first lookup runs before its snapshot opens: the second sees what was committed
      // in between (and then holds it), as it did without the memo.
      await nextTurn();
      expect((await store.reputation.get(numbers[0]!)).reporters).toBe(7);
      other.prepare('UPDATE number_reputation SET reporters = 8 WHERE number = ?').run(numbers[0]);
      expect((await store.reputation.get(numbers[0]!)).reporters).toBe(8);
      const [listed] = await store.reputation.getMany([numbers[0]!]);
      expect(listed!.reporters).toBe(8);
      // This process's own write is seen at once, in the same turn.
      expect((await store.reputation.get(numbers[1]!)).reporters).toBe(0);
      await store.reports.create(report(99, numbers[1]!));
      expect((await store.reputation.get(numbers[1]!)).reporters).toBe(1);
    } finally {
      other.close();
      await store.close();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'cg-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NUMBER = '+12025550143';
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function report(i: number) {
  return {
    number: NUMBER,
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

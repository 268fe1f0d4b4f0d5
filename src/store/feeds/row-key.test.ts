import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keyMinutes } from './row-key.js';

describe('keyMinutes', () => {
  it("agrees with SQLite's strftime, which migration 003 uses to rewrite stored keys", () => {
    const db = new BetterSqlite3(':memory:');
    const sqlite = db.prepare<[string], { m: number | null }>(
      "SELECT CAST(strftime('%s', substr(?, 1, 16)) AS INTEGER) / 60 AS m",
    );
    for (const at of [
      '2021-07-07T00:01:15.000Z',
      '2021-02-31T10:00', // rolls over to 3 March in both
      '2021-04-31T12:00',
      '2021-07-07T24:00', // the next day's midnight in both
      '1970-01-01T00:00',
      '2021-13-01T00:00',
      '2021-00-10T00:00',
      '2021-07-00T00:00',
      '2021-07-32T00:00',
      '2021-07-07T25:00',
      '2021-07-07T23:60',
    ]) {
      const m = sqlite.get(at)!.m;
      expect(keyMinutes(at), at).toBe(m ?? -1);
    }
    db.close();
  });
});

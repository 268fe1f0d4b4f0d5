import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCaseRepositoryContract } from './repository.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'cg-cases-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runCaseRepositoryContract('sqlite', () => openStore({ sqliteFile: join(dir, `db-${++n}`, 'callguard.db') }));

describe('case deletion on SQLite leaves no trace on disk', () => {
  const MARKER = 'ZQXJ-unique-marker-of-a-deleted-case-7731';
  const onDisk = (file: string) =>
    [file, `${file}-wal`].some((f) => existsSync(f) && readFileSync(f).includes(Buffer.from(MARKER)));

  it('the text is in the files before the delete and in neither the database nor the WAL after', async () => {
    const file = join(dir, 'wipe', 'callguard.db');
    const store = await openStore({ sqliteFile: file });
    try {
      const notes = `${MARKER} `.repeat(50);
      const c = await store.cases.create({
        summary: notes,
        items: [{ kind: 'call', at: '2020-01-01', direction: 'incoming', notes, claimedOrg: MARKER }],
      });
      // Control: the test can see the text when it is there.
      expect(onDisk(file)).toBe(true);
      await store.cases.delete(c.id);
      expect(onDisk(file)).toBe(false);
    } finally {
      await store.close();
    }
    expect(onDisk(file)).toBe(false);
  });
});

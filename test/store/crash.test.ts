/**
 * Crash safety: an import killed with SIGKILL half-way leaves nothing visible, and a rerun
 * completes. Runs on SQLite, and on PostgreSQL when it is installed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { replicateFtc } from './fixtures/replicate-ftc.js';

const ROWS = 40_000;
const KILL_AFTER_ROWS = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'cg-crash-'));
const file = join(dir, 'ftc.csv');
let pg: PostgresServer | null = null;

beforeAll(async () => {
  await replicateFtc(file, ROWS);
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the import in a child process and SIGKILLs it once it has inserted some rows. */
function importAndKill(target: string): Promise<{ killedAt: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures/import-child.ts'), file, target],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let rows = 0;
    let finished = false;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) {
        if (line === 'done') finished = true;
        const m = /^rows (\d+)/.exec(line);
        if (m) rows = Number(m[1]);
      }
      if (rows >= KILL_AFTER_ROWS && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && !finished) reject(new Error(`child exited ${code}: ${stderr}`));
      else resolve({ killedAt: rows, finished });
    });
  });
}

async function visible(store: Store) {
  const entries = await store.db
    .selectFrom('feed_entries')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const imports = await store.db.selectFrom('feed_imports').selectAll().execute();
  const rep = await store.db
    .selectFrom('number_reputation')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return { entries: Number(entries.n), imports: imports.length, numbers: Number(rep.n) };
}

const targets: [string, () => Promise<string | null>][] = [
  ['sqlite', async () => join(mkdtempSync(join(dir, 'db-')), 'callguard.db')],
  ['postgres', async () => (pg ? pg.newDatabase() : null)],
];

describe.each(targets)('import killed half-way (%s)', (_name, makeTarget) => {
  it('leaves no partial state, and a rerun completes', { timeout: 180_000 }, async () => {
    const target = await makeTarget();
    if (target === null) return; // startPostgres already warned loudly (and throws under CI=true)
    const open = () =>
      openStore(target.startsWith('postgres') ? { databaseUrl: target } : { sqliteFile: target });
    // Create the schema first, so the kill lands in the import and not in the migrations.
    await (await open()).close();

    const run = await importAndKill(target);
    expect(run.finished).toBe(false);
    expect(run.killedAt).toBeGreaterThanOrEqual(KILL_AFTER_ROWS);

    const store = await open();
    try {
      expect(await visible(store)).toEqual({ entries: 0, imports: 0, numbers: 0 });
      const res = await store.feeds.importFtcDnc({ path: file });
      expect(res.alreadyImported).toBe(false);
      expect(res.rows).toBe(ROWS);
      expect(res.imported + res.duplicates + res.malformed).toBe(ROWS);
      const after = await visible(store);
      expect(after.entries).toBe(res.imported);
      expect(after.imports).toBe(1);
      expect((await store.feeds.importFtcDnc({ path: file })).alreadyImported).toBe(true);
      expect(await visible(store)).toEqual(after);
    } finally {
      await store.close();
    }
  });
});

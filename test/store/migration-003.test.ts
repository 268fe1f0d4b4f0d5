/**
 * Migration 003 rewrites the feed content keys of rows imported before it, so re-importing an old
 * file still adds nothing: rows are stored the old way (002 schema, hash-only keys), the store is
 * opened (migrating), and the same rows are imported again from another file. SQLite and PostgreSQL.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftcDncParser } from '../../src/store/feeds/ftc-dnc.js';
import { openStore } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { FTC_FILE } from './contract.js';
import { pre003RowKey } from '../support/pre-003-row-key.js';

const dir = mkdtempSync(join(tmpdir(), 'cg-m003-'));
let server: PostgresServer | null = null;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const lines = readFileSync(FTC_FILE, 'utf8').split('\r\n');
const header = lines[0]!;
const sample = lines.slice(1, 301).filter((l) => l.length > 0);
const parser = ftcDncParser();
const rows = sample.flatMap((line) => {
  const r = parser.parse(line);
  return r && 'rowKey' in r ? [{ line, ...r }] : [];
});
// One undated row as a generic list would store it (its key takes the other branch).
const undated = { key: pre003RowKey('partner', '+12025550111\u0001refund\u0001'), number: '+12025550111' };

/** A database at migration 002 holding `rows` with their old keys. */
async function atMigration002(db: Kysely<unknown>): Promise<void> {
  const { error } = await new Migrator({
    db,
    provider: {
      getMigrations: async () => ({
        '001-core': MIGRATIONS['001-core']!,
        '100-cases': MIGRATIONS['100-cases']!,
        '002-feed-aggregates': MIGRATIONS['002-feed-aggregates']!,
      }),
    },
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  if (error) throw error;
  await sql`INSERT INTO feed_imports (source, file_name, sha256, rows_total, rows_imported, rows_duplicate,
    rows_malformed, started_at, finished_at) VALUES ('ftc-dnc', 'old.csv', 'x', 0, 0, 0, 0, '', '')`.execute(
    db,
  );
  for (const r of rows) {
    await sql`INSERT INTO feed_entries (row_key, source, number, occurred_at, category, region, robocall, import_id)
      VALUES (${String(pre003RowKey('ftc-dnc', r.line))}, 'ftc-dnc', ${r.number}, ${r.occurredAt}, ${r.category},
        ${r.region}, ${r.robocall}, 1)`.execute(db);
  }
  await sql`INSERT INTO feed_entries (row_key, source, number, occurred_at, category, region, robocall, import_id)
    VALUES (${String(undated.key)}, 'partner', ${undated.number}, NULL, 'refund', NULL, NULL, 1)`.execute(db);
}

const targets: [
  string,
  () => Promise<{ kysely: Kysely<unknown>; open: () => ReturnType<typeof openStore> } | null>,
][] = [
  [
    'sqlite',
    async () => {
      const file = join(mkdtempSync(join(dir, 'db-')), 'callguard.db');
      return {
        kysely: new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) }),
        open: () => openStore({ sqliteFile: file }),
      };
    },
  ],
  [
    'postgres',
    async () => {
      if (!server) return null;
      const url = await server.newDatabase();
      return {
        kysely: new Kysely({
          dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }),
        }),
        open: () => openStore({ databaseUrl: url }),
      };
    },
  ],
];

describe.each(targets)('migration 003 (%s)', (_name, make) => {
  it('rewrites stored keys as the importer now computes them: old rows re-imported add nothing', async () => {
    const t = await make();
    if (t === null) return; // startPostgres already warned loudly (and throws under CI=true)
    await atMigration002(t.kysely);
    await t.kysely.destroy();

    const store = await t.open();
    try {
      // As text: SQLite hands 64-bit integers to Kysely as (rounded) numbers.
      const stored = await store.db
        .selectFrom('feed_entries')
        .select(sql<string>`CAST(row_key AS TEXT)`.as('row_key'))
        .orderBy('id')
        .execute();
      expect(stored).toHaveLength(rows.length + 1);
      expect(stored.slice(0, rows.length).map((s) => BigInt(s.row_key))).toEqual(rows.map((r) => r.rowKey));
      // Undated: the old key with the sign bit set.
      expect(BigInt(stored[rows.length]!.row_key)).toBe(undated.key | -(1n << 63n));

      // The same rows in a new file (plus one new row): only the new row is imported.
      const file = join(dir, `again-${Date.now()}.csv`);
      const fresh = '2025550143,2021-07-07 10:00:00,2021-07-06 09:00:00,Town,Texas,210,Other,Y';
      writeFileSync(file, [header, ...sample, fresh].join('\r\n') + '\r\n');
      const res = await store.feeds.importFtcDnc({ path: file });
      expect(res.imported).toBe(1);
      expect(res.duplicates).toBe(rows.length);
    } finally {
      await store.close();
    }
  });
});

import { sql, type Kysely, type RawBuilder } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Feed content keys lead with the row's minute (src/store/feeds/row-key.ts), so an import's rows
 * go into neighbouring pages of the key index instead of random ones. Existing keys are rewritten
 * from what is stored (the old 64-bit hash and occurred_at), exactly as the new code keys the same
 * rows, so re-importing an old file still adds nothing.
 *
 * dated (occurred_at "YYYY-MM-DDTHH:MM…", minute m in [0, 2^27)): (m << 36) | (old & (2^36 - 1))
 * undated:                                                         old | (1 << 63)
 */
const SHAPE_GLOB = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]*';
const LOW_36 = 68_719_476_735;
const MAX_MINUTES = 134_217_728;

function newKey(minutes: RawBuilder<unknown>, signBit: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`CASE WHEN ${minutes} >= 0 AND ${minutes} < ${sql.lit(MAX_MINUTES)}
    THEN (${minutes} << 36) | (row_key & ${sql.lit(LOW_36)}) ELSE row_key | ${signBit} END`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    // Minutes by date arithmetic (PostgreSQL rejects 2021-02-31 as a date; SQLite and JS roll it over).
    // Out-of-range fields (month 13, hour 25; hour 24 is the next day) are undated, as SQLite's strftime and the importer say.
    const minutes = sql`(CASE WHEN occurred_at ~ '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-4]):[0-5]\\d' THEN
      extract(epoch FROM (to_date(substr(occurred_at, 1, 7), 'YYYY-MM')
        + (substr(occurred_at, 9, 2)::int - 1))::timestamp)::bigint / 60
      + substr(occurred_at, 12, 2)::bigint * 60 + substr(occurred_at, 15, 2)::bigint END)`;
    const unique = await sql<{ conname: string }>`
      SELECT conname FROM pg_constraint WHERE conrelid = 'feed_entries'::regclass AND contype = 'u'
    `.execute(db);
    for (const c of unique.rows) {
      await sql`ALTER TABLE feed_entries DROP CONSTRAINT ${sql.id(c.conname)}`.execute(db);
    }
    await sql`UPDATE feed_entries SET row_key = ${newKey(minutes, sql`(1::bigint << 63)`)}`.execute(db);
    // Two old keys meeting in one new key (1 in 69 billion per pair within a minute): keep the first.
    await sql`DELETE FROM feed_entries a USING feed_entries b WHERE a.row_key = b.row_key AND a.id > b.id`.execute(
      db,
    );
    await sql`ALTER TABLE feed_entries ADD CONSTRAINT feed_entries_row_key_key UNIQUE (row_key)`.execute(db);
    return;
  }
  // SQLite: the key's unique index cannot be dropped alone (it belongs to the column), so the table
  // is rebuilt with the same columns, rows copied in id order with their new keys.
  const minutes = sql`(CASE WHEN occurred_at GLOB ${SHAPE_GLOB}
    THEN CAST(strftime('%s', substr(occurred_at, 1, 16)) AS INTEGER) / 60 END)`;
  await sql`CREATE TABLE feed_entries_new (
    id integer PRIMARY KEY, row_key bigint NOT NULL UNIQUE, source text NOT NULL, number text NOT NULL,
    occurred_at text, category text, region text, robocall integer, import_id bigint NOT NULL
  )`.execute(db);
  await sql`INSERT OR IGNORE INTO feed_entries_new
    SELECT id, ${newKey(minutes, sql`(-9223372036854775807 - 1)`)}, source, number, occurred_at, category,
      region, robocall, import_id
    FROM feed_entries ORDER BY id`.execute(db);
  await sql`DROP TABLE feed_entries`.execute(db);
  await sql`ALTER TABLE feed_entries_new RENAME TO feed_entries`.execute(db);
}

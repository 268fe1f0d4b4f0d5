import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Feed rows with one index (their content key) instead of three, and per-number feed counts kept
 * in feed_numbers, so a bulk import costs one random-order index insert per row. Feed data
 * imported under 001 is dropped (re-import the files; imports are idempotent).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema.dropTable('feed_entries').ifExists().execute();
  await sql`DELETE FROM feed_imports`.execute(db);
  await sql`UPDATE number_reputation SET feed_reports = 0, feed_first_seen = NULL, feed_last_seen = NULL`.execute(
    db,
  );
  await sql`DELETE FROM number_reputation WHERE reports = 0 AND not_scam = 0`.execute(db);

  // Rows are appended in rowid order; only the 8-byte content key goes into a random-order index.
  await db.schema
    .createTable('feed_entries')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => c.primaryKey())
    .addColumn('row_key', 'bigint', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('category', 'text')
    .addColumn('region', 'text')
    .addColumn('robocall', 'integer')
    .addColumn('import_id', 'bigint', (c) => c.notNull())
    .execute();

  let numbers = db.schema
    .createTable('feed_numbers')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .addPrimaryKeyConstraint('feed_numbers_pk', ['number', 'source', 'category']);
  if (!pg) numbers = numbers.modifyEnd(sql`WITHOUT ROWID`);
  await numbers.execute();

  if (!pg) {
    // SQLite: the reputation cache keyed by number alone (one B-tree fewer per number written).
    await sql`CREATE TABLE number_reputation_new (
      number text PRIMARY KEY, sha256 text NOT NULL UNIQUE, reports integer NOT NULL DEFAULT 0,
      reporters integer NOT NULL DEFAULT 0, not_scam integer NOT NULL DEFAULT 0,
      feed_reports integer NOT NULL DEFAULT 0, first_seen text, last_seen text, feed_first_seen text,
      feed_last_seen text, score real NOT NULL DEFAULT 0, score_at text NOT NULL,
      top_tactics text NOT NULL DEFAULT '[]', top_brands text NOT NULL DEFAULT '[]',
      version bigint NOT NULL, updated_at text NOT NULL
    ) WITHOUT ROWID`.execute(db);
    await sql`INSERT INTO number_reputation_new SELECT number, sha256, reports, reporters, not_scam, feed_reports,
      first_seen, last_seen, feed_first_seen, feed_last_seen, score, score_at, top_tactics, top_brands, version,
      updated_at FROM number_reputation`.execute(db);
    await sql`DROP TABLE number_reputation`.execute(db);
    await sql`ALTER TABLE number_reputation_new RENAME TO number_reputation`.execute(db);
    await sql`CREATE INDEX number_reputation_version ON number_reputation (version, number)`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feed_numbers').ifExists().execute();
}

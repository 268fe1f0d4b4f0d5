import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/** Reports, "not a scam" votes, the per-number reputation cache and public feed rows. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('number_source', 'text')
    .addColumn('claimed_org', 'text')
    .addColumn('brand', 'text')
    .addColumn('amount_lost', pg ? 'double precision' : 'real')
    .addColumn('currency', 'text')
    .addColumn('country', 'text')
    .addColumn('region', 'text')
    .addColumn('text', 'text')
    .addColumn('redactions', 'text')
    .addColumn('reporter_hash', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_reason', 'text')
    .execute();
  await db.schema.createIndex('reports_number').on('reports').columns(['number', 'hidden']).execute();
  await db.schema.createIndex('reports_week').on('reports').columns(['week', 'hidden']).execute();

  await db.schema
    .createTable('report_items')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_items_pk', ['report_id', 'kind', 'value'])
    .execute();
  await db.schema.createIndex('report_items_value').on('report_items').columns(['kind', 'value']).execute();

  await db.schema
    .createTable('not_scam_votes')
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('voter_hash', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('not_scam_votes_pk', ['number', 'voter_hash'])
    .execute();

  await db.schema
    .createTable('number_reputation')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('reports', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reporters', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_scam', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('feed_reports', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_seen', 'text')
    .addColumn('last_seen', 'text')
    .addColumn('feed_first_seen', 'text')
    .addColumn('feed_last_seen', 'text')
    .addColumn('score', pg ? 'double precision' : 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('score_at', 'text', (c) => c.notNull())
    .addColumn('top_tactics', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('top_brands', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('number_reputation_version')
    .on('number_reputation')
    .columns(['version', 'number'])
    .execute();

  await db.schema
    .createTable('feed_imports')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('rows_total', 'integer', (c) => c.notNull())
    .addColumn('rows_imported', 'integer', (c) => c.notNull())
    .addColumn('rows_duplicate', 'integer', (c) => c.notNull())
    .addColumn('rows_malformed', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('feed_imports_file', ['source', 'sha256'])
    .execute();

  await db.schema
    .createTable('feed_entries')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) =>
      pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('row_key', 'bigint', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('category', 'text')
    .addColumn('region', 'text')
    .addColumn('robocall', 'integer')
    .addColumn('import_id', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feed_entries_number').on('feed_entries').column('number').execute();

  // The change counter: one row, bumped inside each writing transaction, so versions are handed out
  // in commit order (a sync client that has seen version N has seen every change up to N).
  await sql`INSERT INTO meta (key, value) VALUES ('change_version', '0')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'feed_entries',
    'feed_imports',
    'number_reputation',
    'not_scam_votes',
    'report_items',
    'reports',
    'meta',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}

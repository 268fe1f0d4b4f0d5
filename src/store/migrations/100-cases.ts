import type { Kysely } from 'kysely';

/**
 * Case files (src/cases). One row per case plus one row per item; the validated item is kept as
 * JSON (its shape is the zod schema in src/cases/schema.ts, so a new field needs no migration).
 * Deleting a case deletes every row; see src/store/case-repository.ts for how freed space is wiped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    /** Title, victim, filer and summary as JSON (summary redacted). */
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_items')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text')
    /** The validated item as JSON (free text redacted). */
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_items_pk', ['case_id', 'item_id'])
    .execute();
  await db.schema
    .createIndex('case_items_position')
    .on('case_items')
    .columns(['case_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_items').execute();
  await db.schema.dropTable('cases').execute();
}

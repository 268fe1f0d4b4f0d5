import { PostgresAdapter, type Kysely } from 'kysely';

/** True when the Kysely instance talks to PostgreSQL (migrations use it for the few type differences). */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

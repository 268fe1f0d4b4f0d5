import { createHmac } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './schema.js';
import type { Knowledge } from './official.js';
import type { ReadSnapshot } from './read-snapshot.js';

/** What every repository shares. Internal to src/store. */
export interface StoreContext {
  kind: 'sqlite' | 'postgres';
  db: Kysely<Database>;
  /**
   * SQLite only: the writer handle (used under Kysely's connection lock), a read-only handle, and the
   * read transaction its lookups share within one event-loop turn (enter it before reading).
   */
  raw?: { writer: BetterSqlite3.Database; reader: BetterSqlite3.Database; snapshot: ReadSnapshot };
  now(): Date;
  knowledge: Knowledge;
  /** Per-database random salt for reporter-key hashes. */
  salt: string;
}

export type Tx = Kysely<Database> | Transaction<Database>;

/** Keyed hash of an anonymous reporter token: the token itself is never stored. */
export function reporterHash(ctx: StoreContext, key: string): string {
  return createHmac('sha256', ctx.salt).update(key).digest('hex');
}

/** Keyed hash of a report's network, or null without one ("net:" keeps it apart from reporter keys). */
export function networkHash(ctx: StoreContext, network: string | undefined): string | null {
  return network === undefined ? null : reporterHash(ctx, `net:${network}`);
}

/**
 * Runs fn in one write transaction. SQLite takes the write lock up front (BEGIN IMMEDIATE) so two
 * processes queue on the busy timeout instead of failing on lock upgrade.
 */
export async function writeTx<T>(ctx: StoreContext, fn: (trx: Tx) => Promise<T>): Promise<T> {
  if (ctx.kind === 'postgres') return ctx.db.transaction().execute(fn);
  return ctx.db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (err) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

/** Next change version, taken inside the caller's transaction (row lock = commit order). */
export async function nextVersion(trx: Tx): Promise<number> {
  const row = await sql<{ value: string | number }>`
    UPDATE meta SET value = CAST(CAST(value AS bigint) + 1 AS text) WHERE key = 'change_version' RETURNING value
  `.execute(trx);
  return Number(row.rows[0]!.value);
}

import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CallGuardSqliteDialect } from './sqlite-dialect.js';

describe('CallGuardSqliteDialect', () => {
  it('rolls a failed migration back whole: no half-built table, not recorded, and it runs again', async () => {
    const raw = new BetterSqlite3(':memory:');
    const db = new Kysely<unknown>({ dialect: new CallGuardSqliteDialect({ database: raw }) });
    let fail = true;
    const migrator = new Migrator({
      db,
      provider: {
        getMigrations: async () => ({
          '001-rebuild': {
            async up(trx: Kysely<unknown>) {
              await sql`CREATE TABLE t_new (id integer PRIMARY KEY)`.execute(trx);
              await sql`INSERT INTO t_new VALUES (1)`.execute(trx);
              if (fail) throw new Error('killed half-way');
              await sql`ALTER TABLE t_new RENAME TO t`.execute(trx);
            },
          },
        }),
      },
    });
    const first = await migrator.migrateToLatest();
    expect(first.error).toBeInstanceOf(Error);
    const tables = () =>
      raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 't%'")
        .all()
        .map((r) => (r as { name: string }).name);
    expect(tables()).toEqual([]);

    fail = false;
    const second = await migrator.migrateToLatest();
    expect(second.error).toBeUndefined();
    expect(second.results?.map((r) => r.status)).toEqual(['Success']);
    expect(tables()).toEqual(['t']);
    await db.destroy();
  });
});

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { CallGuardError } from '../errors/catalogue.js';
import { createBlocklistRepository } from './blocklist-repo.js';
import { createCaseRepository } from './case-repository.js';
import { redactUrl } from './config.js';
import type { StoreContext } from './context.js';
import { createFeedRepository } from './feeds-repo.js';
import { MIGRATIONS } from './migrations/index.js';
import { createReadSnapshot } from './read-snapshot.js';
import { CallGuardSqliteDialect } from './sqlite-dialect.js';
import type { Knowledge } from './official.js';
import { createReportRepository } from './reports-repo.js';
import { createReputationRepository } from './reputation-repo.js';
import type { Database } from './schema.js';
import { createStatsRepository } from './stats-repo.js';
import type { Store } from './types.js';
import { defaultKnowledge } from './knowledge.js';

export interface OpenStoreOptions {
  /** SQLite file (created with its directory). Ignored when databaseUrl is set. */
  sqliteFile?: string;
  /** postgres://… */
  databaseUrl?: string;
  /** SQLite: how long a writer waits for another process's write lock. */
  busyTimeoutMs?: number;
  /** Clock (tests). */
  now?: () => Date;
  /** Official numbers and organisation names (defaults to src/knowledge). */
  knowledge?: Knowledge;
}

function unavailable(what: string, err: unknown): CallGuardError {
  const reason = err instanceof Error ? err.message : String(err);
  return new CallGuardError('CG_STORE_UNAVAILABLE', `${what}: ${reason}`, { cause: err });
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    // Storage (001+) and cases (100+) migrations are added independently.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw unavailable(`Database migration ${failed ?? ''} failed`.replace('  ', ' '), error);
  }
}

async function reporterSalt(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('meta')
    .values({ key: 'reporter_salt', value: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'reporter_salt')
    .executeTakeFirstOrThrow();
  return row.value;
}

/**
 * Opens the store and brings its schema up to date. PostgreSQL when `databaseUrl` is given, else
 * SQLite (WAL mode) at `sqliteFile`.
 *
 * @example
 * const store = await openStore({ sqliteFile: './data/callguard.db' });
 * const rep = await store.reputation.lookup('+1 800 555 0199');
 * await store.close();
 */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const now = opts.now ?? (() => new Date());
  const knowledge = opts.knowledge ?? (await defaultKnowledge());
  let ctx: StoreContext;
  let closeExtra = async () => {};

  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    pool.on('error', () => undefined); // idle client errors surface on the next query instead
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await migrate(db);
    } catch (err) {
      await db.destroy().catch(() => undefined);
      if (err instanceof CallGuardError) throw err;
      throw unavailable(`Cannot use PostgreSQL at ${redactUrl(opts.databaseUrl)}`, err);
    }
    ctx = { kind: 'postgres', db, now, knowledge, salt: await reporterSalt(db) };
  } else {
    const file = opts.sqliteFile;
    if (!file) throw new CallGuardError('CG_CONFIG_INVALID', 'openStore needs sqliteFile or databaseUrl.');
    let writer: BetterSqlite3.Database;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writer = new BetterSqlite3(file);
      writer.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
      writer.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a power cut may lose the last commits but never corrupts or half-applies one.
      writer.pragma('synchronous = NORMAL');
      writer.pragma('foreign_keys = ON');
      writer.pragma('cache_size = -65536');
    } catch (err) {
      throw unavailable(`Cannot open the SQLite database "${file}"`, err);
    }
    // Every write ends the readers' shared snapshot, so this process reads its own writes at once.
    let afterWrite = (): void => undefined;
    const dialect = new CallGuardSqliteDialect({ database: writer }, () => afterWrite());
    const db = new Kysely<Database>({ dialect });
    try {
      await migrate(db);
    } catch (err) {
      await db.destroy().catch(() => undefined);
      if (err instanceof CallGuardError) throw err;
      throw unavailable(`Cannot prepare the SQLite database "${file}"`, err);
    }
    const salt = await reporterSalt(db);
    const reader = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    reader.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    // Lookups are the hot path: keep pages in memory and read the file through mmap (no syscalls).
    reader.pragma('cache_size = -65536');
    reader.pragma('mmap_size = 268435456');
    const snapshot = createReadSnapshot(reader);
    afterWrite = snapshot.end;
    closeExtra = async () => {
      snapshot.end();
      reader.close();
    };
    ctx = { kind: 'sqlite', db, raw: { writer, reader, snapshot }, now, knowledge, salt };
  }

  const c = ctx;
  let closed = false;
  return {
    kind: c.kind,
    db: c.db,
    reports: createReportRepository(c),
    reputation: createReputationRepository(c),
    feeds: createFeedRepository(c),
    blocklist: createBlocklistRepository(c),
    stats: createStatsRepository(c),
    cases: createCaseRepository(c),
    async ready() {
      try {
        await sql`SELECT 1`.execute(c.db);
      } catch (err) {
        throw unavailable('The database does not answer', err);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await closeExtra();
      await c.db.destroy();
    },
  };
}

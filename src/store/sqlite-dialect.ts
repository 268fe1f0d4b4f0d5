import {
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';

/**
 * SQLite runs schema changes inside transactions, but Kysely's adapter says it cannot, so its
 * migrator would run each migration statement by statement: a process killed while a migration
 * rebuilds a table (002, 003) would leave the schema half-changed and unable to start. With this
 * adapter each migration and its bookkeeping row commit together or not at all.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** Tells the store when the writer connection is released: any write it made is committed by then. */
class NotifyingSqliteDriver extends SqliteDriver {
  readonly #afterRelease: () => void;
  constructor(config: SqliteDialectConfig, afterRelease: () => void) {
    super(config);
    this.#afterRelease = afterRelease;
  }
  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.#afterRelease();
  }
}

export class CallGuardSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #afterRelease: () => void;
  constructor(config: SqliteDialectConfig, afterRelease: () => void = () => undefined) {
    super(config);
    this.#config = config;
    this.#afterRelease = afterRelease;
  }
  override createDriver(): Driver {
    return new NotifyingSqliteDriver(this.#config, this.#afterRelease);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

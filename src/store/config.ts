import { resolve } from 'node:path';
import { CallGuardError } from '../errors/catalogue.js';

export const DEFAULT_DB_FILE = 'data/callguard.db';

export interface StoreLocation {
  sqliteFile?: string;
  databaseUrl?: string;
}

/**
 * Where the database is: `--db FILE|postgres://…` first, then DATABASE_URL (PostgreSQL), then
 * CALLGUARD_DB (SQLite file), else ./data/callguard.db.
 *
 * @example storeLocation({ env: process.env, cwd: process.cwd() }) // { sqliteFile: '/…/data/callguard.db' }
 */
export function storeLocation(opts: {
  env: NodeJS.ProcessEnv;
  cwd: string;
  db?: string | undefined;
}): StoreLocation {
  const { env, cwd, db } = opts;
  const isPg = (v: string) => /^postgres(ql)?:\/\//i.test(v);
  if (db !== undefined && db !== '') return isPg(db) ? { databaseUrl: db } : { sqliteFile: resolve(cwd, db) };
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!isPg(url)) {
      throw new CallGuardError(
        'CG_CONFIG_INVALID',
        'DATABASE_URL must start with postgres:// or postgresql://.',
        {
          pointer: 'DATABASE_URL',
        },
      );
    }
    return { databaseUrl: url };
  }
  const file = env.CALLGUARD_DB?.trim();
  return { sqliteFile: resolve(cwd, file || DEFAULT_DB_FILE) };
}

/** A connection URL with any password replaced, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/**
 * CallGuard's storage: community reports, number reputation, public feeds, blocklist exports and
 * stats, over SQLite (default) or PostgreSQL. Node only.
 *
 * @example
 * import { openStore, storeLocation } from './store/index.js';
 * const store = await openStore(storeLocation({ env: process.env, cwd: process.cwd() }));
 * const { report } = await store.reports.create({ number: '+18005550199', direction: 'they-called', reporterKey });
 * const rep = await store.reputation.get(report.number); // { level: 'reported', reporters: 1, ... }
 */
export { openStore, type OpenStoreOptions } from './open.js';
export { storeLocation, DEFAULT_DB_FILE, type StoreLocation } from './config.js';
export { reportInputSchema, notScamInputSchema, MAX_REPORT_TEXT, type ReportInput } from './report-input.js';
export { toE164, numberHash, isE164 } from './numbers.js';
export { HALF_LIFE_DAYS, THRESHOLDS, levelFor } from './scoring.js';
export { isPostgres } from './dialect.js';
export type { Knowledge } from './official.js';
export type { Database } from './schema.js';
export * from './types.js';

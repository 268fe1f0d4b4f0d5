/**
 * Every migration, in order. Add one line per migration file (`NNN-name.ts`); numbers 100+ belong
 * to the cases engineer so the two series never clash.
 */
import type { Migration } from 'kysely';
import * as m001 from './001-core.js';
import * as m100 from './100-cases.js';
import * as m002 from './002-feed-aggregates.js';
import * as m003 from './003-dated-row-keys.js';
import * as m004 from './004-report-networks.js';

export const MIGRATIONS: Record<string, Migration> = {
  '001-core': m001,
  '100-cases': m100,
  '002-feed-aggregates': m002,
  '003-dated-row-keys': m003,
  '004-report-networks': m004,
};

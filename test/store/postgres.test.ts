import { afterAll, beforeAll, describe, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { runStoreContract } from './contract.js';

// One server for this file; a fresh database per test.
let pg: PostgresServer | null = null;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

if (process.env.CALLGUARD_SKIP_PG === '1') {
  describe.skip('store contract: postgres (CALLGUARD_SKIP_PG=1)', () => it('skipped', () => {}));
} else {
  runStoreContract('postgres', async (opts) => {
    if (!pg) throw new Error('PostgreSQL is not available (see the warning above)');
    return openStore({ ...opts, databaseUrl: await pg.newDatabase() });
  });
}

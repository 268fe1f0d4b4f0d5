import { afterAll, beforeAll, describe, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { runCaseRepositoryContract } from './repository.contract.js';

let pg: PostgresServer | null = null;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

if (process.env.CALLGUARD_SKIP_PG === '1') {
  describe.skip('case repository: postgres (CALLGUARD_SKIP_PG=1)', () => it('skipped', () => {}));
} else {
  runCaseRepositoryContract('postgres', async () => {
    if (!pg) throw new Error('PostgreSQL is not available (see the warning above)');
    return openStore({ databaseUrl: await pg.newDatabase() });
  });
}

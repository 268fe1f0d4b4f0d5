import { afterAll } from 'vitest';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { routeSuite } from './routes.contract.js';

let pg: PostgresServer | null | undefined;
afterAll(async () => pg?.stop());

routeSuite('postgres', async () => {
  pg = await startPostgres();
  return pg ? pg.newDatabase() : null;
});

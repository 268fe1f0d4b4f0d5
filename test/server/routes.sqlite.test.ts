import { routeSuite } from './routes.contract.js';

routeSuite('sqlite', async () => undefined);

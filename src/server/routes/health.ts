import { z } from 'zod';
import { CallGuardError } from '../../errors/catalogue.js';
import { VERSION } from '../../version.js';
import { defineRoute, type RoutePlugin } from '../route.js';

const healthSchema = z.object({ status: z.literal('ok'), version: z.string() });
const readySchema = z.object({ status: z.literal('ready'), store: z.enum(['sqlite', 'postgres']) });

export const routes: RoutePlugin = (app, { deps }) => {
  defineRoute(app, {
    method: 'GET',
    url: '/v1/health',
    operationId: 'health',
    summary: 'Liveness: the process is up and answering',
    tags: ['operations'],
    response: healthSchema,
    handler: async () => ({ status: 'ok' as const, version: VERSION }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/v1/ready',
    operationId: 'ready',
    summary: 'Readiness: the database answers (load balancers route traffic only when this is 200)',
    tags: ['operations'],
    response: readySchema,
    errors: [503],
    handler: async ({ request }) => {
      try {
        await deps.store.ready();
      } catch (err) {
        request.log.warn({ err: { type: (err as Error)?.name } }, 'store not ready');
        throw new CallGuardError('CG_STORE_UNAVAILABLE', 'The database is not answering.');
      }
      return { status: 'ready' as const, store: deps.store.kind };
    },
  });
};

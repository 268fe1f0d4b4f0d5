import { z } from 'zod';
import { reportInputSchema } from '../../store/report-input.js';
import { defineRoute, type RoutePlugin } from '../route.js';
import {
  IDEMPOTENCY_HEADER,
  REPORTER_KEY_HEADER,
  clientNetwork,
  idempotencyKey,
  reporterKey,
} from '../client-key.js';

// The store's own schema, minus the two keys that travel in headers on the API and the network,
// which the server works out from the connection (a client must not choose it).
const { reporterKey: _rk, idempotencyKey: _ik, network: _nw, ...reportFields } = reportInputSchema.shape;
export const reportBodySchema = z
  .strictObject(reportFields)
  .refine((r) => r.amountLost === undefined || r.amountLost === 0 || r.currency !== undefined, {
    message: 'currency is required when amountLost is given',
    path: ['currency'],
  });

const idParams = z.object({ id: z.string().min(1).max(100).describe('Report id') });

export const routes: RoutePlugin = (app, { deps }) => {
  defineRoute(app, {
    method: 'POST',
    url: '/v1/reports',
    operationId: 'createReport',
    summary: 'Report a scam call (free text is redacted before storage)',
    description:
      'Returns 201 with the stored report, or 200 with the original when the same Idempotency-Key and body were sent before.',
    tags: ['reports'],
    body: reportBodySchema,
    headers: [IDEMPOTENCY_HEADER, REPORTER_KEY_HEADER],
    successStatus: 201,
    errors: [409, 422],
    rateLimit: 'writes',
    handler: async ({ request, reply }) => {
      const result = await deps.store.reports.create({
        ...(request.body as object),
        reporterKey: reporterKey(request),
        network: clientNetwork(request.ip),
        idempotencyKey: idempotencyKey(request),
      });
      reply.status(result.created ? 201 : 200);
      return result.report;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/v1/reports/:id',
    operationId: 'getReport',
    summary: 'One report (hidden reports are not shown)',
    tags: ['reports'],
    params: idParams,
    errors: [404],
    handler: async ({ params }) => deps.store.reports.get(params.id),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/v1/reports/:id/not-scam',
    operationId: 'reportNotScam',
    summary: '"This number is not a scam": one vote per person pulls the reputation down',
    tags: ['reports'],
    params: idParams,
    headers: [REPORTER_KEY_HEADER],
    errors: [404],
    rateLimit: 'writes',
    handler: async ({ params, request }) =>
      deps.store.reports.notScam({
        reportId: params.id,
        reporterKey: reporterKey(request),
        network: clientNetwork(request.ip),
      }),
  });
};

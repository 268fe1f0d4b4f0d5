/**
 * Case files over HTTP: create, read, add items, delete, the authority reports, the evidence pack
 * and the recovery plan. There are no user accounts: a case id (128 random bits) is the only key,
 * so it is unguessable and every answer about a missing or malformed id is the same 404.
 * Responses are marked no-store: a case must not linger in shared caches.
 */
import { z } from 'zod';
import {
  allReports,
  caseInputSchema,
  caseItemSchema,
  EXPORT_FORMATS,
  exportCase,
  generateReport,
  recoveryPlan,
  REPORT_IDS,
} from '../../cases/index.js';
import { CallGuardError } from '../../errors/catalogue.js';
import { defineRoute, type RoutePlugin } from '../route.js';
import { MAX_PATH_PART } from '../error-handler.js';

const idParams = z.object({
  // Longer than any id, but anything under the router's limit gets the same 404 as a wrong id.
  id: z.string().max(MAX_PATH_PART).describe('Case id: 32 hexadecimal characters (128 random bits)'),
});
const reportParams = idParams.extend({ report: z.enum(REPORT_IDS).describe('Which authority') });
const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS).default('md') });
const addItemsBody = z.strictObject({ items: z.array(caseItemSchema).min(1).max(200) });

export const routes: RoutePlugin = (app, { deps }) => {
  const cases = () => deps.store.cases;

  // Sensitive: no shared caches, no referrer leaking the id.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/v1/cases')) {
      reply.header('cache-control', 'no-store');
      reply.header('referrer-policy', 'no-referrer');
    }
  });

  defineRoute(app, {
    method: 'POST',
    url: '/v1/cases',
    operationId: 'createCase',
    summary: 'Open a case file (free text is redacted; secrets are refused)',
    description:
      'Returns the case with its id. Keep the id: it is the only way back to the case (there are no accounts). ' +
      'Passwords, SSNs, one-time codes and remote-access codes are refused (CG_CASE_SENSITIVE_DATA); only the fact is stored.',
    tags: ['cases'],
    body: caseInputSchema,
    // The case validator gives the precise pointer and the sensitive-data errors.
    parseBody: (raw) => raw as z.output<typeof caseInputSchema>,
    successStatus: 201,
    errors: [422],
    rateLimit: 'writes',
    handler: async ({ request }) => cases().create(request.body ?? {}),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/v1/cases/:id',
    operationId: 'getCase',
    summary: 'One case file',
    tags: ['cases'],
    params: idParams,
    errors: [404],
    handler: async ({ params }) => cases().get(params.id),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/v1/cases/:id/items',
    operationId: 'addCaseItems',
    summary: 'Add calls, messages, remote sessions, payments or disclosures to a case',
    tags: ['cases'],
    params: idParams,
    body: addItemsBody,
    parseBody: (raw) => raw as z.output<typeof addItemsBody>,
    errors: [404, 422],
    rateLimit: 'writes',
    handler: async ({ params, request }) => {
      const body = request.body as { items?: unknown } | null;
      if (!body || !Array.isArray(body.items) || body.items.length === 0 || body.items.length > 200) {
        throw new CallGuardError('CG_CASE_INVALID', 'Send {"items": [...]} with 1 to 200 items.', {
          pointer: '/items',
        });
      }
      return cases().addItems(params.id, body.items);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/v1/cases/:id',
    operationId: 'deleteCase',
    summary: 'Delete a case and everything in it, for good',
    tags: ['cases'],
    params: idParams,
    successStatus: 204,
    errors: [404],
    rateLimit: 'writes',
    handler: async ({ params, reply }) => {
      await cases().delete(params.id);
      reply.status(204);
      return reply.send();
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/v1/cases/:id/reports',
    operationId: 'listCaseReports',
    summary: 'Every authority report for the case, each saying whether it applies',
    tags: ['cases'],
    params: idParams,
    errors: [404],
    handler: async ({ params }) => ({ reports: allReports(await cases().get(params.id)) }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/v1/cases/:id/reports/:report',
    operationId: 'getCaseReport',
    summary: 'One authority report: the form’s fields in order, the official link and copy-ready text',
    tags: ['cases'],
    params: reportParams,
    errors: [404],
    handler: async ({ params }) => generateReport(await cases().get(params.id), params.report),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/v1/cases/:id/recovery-plan',
    operationId: 'getCaseRecoveryPlan',
    summary: 'What to do now, today and this week, matched to what was given away',
    tags: ['cases'],
    params: idParams,
    errors: [404],
    handler: async ({ params }) => ({ steps: recoveryPlan(await cases().get(params.id)) }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/v1/cases/:id/export',
    operationId: 'exportCase',
    summary: 'The evidence pack for police, bank or lawyer: Markdown, JSON or printable HTML',
    tags: ['cases'],
    params: idParams,
    query: exportQuery,
    errors: [404],
    handler: async ({ params, query, reply }) => {
      const c = await cases().get(params.id);
      const out = exportCase(c, query.format);
      reply.type(out.contentType);
      reply.header('content-disposition', `attachment; filename="callguard-case-${c.id}.${out.extension}"`);
      // The HTML pack is self-contained; forbid everything it does not need even when opened inline.
      if (query.format === 'html')
        reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      return out.body;
    },
  });
};

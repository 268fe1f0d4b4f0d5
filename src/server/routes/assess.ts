import { assess, assessInputSchema, validateAssessInput } from '../../engine/index.js';
import { defineRoute, type RoutePlugin } from '../route.js';

export const routes: RoutePlugin = (app) => {
  defineRoute(app, {
    method: 'POST',
    url: '/v1/assess',
    operationId: 'assess',
    summary:
      'Assess a call from facts and/or a transcript: verdict, risk, red flags with evidence, what to do',
    description:
      'The transcript is used for this request only: it is not stored and never logged. ' +
      'Verdicts: scam, likely-scam, unclear, low-risk (never "legitimate": at best, verify by calling back the official number).',
    tags: ['assess'],
    body: assessInputSchema,
    parseBody: validateAssessInput,
    errors: [422],
    rateLimit: 'assess',
    queued: true,
    handler: async ({ body }) => assess(body),
  });
};

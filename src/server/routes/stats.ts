import { z } from 'zod';
import { LEVELS } from '../../store/types.js';
import { CallGuardError } from '../../errors/catalogue.js';
import { defineRoute, type RoutePlugin } from '../route.js';

const statsQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(104).optional().describe('How many ISO weeks, newest first'),
  limit: z.coerce.number().int().min(1).max(100).optional().describe('Entries per top-N list'),
});

const blocklistQuery = z.object({
  since: z
    .string()
    .max(40)
    .optional()
    .describe('A version from an earlier page (integer) or an ISO 8601 time: only changes after it'),
  minLevel: z.enum(LEVELS).optional().describe('Lowest level listed (default from the store)'),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const routes: RoutePlugin = (app, { deps }) => {
  defineRoute(app, {
    method: 'GET',
    url: '/v1/stats',
    operationId: 'stats',
    summary: 'What is being reported: top numbers, tactics, brands and payment methods per week',
    tags: ['community'],
    query: statsQuery,
    handler: async ({ query }) => deps.store.stats.weekly(query),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/v1/blocklist',
    operationId: 'blocklist',
    summary: 'Numbers to block, with incremental sync (?since=<version>) for call-blocker apps',
    tags: ['community'],
    query: blocklistQuery,
    handler: async ({ query }) => {
      const { since, ...rest } = query;
      if (since === undefined) return deps.store.blocklist.export(rest);
      if (/^\d+$/.test(since)) return deps.store.blocklist.export({ ...rest, since: Number(since) });
      if (Number.isNaN(Date.parse(since)) || !/^\d{4}-\d{2}-\d{2}/.test(since)) {
        throw new CallGuardError(
          'CG_INPUT_INVALID',
          '?since: must be a version number or an ISO 8601 time.',
          {
            pointer: '?since',
          },
        );
      }
      return deps.store.blocklist.export({ ...rest, sinceTime: new Date(since).toISOString() });
    },
  });
};

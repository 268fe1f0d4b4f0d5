import { z } from 'zod';
import { LEVELS, type Report } from '../../store/types.js';
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
  cursor: z
    .string()
    .max(80)
    // The store checks it too; here, so a bad one is named as the query parameter it is.
    // A "+" not percent-encoded arrives as a space; both are taken.
    .regex(/^\d+\.[+ ][1-9]\d{6,14}$/, 'must be the cursor an earlier page gave (version.number)')
    .optional()
    .describe(
      'The cursor of the page before, while it said more: true (repeat the same since, minLevel and limit with it)',
    ),
});

/** How many recent reports the community page shows. */
const RECENT_REPORTS = 20;

/**
 * What a recent report shows to everyone: the number and what the caller did. Never the free text, the
 * amount lost, the region or anything about the reporter.
 */
function publicReport(r: Report) {
  return {
    id: r.id,
    number: r.number,
    occurredAt: r.occurredAt,
    direction: r.direction,
    numberSource: r.numberSource,
    claimedOrg: r.claimedOrg,
    brand: r.brand,
    tactics: r.tactics,
    askedFor: r.askedFor,
    given: r.given,
    country: r.country,
  };
}

export const routes: RoutePlugin = (app, { deps }) => {
  defineRoute(app, {
    method: 'GET',
    url: '/v1/stats',
    operationId: 'stats',
    summary: 'What is being reported: top numbers, tactics, brands and payment methods per week',
    tags: ['community'],
    query: statsQuery,
    handler: async ({ query }) => {
      const [weekly, recent] = await Promise.all([
        deps.store.stats.weekly(query),
        deps.store.reports.listRecent({ limit: RECENT_REPORTS }),
      ]);
      return { ...weekly, recent: recent.map(publicReport) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/v1/blocklist',
    operationId: 'blocklist',
    summary: 'Numbers to block, with incremental sync (?since=<version>) for call-blocker apps',
    tags: ['community'],
    query: blocklistQuery,
    handler: async ({ query }) => {
      const { since, cursor, ...other } = query;
      const rest = cursor === undefined ? other : { ...other, cursor: cursor.replace(' ', '+') };
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

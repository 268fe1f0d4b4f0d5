import { CallGuardError } from '../errors/catalogue.js';
import type { StoreContext } from './context.js';
import { toReputation } from './reputation-repo.js';
import { LEVEL_RANK } from './scoring.js';
import type { BlocklistEntry, BlocklistRepository, Level } from './types.js';

export const DEFAULT_PAGE = 10_000;
export const MAX_PAGE = 100_000;
const CURSOR = /^(\d+)\.(\+[1-9]\d{6,14})$/;

function parseCursor(cursor: string): { version: number; number: string } {
  const m = CURSOR.exec(cursor);
  if (!m)
    throw new CallGuardError('CG_INPUT_INVALID', 'The cursor is not one this server handed out.', {
      pointer: '/cursor',
    });
  return { version: Number(m[1]), number: m[2]! };
}

export function createBlocklistRepository(ctx: StoreContext): BlocklistRepository {
  return {
    async export(opts = {}) {
      const minLevel: Level = opts.minLevel ?? 'likely-scam';
      const limit = Math.min(Math.max(1, Math.floor(opts.limit ?? DEFAULT_PAGE)), MAX_PAGE);
      const incremental = opts.since !== undefined || opts.sinceTime !== undefined;
      if (opts.since !== undefined && (!Number.isSafeInteger(opts.since) || opts.since < 0)) {
        throw new CallGuardError('CG_INPUT_INVALID', 'since must be a version number (0 or more).', {
          pointer: '/since',
        });
      }
      if (opts.sinceTime !== undefined && Number.isNaN(Date.parse(opts.sinceTime))) {
        throw new CallGuardError('CG_INPUT_INVALID', 'sinceTime must be an ISO 8601 timestamp.', {
          pointer: '/sinceTime',
        });
      }
      // A full export is current as of the change counter read before the query: a later sync
      // from this version misses nothing.
      const counter = incremental
        ? undefined
        : await ctx.db
            .selectFrom('meta')
            .select('value')
            .where('key', '=', 'change_version')
            .executeTakeFirst();
      let q = ctx.db.selectFrom('number_reputation').selectAll();
      if (opts.since !== undefined) q = q.where('version', '>', opts.since);
      if (opts.sinceTime !== undefined)
        q = q.where('updated_at', '>', new Date(opts.sinceTime).toISOString());
      if (opts.cursor !== undefined) {
        const c = parseCursor(opts.cursor);
        q = q.where((eb) =>
          eb.or([
            eb('version', '>', c.version),
            eb.and([eb('version', '=', c.version), eb('number', '>', c.number)]),
          ]),
        );
      }
      if (!incremental) {
        // A full export lists only numbers that can reach the level; cheap pre-filter, exact check below.
        q =
          LEVEL_RANK[minLevel] >= LEVEL_RANK['likely-scam']
            ? q.where('reporters', '>=', 2)
            : q.where((eb) => eb.or([eb('reporters', '>=', 1), eb('feed_reports', '>', 0)]));
      }
      const rows = await q
        .orderBy('version')
        .orderBy('number')
        .limit(limit + 1)
        .execute();
      const more = rows.length > limit;
      if (more) rows.length = limit;
      const now = ctx.now().getTime();
      const entries: BlocklistEntry[] = [];
      let version = opts.since ?? Number(counter?.value ?? 0);
      for (const row of rows) {
        const rep = toReputation(ctx, row.number, row, now);
        version = Math.max(version, rep.version);
        const listed = LEVEL_RANK[rep.level] >= LEVEL_RANK[minLevel] && LEVEL_RANK[rep.level] > 0;
        if (!listed && !incremental) continue;
        entries.push({
          number: rep.number,
          sha256: rep.sha256,
          level: rep.level,
          reporters: rep.reporters,
          feedReports: rep.feeds.reports,
          lastSeen:
            [rep.lastSeen, rep.feeds.lastSeen]
              .filter((x): x is string => !!x)
              .sort()
              .pop() ?? null,
          version: rep.version,
          action: listed ? 'add' : 'remove',
        });
      }
      const last = rows[rows.length - 1];
      const page = { entries, version, more };
      return more && last ? { ...page, cursor: `${Number(last.version)}.${last.number}` } : page;
    },
  };
}

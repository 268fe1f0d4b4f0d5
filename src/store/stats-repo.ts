import { sql } from 'kysely';
import type { StoreContext } from './context.js';
import { isoWeek } from './time.js';
import { PAYMENT_METHODS, type Stats, type StatsRepository, type WeekStats } from './types.js';

const DAY_MS = 86_400_000;

function top<T>(items: T[], by: (t: T) => number, tie: (t: T) => string, limit: number): T[] {
  return items.sort((a, b) => by(b) - by(a) || (tie(a) < tie(b) ? -1 : 1)).slice(0, limit);
}

export function createStatsRepository(ctx: StoreContext): StatsRepository {
  return {
    async weekly(opts = {}): Promise<Stats> {
      const weeks = Math.min(Math.max(1, Math.floor(opts.weeks ?? 8)), 520);
      const limit = Math.min(Math.max(1, Math.floor(opts.limit ?? 5)), 50);
      const from = isoWeek(new Date(ctx.now().getTime() - (weeks - 1) * 7 * DAY_MS));
      const visible = ctx.db.selectFrom('reports').where('hidden', '=', 0).where('week', '>=', from);

      const perNumber = await visible
        .select([
          'week',
          'number',
          sql<number | string>`count(*)`.as('n'),
          sql<number | string>`count(distinct coalesce(network_hash, reporter_hash))`.as('r'),
        ])
        .groupBy(['week', 'number'])
        .execute();
      const perBrand = await visible
        .select(['week', 'brand', sql<number | string>`count(*)`.as('n')])
        .where('brand', 'is not', null)
        .groupBy(['week', 'brand'])
        .execute();
      const amounts = await visible
        .select(['week', 'currency', sql<number | string>`sum(amount_lost)`.as('total')])
        .where('amount_lost', '>', 0)
        .groupBy(['week', 'currency'])
        .execute();
      const items = await ctx.db
        .selectFrom('report_items as i')
        .innerJoin('reports as r', 'r.id', 'i.report_id')
        .select(['r.week', 'i.kind', 'i.value', sql<number | string>`count(distinct r.id)`.as('n')])
        .where('r.hidden', '=', 0)
        .where('r.week', '>=', from)
        .where((eb) => eb.or([eb('i.kind', '=', 'tactic'), eb('i.value', 'in', [...PAYMENT_METHODS])]))
        .groupBy(['r.week', 'i.kind', 'i.value'])
        .execute();
      const payments = new Map<string, Map<string, number>>();

      const byWeek = new Map<string, WeekStats>();
      const week = (w: string): WeekStats => {
        let s = byWeek.get(w);
        if (!s) {
          s = {
            week: w,
            reports: 0,
            topNumbers: [],
            topTactics: [],
            topBrands: [],
            topPaymentMethods: [],
            amountLost: [],
          };
          byWeek.set(w, s);
        }
        return s;
      };
      for (const r of perNumber) {
        const s = week(r.week);
        s.reports += Number(r.n);
        s.topNumbers.push({ number: r.number, reports: Number(r.n), reporters: Number(r.r) });
      }
      for (const r of perBrand) week(r.week).topBrands.push({ brand: r.brand!, reports: Number(r.n) });
      for (const r of amounts) {
        week(r.week).amountLost.push({
          currency: r.currency ?? '???',
          total: Math.round(Number(r.total) * 100) / 100,
        });
      }
      for (const r of items) {
        if (r.kind === 'tactic') {
          week(r.week).topTactics.push({ id: r.value, reports: Number(r.n) });
        } else {
          // A report that both was asked for and gave a card counts once for "card".
          const m = payments.get(r.week) ?? new Map<string, number>();
          m.set(r.value, Math.max(m.get(r.value) ?? 0, Number(r.n)));
          payments.set(r.week, m);
        }
      }
      for (const [w, m] of payments) {
        week(w).topPaymentMethods = [...m].map(([method, reports]) => ({ method, reports }));
      }
      for (const s of byWeek.values()) {
        s.topNumbers = top(
          s.topNumbers,
          (x) => x.reporters * 1e6 + x.reports,
          (x) => x.number,
          limit,
        );
        s.topTactics = top(
          s.topTactics,
          (x) => x.reports,
          (x) => x.id,
          limit,
        );
        s.topBrands = top(
          s.topBrands,
          (x) => x.reports,
          (x) => x.brand,
          limit,
        );
        s.topPaymentMethods = top(
          s.topPaymentMethods,
          (x) => x.reports,
          (x) => x.method,
          limit,
        );
        s.amountLost.sort((a, b) => (a.currency < b.currency ? -1 : 1));
      }
      const totals = await ctx.db
        .selectFrom('number_reputation')
        .select([
          sql<number | string>`coalesce(sum(reports), 0)`.as('reports'),
          sql<number | string>`coalesce(sum(case when reports > 0 then 1 else 0 end), 0)`.as('numbers'),
          sql<number | string>`coalesce(sum(feed_reports), 0)`.as('feed'),
        ])
        .executeTakeFirstOrThrow();
      return {
        weeks: [...byWeek.values()].sort((a, b) => (a.week < b.week ? 1 : -1)),
        totals: {
          reports: Number(totals.reports),
          numbers: Number(totals.numbers),
          feedReports: Number(totals.feed),
        },
      };
    },
  };
}

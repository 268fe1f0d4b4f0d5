/** `callguard stats`: what is being reported now, per ISO week. */
import { fmtInt, json, withStore } from '../../store/cli-support.js';
import type { WeekStats } from '../../store/index.js';
import { CallGuardError } from '../../errors/catalogue.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';

const USAGE = `Usage: callguard stats [--weeks N] [--limit N] [--format text|json]

Top numbers, tactics, brands and payment methods of community reports, per ISO week (newest first).

Options:
  --weeks N               how many weeks back (default 8)
  --limit N               entries per list (default 5)
  --db FILE|postgres://…  the store (default: DATABASE_URL, CALLGUARD_DB, or ./data/callguard.db)
  --format text|json`;

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new CallGuardError('CG_OPTION_VALUE_INVALID', `--${name} must be a whole number of 1 or more.`, {
      pointer: `--${name}`,
    });
  }
  return n;
}

const list = (items: { label: string; n: number }[]) =>
  items.length ? items.map((i) => `${i.label} (${fmtInt(i.n)})`).join(', ') : '-';

function weekText(w: WeekStats): string {
  return [
    `${w.week}: ${fmtInt(w.reports)} reports`,
    `  numbers:  ${list(w.topNumbers.map((x) => ({ label: x.number, n: x.reports })))}`,
    `  tactics:  ${list(w.topTactics.map((x) => ({ label: x.id, n: x.reports })))}`,
    `  brands:   ${list(w.topBrands.map((x) => ({ label: x.brand, n: x.reports })))}`,
    `  payment:  ${list(w.topPaymentMethods.map((x) => ({ label: x.method, n: x.reports })))}`,
    ...(w.amountLost.length
      ? [
          `  lost:     ${w.amountLost.map((a) => `${a.total.toLocaleString('en-US')} ${a.currency}`).join(', ')}`,
        ]
      : []),
  ].join('\n');
}

export const command: Command = {
  name: 'stats',
  summary: 'Trends: top numbers, tactics, brands and payment methods per week',
  usage: USAGE,
  async run(args, ctx) {
    const { values } = parseCommandArgs(args, {
      db: { type: 'string' },
      format: { type: 'string' },
      weeks: { type: 'string' },
      limit: { type: 'string' },
    });
    const format = oneOf('format', values.format, ['text', 'json'] as const) ?? 'text';
    const weeks = positive('weeks', values.weeks);
    const limit = positive('limit', values.limit);
    return withStore(values.db, ctx, async (store) => {
      const stats = await store.stats.weekly({
        ...(weeks !== undefined ? { weeks } : {}),
        ...(limit !== undefined ? { limit } : {}),
      });
      if (format === 'json') {
        json(ctx, stats);
        return 0;
      }
      const t = stats.totals;
      const out = [
        `${fmtInt(t.reports)} community reports about ${fmtInt(t.numbers)} numbers; ${fmtInt(t.feedReports)} public feed complaints.`,
        ...(stats.weeks.length ? stats.weeks.map(weekText) : ['No community reports in these weeks.']),
      ];
      ctx.stdout.write(out.join('\n') + '\n');
      return 0;
    });
  },
};

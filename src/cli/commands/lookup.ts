/** `callguard lookup <number>`: what the community and public feeds say about a number. */
import { createHash } from 'node:crypto';
import { CallGuardError } from '../../errors/catalogue.js';
import { fmtInt, json, reputationText, withStore } from '../../store/cli-support.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';

const USAGE = `Usage:
  callguard lookup NUMBER [--country CC]     e.g. callguard lookup "+1 800 642 7676"
  callguard lookup --sha256 HEX              by SHA-256 of the E.164 number (the number is never sent)

Options:
  --country CC            country for a number written without +country code
  --db FILE|postgres://…  the store (default: DATABASE_URL, CALLGUARD_DB, or ./data/callguard.db)
  --format text|json

Levels: unknown, reported, likely-scam, confirmed-scam (thresholds in docs/reputation.md).
Official numbers of an organisation are never listed as scams: they are spoofed.`;

export const command: Command = {
  name: 'lookup',
  summary: 'What people reported about a phone number',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      format: { type: 'string' },
      country: { type: 'string' },
      sha256: { type: 'string' },
    });
    const format = oneOf('format', values.format, ['text', 'json'] as const) ?? 'text';
    const input = positionals.join(' ').trim();
    if (!input && !values.sha256) {
      throw new CallGuardError('CG_NUMBER_INVALID', 'Give the number to look up.', { pointer: 'NUMBER' });
    }
    return withStore(values.db, ctx, async (store) => {
      const rep = values.sha256
        ? await store.reputation.getByHash(values.sha256)
        : await store.reputation.lookup(input, values.country ? { country: values.country } : {});
      if (!rep) {
        if (format === 'json')
          json(ctx, { sha256: values.sha256!.toLowerCase(), level: 'unknown', found: false });
        else ctx.stdout.write('No reports for that number.\n');
        return 0;
      }
      const feeds = await store.feeds.summary(rep.number);
      if (format === 'json') {
        json(ctx, { ...rep, feedSources: feeds });
        return 0;
      }
      const lines = reputationText(rep);
      for (const f of feeds) {
        const cats = f.categories
          .slice(0, 4)
          .map((c) => `${c.category} ${fmtInt(c.reports)}`)
          .join(', ');
        lines.push(`    ${f.source}: ${fmtInt(f.reports)} (${cats})`);
      }
      if (!values.sha256) {
        lines.push(`  SHA-256: ${createHash('sha256').update(rep.number).digest('hex')}`);
      }
      ctx.stdout.write(lines.join('\n') + '\n');
      return 0;
    });
  },
};

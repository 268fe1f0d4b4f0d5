/** `callguard export blocklist`: numbers for call-blocker apps, in full or as changes since a version. */
import { once } from 'node:events';
import { CallGuardError } from '../../errors/catalogue.js';
import { withStore } from '../../store/cli-support.js';
import { LEVELS, type BlocklistEntry } from '../../store/index.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { openOutFile } from '../out-file.js';

const USAGE = `Usage: callguard export blocklist [--min-level likely-scam] [--format csv|json] [--since VERSION | --since-time ISO] [--out FILE]

Options:
  --min-level LEVEL       reported | likely-scam (default) | confirmed-scam
  --since VERSION         only numbers that changed after this version (from an earlier export);
                          numbers that dropped below the level come with action "remove"
  --since-time ISO        the same by time, e.g. 2026-11-01T00:00:00Z
  --format csv|json       default csv
  --out FILE              write there instead of standard output
  --db FILE|postgres://…  the store (default: DATABASE_URL, CALLGUARD_DB, or ./data/callguard.db)

The export ends with the version to pass as --since next time (CSV: a "# version N" line).
Official numbers of organisations are never exported (they are spoofed, not scams).`;

const CSV_HEADER = 'number,sha256,level,reporters,feed_reports,last_seen,version,action';
const csvRow = (e: BlocklistEntry) =>
  [e.number, e.sha256, e.level, e.reporters, e.feedReports, e.lastSeen ?? '', e.version, e.action].join(',');

export const command: Command = {
  name: 'export',
  summary: 'Export the blocklist for call-blocker apps (full or incremental)',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      format: { type: 'string' },
      'min-level': { type: 'string' },
      since: { type: 'string' },
      'since-time': { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals[0] !== 'blocklist' || positionals.length > 1) {
      throw new CallGuardError('CG_OPTION_VALUE_INVALID', 'The only export is "blocklist".', {
        pointer: 'blocklist',
      });
    }
    const format = oneOf('format', values.format, ['csv', 'json'] as const) ?? 'csv';
    const minLevel =
      oneOf(
        'min-level',
        values['min-level'],
        LEVELS.filter((l) => l !== 'unknown'),
      ) ?? 'likely-scam';
    let since: number | undefined;
    if (values.since !== undefined) {
      since = Number(values.since);
      if (!Number.isSafeInteger(since) || since < 0) {
        throw new CallGuardError(
          'CG_OPTION_VALUE_INVALID',
          '--since must be a version number from an earlier export.',
          {
            pointer: '--since',
          },
        );
      }
    }
    const sinceTime = values['since-time'];
    if (sinceTime !== undefined && Number.isNaN(Date.parse(sinceTime))) {
      throw new CallGuardError('CG_OPTION_VALUE_INVALID', '--since-time must be an ISO 8601 time.', {
        pointer: '--since-time',
      });
    }
    // Before the store is opened: a path that cannot be written fails at once, with why.
    const file = values.out !== undefined ? await openOutFile(values.out, ctx.cwd) : undefined;
    const write =
      file?.write ??
      (async (text: string) => {
        if (!ctx.stdout.write(text)) await once(ctx.stdout, 'drain');
      });
    const code = await withStore(values.db, ctx, async (store) => {
      let cursor: string | undefined;
      let version = since ?? 0;
      let first = true;
      await write(
        format === 'csv' ? CSV_HEADER + '\n' : `{"minLevel":${JSON.stringify(minLevel)},"entries":[`,
      );
      // Page through with the cursor so memory stays flat on millions of numbers.
      for (;;) {
        const page = await store.blocklist.export({
          minLevel,
          ...(since !== undefined ? { since } : {}),
          ...(sinceTime !== undefined ? { sinceTime } : {}),
          ...(cursor !== undefined ? { cursor } : {}),
        });
        version = Math.max(version, page.version);
        let chunk = '';
        for (const e of page.entries) {
          chunk += format === 'csv' ? csvRow(e) + '\n' : (first ? '\n' : ',\n') + JSON.stringify(e);
          first = false;
        }
        await write(chunk);
        if (!page.more) break;
        cursor = page.cursor;
      }
      await write(format === 'csv' ? `# version ${version}\n` : `\n],"version":${version}}\n`);
      return 0;
    }).catch(async (err: unknown) => {
      await file?.abort(); // a failed export leaves no partial file
      throw err;
    });
    await file?.commit();
    return code;
  },
};

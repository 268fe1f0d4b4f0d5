/** `callguard import ftc-dnc FILE...` and `callguard import list --source NAME FILE...`. */
import { CallGuardError } from '../../errors/catalogue.js';
import { fmtInt, json, progressBar, withStore } from '../../store/cli-support.js';
import type { ImportResult } from '../../store/index.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { CliContext, Command } from '../context.js';

const USAGE = `Usage:
  callguard import ftc-dnc FILE...                      FTC Do Not Call "reported calls" CSV files
  callguard import list --source NAME [--country CC] FILE...   a CSV (column number/phone/e164) or JSON list

Options:
  --source NAME           name of the list (lowercase letters, digits, . _ -)
  --country CC            country for numbers written without +country code (lists only)
  --list-format csv|json  default: from the file name
  --db FILE|postgres://…  the store (default: DATABASE_URL, CALLGUARD_DB, or ./data/callguard.db)
  --format text|json

Each file is imported in one transaction: stop it at any point and nothing is half-imported; run it
again and it completes. Importing the same file twice changes nothing. Malformed rows are counted and
listed by line number; they do not stop the import. Feed rows are weak signals: they never raise a
number past "reported".`;

function describe(r: ImportResult): string {
  if (r.alreadyImported) return `${r.file}: already imported (same content); nothing changed.`;
  const rate = r.seconds > 0 ? Math.round(r.rows / r.seconds) : r.rows;
  const lines = [
    `${r.file}: ${fmtInt(r.rows)} rows, ${fmtInt(r.imported)} new, ${fmtInt(r.duplicates)} already known, ` +
      `${fmtInt(r.malformed)} malformed; ${fmtInt(r.numbers)} numbers updated in ${r.seconds.toFixed(1)} s (${fmtInt(rate)} rows/s)`,
  ];
  if (r.malformed > 0) {
    const shown = r.malformedLines.slice(0, 10).map((m) => `line ${m.line} (${m.reason})`);
    const more = r.malformed - shown.length;
    lines.push(`  malformed: ${shown.join(', ')}${more > 0 ? `, and ${fmtInt(more)} more` : ''}`);
  }
  return lines.join('\n');
}

export const command: Command = {
  name: 'import',
  summary: 'Import public complaint feeds (FTC Do Not Call) and number lists',
  usage: USAGE,
  async run(args, ctx: CliContext) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      format: { type: 'string' },
      source: { type: 'string' },
      country: { type: 'string' },
      'list-format': { type: 'string' },
    });
    const format = oneOf('format', values.format, ['text', 'json'] as const) ?? 'text';
    const [kind, ...files] = positionals;
    const what = oneOf('kind', kind, ['ftc-dnc', 'list'] as const);
    if (!what || files.length === 0) {
      throw new CallGuardError('CG_OPTION_VALUE_INVALID', 'Say what to import and from which files.', {
        pointer: 'ftc-dnc|list FILE...',
      });
    }
    if (what === 'list' && !values.source) {
      throw new CallGuardError('CG_OPTION_VALUE_INVALID', 'callguard import list needs --source NAME.', {
        pointer: '--source',
      });
    }
    const listFormat = oneOf('list-format', values['list-format'], ['csv', 'json'] as const);
    return withStore(values.db, ctx, async (store) => {
      const results: ImportResult[] = [];
      for (const path of files) {
        const bar = progressBar(ctx, path.split('/').pop() ?? path);
        try {
          const opts = { onProgress: bar.update };
          const r =
            what === 'ftc-dnc'
              ? await store.feeds.importFtcDnc({ path }, opts)
              : await store.feeds.importList(
                  { path },
                  {
                    ...opts,
                    source: values.source!,
                    ...(values.country ? { country: values.country } : {}),
                    ...(listFormat ? { format: listFormat } : {}),
                  },
                );
          results.push(r);
        } finally {
          bar.done();
        }
        if (format === 'text') ctx.stdout.write(describe(results[results.length - 1]!) + '\n');
      }
      if (format === 'json') json(ctx, { imports: results });
      return 0;
    });
  },
};

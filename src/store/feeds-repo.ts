import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CallGuardError } from '../errors/catalogue.js';
import { parseJson } from '../errors/json-syntax.js';
import { decodeText, formatBytes } from '../cli/read-input.js';
import type { StoreContext } from './context.js';
import { ftcDncParser } from './feeds/ftc-dnc.js';
import { addParsed, lineJob, runImport, type ImportJob, type ParsedBatch } from './feeds/import.js';
import { checkSourceName, listCsvParser, parseJsonItem } from './feeds/list.js';
import type { FeedRepository, FeedSummary } from './types.js';

/** JSON lists are parsed whole, so they get a size cap; CSV streams and has none. */
export const MAX_JSON_LIST_BYTES = 64 * 1024 * 1024;

async function jsonJob(
  path: string,
  name: string | undefined,
  source: string,
  country?: string,
): Promise<ImportJob> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    throw new CallGuardError('CG_FILE_UNREADABLE', `Cannot read "${path}": ${(err as Error).message}.`, {
      pointer: path,
    });
  }
  if (buf.length > MAX_JSON_LIST_BYTES) {
    throw new CallGuardError(
      'CG_INPUT_TOO_LARGE',
      `"${path}" is ${formatBytes(buf.length)}; JSON lists are limited to ${formatBytes(MAX_JSON_LIST_BYTES)} (use CSV, which streams).`,
      { pointer: path },
    );
  }
  const data = parseJson(decodeText(buf, path), `"${path}"`, path);
  if (!Array.isArray(data)) {
    throw new CallGuardError('CG_INPUT_INVALID', `"${path}" must hold a JSON array of numbers.`, {
      pointer: path,
    });
  }
  const list = data;
  async function* batches(): AsyncGenerator<ParsedBatch> {
    for (let start = 0; start < list.length; start += 4096) {
      const batch: ParsedBatch = { rows: [], count: 0, malformed: [] };
      const end = Math.min(list.length, start + 4096);
      for (let i = start; i < end; i++) addParsed(batch, i + 1, parseJsonItem(source, country, list[i]));
      yield batch;
    }
  }
  return {
    source,
    file: name === undefined ? { path } : { path, name },
    sha256: createHash('sha256').update(buf).digest('hex'),
    totalBytes: buf.length,
    batches: batches(),
    bytesRead: () => buf.length,
  };
}

export function createFeedRepository(ctx: StoreContext): FeedRepository {
  return {
    async importFtcDnc(file, opts = {}) {
      return runImport(ctx, await lineJob(file, ftcDncParser()), opts);
    },
    async importList(file, opts) {
      const source = checkSourceName(opts.source);
      if (source === 'community') {
        throw new CallGuardError('CG_OPTION_VALUE_INVALID', '"community" is reserved for reports.', {
          pointer: '--source',
        });
      }
      if (opts.country !== undefined && !/^[A-Za-z]{2}$/.test(opts.country)) {
        throw new CallGuardError(
          'CG_OPTION_VALUE_INVALID',
          '--country must be a two-letter code such as US or GB.',
          {
            pointer: '--country',
          },
        );
      }
      const format = opts.format ?? (file.path.toLowerCase().endsWith('.json') ? 'json' : 'csv');
      const job =
        format === 'json'
          ? await jsonJob(file.path, file.name, source, opts.country)
          : await lineJob(file, listCsvParser(source, opts.country));
      return runImport(ctx, job, opts);
    },
    async summary(e164): Promise<FeedSummary[]> {
      const rows = await ctx.db
        .selectFrom('feed_numbers')
        .select(['source', 'category', 'reports as n', 'last_seen as last'])
        .where('number', '=', e164)
        .execute();
      const bySource = new Map<string, FeedSummary>();
      for (const r of rows) {
        const s = bySource.get(r.source) ?? { source: r.source, reports: 0, lastSeen: null, categories: [] };
        const n = Number(r.n);
        s.reports += n;
        if (r.last && (s.lastSeen === null || r.last > s.lastSeen)) s.lastSeen = r.last;
        s.categories.push({ category: r.category ?? 'unspecified', reports: n });
        bySource.set(r.source, s);
      }
      for (const s of bySource.values())
        s.categories.sort((a, b) => b.reports - a.reports || (a.category < b.category ? -1 : 1));
      return [...bySource.values()].sort((a, b) => b.reports - a.reports);
    },
  };
}

/**
 * Imports one feed file as ONE transaction: a crash or kill part-way leaves nothing visible, and a
 * rerun starts clean. The file's SHA-256 is recorded in the same transaction, so importing the
 * same file again changes nothing; rows also carry a content key (ON CONFLICT DO NOTHING), so
 * overlapping files add each row once.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { CallGuardError } from '../../errors/catalogue.js';
import { nextVersion, type StoreContext, type Tx } from '../context.js';
import type { FeedFile, ImportOptions, ImportResult } from '../types.js';
import type { FeedRow, LineParser, ParsedLine } from './types.js';

/** How many malformed lines are listed by number (all are counted). */
const MAX_LISTED_MALFORMED = 50;
const PG_BATCH = 5000;
const PROGRESS_EVERY = 8192;

export interface ParsedItem {
  line: number;
  parsed: ParsedLine;
}

export interface ImportJob {
  source: string;
  file: FeedFile;
  sha256: string;
  totalBytes: number;
  items: AsyncIterable<ParsedItem>;
  bytesRead(): number;
}

async function checkFile(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    return info.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new CallGuardError('CG_FILE_UNREADABLE', `Cannot read "${path}": ${why}.`, { pointer: path });
  }
}

/** SHA-256 of a file, streamed. */
export async function fileSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** A line-by-line job over a CSV-like file (header first), streamed with node:readline. */
export async function lineJob(file: FeedFile, parser: LineParser): Promise<ImportJob> {
  const totalBytes = await checkFile(file.path);
  const sha256 = await fileSha256(file.path);
  const stream = createReadStream(file.path, { highWaterMark: 1 << 20 });
  async function* items(): AsyncGenerator<ParsedItem> {
    const rl = createInterface({ input: stream, crlfDelay: Infinity });
    let line = 0;
    try {
      for await (const text of rl) {
        line++;
        if (line === 1) {
          parser.header(text);
          continue;
        }
        yield { line, parsed: parser.parse(text.endsWith('\r') ? text.slice(0, -1) : text) };
      }
    } finally {
      rl.close();
      stream.destroy();
    }
    if (line === 0) {
      throw new CallGuardError('CG_INPUT_INVALID', `"${file.path}" is empty.`, { pointer: file.path });
    }
  }
  return {
    source: parser.source,
    file,
    sha256,
    totalBytes,
    items: items(),
    bytesRead: () => stream.bytesRead,
  };
}

function isRow(p: ParsedLine): p is FeedRow {
  return p !== null && !('malformed' in p);
}

interface Counters {
  rows: number;
  imported: number;
  malformed: number;
  malformedLines: { line: number; reason: string }[];
}

/** Runs an import job against the store; see the file comment for the guarantees. */
export async function runImport(
  ctx: StoreContext,
  job: ImportJob,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const started = Date.now();
  const name = job.file.name ?? basename(job.file.path);
  const c: Counters = { rows: 0, imported: 0, malformed: 0, malformedLines: [] };
  const report = (
    alreadyImported: boolean,
    numbers: number,
    prior?: { rows_total: number; rows_imported: number; rows_duplicate: number; rows_malformed: number },
  ): ImportResult => ({
    source: job.source,
    file: name,
    sha256: job.sha256,
    alreadyImported,
    rows: prior ? Number(prior.rows_total) : c.rows,
    imported: alreadyImported ? 0 : c.imported,
    duplicates: prior
      ? Number(prior.rows_total) - Number(prior.rows_malformed)
      : c.rows - c.malformed - c.imported,
    malformed: prior ? Number(prior.rows_malformed) : c.malformed,
    malformedLines: c.malformedLines,
    numbers,
    seconds: (Date.now() - started) / 1000,
  });
  const progress = () =>
    opts.onProgress?.({ rows: c.rows, bytes: job.bytesRead(), totalBytes: job.totalBytes });
  const noteMalformed = (line: number, reason: string) => {
    c.malformed++;
    if (c.malformedLines.length < MAX_LISTED_MALFORMED) c.malformedLines.push({ line, reason });
  };

  const body = async (
    trx: Tx,
    insertRows: (rows: FeedRow[], importId: number) => Promise<number>,
    flushEvery: number,
    hashExpr: ReturnType<typeof sql>,
  ): Promise<ImportResult> => {
    const prior = await trx
      .selectFrom('feed_imports')
      .select(['rows_total', 'rows_imported', 'rows_duplicate', 'rows_malformed'])
      .where('source', '=', job.source)
      .where('sha256', '=', job.sha256)
      .executeTakeFirst();
    if (prior) return report(true, 0, prior);
    const now = ctx.now().toISOString();
    const before = await trx
      .selectFrom('feed_entries')
      .select(sql<number | string>`coalesce(max(id), 0)`.as('m'))
      .executeTakeFirstOrThrow();
    const inserted = await trx
      .insertInto('feed_imports')
      .values({
        source: job.source,
        file_name: name,
        sha256: job.sha256,
        rows_total: 0,
        rows_imported: 0,
        rows_duplicate: 0,
        rows_malformed: 0,
        started_at: now,
        finished_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const importId = Number(inserted.id);
    let batch: FeedRow[] = [];
    for await (const { line, parsed } of job.items) {
      if (parsed === null) continue;
      c.rows++;
      if (isRow(parsed)) {
        batch.push(parsed);
        if (batch.length >= flushEvery) {
          c.imported += await insertRows(batch, importId);
          batch = [];
        }
      } else {
        noteMalformed(line, parsed.malformed);
      }
      if (c.rows % PROGRESS_EVERY === 0) progress();
    }
    if (batch.length) c.imported += await insertRows(batch, importId);
    progress();

    const version = await nextVersion(trx);
    const agg = await sql`
      INSERT INTO number_reputation (number, sha256, reports, reporters, not_scam, feed_reports, feed_first_seen,
        feed_last_seen, score, score_at, top_tactics, top_brands, version, updated_at)
      SELECT number, ${hashExpr}, 0, 0, 0, count(*), min(occurred_at), max(occurred_at), 0, ${now}, '[]', '[]', ${version}, ${now}
      FROM feed_entries WHERE id > ${Number(before.m)} AND import_id = ${importId} GROUP BY number
      ON CONFLICT (number) DO UPDATE SET
        feed_reports = number_reputation.feed_reports + excluded.feed_reports,
        feed_first_seen = CASE WHEN number_reputation.feed_first_seen IS NULL
          OR excluded.feed_first_seen < number_reputation.feed_first_seen
          THEN excluded.feed_first_seen ELSE number_reputation.feed_first_seen END,
        feed_last_seen = CASE WHEN number_reputation.feed_last_seen IS NULL
          OR excluded.feed_last_seen > number_reputation.feed_last_seen
          THEN excluded.feed_last_seen ELSE number_reputation.feed_last_seen END,
        version = excluded.version,
        updated_at = excluded.updated_at
    `.execute(trx);
    await trx
      .updateTable('feed_imports')
      .set({
        rows_total: c.rows,
        rows_imported: c.imported,
        rows_duplicate: c.rows - c.malformed - c.imported,
        rows_malformed: c.malformed,
        finished_at: ctx.now().toISOString(),
      })
      .where('id', '=', importId)
      .execute();
    return report(false, Number(agg.numAffectedRows ?? 0));
  };

  if (ctx.kind === 'postgres') {
    return ctx.db.transaction().execute((trx) =>
      body(
        trx,
        async (rows, importId) => {
          const res = await sql`
            INSERT INTO feed_entries (row_key, source, number, occurred_at, category, region, robocall, import_id)
            SELECT k, ${job.source}, n, o, c, r, b, ${importId}
            FROM unnest(${rows.map((r) => String(r.rowKey))}::bigint[], ${rows.map((r) => r.number)}::text[],
              ${rows.map((r) => r.occurredAt)}::text[], ${rows.map((r) => r.category)}::text[],
              ${rows.map((r) => r.region)}::text[], ${rows.map((r) => r.robocall)}::int[]) AS t(k, n, o, c, r, b)
            ON CONFLICT (row_key) DO NOTHING
          `.execute(trx);
          return Number(res.numAffectedRows ?? 0);
        },
        PG_BATCH,
        sql`encode(sha256(convert_to(number, 'UTF8')), 'hex')`,
      ),
    );
  }

  // SQLite: hold Kysely's only connection (other queries wait), and insert with a prepared
  // statement on the raw handle: the fast path behind the repository.
  const w = ctx.raw!.writer;
  return ctx.db.connection().execute(async (conn) => {
    w.exec('BEGIN IMMEDIATE');
    try {
      const ins = w.prepare(
        `INSERT OR IGNORE INTO feed_entries (row_key, source, number, occurred_at, category, region, robocall, import_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertMany = (rows: FeedRow[], importId: number): number => {
        let n = 0;
        for (const r of rows) {
          n += ins.run(
            r.rowKey,
            job.source,
            r.number,
            r.occurredAt,
            r.category,
            r.region,
            r.robocall,
            importId,
          ).changes;
        }
        return n;
      };
      const result = await body(conn, async (rows, id) => insertMany(rows, id), 4096, sql`cg_sha256(number)`);
      w.exec(result.alreadyImported ? 'ROLLBACK' : 'COMMIT');
      return result;
    } catch (err) {
      if (w.inTransaction) w.exec('ROLLBACK');
      throw err;
    }
  });
}

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
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { CallGuardError } from '../../errors/catalogue.js';
import { nextVersion, type StoreContext, type Tx } from '../context.js';
import { numberHash } from '../numbers.js';
import type { FeedFile, ImportOptions, ImportResult } from '../types.js';
import type { FeedRow, LineParser, ParsedLine } from './types.js';

/** How many malformed lines are listed by number (all are counted). */
const MAX_LISTED_MALFORMED = 50;
const PG_BATCH = 5000;
/** A line this long is not a feed row: the file is not what it claims to be. */
const MAX_LINE = 64 * 1024;

/** Rows parsed from one chunk of the input. */
export interface ParsedBatch {
  rows: FeedRow[];
  /** Data lines seen (rows + malformed; blank lines are not counted). */
  count: number;
  malformed: { line: number; reason: string }[];
}

export interface ImportJob {
  source: string;
  file: FeedFile;
  sha256: string;
  totalBytes: number;
  batches: AsyncIterable<ParsedBatch>;
  bytesRead(): number;
}

/** Adds one parsed line to a batch. */
export function addParsed(batch: ParsedBatch, line: number, parsed: ParsedLine): void {
  if (parsed === null) return;
  batch.count++;
  if ('malformed' in parsed) batch.malformed.push({ line, reason: parsed.malformed });
  else batch.rows.push(parsed);
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

/**
 * A line-by-line job over a CSV-like file (header first). Streams 1 MB chunks and splits lines
 * itself (faster than node:readline's event per line); line numbers count from 1 at the header.
 */
export async function lineJob(file: FeedFile, parser: LineParser): Promise<ImportJob> {
  const totalBytes = await checkFile(file.path);
  const sha256 = await fileSha256(file.path);
  // Opened on first read: a file found already imported is never opened (nor left open).
  let stream: ReturnType<typeof createReadStream> | undefined;
  async function* batches(): AsyncGenerator<ParsedBatch> {
    stream = createReadStream(file.path, { highWaterMark: 1 << 20, encoding: 'utf8' });
    let line = 0;
    let rest = '';
    /** The line text[start, end) without its \r (one slice per line). */
    const take = (text: string, start: number, end: number, batch: ParsedBatch) => {
      line++;
      const clean = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
      if (line === 1) parser.header(clean);
      else addParsed(batch, line, parser.parse(clean));
    };
    try {
      for await (const chunk of stream) {
        const text = rest + (chunk as string);
        const batch: ParsedBatch = { rows: [], count: 0, malformed: [] };
        let start = 0;
        for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
          take(text, start, nl, batch);
          start = nl + 1;
        }
        rest = text.slice(start);
        if (rest.length > MAX_LINE) {
          throw new CallGuardError(
            'CG_INPUT_INVALID',
            `Line ${line + 1} is longer than ${MAX_LINE} characters.`,
            {
              pointer: `line ${line + 1}`,
            },
          );
        }
        yield batch;
      }
      if (rest.length > 0) {
        const batch: ParsedBatch = { rows: [], count: 0, malformed: [] };
        take(rest, 0, rest.length, batch);
        yield batch;
      }
    } finally {
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
    batches: batches(),
    bytesRead: () => stream?.bytesRead ?? 0,
  };
}

interface Counters {
  rows: number;
  imported: number;
  malformed: number;
  malformedLines: { line: number; reason: string }[];
}

/** New feed rows folded per (number, category), flushed to feed_numbers and number_reputation. */
interface Cell {
  number: string;
  category: string;
  n: number;
  first: string | null;
  last: string | null;
}

/** Numbers held in memory before their aggregates are written (bounds memory on huge files). */
const FLUSH_NUMBERS = 500_000;

function fold(c: Cell, at: string | null): void {
  c.n++;
  if (at !== null) {
    if (c.first === null || at < c.first) c.first = at;
    if (c.last === null || at > c.last) c.last = at;
  }
}

/**
 * Per number: its total cell first, then one cell per category. A short array searched by identity
 * of the category string (parsers hand out the same few strings) costs less than a Map per number.
 */
class Aggregate {
  readonly byNumber = new Map<string, Cell[]>();
  distinct = 0;
  add(number: string, category: string | null, at: string | null): void {
    const cat = category ?? 'unspecified';
    const cells = this.byNumber.get(number);
    if (cells === undefined) {
      this.byNumber.set(number, [
        { number, category: '', n: 1, first: at, last: at },
        { number, category: cat, n: 1, first: at, last: at },
      ]);
      return;
    }
    fold(cells[0]!, at);
    for (let i = 1; i < cells.length; i++) {
      const c = cells[i]!;
      if (c.category === cat) {
        fold(c, at);
        return;
      }
    }
    cells.push({ number, category: cat, n: 1, first: at, last: at });
  }
  /** The cells and per-number totals so far, then empties them. */
  drain(): { cells: Cell[]; perNumber: Cell[] } {
    // In key order, B-tree writes land on neighbouring pages instead of all over the index. The
    // built-in sort of the keys (UTF-16 order, as `<`) costs far less than a JS comparator over
    // cells; a number's few categories are sorted apart.
    const numbers = [...this.byNumber.keys()].sort();
    const cells: Cell[] = [];
    const perNumber: Cell[] = [];
    for (const number of numbers) {
      const e = this.byNumber.get(number)!;
      perNumber.push(e[0]!);
      if (e.length === 2) {
        cells.push(e[1]!);
      } else {
        const cats = e
          .slice(1)
          .sort((x, y) => (x.category < y.category ? -1 : x.category > y.category ? 1 : 0));
        for (const c of cats) cells.push(c);
      }
    }
    this.distinct += this.byNumber.size;
    this.byNumber.clear();
    return { cells, perNumber };
  }
}

// Shared ON CONFLICT clauses (CASE rather than LEAST/GREATEST, which SQLite lacks).
const CELL_UPSERT = `ON CONFLICT (number, source, category) DO UPDATE SET
  reports = feed_numbers.reports + excluded.reports,
  first_seen = CASE WHEN feed_numbers.first_seen IS NULL OR excluded.first_seen < feed_numbers.first_seen
    THEN excluded.first_seen ELSE feed_numbers.first_seen END,
  last_seen = CASE WHEN feed_numbers.last_seen IS NULL OR excluded.last_seen > feed_numbers.last_seen
    THEN excluded.last_seen ELSE feed_numbers.last_seen END`;
const REPUTATION_UPSERT = `ON CONFLICT (number) DO UPDATE SET
  feed_reports = number_reputation.feed_reports + excluded.feed_reports,
  feed_first_seen = CASE WHEN number_reputation.feed_first_seen IS NULL
    OR excluded.feed_first_seen < number_reputation.feed_first_seen
    THEN excluded.feed_first_seen ELSE number_reputation.feed_first_seen END,
  feed_last_seen = CASE WHEN number_reputation.feed_last_seen IS NULL
    OR excluded.feed_last_seen > number_reputation.feed_last_seen
    THEN excluded.feed_last_seen ELSE number_reputation.feed_last_seen END,
  version = excluded.version,
  updated_at = excluded.updated_at`;

/** How one backend writes: feed rows (returning the rows it really inserted) and aggregates. */
interface Writer {
  flushEvery: number;
  insertRows(rows: FeedRow[], importId: number): Promise<FeedRow[]>;
  writeAggregates(cells: Cell[], perNumber: Cell[], version: number, now: string): Promise<void>;
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
  const agg = new Aggregate();
  const report = (
    alreadyImported: boolean,
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
    numbers: agg.distinct,
    seconds: (Date.now() - started) / 1000,
  });
  const progress = () =>
    opts.onProgress?.({ rows: c.rows, bytes: job.bytesRead(), totalBytes: job.totalBytes });
  const noteMalformed = (line: number, reason: string) => {
    c.malformed++;
    if (c.malformedLines.length < MAX_LISTED_MALFORMED) c.malformedLines.push({ line, reason });
  };

  const priorImport = (db: Tx) =>
    db
      .selectFrom('feed_imports')
      .select(['rows_total', 'rows_imported', 'rows_duplicate', 'rows_malformed'])
      .where('source', '=', job.source)
      .where('sha256', '=', job.sha256)
      .executeTakeFirst();

  const body = async (trx: Tx, w: Writer): Promise<ImportResult> => {
    const prior = await priorImport(trx);
    if (prior) return report(true, prior);
    const now = ctx.now().toISOString();
    const version = await nextVersion(trx);
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
    const flush = async () => {
      const { cells, perNumber } = agg.drain();
      if (cells.length) await w.writeAggregates(cells, perNumber, version, now);
    };
    const insert = async (rows: FeedRow[]) => {
      const fresh = await w.insertRows(rows, importId);
      c.imported += fresh.length;
      for (const r of fresh) agg.add(r.number, r.category, r.occurredAt);
      if (agg.byNumber.size >= FLUSH_NUMBERS) await flush();
    };
    let batch: FeedRow[] = [];
    for await (const parsed of job.batches) {
      c.rows += parsed.count;
      for (const m of parsed.malformed) noteMalformed(m.line, m.reason);
      for (const r of parsed.rows) batch.push(r);
      if (batch.length >= w.flushEvery) {
        await insert(batch);
        batch = [];
      }
      progress();
    }
    if (batch.length) await insert(batch);
    await flush();
    progress();
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
    return report(false);
  };

  if (ctx.kind === 'postgres') {
    return ctx.db
      .transaction()
      .execute((trx) =>
        body(trx, {
          flushEvery: PG_BATCH,
          async insertRows(rows, importId) {
            const res = await sql<{ number: string; category: string | null; occurred_at: string | null }>`
            INSERT INTO feed_entries (row_key, source, number, occurred_at, category, region, robocall, import_id)
            SELECT k, ${job.source}, n, o, c, r, b, ${importId}
            FROM unnest(${rows.map((r) => String(r.rowKey))}::bigint[], ${rows.map((r) => r.number)}::text[],
              ${rows.map((r) => r.occurredAt)}::text[], ${rows.map((r) => r.category)}::text[],
              ${rows.map((r) => r.region)}::text[], ${rows.map((r) => r.robocall)}::int[]) AS t(k, n, o, c, r, b)
            ON CONFLICT (row_key) DO NOTHING
            RETURNING number, category, occurred_at
          `.execute(trx);
            return res.rows.map((r) => ({
              rowKey: 0n,
              number: r.number,
              category: r.category,
              occurredAt: r.occurred_at,
              region: null,
              robocall: null,
            }));
          },
          async writeAggregates(cells, perNumber, version, now) {
            for (let i = 0; i < cells.length; i += PG_BATCH) {
              const part = cells.slice(i, i + PG_BATCH);
              await sql`
              INSERT INTO feed_numbers (number, source, category, reports, first_seen, last_seen)
              SELECT n, ${job.source}, c, k, f, l FROM unnest(${part.map((x) => x.number)}::text[],
                ${part.map((x) => x.category)}::text[], ${part.map((x) => x.n)}::int[],
                ${part.map((x) => x.first)}::text[], ${part.map((x) => x.last)}::text[]) AS t(n, c, k, f, l)
              ${sql.raw(CELL_UPSERT)}
            `.execute(trx);
            }
            for (let i = 0; i < perNumber.length; i += PG_BATCH) {
              const part = perNumber.slice(i, i + PG_BATCH);
              await sql`
              INSERT INTO number_reputation (number, sha256, reports, reporters, not_scam, feed_reports,
                feed_first_seen, feed_last_seen, score, score_at, top_tactics, top_brands, version, updated_at)
              SELECT n, encode(sha256(convert_to(n, 'UTF8')), 'hex'), 0, 0, 0, k, f, l, 0, ${now}, '[]', '[]',
                ${version}, ${now}
              FROM unnest(${part.map((x) => x.number)}::text[], ${part.map((x) => x.n)}::int[],
                ${part.map((x) => x.first)}::text[], ${part.map((x) => x.last)}::text[]) AS t(n, k, f, l)
              ${sql.raw(REPUTATION_UPSERT)}
            `.execute(trx);
            }
          },
        }),
      )
      .catch(async (err: unknown) => {
        // The same file sent twice at once: both transactions found no prior import, and the later
        // one's feed_imports insert waited for the first to commit, then hit the unique key (a raw
        // 23505, answered as a 500). The file is imported, which is what a rerun would report.
        if (isFeedImportsClash(err)) {
          const prior = await priorImport(ctx.db);
          if (prior) return report(true, prior);
        }
        throw err;
      });
  }

  // SQLite: hold Kysely's only connection (other queries wait), and write with prepared statements
  // on the raw handle: the fast path behind the repository.
  return ctx.db.connection().execute(async (conn) => {
    const db = ctx.raw!.writer;
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    // A bigger page cache for the import only, so a large file's index pages are not spilled to
    // the WAL mid-transaction. Journaling and synchronous stay as opened (crash safety).
    db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = await body(conn, sqliteWriter(db, job.source));
      db.exec(result.alreadyImported ? 'ROLLBACK' : 'COMMIT');
      return result;
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    } finally {
      db.pragma(`cache_size = ${cacheSize}`);
    }
  });
}

/** Page cache during a SQLite import (KiB, negative as SQLite wants). */
const IMPORT_CACHE_KIB = -262_144;
/** Rows per multi-row statement: one call into SQLite per this many rows (8 × 256 binds < 32,766). */
const SQLITE_ROWS = 256;

/** `(?, ?, …), (…)`: `rows` groups of `cols` placeholders. */
const placeholders = (rows: number, cols: number): string => {
  const one = `(${Array(cols).fill('?').join(', ')})`;
  return Array(rows).fill(one).join(', ');
};

/**
 * Statements of `SQLITE_ROWS` rows each, plus one for the remainder, run over `items`; `bind`
 * writes one item's values into the flat argument array at `at`.
 */
function chunked<T, R>(
  db: BetterSqlite3.Database,
  sqlFor: (rows: number) => string,
  cols: number,
  bind: (item: T, args: unknown[], at: number) => void,
  run: (stmt: BetterSqlite3.Statement, args: unknown[]) => R,
): (items: readonly T[]) => R[] {
  const full = db.prepare(sqlFor(SQLITE_ROWS));
  const args: unknown[] = new Array(SQLITE_ROWS * cols);
  return (items) => {
    const out: R[] = [];
    for (let i = 0; i < items.length; i += SQLITE_ROWS) {
      const n = Math.min(SQLITE_ROWS, items.length - i);
      const stmt = n === SQLITE_ROWS ? full : db.prepare(sqlFor(n));
      const a = n === SQLITE_ROWS ? args : new Array(n * cols);
      for (let k = 0; k < n; k++) bind(items[i + k]!, a, k * cols);
      out.push(run(stmt, a));
    }
    return out;
  };
}

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The SQLite writer: multi-row INSERT statements on the raw handle. Feed rows use INSERT OR IGNORE
 * … RETURNING row_key, so the rows really inserted (not already stored under their content key)
 * are known without a statement per row.
 */
function sqliteWriter(db: BetterSqlite3.Database, source: string): Writer {
  const src = sqlText(source);
  let insertFeed: ((rows: readonly FeedRow[]) => bigint[][]) | undefined;
  return {
    flushEvery: 4096,
    async insertRows(rows, importId) {
      insertFeed ??= chunked<FeedRow, bigint[]>(
        db,
        (n) =>
          `INSERT OR IGNORE INTO feed_entries (row_key, number, occurred_at, category, region, robocall, source, import_id)
           VALUES ${placeholders(n, 6).replace(/\?\)/g, `?, ${src}, ${Number(importId)})`)} RETURNING row_key`,
        6,
        (r, a, at) => {
          a[at] = r.rowKey;
          a[at + 1] = r.number;
          a[at + 2] = r.occurredAt;
          a[at + 3] = r.category;
          a[at + 4] = r.region;
          a[at + 5] = r.robocall;
        },
        (stmt, a) =>
          stmt
            .pluck()
            .safeIntegers()
            .all(...a) as bigint[],
      );
      const keys = insertFeed(rows);
      let inserted = 0;
      for (const k of keys) inserted += k.length;
      if (inserted === rows.length) return rows;
      // Some rows were already stored (or repeated within this batch): keep the first of each key.
      const fresh = new Set<bigint>();
      for (const k of keys) for (const key of k) fresh.add(key);
      return rows.filter((r) => fresh.delete(r.rowKey));
    },
    async writeAggregates(cells, perNumber, version, now) {
      chunked<Cell, unknown>(
        db,
        (n) =>
          `INSERT INTO feed_numbers (number, category, reports, first_seen, last_seen, source)
           VALUES ${placeholders(n, 5).replace(/\?\)/g, `?, ${src})`)} ${CELL_UPSERT}`,
        5,
        (x, a, at) => {
          a[at] = x.number;
          a[at + 1] = x.category;
          a[at + 2] = x.n;
          a[at + 3] = x.first;
          a[at + 4] = x.last;
        },
        (stmt, a) => stmt.run(...a),
      )(cells);
      const tail = `0, 0, 0, 0, ${sqlText(now)}, '[]', '[]', ${Number(version)}, ${sqlText(now)})`;
      chunked<Cell, unknown>(
        db,
        (n) =>
          `INSERT INTO number_reputation (number, sha256, feed_reports, feed_first_seen, feed_last_seen, reports,
             reporters, not_scam, score, score_at, top_tactics, top_brands, version, updated_at)
           VALUES ${placeholders(n, 5).replace(/\?\)/g, `?, ${tail}`)} ${REPUTATION_UPSERT}`,
        5,
        (x, a, at) => {
          a[at] = x.number;
          a[at + 1] = numberHash(x.number);
          a[at + 2] = x.n;
          a[at + 3] = x.first;
          a[at + 4] = x.last;
        },
        (stmt, a) => stmt.run(...a),
      )(perNumber);
    },
  };
}

function isFeedImportsClash(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23505' && e.constraint === 'feed_imports_file';
}

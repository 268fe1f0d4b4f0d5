import { sql } from 'kysely';
import { CallGuardError } from '../errors/catalogue.js';
import { nextVersion, type StoreContext, type Tx } from './context.js';
import { isE164, numberHash, toE164 } from './numbers.js';
import type { NumberReputationTable } from './schema.js';
import { decay, levelFor } from './scoring.js';
import type { Level, Reputation, ReputationRepository } from './types.js';

const TOP = 5;
/** Most numbers one getMany call takes. */
const MANY_MAX = 10_000;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Most distinct numbers the per-turn memo keeps (a turn's lookups are bounded by its requests). */
const MEMO_MAX = 1024;

type Row = NumberReputationTable;

// Feed-only numbers (most of them) have empty lists: skip JSON.parse on the hot path.
const parseList = (text: string): unknown[] => (text === '[]' ? [] : (JSON.parse(text) as unknown[]));

/** The columns the SQLite lookup statement reads, in order (raw rows: arrays, not objects). */
const RAW_COLUMNS = [
  'sha256',
  'reports',
  'reporters',
  'not_scam',
  'feed_reports',
  'first_seen',
  'last_seen',
  'feed_first_seen',
  'feed_last_seen',
  'score',
  'score_at',
  'top_tactics',
  'top_brands',
  'version',
] as const;
type RawRow = [
  string,
  number,
  number,
  number,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  string,
  string,
  string,
  number | string, // version: a bigint, which PostgreSQL hands over as a string
];

/**
 * A row's answer without what depends on the time of asking (the decayed score and the level): the
 * SQLite lookups keep these for the rest of an event-loop turn (see createReputationRepository).
 */
type Prepared = Omit<Reputation, 'level' | 'score'> & {
  /** The stored score and when it was computed (ms); decayed to the time of asking. */
  cached: number;
  scoreAt: number;
  /** The last answer made from this row (memoised rows only; see presentShared). */
  last?: Reputation;
};

/** One cached row (RAW_COLUMNS in order), or none, before the time of asking is known. */
function prepare(ctx: StoreContext, number: string, r: RawRow | undefined): Prepared {
  const official = ctx.knowledge.official(number);
  if (!r) {
    return {
      number,
      sha256: numberHash(number),
      reporters: 0,
      reports: 0,
      notScam: 0,
      firstSeen: null,
      lastSeen: null,
      topTactics: [],
      topBrands: [],
      feeds: { reports: 0, firstSeen: null, lastSeen: null },
      official,
      version: 0,
      cached: 0,
      scoreAt: 0,
    };
  }
  const [
    sha256,
    reportsN,
    reportersN,
    notScam,
    feedReportsN,
    firstSeen,
    lastSeen,
    feedFirst,
    feedLast,
    cached,
    scoreAt,
    topTactics,
    topBrands,
    version,
  ] = r;
  return {
    number,
    sha256,
    reporters: Number(reportersN),
    reports: Number(reportsN),
    notScam: Number(notScam),
    firstSeen,
    lastSeen,
    topTactics: parseList(topTactics) as Reputation['topTactics'],
    topBrands: parseList(topBrands) as Reputation['topBrands'],
    feeds: { reports: Number(feedReportsN), firstSeen: feedFirst, lastSeen: feedLast },
    official,
    version: Number(version),
    cached,
    // Feed-only numbers (most) have score 0: no date to parse.
    scoreAt: cached === 0 ? 0 : Date.parse(scoreAt),
  };
}

/** The decayed score (rounded as answered) and the level of a row at `now`. */
function decayedScore(p: Prepared, now: number): { score: number; level: Level } {
  const score = p.cached === 0 ? 0 : p.cached * decay(now - p.scoreAt);
  const level = levelFor({
    reporters: p.reporters,
    score,
    feedReports: p.feeds.reports,
    official: p.official !== null,
  });
  return { score: Math.round(score * 1000) / 1000, level };
}

/** The public shape as seen at `now`: the level is computed then, with time decay. */
function present(p: Prepared, now: number, { score, level } = decayedScore(p, now)): Reputation {
  return {
    number: p.number,
    sha256: p.sha256,
    level,
    score,
    reporters: p.reporters,
    reports: p.reports,
    notScam: p.notScam,
    firstSeen: p.firstSeen,
    lastSeen: p.lastSeen,
    topTactics: p.topTactics,
    topBrands: p.topBrands,
    feeds: p.feeds,
    official: p.official,
    version: p.version,
  };
}

/**
 * `present` for a memoised row: while the decayed score (rounded as answered) and the level stay the
 * same, the same frozen answer again. A hot number's score moves in the third decimal every few
 * minutes, so one turn's lookups get one object, and the API can reuse that answer's bytes.
 */
function presentShared(p: Prepared, now: number): Reputation {
  const at = decayedScore(p, now);
  const last = p.last;
  if (last !== undefined && last.score === at.score && last.level === at.level) return last;
  return (p.last = Object.freeze(present(p, now, at)));
}

/** A Prepared shared by several answers: its parts made read-only, so no caller can change another's. */
function shared(p: Prepared): Prepared {
  if (p.official) p.official = Object.freeze({ ...p.official });
  for (const t of p.topTactics) Object.freeze(t);
  for (const b of p.topBrands) Object.freeze(b);
  Object.freeze(p.topTactics);
  Object.freeze(p.topBrands);
  Object.freeze(p.feeds);
  return p;
}

/** Cached row (or nothing) to the public shape; the level is computed now, with time decay. */
export function toReputation(
  ctx: StoreContext,
  number: string,
  row: Row | undefined,
  now = ctx.now().getTime(),
): Reputation {
  const raw: RawRow | undefined = row && [
    row.sha256,
    row.reports,
    row.reporters,
    row.not_scam,
    row.feed_reports,
    row.first_seen,
    row.last_seen,
    row.feed_first_seen,
    row.feed_last_seen,
    row.score,
    row.score_at,
    row.top_tactics,
    row.top_brands,
    row.version,
  ];
  return present(prepare(ctx, number, raw), now);
}

/** toReputation for a raw row of RAW_COLUMNS (the SQLite lookup path). */
function fromRaw(ctx: StoreContext, number: string, r: RawRow | undefined): Reputation {
  return present(prepare(ctx, number, r), ctx.now().getTime());
}

/** Per identity (a network, or a key without one), its latest time: each counts once, dated by it. */
function latestPer(rows: Array<[who: string, at: string]>): Map<string, string> {
  const latest = new Map<string, string>();
  for (const [who, at] of rows) {
    const prev = latest.get(who);
    if (prev === undefined || at > prev) latest.set(who, at);
  }
  return latest;
}

/**
 * Rebuilds one number's cached reputation from its visible reports and votes, inside the caller's
 * transaction, and gives it a new change version.
 */
export async function recomputeNumber(ctx: StoreContext, trx: Tx, number: string): Promise<void> {
  // PostgreSQL runs writers concurrently (READ COMMITTED): without a per-number lock, two reports for one
  // number each recompute from a snapshot missing the other's row and the last writer wins. The lock is
  // held to commit, so the next writer's reads see this one's report. SQLite writers are already serial.
  if (ctx.kind === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${number}))`.execute(trx);
  const nowDate = ctx.now();
  const now = nowDate.getTime();
  // One reporter is one network when the report came with one (the API's), else one reporter key:
  // keys are the client's to choose, so rotating them from one network must not count as many people.
  const reports = await trx
    .selectFrom('reports')
    .select(['reporter_hash', 'network_hash', 'occurred_at'])
    .where('number', '=', number)
    .where('hidden', '=', 0)
    .execute();
  const latest = latestPer(reports.map((r) => [r.network_hash ?? r.reporter_hash, r.occurred_at]));
  let first: string | null = null;
  let last: string | null = null;
  for (const r of reports) {
    if (first === null || r.occurred_at < first) first = r.occurred_at;
    if (last === null || r.occurred_at > last) last = r.occurred_at;
  }
  const votes = await trx
    .selectFrom('not_scam_votes')
    .select(['voter_hash', 'network_hash', 'created_at'])
    .where('number', '=', number)
    .execute();
  const voted = latestPer(votes.map((v) => [v.network_hash ?? v.voter_hash, v.created_at]));
  let score = 0;
  for (const at of latest.values()) score += decay(now - Date.parse(at));
  for (const at of voted.values()) score -= decay(now - Date.parse(at));

  const tactics = await trx
    .selectFrom('report_items as i')
    .innerJoin('reports as r', 'r.id', 'i.report_id')
    .select([
      'i.value as id',
      sql<number | string>`count(distinct coalesce(r.network_hash, r.reporter_hash))`.as('n'),
    ])
    .where('r.number', '=', number)
    .where('r.hidden', '=', 0)
    .where('i.kind', '=', 'tactic')
    .groupBy('i.value')
    .orderBy('n', 'desc')
    .orderBy('i.value')
    .limit(TOP)
    .execute();
  const brands = await trx
    .selectFrom('reports')
    .select(['brand', sql<number | string>`count(distinct coalesce(network_hash, reporter_hash))`.as('n')])
    .where('number', '=', number)
    .where('hidden', '=', 0)
    .where('brand', 'is not', null)
    .groupBy('brand')
    .orderBy('n', 'desc')
    .orderBy('brand')
    .limit(TOP)
    .execute();

  const version = await nextVersion(trx);
  const at = nowDate.toISOString();
  const values = {
    reports: reports.length,
    reporters: latest.size,
    not_scam: voted.size,
    first_seen: first,
    last_seen: last,
    score,
    score_at: at,
    top_tactics: JSON.stringify(tactics.map((t) => ({ id: t.id, reporters: Number(t.n) }))),
    top_brands: JSON.stringify(brands.map((b) => ({ brand: b.brand!, reporters: Number(b.n) }))),
    version,
    updated_at: at,
  };
  await trx
    .insertInto('number_reputation')
    .values({ number, sha256: numberHash(number), feed_reports: 0, ...values })
    .onConflict((oc) => oc.column('number').doUpdateSet(values))
    .execute();
}

export function createReputationRepository(ctx: StoreContext): ReputationRepository {
  // SQLite: prepared statements on a read-only connection (sees committed data only, never blocks
  // on the writer), returning raw rows of the columns needed. This is the hot path of call-blocker
  // lookups: no query building, no row objects, the number checked once.
  const cols = RAW_COLUMNS.join(', ');
  const byNumber = ctx.raw?.reader.prepare(`SELECT ${cols} FROM number_reputation WHERE number = ?`).raw();
  const byHash = ctx.raw?.reader
    .prepare(`SELECT number, ${cols} FROM number_reputation WHERE sha256 = ?`)
    .raw();

  const snapshot = ctx.raw?.snapshot;
  const readRaw = byNumber && ((n: string) => fromRaw(ctx, n, byNumber.get(n) as RawRow | undefined));
  // Under load a server looks up the same hot numbers many times in one turn (about 47 lookups per
  // turn at 50 connections), all in the turn's one snapshot, so the first lookup's row serves the
  // rest. The memo is dropped when the snapshot's generation moves (the turn ends, or this process
  // writes), so what a lookup sees is exactly what it saw without it; the time-dependent part (decayed
  // score, level) is still worked out on every lookup.
  const memo = new Map<string, Prepared>();
  let memoGeneration = -1;
  const readOne =
    byNumber &&
    ((n: string) => {
      snapshot!.enter();
      if (memoGeneration !== snapshot!.generation) {
        memo.clear();
        memoGeneration = snapshot!.generation;
      }
      let p = memo.get(n);
      if (p === undefined) {
        p = shared(prepare(ctx, n, byNumber.get(n) as RawRow | undefined));
        if (memo.size < MEMO_MAX) memo.set(n, p);
      }
      return presentShared(p, ctx.now().getTime());
    });
  // One snapshot for the whole list, whatever else this turn reads.
  const readMany =
    readRaw &&
    ((list: readonly string[]) => {
      snapshot!.hold();
      return list.map(readRaw);
    });

  async function find(number: string): Promise<Reputation> {
    if (readOne) return readOne(number);
    const row = await ctx.db
      .selectFrom('number_reputation')
      .selectAll()
      .where('number', '=', number)
      .executeTakeFirst();
    return toReputation(ctx, number, row);
  }

  function invalid(e164: unknown, pointer: string): CallGuardError {
    return new CallGuardError('CG_NUMBER_INVALID', `"${String(e164).slice(0, 40)}" is not an E.164 number.`, {
      pointer,
    });
  }

  return {
    async getMany(e164s) {
      if (!Array.isArray(e164s) || e164s.length > MANY_MAX) {
        throw new CallGuardError('CG_INPUT_INVALID', `Give a list of at most ${MANY_MAX} E.164 numbers.`, {
          pointer: '/numbers',
        });
      }
      e164s.forEach((n, i) => {
        if (!isE164(n)) throw invalid(n, `/numbers/${i}`);
      });
      if (readMany) return readMany(e164s);
      const rows = new Map<string, Row>();
      for (let i = 0; i < e164s.length; i += 1000) {
        const chunk = [...new Set(e164s.slice(i, i + 1000))];
        const found = await ctx.db
          .selectFrom('number_reputation')
          .selectAll()
          .where('number', 'in', chunk)
          .execute();
        for (const r of found) rows.set(r.number, r);
      }
      const now = ctx.now().getTime();
      return e164s.map((n) => toReputation(ctx, n, rows.get(n), now));
    },
    get(e164) {
      if (!isE164(e164)) return Promise.reject(invalid(e164, '/number'));
      return find(e164);
    },
    async lookup(input, opts = {}) {
      return find(toE164(input, opts.country));
    },
    async getByHash(sha256) {
      const h = String(sha256).toLowerCase();
      if (!SHA256_HEX.test(h)) {
        throw new CallGuardError(
          'CG_INPUT_INVALID',
          'The hash must be 64 hexadecimal characters (SHA-256 of the E.164 number).',
          {
            pointer: '/sha256',
          },
        );
      }
      if (byHash) {
        snapshot!.enter();
        const r = byHash.get(h) as [string, ...RawRow] | undefined;
        return r ? fromRaw(ctx, r[0], r.slice(1) as RawRow) : null;
      }
      const row = await ctx.db
        .selectFrom('number_reputation')
        .selectAll()
        .where('sha256', '=', h)
        .executeTakeFirst();
      return row ? toReputation(ctx, row.number, row) : null;
    },
  };
}

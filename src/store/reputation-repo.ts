import { sql } from 'kysely';
import { CallGuardError } from '../errors/catalogue.js';
import { nextVersion, type StoreContext, type Tx } from './context.js';
import { isE164, numberHash, toE164 } from './numbers.js';
import type { NumberReputationTable } from './schema.js';
import { decay, decayedScore, levelFor } from './scoring.js';
import type { Reputation, ReputationRepository } from './types.js';

const TOP = 5;
const SHA256_HEX = /^[0-9a-f]{64}$/;

type Row = NumberReputationTable;

// Feed-only numbers (most of them) have empty lists: skip JSON.parse on the hot path.
const parseList = (text: string): unknown[] => (text === '[]' ? [] : (JSON.parse(text) as unknown[]));

/** Cached row (or nothing) to the public shape; the level is computed now, with time decay. */
export function toReputation(
  ctx: StoreContext,
  number: string,
  row: Row | undefined,
  now = ctx.now().getTime(),
): Reputation {
  const official = ctx.knowledge.official(number);
  if (!row) {
    return {
      number,
      sha256: numberHash(number),
      level: 'unknown',
      score: 0,
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
    };
  }
  const score = decayedScore(row.score, row.score_at, now);
  const reporters = Number(row.reporters);
  const feedReports = Number(row.feed_reports);
  return {
    number,
    sha256: row.sha256,
    level: levelFor({ reporters, score, feedReports, official: official !== null }),
    score: Math.round(score * 1000) / 1000,
    reporters,
    reports: Number(row.reports),
    notScam: Number(row.not_scam),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    topTactics: parseList(row.top_tactics) as Reputation['topTactics'],
    topBrands: parseList(row.top_brands) as Reputation['topBrands'],
    feeds: { reports: feedReports, firstSeen: row.feed_first_seen, lastSeen: row.feed_last_seen },
    official,
    version: Number(row.version),
  };
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
  const reports = await trx
    .selectFrom('reports')
    .select(['reporter_hash', 'occurred_at'])
    .where('number', '=', number)
    .where('hidden', '=', 0)
    .execute();
  const latest = new Map<string, string>();
  let first: string | null = null;
  let last: string | null = null;
  for (const r of reports) {
    const prev = latest.get(r.reporter_hash);
    if (prev === undefined || r.occurred_at > prev) latest.set(r.reporter_hash, r.occurred_at);
    if (first === null || r.occurred_at < first) first = r.occurred_at;
    if (last === null || r.occurred_at > last) last = r.occurred_at;
  }
  const votes = await trx
    .selectFrom('not_scam_votes')
    .select('created_at')
    .where('number', '=', number)
    .execute();
  let score = 0;
  for (const at of latest.values()) score += decay(now - Date.parse(at));
  for (const v of votes) score -= decay(now - Date.parse(v.created_at));

  const tactics = await trx
    .selectFrom('report_items as i')
    .innerJoin('reports as r', 'r.id', 'i.report_id')
    .select(['i.value as id', sql<number | string>`count(distinct r.reporter_hash)`.as('n')])
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
    .select(['brand', sql<number | string>`count(distinct reporter_hash)`.as('n')])
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
    not_scam: votes.length,
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
  // on the writer). This is the hot path of call-blocker lookups.
  const byNumber = ctx.raw?.reader.prepare('SELECT * FROM number_reputation WHERE number = ?');
  const byHash = ctx.raw?.reader.prepare('SELECT * FROM number_reputation WHERE sha256 = ?');

  async function rowByNumber(number: string): Promise<Row | undefined> {
    if (byNumber) return byNumber.get(number) as Row | undefined;
    return ctx.db.selectFrom('number_reputation').selectAll().where('number', '=', number).executeTakeFirst();
  }

  return {
    async get(e164) {
      if (!isE164(e164)) {
        throw new CallGuardError(
          'CG_NUMBER_INVALID',
          `"${String(e164).slice(0, 40)}" is not an E.164 number.`,
          {
            pointer: '/number',
          },
        );
      }
      return toReputation(ctx, e164, await rowByNumber(e164));
    },
    async lookup(input, opts = {}) {
      const e164 = toE164(input, opts.country);
      return toReputation(ctx, e164, await rowByNumber(e164));
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
      const row = byHash
        ? (byHash.get(h) as Row | undefined)
        : await ctx.db.selectFrom('number_reputation').selectAll().where('sha256', '=', h).executeTakeFirst();
      return row ? toReputation(ctx, row.number, row) : null;
    },
  };
}

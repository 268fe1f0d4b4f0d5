import { createHash, randomUUID } from 'node:crypto';
import { CallGuardError } from '../errors/catalogue.js';
import { redactText } from '../privacy/redact.js';
import { networkHash, reporterHash, writeTx, type StoreContext, type Tx } from './context.js';
import { brandOf } from './official.js';
import { toE164 } from './numbers.js';
import {
  checkOccurredAt,
  cleanText,
  notScamInputSchema,
  parseOrThrow,
  reportInputSchema,
  type ReportInput,
} from './report-input.js';
import { recomputeNumber, toReputation } from './reputation-repo.js';
import type { ReportsTable } from './schema.js';
import { isoWeek } from './time.js';
import type { Ask, Direction, NumberSource, Report, ReportRepository } from './types.js';

const MAX_REASON = 200;

/** JSON with sorted keys, so the same request always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A one-line field as stored: control characters and bidi overrides gone, any line break a space,
 * secrets redacted (claimedOrg is shown publicly in /v1/stats).
 */
function oneLineOrNull(text: string | undefined): string | null {
  const line = text === undefined ? '' : cleanText(text).replace(/\s+/g, ' ').trim();
  return line ? redactText(line).text : null;
}

function bodyHash(input: ReportInput): string {
  // Not who sent it: a retry from a phone that moved from Wi-Fi to mobile data is the same report,
  // and so its network (and a reporter key derived from its address) may differ.
  const { idempotencyKey: _ignored, network: _from, reporterKey: _who, ...body } = input;
  return createHash('sha256').update(canonical(body)).digest('hex');
}

async function loadReport(trx: Tx, id: string): Promise<Report | undefined> {
  const row = await trx.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const items = await trx
    .selectFrom('report_items')
    .select(['kind', 'value'])
    .where('report_id', '=', id)
    .execute();
  return toReport(row, items);
}

function toReport(row: ReportsTable, items: { kind: string; value: string }[]): Report {
  const of = (kind: string) =>
    items
      .filter((i) => i.kind === kind)
      .map((i) => i.value)
      .sort();
  return {
    id: row.id,
    number: row.number,
    occurredAt: row.occurred_at,
    createdAt: row.created_at,
    direction: row.direction as Direction,
    numberSource: row.number_source as NumberSource | null,
    claimedOrg: row.claimed_org,
    brand: row.brand,
    tactics: of('tactic'),
    askedFor: of('asked') as Ask[],
    given: of('given') as Ask[],
    amountLost: row.amount_lost === null ? null : Number(row.amount_lost),
    currency: row.currency,
    country: row.country,
    region: row.region,
    text: row.text,
    redactions: row.redactions ? (JSON.parse(row.redactions) as Report['redactions']) : [],
    hidden: Number(row.hidden) === 1,
  };
}

function notFound(id: string): CallGuardError {
  return new CallGuardError('CG_NOT_FOUND', `No report with id "${String(id).slice(0, 100)}".`, {
    pointer: '/id',
  });
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

export function createReportRepository(ctx: StoreContext): ReportRepository {
  async function existingForKey(trx: Tx, key: string, hash: string): Promise<Report | undefined> {
    const prior = await trx
      .selectFrom('reports')
      .select(['id', 'body_hash'])
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (!prior) return undefined;
    if (prior.body_hash !== hash) {
      throw new CallGuardError(
        'CG_CONFLICT',
        'This idempotency key was already used for a different report.',
        { pointer: '/idempotencyKey' },
      );
    }
    return loadReport(trx, prior.id);
  }

  async function setHidden(id: string, hidden: boolean, reason: string | undefined): Promise<Report> {
    return writeTx(ctx, async (trx) => {
      const row = await trx
        .selectFrom('reports')
        .select(['number', 'hidden'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw notFound(id);
      if (Number(row.hidden) !== (hidden ? 1 : 0)) {
        await trx
          .updateTable('reports')
          .set({
            hidden: hidden ? 1 : 0,
            hidden_at: hidden ? ctx.now().toISOString() : null,
            hidden_reason: hidden ? (reason?.slice(0, MAX_REASON) ?? null) : null,
          })
          .where('id', '=', id)
          .execute();
        await recomputeNumber(ctx, trx, row.number);
      }
      return (await loadReport(trx, id))!;
    });
  }

  return {
    async create(raw) {
      const input = parseOrThrow(reportInputSchema, raw);
      const now = ctx.now();
      const number = toE164(input.number, input.country);
      const occurredAt = checkOccurredAt(input.occurredAt, now);
      const hash = bodyHash(input);
      const redacted = input.text ? redactText(cleanText(input.text)) : null;
      // claimedOrg and region are typed freely too, and claimedOrg is shown publicly (/v1/stats
      // "recent"): a card number or password typed there must not be stored or published either.
      const claimedOrg = oneLineOrNull(input.claimedOrg);
      const region = oneLineOrNull(input.region);
      const id = randomUUID();
      const row: ReportsTable = {
        id,
        number,
        occurred_at: occurredAt,
        week: isoWeek(new Date(occurredAt)),
        created_at: now.toISOString(),
        direction: input.direction,
        number_source: input.numberSource ?? null,
        claimed_org: claimedOrg,
        brand: brandOf(ctx.knowledge, input.claimedOrg),
        amount_lost: input.amountLost ?? null,
        currency: input.currency ?? null,
        country: input.country ?? null,
        region,
        text: redacted && redacted.text.trim() ? redacted.text : null,
        redactions: redacted && redacted.redactions.length ? JSON.stringify(redacted.redactions) : null,
        reporter_hash: reporterHash(ctx, input.reporterKey),
        network_hash: networkHash(ctx, input.network),
        idempotency_key: input.idempotencyKey ?? null,
        body_hash: hash,
        hidden: 0,
        hidden_at: null,
        hidden_reason: null,
      };
      const items = [
        ...[...new Set(input.tactics ?? [])].map((value) => ({ report_id: id, kind: 'tactic', value })),
        ...[...new Set(input.askedFor ?? [])].map((value) => ({ report_id: id, kind: 'asked', value })),
        ...[...new Set(input.given ?? [])].map((value) => ({ report_id: id, kind: 'given', value })),
      ];
      try {
        return await writeTx(ctx, async (trx) => {
          if (input.idempotencyKey) {
            const prior = await existingForKey(trx, input.idempotencyKey, hash);
            if (prior) return { report: prior, created: false };
          }
          await trx.insertInto('reports').values(row).execute();
          if (items.length) await trx.insertInto('report_items').values(items).execute();
          await recomputeNumber(ctx, trx, number);
          return { report: (await loadReport(trx, id))!, created: true };
        });
      } catch (err) {
        // Two identical requests racing on PostgreSQL: the loser sees the winner's report.
        if (input.idempotencyKey && isUniqueViolation(err)) {
          const prior = await existingForKey(ctx.db, input.idempotencyKey, hash);
          if (prior) return { report: prior, created: false };
        }
        throw err;
      }
    },

    async get(id, opts = {}) {
      const report = await loadReport(ctx.db, String(id));
      if (!report || (report.hidden && !opts.includeHidden)) throw notFound(id);
      return report;
    },

    async listForNumber(e164, opts = {}) {
      return listVisible(ctx, e164, opts.limit);
    },

    async listRecent(opts = {}) {
      return listVisible(ctx, null, opts.limit);
    },

    async notScam(raw) {
      const input = parseOrThrow(notScamInputSchema, raw);
      return writeTx(ctx, async (trx) => {
        let number: string;
        if (input.reportId !== undefined) {
          const row = await trx
            .selectFrom('reports')
            .select('number')
            .where('id', '=', input.reportId)
            .where('hidden', '=', 0)
            .executeTakeFirst();
          if (!row) throw notFound(input.reportId);
          number = row.number;
        } else {
          number = toE164(input.number!, input.country);
        }
        const res = await trx
          .insertInto('not_scam_votes')
          .values({
            number,
            voter_hash: reporterHash(ctx, input.reporterKey),
            network_hash: networkHash(ctx, input.network),
            report_id: input.reportId ?? null,
            created_at: ctx.now().toISOString(),
          })
          .onConflict((oc) => oc.columns(['number', 'voter_hash']).doNothing())
          .executeTakeFirst();
        const counted = Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
        if (counted) await recomputeNumber(ctx, trx, number);
        const rep = await trx
          .selectFrom('number_reputation')
          .selectAll()
          .where('number', '=', number)
          .executeTakeFirst();
        return { number, counted, reputation: toReputation(ctx, number, rep) };
      });
    },

    hide: (id, opts = {}) => setHidden(String(id), true, opts.reason),
    restore: (id) => setHidden(String(id), false, undefined),
  };
}

/** Visible reports, newest first: of one number, or of all numbers when number is null. */
async function listVisible(ctx: StoreContext, number: string | null, limit = 20): Promise<Report[]> {
  let query = ctx.db.selectFrom('reports').selectAll().where('hidden', '=', 0);
  if (number !== null) query = query.where('number', '=', number);
  const rows = await query
    .orderBy('occurred_at', 'desc')
    .orderBy('id')
    .limit(Math.min(Math.max(1, limit), 200))
    .execute();
  if (rows.length === 0) return [];
  const items = await ctx.db
    .selectFrom('report_items')
    .select(['report_id', 'kind', 'value'])
    .where(
      'report_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) =>
    toReport(
      r,
      items.filter((i) => i.report_id === r.id),
    ),
  );
}

/**
 * Case files in the store (SQLite or PostgreSQL). Cases are sensitive: nothing here logs, free text
 * is redacted with src/privacy/redact.ts before it is written, and delete means gone:
 * - every row of the case is deleted in one transaction;
 * - SQLite: the connection runs with `secure_delete = ON` (freed pages are overwritten with zeros)
 *   and a delete ends with a WAL checkpoint that truncates the WAL, so neither the database file nor
 *   the WAL keeps the text;
 * - PostgreSQL: the rows are gone for every query at once; the bytes leave the disk when PostgreSQL
 *   reuses the space (VACUUM) and recycles WAL segments, which CallGuard cannot force (see docs/cases.md).
 */
import { sql, type Kysely } from 'kysely';
import { CallGuardError } from '../errors/catalogue.js';
import { addItems, createCase, type Case, type CaseItem } from '../cases/index.js';
import { LIMITS } from '../cases/schema.js';
import { redactText } from '../privacy/redact.js';
import { writeTx, type StoreContext } from './context.js';

// A type alias (not an interface) so it satisfies Kysely's table-map constraint.
type CaseTables = {
  cases: { id: string; created_at: string; updated_at: string; country: string; data: string };
  case_items: {
    case_id: string;
    item_id: string;
    position: number;
    kind: string;
    at: string | null;
    data: string;
  };
};

export interface CaseRepository {
  /** Validates (CG_CASE_INVALID / CG_CASE_SENSITIVE_DATA), redacts and stores a new case. */
  create(input: unknown): Promise<Case>;
  /** Throws CG_CASE_NOT_FOUND. */
  get(id: string): Promise<Case>;
  /** Validates and appends items; returns the whole case. Throws CG_CASE_NOT_FOUND. */
  addItems(id: string, items: readonly unknown[]): Promise<Case>;
  /** Deletes the case and every item for good. Throws CG_CASE_NOT_FOUND. */
  delete(id: string): Promise<void>;
}

const MAX_ITEMS = LIMITS.itemsPerKind * 5;
const redact = (text: string) => redactText(text).text;

function tooManyItems(): CallGuardError {
  return new CallGuardError('CG_INPUT_TOO_LARGE', `A case holds at most ${MAX_ITEMS} items.`, {
    pointer: '/items',
  });
}

function notFound(): CallGuardError {
  // Same answer for a malformed and a missing id: ids are the only key, so say nothing more.
  return new CallGuardError('CG_CASE_NOT_FOUND', 'No case with that id (it may have been deleted).', {
    pointer: '/id',
  });
}

/**
 * @example
 * const c = await store.cases.create({ country: 'US', items: [{ kind: 'call', at: '2026-11-20', direction: 'incoming' }] });
 * await store.cases.delete(c.id);
 */
export function createCaseRepository(ctx: StoreContext): CaseRepository {
  const db = (): Kysely<CaseTables> => ctx.db.withTables<CaseTables>() as unknown as Kysely<CaseTables>;
  // secure_delete is a per-connection setting; the SQLite writer is the only connection that deletes.
  ctx.raw?.writer.pragma('secure_delete = ON');

  async function load(id: string, from: Kysely<CaseTables> = db()): Promise<Case> {
    if (!/^[0-9a-f]{32}$/.test(id)) throw notFound();
    const row = await from.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    const items = await from
      .selectFrom('case_items')
      .select(['data'])
      .where('case_id', '=', id)
      .orderBy('position')
      .execute();
    const meta = JSON.parse(row.data) as Pick<Case, 'title' | 'victim' | 'filer' | 'summary'>;
    return {
      id: row.id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      country: row.country,
      ...meta,
      items: items.map((r) => JSON.parse(r.data) as CaseItem),
    };
  }

  function itemRows(caseId: string, items: readonly CaseItem[], from: number): CaseTables['case_items'][] {
    return items.map((item, i) => ({
      case_id: caseId,
      item_id: item.id,
      position: from + i,
      kind: item.kind,
      at: item.at ?? null,
      data: JSON.stringify(item),
    }));
  }

  async function insertItems(trx: Kysely<CaseTables>, rows: CaseTables['case_items'][]): Promise<void> {
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 100) {
      await trx
        .insertInto('case_items')
        .values(rows.slice(i, i + 100))
        .execute();
    }
  }

  return {
    async create(input) {
      const c = createCase(input, { now: ctx.now(), redact, assessCalls: true });
      const { title, victim, filer, summary } = c;
      await writeTx(ctx, async (tx) => {
        const trx = tx.withTables<CaseTables>() as unknown as Kysely<CaseTables>;
        await trx
          .insertInto('cases')
          .values({
            id: c.id,
            created_at: c.createdAt,
            updated_at: c.updatedAt,
            country: c.country,
            data: JSON.stringify({ title, victim, filer, summary }),
          })
          .execute();
        await insertItems(trx, itemRows(c.id, c.items, 0));
      });
      return c;
    },

    get: load,

    async addItems(id, items) {
      const current = await load(id);
      if (current.items.length + items.length > MAX_ITEMS) throw tooManyItems();
      // Validated (and calls assessed) outside the transaction: that is the slow part.
      const next = addItems(current, items, { now: ctx.now(), redact, assessCalls: true });
      const added = next.items.slice(current.items.length);
      return writeTx(ctx, async (tx) => {
        const trx = tx.withTables<CaseTables>() as unknown as Kysely<CaseTables>;
        // The UPDATE locks the case row (PostgreSQL; SQLite's BEGIN IMMEDIATE locks the database), so
        // concurrent additions to one case queue here. What `current` said may be stale by now: the cap
        // and the item ids are checked again under the lock, or two requests at once could pass the
        // cap together or both insert one id (a primary-key violation, answered as a 500).
        const res = await trx
          .updateTable('cases')
          .set({ updated_at: next.updatedAt })
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw notFound();
        const held = await trx
          .selectFrom('case_items')
          .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('position').as('max')])
          .where('case_id', '=', id)
          .executeTakeFirst();
        if (Number(held?.n ?? 0) + added.length > MAX_ITEMS) throw tooManyItems();
        const clash = await trx
          .selectFrom('case_items')
          .select('item_id')
          .where('case_id', '=', id)
          .where(
            'item_id',
            'in',
            added.map((i) => i.id),
          )
          .executeTakeFirst();
        if (clash) {
          const at = added.findIndex((i) => i.id === clash.item_id);
          throw new CallGuardError('CG_CASE_INVALID', `Item id ${clash.item_id} is used twice.`, {
            pointer: `/items/${at}/id`,
          });
        }
        await insertItems(trx, itemRows(id, added, Number(held?.max ?? -1) + 1));
        return load(id, trx);
      });
    },

    async delete(id) {
      if (!/^[0-9a-f]{32}$/.test(id)) throw notFound();
      const deleted = await writeTx(ctx, async (tx) => {
        const trx = tx.withTables<CaseTables>() as unknown as Kysely<CaseTables>;
        await trx.deleteFrom('case_items').where('case_id', '=', id).execute();
        const res = await trx.deleteFrom('cases').where('id', '=', id).executeTakeFirst();
        return Number(res.numDeletedRows);
      });
      if (deleted !== 1) throw notFound();
      if (ctx.kind === 'sqlite') {
        // Move the zeroed pages into the database file and empty the WAL, which still held the old pages.
        await ctx.db.connection().execute((conn) => sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(conn));
      }
    },
  };
}

/**
 * The database as Kysely sees it. Timestamps are ISO-8601 UTC strings (they sort as text on both
 * backends), booleans are 0/1 integers, lists live in child tables so both backends can group them.
 */
import type { Generated } from 'kysely';

export interface MetaTable {
  key: string;
  value: string;
}

export interface ReportsTable {
  id: string;
  number: string;
  occurred_at: string;
  /** ISO week of occurred_at ("2026-W48"), for per-week stats without dialect-specific date maths. */
  week: string;
  created_at: string;
  direction: string;
  number_source: string | null;
  claimed_org: string | null;
  /** Normalised organisation id when the claimed name is a known one, else the claimed name lowercased. */
  brand: string | null;
  amount_lost: number | null;
  currency: string | null;
  country: string | null;
  region: string | null;
  /** Free text after redaction; the original is never stored. */
  text: string | null;
  redactions: string | null;
  reporter_hash: string;
  /** Keyed hash of the client's network (see migration 004); null for local and older reports. */
  network_hash: string | null;
  idempotency_key: string | null;
  body_hash: string;
  hidden: number;
  hidden_at: string | null;
  hidden_reason: string | null;
}

export interface ReportItemsTable {
  report_id: string;
  /** "tactic", "asked" or "given". */
  kind: string;
  value: string;
}

export interface NotScamVotesTable {
  number: string;
  voter_hash: string;
  network_hash: string | null;
  report_id: string | null;
  created_at: string;
}

export interface NumberReputationTable {
  number: string;
  sha256: string;
  reports: number;
  reporters: number;
  not_scam: number;
  feed_reports: number;
  first_seen: string | null;
  last_seen: string | null;
  feed_first_seen: string | null;
  feed_last_seen: string | null;
  /** Community score at score_at; it decays from there (see docs/reputation.md). */
  score: number;
  score_at: string;
  top_tactics: string;
  top_brands: string;
  version: number | string;
  updated_at: string;
}

export interface FeedEntriesTable {
  id: Generated<number>;
  /** 64-bit content hash of (source, row): the natural key that makes re-imports change nothing. */
  row_key: number | string;
  source: string;
  number: string;
  occurred_at: string | null;
  category: string | null;
  region: string | null;
  robocall: number | null;
  import_id: number;
}

/** Feed rows per number, source and category (what lookups and the reputation cache read). */
export interface FeedNumbersTable {
  number: string;
  source: string;
  category: string;
  reports: number;
  first_seen: string | null;
  last_seen: string | null;
}

export interface FeedImportsTable {
  id: Generated<number>;
  source: string;
  file_name: string;
  sha256: string;
  rows_total: number;
  rows_imported: number;
  rows_duplicate: number;
  rows_malformed: number;
  started_at: string;
  finished_at: string;
}

export interface Database {
  meta: MetaTable;
  reports: ReportsTable;
  report_items: ReportItemsTable;
  not_scam_votes: NotScamVotesTable;
  number_reputation: NumberReputationTable;
  feed_entries: FeedEntriesTable;
  feed_imports: FeedImportsTable;
  feed_numbers: FeedNumbersTable;
}

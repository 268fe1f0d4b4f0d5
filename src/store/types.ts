/** Public shapes of the store: what the CLI, the API and the web app see. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { RedactionResult } from '../privacy/redact.js';
import type { CaseRepository } from './case-repository.js';

export const DIRECTIONS = ['they-called', 'i-called'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Where the number came from: caller ID when they called, or where the person found it. */
export const NUMBER_SOURCES = [
  'caller-id',
  'popup',
  'invoice',
  'search',
  'sms',
  'email',
  'website',
  'voicemail',
  'other',
] as const;
export type NumberSource = (typeof NUMBER_SOURCES)[number];

/** What the caller asked for, or what the person gave. */
export const ASKS = ['remote-access', 'card', 'gift-cards', 'crypto', 'wire', 'passwords', 'bank'] as const;
export type Ask = (typeof ASKS)[number];
/** The asks that are ways to pay (for "top payment methods"). */
export const PAYMENT_METHODS: readonly Ask[] = ['card', 'gift-cards', 'crypto', 'wire', 'bank'];

export const LEVELS = ['unknown', 'reported', 'likely-scam', 'confirmed-scam'] as const;
export type Level = (typeof LEVELS)[number];

export interface Report {
  id: string;
  number: string;
  occurredAt: string;
  createdAt: string;
  direction: Direction;
  numberSource: NumberSource | null;
  claimedOrg: string | null;
  /** Known organisation id ("microsoft") or the claimed name lowercased. */
  brand: string | null;
  tactics: string[];
  askedFor: Ask[];
  given: Ask[];
  amountLost: number | null;
  currency: string | null;
  country: string | null;
  region: string | null;
  /** Redacted free text. */
  text: string | null;
  redactions: RedactionResult['redactions'];
  hidden: boolean;
}

export interface CreateReportResult {
  report: Report;
  /** False when an identical request with the same idempotency key was already stored. */
  created: boolean;
}

export interface OfficialMatch {
  org: string;
  name: string;
  channel: string;
}

export interface Reputation {
  number: string;
  /** SHA-256 hex of the E.164 number (the key of the privacy-preserving lookup). */
  sha256: string;
  level: Level;
  /** Community score after time decay (distinct reporters minus distinct "not a scam" voters). */
  score: number;
  reporters: number;
  reports: number;
  notScam: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Read-only: a lookup's parts may be shared with other answers of the same event-loop turn. */
  topTactics: readonly { readonly id: string; readonly reporters: number }[];
  topBrands: readonly { readonly brand: string; readonly reporters: number }[];
  /** Public feed rows (FTC Do Not Call complaints, imported lists): weak, unverified signals. */
  feeds: { readonly reports: number; readonly firstSeen: string | null; readonly lastSeen: string | null };
  /** Set when the number is an official number of an organisation: it is spoofed, never listed. */
  official: OfficialMatch | null;
  /** Change version of this number (0 when never seen). */
  version: number;
}

export interface NotScamInput {
  /** The report being disputed, or the number directly. */
  reportId?: string;
  number?: string;
  country?: string;
  reporterKey: string;
}

export interface NotScamResult {
  number: string;
  /** False when this person had already said so (votes count once per person). */
  counted: boolean;
  reputation: Reputation;
}

export interface ReportRepository {
  /** Validates, redacts and stores a report. Throws CG_INPUT_INVALID / CG_NUMBER_INVALID / CG_INPUT_TOO_LARGE / CG_CONFLICT. */
  create(input: unknown): Promise<CreateReportResult>;
  /** Throws CG_NOT_FOUND. Hidden reports only with includeHidden (admin). */
  get(id: string, opts?: { includeHidden?: boolean }): Promise<Report>;
  /** Visible reports of one number, newest first. */
  listForNumber(e164: string, opts?: { limit?: number }): Promise<Report[]>;
  /** Visible reports of all numbers, newest first (at most 200). */
  listRecent(opts?: { limit?: number }): Promise<Report[]>;
  notScam(input: unknown): Promise<NotScamResult>;
  /** Admin moderation. Throws CG_NOT_FOUND. */
  hide(id: string, opts?: { reason?: string }): Promise<Report>;
  restore(id: string): Promise<Report>;
}

export interface ReputationRepository {
  /**
   * Reputation of an E.164 number (level "unknown" when never seen). Throws CG_NUMBER_INVALID.
   * The answer may be frozen and shared with other lookups of the same event-loop turn: copy it
   * to change it.
   */
  get(e164: string): Promise<Reputation>;
  /**
   * Reputations of many E.164 numbers, in the order given (bulk checks of call lists). One promise
   * for the whole list; on SQLite one prepared read per number, on PostgreSQL one query per 1,000.
   * Throws CG_NUMBER_INVALID pointing at the first bad entry (`/numbers/<index>`); at most 10,000.
   */
  getMany(e164s: readonly string[]): Promise<Reputation[]>;
  /** Parses a number as typed, then `get`. */
  lookup(input: string, opts?: { country?: string }): Promise<Reputation>;
  /** Privacy-preserving lookup by SHA-256 hex of the E.164 number; null when never seen. */
  getByHash(sha256: string): Promise<Reputation | null>;
}

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface ImportResult {
  source: string;
  file: string;
  sha256: string;
  /** True when this exact file had been imported before: nothing changed. */
  alreadyImported: boolean;
  rows: number;
  imported: number;
  /** Rows already present (from an earlier, overlapping file). */
  duplicates: number;
  malformed: number;
  /** Line numbers of the first malformed rows, with why. */
  malformedLines: { line: number; reason: string }[];
  numbers: number;
  seconds: number;
}

export interface FeedFile {
  path: string;
  /** Name recorded for the import (defaults to the file's base name). */
  name?: string;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
}

export interface FeedSummary {
  source: string;
  reports: number;
  lastSeen: string | null;
  categories: { category: string; reports: number }[];
}

export interface FeedRepository {
  /** FTC Do Not Call reported-calls CSV: streaming, idempotent, all-or-nothing per file. */
  importFtcDnc(file: FeedFile, opts?: ImportOptions): Promise<ImportResult>;
  /** A CSV (column number/phone/e164) or JSON (array of numbers or {number}) list under a source name. */
  importList(
    file: FeedFile,
    opts: ImportOptions & { source: string; country?: string; format?: 'csv' | 'json' },
  ): Promise<ImportResult>;
  /** Feed rows of one number, by source. */
  summary(e164: string): Promise<FeedSummary[]>;
}

export interface BlocklistEntry {
  number: string;
  sha256: string;
  level: Level;
  reporters: number;
  feedReports: number;
  lastSeen: string | null;
  version: number;
  /** In incremental exports: "remove" when the number no longer meets the minimum level. */
  action: 'add' | 'remove';
}

export interface BlocklistPage {
  entries: BlocklistEntry[];
  /** Pass as `since` next time to get only later changes. */
  version: number;
  /** True when more entries follow: call again with the same options plus `cursor`. */
  more: boolean;
  cursor?: string;
}

export interface BlocklistRepository {
  /**
   * Numbers at or above a level. With `since` (a version from an earlier page) only changes after
   * it, including numbers to remove; `sinceTime` (ISO) does the same by timestamp.
   */
  export(opts?: {
    minLevel?: Level;
    since?: number;
    sinceTime?: string;
    /** From the previous page when it said `more`. */
    cursor?: string;
    limit?: number;
  }): Promise<BlocklistPage>;
}

export interface WeekStats {
  week: string;
  reports: number;
  topNumbers: { number: string; reports: number; reporters: number }[];
  topTactics: { id: string; reports: number }[];
  topBrands: { brand: string; reports: number }[];
  topPaymentMethods: { method: string; reports: number }[];
  amountLost: { currency: string; total: number }[];
}

export interface Stats {
  weeks: WeekStats[];
  totals: { reports: number; numbers: number; feedReports: number };
}

export interface StatsRepository {
  /** Per ISO week, newest first. */
  weekly(opts?: { weeks?: number; limit?: number }): Promise<Stats>;
}

export interface Store {
  kind: 'sqlite' | 'postgres';
  db: Kysely<Database>;
  reports: ReportRepository;
  reputation: ReputationRepository;
  feeds: FeedRepository;
  blocklist: BlocklistRepository;
  stats: StatsRepository;
  /** Case files (src/cases): create, get, add items, delete for good. */
  cases: CaseRepository;
  /** Resolves when the database answers (health checks). Throws CG_STORE_UNAVAILABLE. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

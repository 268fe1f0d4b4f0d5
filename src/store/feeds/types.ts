/** One feed row ready to store. */
export interface FeedRow {
  rowKey: bigint;
  number: string;
  occurredAt: string | null;
  category: string | null;
  region: string | null;
  robocall: number | null;
}

/** A parsed line: a row, a malformed row (with why), or nothing to store (blank line). */
export type ParsedLine = FeedRow | { malformed: string } | null;

export interface LineParser {
  source: string;
  /** Checks the header line; throws CallGuardError when the file is not this format. */
  header(line: string): void;
  parse(line: string): ParsedLine;
}

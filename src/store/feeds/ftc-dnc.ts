/**
 * The FTC's daily "Do Not Call reported calls" CSV: unverified consumer complaints, so each row is a
 * weak signal (numbers are often spoofed).
 */
import { CallGuardError } from '../../errors/catalogue.js';
import { nanpToE164 } from '../numbers.js';
import { splitCsvLine } from './csv.js';
import { rowKeyer } from './row-key.js';
import type { LineParser, ParsedLine } from './types.js';

export const FTC_DNC_SOURCE = 'ftc-dnc';

export const FTC_DNC_COLUMNS = [
  'Company_Phone_Number',
  'Created_Date',
  'Violation_Date',
  'Consumer_City',
  'Consumer_State',
  'Consumer_Area_Code',
  'Subject',
  'Recorded_Message_Or_Robocall',
] as const;

/** The consumer's subject pick (whitespace collapsed) to a CallGuard category. */
export const FTC_SUBJECT_CATEGORIES: Record<string, string> = {
  'computer & technical support': 'tech-support',
  'calls pretending to be government, businesses, or family and friends': 'impostor',
  'warranties & protection plans': 'warranty',
  'reducing your debt (credit cards, mortgage, student loans)': 'debt-relief',
  'medical & prescriptions': 'medical',
  'energy, solar, & utilities': 'energy',
  'vacation & timeshares': 'travel',
  charities: 'charity',
  'lotteries, prizes & sweepstakes': 'prizes',
  'home improvement & cleaning': 'home-improvement',
  'home security & alarms': 'home-security',
  'work from home & other ways to make money': 'work-from-home',
  'dropped call or no message': 'dropped-call',
  other: 'other',
  'no subject provided': 'unspecified',
  '': 'unspecified',
};

const categoryCache = new Map<string, string>();

/** "Computer  & technical support" -> "tech-support"; unknown subjects -> "other". */
export function ftcCategory(subject: string): string {
  let cat = categoryCache.get(subject);
  if (cat === undefined) {
    const key = subject.replace(/\s+/g, ' ').trim().toLowerCase();
    cat = FTC_SUBJECT_CATEGORIES[key] ?? 'other';
    // Subjects are a short fixed list; the cap only guards against a hostile file.
    if (categoryCache.size < 1000) categoryCache.set(subject, cat);
  }
  return cat;
}

const DATE = /^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))[ T]((?:[01]\d|2[0-3]):[0-5]\d)(:[0-5]\d)?$/;

/** "2021-07-06 11:48:00" -> "2021-07-06T11:48:00" (the FTC gives no time zone), or null. */
function isoLocal(value: string): string | null {
  const m = DATE.exec(value);
  return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}` : null;
}

const digit = (c: number) => c >= 48 && c <= 57;
const pair = (s: string, i: number, max: number) => {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  return digit(a) && digit(b) && (a - 48) * 10 + (b - 48) <= max;
};

/** True when line[s, s + 19) is "YYYY-MM-DD hh:mm:ss" (or with T) as DATE accepts it, checked in place. */
function local19(line: string, s: number): boolean {
  const sep = line.charCodeAt(s + 10);
  const month = (line.charCodeAt(s + 5) - 48) * 10 + line.charCodeAt(s + 6) - 48;
  const day = (line.charCodeAt(s + 8) - 48) * 10 + line.charCodeAt(s + 9) - 48;
  return (
    digit(line.charCodeAt(s)) &&
    digit(line.charCodeAt(s + 1)) &&
    digit(line.charCodeAt(s + 2)) &&
    digit(line.charCodeAt(s + 3)) &&
    line.charCodeAt(s + 4) === 45 &&
    pair(line, s + 5, 12) &&
    month >= 1 &&
    line.charCodeAt(s + 7) === 45 &&
    pair(line, s + 8, 31) &&
    day >= 1 &&
    (sep === 32 || sep === 84) &&
    pair(line, s + 11, 23) &&
    line.charCodeAt(s + 13) === 58 &&
    pair(line, s + 14, 59) &&
    line.charCodeAt(s + 16) === 58 &&
    pair(line, s + 17, 59)
  );
}

/**
 * isoLocal for line[start, end): the usual 19 characters are checked in place (no regex, no match
 * array); anything else goes to isoLocal.
 */
function isoLocalAt(line: string, start: number, end: number): string | null {
  if (end - start !== 19) return isoLocal(line.slice(start, end));
  if (!local19(line, start)) return null;
  return line.charCodeAt(start + 10) === 84
    ? line.slice(start, end)
    : line.slice(start, start + 10) + 'T' + line.slice(start + 11, end);
}

/** isoLocalAt(...) !== null without building the string. */
function isLocalAt(line: string, start: number, end: number): boolean {
  return end - start === 19 ? local19(line, start) : isoLocal(line.slice(start, end)) !== null;
}

/** Subjects by length, matched in place with startsWith (no slice, no string hashing per row). */
const subjectsByLength = new Map<number, { subject: string; category: string }[]>();
let subjectsKnown = 0;

function categoryAt(line: string, start: number, end: number): string {
  const bucket = subjectsByLength.get(end - start);
  if (bucket) for (const s of bucket) if (line.startsWith(s.subject, start)) return s.category;
  const subject = line.slice(start, end);
  const category = ftcCategory(subject);
  // As in ftcCategory: the cap only guards against a hostile file.
  if (subjectsKnown < 1000) {
    subjectsKnown++;
    if (bucket) bucket.push({ subject, category });
    else subjectsByLength.set(end - start, [{ subject, category }]);
  }
  return category;
}

/** Characters trim() might remove (and then some): such fields take the general path. */
const edgy = (c: number) => c <= 32 || c >= 127;

/**
 * Field bounds of a line whose quotes, if any, only wrap whole fields (`,"a, b",`) with no quote
 * inside: the FTC's files. Fills `bounds` with start/end pairs and returns the field count, or -1
 * when the line needs the general CSV splitter.
 */
function fieldBounds(line: string, bounds: Int32Array): number {
  let n = 0;
  let pos = 0;
  const len = line.length;
  // The next quote at or after pos (-1: none), searched again only once passed.
  let quote = line.indexOf('"');
  for (;;) {
    if (quote !== -1 && quote < pos) quote = line.indexOf('"', pos);
    let start = pos;
    let end: number;
    let next: number;
    if (line.charCodeAt(pos) === 34) {
      const close = line.indexOf('"', pos + 1);
      if (close === -1) return -1;
      next = close + 1;
      if (next < len && line.charCodeAt(next) !== 44) return -1;
      start = pos + 1;
      end = close;
    } else {
      const comma = line.indexOf(',', pos);
      end = comma === -1 ? len : comma;
      next = end;
      if (quote !== -1 && quote < end) return -1;
    }
    if (n < bounds.length / 2) {
      bounds[2 * n] = start;
      bounds[2 * n + 1] = end;
    }
    n++;
    if (next >= len) return n;
    pos = next + 1;
    if (pos === len) {
      // A trailing comma: one more, empty field.
      if (n < bounds.length / 2) bounds[2 * n] = bounds[2 * n + 1] = len;
      return n + 1;
    }
  }
}

/** The row from split fields: the general path (quotes inside fields, odd shapes). */
function rowOf(
  f: string[],
  line: string,
  keyOf: (text: string, occurredAt: string | null) => bigint,
): ParsedLine {
  if (f.length !== FTC_DNC_COLUMNS.length) return { malformed: `${f.length} columns, expected 8` };
  const number = nanpToE164(f[0]!.trim());
  if (!number) return { malformed: f[0] ? 'not a 10-digit US number' : 'no phone number' };
  const created = isoLocal(f[1]!);
  if (!created) return { malformed: 'bad Created_Date' };
  const violation = f[2] ? isoLocal(f[2]) : created;
  if (!violation) return { malformed: 'bad Violation_Date' };
  const robo = f[7]!.trim().toUpperCase();
  return {
    rowKey: keyOf(line, violation),
    number,
    occurredAt: violation,
    category: ftcCategory(f[6]!),
    region: f[4]!.trim() || null,
    robocall: robo === 'Y' ? 1 : robo === 'N' ? 0 : null,
  };
}

/** A 10-digit NANP number written plainly (the usual case) to E.164 without a regex. */
function plainNanp(line: string, start: number, end: number): string | null {
  if (end - start !== 10) return null;
  for (let i = start; i < end; i++) if (!digit(line.charCodeAt(i))) return null;
  const a = line.charCodeAt(start);
  const x = line.charCodeAt(start + 3);
  if (a < 50 || x < 50) return null;
  return '+1' + line.slice(start, end);
}

/**
 * The parser. Typical lines are read in place (field bounds, character checks, subjects matched
 * without slicing): parsing was most of the import's JavaScript time. Lines the fast path does
 * not cover take the general path, which gives the same rows and the same errors
 * (ftc-dnc.test.ts checks both agree on every line of the sample).
 */
export function ftcDncParser(): LineParser {
  const keyOf = rowKeyer(FTC_DNC_SOURCE);
  const b = new Int32Array(2 * FTC_DNC_COLUMNS.length);
  const general = (line: string): ParsedLine => parseGeneral(line, keyOf);
  return {
    source: FTC_DNC_SOURCE,
    header(line) {
      const cols = splitCsvLine(line.replace(/^\uFEFF/, ''))?.map((c) => c.trim());
      if (!cols || FTC_DNC_COLUMNS.some((c, i) => cols[i] !== c)) {
        throw new CallGuardError(
          'CG_INPUT_INVALID',
          `Not an FTC DNC reported-calls CSV: the header must be ${FTC_DNC_COLUMNS.join(',')}.`,
          { pointer: 'line 1' },
        );
      }
    },
    parse(line): ParsedLine {
      if (line.length === 0) return null;
      const n = fieldBounds(line, b);
      if (n === -1) return general(line);
      if (n !== FTC_DNC_COLUMNS.length) return { malformed: `${n} columns, expected 8` };
      const number = plainNanp(line, b[0]!, b[1]!);
      if (number === null) return general(line);
      // Created_Date is only checked unless it stands in for a missing Violation_Date.
      const hasViolation = b[5]! > b[4]!;
      if (hasViolation ? !isLocalAt(line, b[2]!, b[3]!) : false) return { malformed: 'bad Created_Date' };
      const violation = isoLocalAt(line, b[hasViolation ? 4 : 2]!, b[hasViolation ? 5 : 3]!);
      if (!violation) return { malformed: hasViolation ? 'bad Violation_Date' : 'bad Created_Date' };
      let rs = b[8]!;
      let re = b[9]!;
      if (rs < re && (edgy(line.charCodeAt(rs)) || edgy(line.charCodeAt(re - 1)))) {
        return general(line);
      }
      rs = b[14]!;
      re = b[15]!;
      let robocall: number | null = null;
      if (re - rs === 1) {
        const c = line.charCodeAt(rs) | 0x20;
        robocall = c === 0x79 ? 1 : c === 0x6e ? 0 : null;
      } else if (re - rs > 1) {
        return general(line);
      }
      return {
        rowKey: keyOf(line, violation),
        number,
        occurredAt: violation,
        category: categoryAt(line, b[12]!, b[13]!),
        region: b[9]! > b[8]! ? line.slice(b[8]!, b[9]!) : null,
        robocall,
      };
    },
  };
}

/** The general path alone (tests compare it with the fast one). */
export function ftcDncReferenceParser(): LineParser {
  const keyOf = rowKeyer(FTC_DNC_SOURCE);
  const p = ftcDncParser();
  return {
    ...p,
    parse: (line) => (line.length === 0 ? null : parseGeneral(line, keyOf)),
  };
}

/** Any line through the full CSV splitter (quotes, odd spacing): the path every odd line takes. */
function parseGeneral(line: string, keyOf: ReturnType<typeof rowKeyer>): ParsedLine {
  const f = splitCsvLine(line);
  if (!f) return { malformed: 'unbalanced quotes' };
  return rowOf(f, line, keyOf);
}

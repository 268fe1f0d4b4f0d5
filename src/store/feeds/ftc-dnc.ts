/**
 * The FTC's daily "Do Not Call reported calls" CSV: unverified consumer complaints, so each row is a
 * weak signal (numbers are often spoofed).
 */
import { CallGuardError } from '../../errors/catalogue.js';
import { nanpToE164 } from '../numbers.js';
import { splitCsvLine } from './csv.js';
import { rowKeyOf } from './row-key.js';
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

export function ftcDncParser(): LineParser {
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
      const f = splitCsvLine(line);
      if (!f) return { malformed: 'unbalanced quotes' };
      if (f.length !== FTC_DNC_COLUMNS.length) return { malformed: `${f.length} columns, expected 8` };
      const number = nanpToE164(f[0]!.trim());
      if (!number) return { malformed: f[0] ? 'not a 10-digit US number' : 'no phone number' };
      const created = isoLocal(f[1]!);
      if (!created) return { malformed: 'bad Created_Date' };
      const violation = f[2] ? isoLocal(f[2]) : created;
      if (!violation) return { malformed: 'bad Violation_Date' };
      const robo = f[7]!.trim().toUpperCase();
      return {
        rowKey: rowKeyOf(FTC_DNC_SOURCE, line),
        number,
        occurredAt: violation,
        category: ftcCategory(f[6]!),
        region: f[4]!.trim() || null,
        robocall: robo === 'Y' ? 1 : robo === 'N' ? 0 : null,
      };
    },
  };
}

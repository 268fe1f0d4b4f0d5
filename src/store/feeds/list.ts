/**
 * A generic list of numbers under a source name: CSV with a header naming the number column
 * (number, phone, phone_number, e164 or company_phone_number; optional category and date), or
 * JSON: an array of numbers or of {number, category?, date?}.
 */
import { CallGuardError } from '../../errors/catalogue.js';
import { toE164 } from '../numbers.js';
import { splitCsvLine } from './csv.js';
import { rowKey } from './row-key.js';
import type { LineParser, ParsedLine } from './types.js';

const NUMBER_COLUMNS = ['number', 'phone', 'phone_number', 'e164', 'company_phone_number'];
const CATEGORY = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const SOURCE_NAME = /^[a-z0-9][a-z0-9._-]{0,39}$/;

export function checkSourceName(source: string): string {
  if (!SOURCE_NAME.test(source)) {
    throw new CallGuardError(
      'CG_OPTION_VALUE_INVALID',
      `--source must be 1-40 lowercase letters, digits, ".", "_" or "-"; got "${source.slice(0, 50)}".`,
      { pointer: '--source' },
    );
  }
  return source;
}

function entry(
  source: string,
  country: string | undefined,
  number: unknown,
  category: unknown,
  date: unknown,
): ParsedLine {
  if (typeof number !== 'string' && typeof number !== 'number') return { malformed: 'no number' };
  let e164: string;
  try {
    e164 = toE164(String(number), country);
  } catch {
    return { malformed: 'not a valid phone number' };
  }
  const cat = typeof category === 'string' && category.trim() ? category.trim().toLowerCase() : null;
  if (cat !== null && !CATEGORY.test(cat)) return { malformed: 'category must be a short lowercase word' };
  let occurredAt: string | null = null;
  if (typeof date === 'string' && date.trim()) {
    const t = Date.parse(date);
    if (Number.isNaN(t)) return { malformed: 'bad date' };
    occurredAt = new Date(t).toISOString();
  }
  return {
    rowKey: rowKey(source, [e164, cat ?? '', occurredAt ?? ''], occurredAt),
    number: e164,
    occurredAt,
    category: cat,
    region: null,
    robocall: null,
  };
}

export function listCsvParser(source: string, country?: string): LineParser {
  let numberCol = -1;
  let categoryCol = -1;
  let dateCol = -1;
  return {
    source,
    header(line) {
      const cols = (splitCsvLine(line.replace(/^\uFEFF/, '')) ?? []).map((c) => c.trim().toLowerCase());
      numberCol = cols.findIndex((c) => NUMBER_COLUMNS.includes(c));
      categoryCol = cols.findIndex((c) => c === 'category' || c === 'label');
      dateCol = cols.findIndex((c) => c === 'date' || c === 'seen' || c === 'last_seen');
      if (numberCol < 0) {
        throw new CallGuardError(
          'CG_INPUT_INVALID',
          `The CSV header needs a number column (${NUMBER_COLUMNS.join(', ')}).`,
          { pointer: 'line 1' },
        );
      }
    },
    parse(line) {
      if (line.trim().length === 0) return null;
      const f = splitCsvLine(line);
      if (!f) return { malformed: 'unbalanced quotes' };
      if (f.length <= numberCol) return { malformed: 'too few columns' };
      return entry(source, country, f[numberCol]!.trim(), f[categoryCol], f[dateCol]);
    },
  };
}

/** Parses one JSON list item (a number string or an object with `number`). */
export function parseJsonItem(source: string, country: string | undefined, item: unknown): ParsedLine {
  if (typeof item === 'string' || typeof item === 'number')
    return entry(source, country, item, undefined, undefined);
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const o = item as Record<string, unknown>;
    return entry(source, country, o.number ?? o.phone ?? o.e164, o.category, o.date);
  }
  return { malformed: 'expected a number or an object with "number"' };
}

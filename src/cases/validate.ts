/**
 * Turns untrusted input into a valid case or case item, or throws one clear CallGuardError saying
 * what was wrong and where (a JSON pointer). Pure.
 */
import type { z } from 'zod';
import { CallGuardError } from '../errors/catalogue.js';
import {
  caseInputSchema,
  caseItemSchema,
  type Case,
  type CaseItem,
  type CaseInput,
  type CaseItemInput,
} from './schema.js';
import { newCaseId, newItemId } from './ids.js';
import { cleanText, withoutBidiControls } from './text.js';
import { assessCall } from './assess-call.js';
import { redactText } from '../privacy/redact.js';

export interface ValidateOptions {
  /** The current time; dates after it are refused. */
  now?: Date;
  /**
   * Applied to every free-text field (notes, transcripts, message content, summary) before it is kept.
   * Defaults to `redactText` from src/privacy/redact.ts (cards, IBANs, SSNs, passwords, codes), so a
   * case made in the page is redacted too; control characters are always removed.
   */
  redact?: (text: string) => string;
  /** Fill a call's missing assessment from the engine (on by default in the store; off in golden tests). */
  assessCalls?: boolean;
}

/** Keys that would hold a secret. Refused with CG_CASE_SENSITIVE_DATA rather than a generic "unknown key". */
const SECRET_KEYS =
  /^(password|passcode|pin|ssn|socialsecuritynumber|cardnumber|card_number|pan|cvv|cvc|securitycode|accesscode|code|otp|onetimecode|accountnumber|iban|routingnumber)$/i;
/** Dates before this are surely typing mistakes. */
const EARLIEST = Date.parse('1990-01-01T00:00:00Z');
/** Clock skew allowed for date-times; a date without time may be up to 14 h ahead (UTC+14). */
const SKEW_MS = 5 * 60 * 1000;
const DATE_ONLY_AHEAD_MS = 14 * 60 * 60 * 1000;

/**
 * Validates a new case and gives it an unguessable id.
 * @example
 * const c = createCase({ country: 'US', items: [{ kind: 'call', at: '2026-11-20T14:05:00-05:00', direction: 'incoming', claimedOrg: 'Microsoft' }] });
 * c.id; // "3f9c…" (32 hex characters)
 */
export function createCase(input: unknown, options: ValidateOptions = {}): Case {
  const now = options.now ?? new Date();
  refuseSecrets(input, '');
  const parsed = parseOrThrow(caseInputSchema, input, '');
  const at = now.toISOString();
  const items = parsed.items.map((item, i) => finishItem(item, `/items/${i}`, now, options));
  const out: Case = { id: newCaseId(), createdAt: at, updatedAt: at, country: parsed.country, items };
  if (parsed.title !== undefined) out.title = redactLine(parsed.title, options);
  if (parsed.victim !== undefined) out.victim = parsed.victim;
  if (parsed.filer !== undefined) out.filer = parsed.filer;
  if (parsed.summary !== undefined) {
    const s = clean(parsed.summary, options);
    if (s) out.summary = s;
  }
  ensureUniqueIds(out.items);
  return out;
}

/**
 * Validates one item to add to a case (call, message, remote-session, payment or disclosure).
 * @example
 * parseCaseItem({ kind: 'payment', at: '2026-11-20', method: 'gift-card', amount: 500, currency: 'USD' });
 */
export function parseCaseItem(input: unknown, options: ValidateOptions = {}, pointer = ''): CaseItem {
  refuseSecrets(input, pointer);
  const parsed = parseOrThrow(caseItemSchema, input, pointer);
  return finishItem(parsed, pointer, options.now ?? new Date(), options);
}

/** Returns a new case with the items appended (the input case is not changed). */
export function addItems(c: Case, inputs: readonly unknown[], options: ValidateOptions = {}): Case {
  const now = options.now ?? new Date();
  const items = inputs.map((x, i) => parseCaseItem(x, { ...options, now }, `/items/${i}`));
  const all = [...c.items, ...items];
  ensureUniqueIds(all);
  return { ...c, items: all, updatedAt: now.toISOString() };
}

/**
 * The input with bidi overrides and isolates dropped from every string (see withoutBidiControls):
 * then no field, one-line or free, keeps them. Deeper than any case schema goes, values are left
 * for the schema to refuse.
 */
function withoutBidiDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return withoutBidiControls(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => withoutBidiDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutBidiDeep(v, depth + 1)]));
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, pointer: string): z.output<S> {
  const result = schema.safeParse(withoutBidiDeep(input));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = pointer + issue.path.map((p) => `/${String(p)}`).join('');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    throw new CallGuardError('CG_CASE_INVALID', `Unknown field(s) ${keys} at ${path || '/'}.`, {
      pointer: `${path}/${issue.keys[0]}`,
    });
  }
  const named = [...issue.path].reverse().find((p) => typeof p === 'string');
  const what = named === undefined ? 'The case entry' : `"${String(named)}"`;
  // Our messages read on from the field name ("must not be negative"); zod's own start a sentence.
  const msg = /^[A-Z]/.test(issue.message)
    ? `: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`
    : ` ${issue.message}`;
  throw new CallGuardError('CG_CASE_INVALID', `${what}${msg.replace(/\.$/, '')}.`, { pointer: path || '/' });
}

/** Walks the raw input for secret-looking keys and over-long "last 4" fields, before any parsing. */
function refuseSecrets(value: unknown, pointer: string, depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.slice(0, 2000).forEach((v, i) => refuseSecrets(v, `${pointer}/${i}`, depth + 1));
    return;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const here = `${pointer}/${key}`;
    if (SECRET_KEYS.test(key) && !(key === 'code' && typeof v === 'boolean')) {
      throw new CallGuardError(
        'CG_CASE_SENSITIVE_DATA',
        `CallGuard does not store "${key}". Record only that it was given (a disclosure of what: "${disclosureFor(key)}").`,
        { pointer: here },
      );
    }
    if (/last4$/i.test(key) && typeof v === 'string' && v.replace(/\D/g, '').length > 4) {
      throw new CallGuardError(
        'CG_CASE_SENSITIVE_DATA',
        'Only the last 4 digits of a card or account are ever stored; give just those 4 digits.',
        { pointer: here },
      );
    }
    refuseSecrets(v, here, depth + 1);
  }
}

function disclosureFor(key: string): string {
  if (/ssn|social/i.test(key)) return 'ssn';
  if (/card|pan|cvv|cvc|security/i.test(key)) return 'card';
  if (/account|iban|routing/i.test(key)) return 'bank-details';
  if (/otp|code/i.test(key)) return 'one-time-code';
  return 'password';
}

type ParsedItem = z.output<typeof caseItemSchema>;

function finishItem(item: ParsedItem, pointer: string, now: Date, options: ValidateOptions): CaseItem {
  checkDate(item.at, `${pointer}/at`, now);
  if ('endedAt' in item && item.endedAt !== undefined) {
    checkDate(item.endedAt, `${pointer}/endedAt`, now);
    if (item.at !== undefined && toMillis(item.endedAt) < toMillis(item.at)) {
      throw new CallGuardError('CG_CASE_INVALID', 'The session cannot end before it started.', {
        pointer: `${pointer}/endedAt`,
      });
    }
  }
  if (item.kind === 'payment') {
    if (item.crypto && item.method !== 'crypto' && item.method !== 'crypto-atm') {
      throw new CallGuardError('CG_CASE_INVALID', 'Crypto details need method "crypto" or "crypto-atm".', {
        pointer: `${pointer}/crypto`,
      });
    }
    if (item.giftCards && item.method !== 'gift-card') {
      throw new CallGuardError('CG_CASE_INVALID', 'Gift cards need method "gift-card".', {
        pointer: `${pointer}/giftCards`,
      });
    }
  }
  if (
    item.kind === 'disclosure' &&
    item.last4 !== undefined &&
    item.what !== 'card' &&
    item.what !== 'bank-details'
  ) {
    throw new CallGuardError('CG_CASE_SENSITIVE_DATA', `Nothing but the fact is stored for "${item.what}".`, {
      pointer: `${pointer}/last4`,
    });
  }
  const out = { ...item, id: item.id ?? newItemId() } as CaseItem & Record<string, unknown>;
  if (out.kind === 'call' && options.assessCalls && !out.assessment) {
    // Assessed before redaction: the engine sees what was said; only the verdict and flag ids are kept.
    const a = assessCall({ ...out, ...(out.transcript ? { transcript: cleanText(out.transcript) } : {}) });
    if (a) out.assessment = a;
  }
  for (const key of ['notes', 'transcript', 'content'] as const) {
    const v = out[key];
    if (typeof v === 'string') {
      const cleaned = clean(v, options);
      if (cleaned) out[key] = cleaned;
      else delete out[key];
    }
  }
  if (typeof out['headers'] === 'string') out['headers'] = cleanText(out['headers'] as string);
  redactTyped(out, options);
  return out;
}

/**
 * One-line fields people type freely. They are redacted like free text: a card number typed into a
 * payment's reference, a password into a list of accounts or a code into a title would otherwise be
 * stored as typed. Left alone on purpose: identifiers kept whole as evidence (the scammer's account
 * and routing numbers, gift card numbers, crypto addresses and hashes, phone numbers, links, IP
 * addresses, email headers), enums, dates and amounts.
 */
const TYPED_FIELDS = [
  'claimedOrg',
  'callerIdName',
  'callerName',
  'sender',
  'subject',
  'tool',
  'device',
  'recipientName',
  'recipientBank',
  'reference',
  'fromBank',
  'institution',
  'accounts',
] as const;

function redactTyped(item: Record<string, unknown>, options: ValidateOptions): void {
  for (const key of TYPED_FIELDS) {
    const v = item[key];
    if (typeof v === 'string') item[key] = redactLine(v, options);
    else if (Array.isArray(v))
      item[key] = v.map((x: unknown) => (typeof x === 'string' ? redactLine(x, options) : x));
  }
  // The call's assessment is computed above from the unredacted fields, so its summary may echo them.
  const a = item['assessment'] as { summary?: string; flags?: string[] } | undefined;
  if (a) {
    const next = { ...a };
    if (a.summary !== undefined) next.summary = redactLine(a.summary, options);
    if (a.flags !== undefined) next.flags = a.flags.map((f) => redactLine(f, options));
    item['assessment'] = next;
  }
  const gift = item['giftCards'] as { brand: string }[] | undefined;
  if (Array.isArray(gift))
    item['giftCards'] = gift.map((g) => ({ ...g, brand: redactLine(g.brand, options) }));
  const crypto = item['crypto'] as { exchange?: string } | undefined;
  if (crypto && typeof crypto.exchange === 'string') {
    item['crypto'] = { ...crypto, exchange: redactLine(crypto.exchange, options) };
  }
}

/**
 * Redacts with the caller's hook, or by default. One-line fields come here as they are (the schema
 * refused control characters), free text after cleaning.
 */
function redactLine(text: string, options: ValidateOptions): string {
  return (options.redact ?? defaultRedact)(text);
}

function clean(text: string, options: ValidateOptions): string {
  return redactLine(cleanText(text).trim(), options);
}

const defaultRedact = (text: string): string => redactText(text).text;

function checkDate(value: string | undefined, pointer: string, now: Date): void {
  if (value === undefined) return;
  const t = toMillis(value);
  const dateOnly = value.length === 10;
  if (Number.isNaN(t)) {
    throw new CallGuardError('CG_CASE_INVALID', `${pointer} is not a real date.`, { pointer });
  }
  if (t > now.getTime() + (dateOnly ? DATE_ONLY_AHEAD_MS : SKEW_MS)) {
    throw new CallGuardError('CG_CASE_INVALID', `${pointer} (${value}) is in the future.`, { pointer });
  }
  if (t < EARLIEST) {
    throw new CallGuardError('CG_CASE_INVALID', `${pointer} (${value}) is before 1990; check the year.`, {
      pointer,
    });
  }
}

/**
 * Orders two dates as the person wrote them. Date-times compare by instant; a date without a time
 * compares by calendar day with the local date of a date-time and, on the same day, comes first
 * (a pop-up "on the 5th" came before the call it led to at 09:00 that day, whatever the time zone).
 * @example
 * ['2026-11-05T09:00:00+11:00', '2026-11-05'].sort(compareWhen); // ['2026-11-05', '2026-11-05T09:00:00+11:00']
 */
export function compareWhen(a: string, b: string): number {
  const aDate = a.length === 10;
  const bDate = b.length === 10;
  if (!aDate && !bDate) return toMillis(a) - toMillis(b);
  if (aDate && bDate) return a < b ? -1 : a > b ? 1 : 0;
  const da = a.slice(0, 10);
  const db = b.slice(0, 10);
  if (da !== db) return da < db ? -1 : 1;
  return aDate ? -1 : 1;
}

/** Milliseconds since the epoch; a date without a time counts as midnight UTC. */
export function toMillis(value: string): number {
  return Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
}

function ensureUniqueIds(items: readonly CaseItem[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      throw new CallGuardError('CG_CASE_INVALID', `Item id ${item.id} is used twice.`, {
        pointer: `/items/${i}/id`,
      });
    }
    seen.add(item.id);
  });
}

export type { CaseInput, CaseItemInput };

/**
 * The report a person submits, validated with zod. The schema is exported so the API can publish it
 * in its OpenAPI document.
 */
import { z } from 'zod';
import { RED_FLAG_IDS } from '../engine/types.js';
import { CallGuardError } from '../errors/catalogue.js';
import { ASKS, DIRECTIONS, NUMBER_SOURCES } from './types.js';

/** Longest free text kept with a report (characters). */
export const MAX_REPORT_TEXT = 5000;
/** Reports dated this far ahead of our clock are accepted as clock skew; beyond it they are refused. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Oldest call date a report may carry. */
export const OLDEST_REPORT = '1990-01-01T00:00:00.000Z';

const currencies = new Set(Intl.supportedValuesOf('currency'));
const shortText = (max: number) => z.string().trim().min(1).max(max);

/** Where a report or vote came from (the API passes the client's address prefix; see docs/reputation.md). */
const networkField = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .describe('The network it came from: one network counts as one reporter. Stored only as a keyed hash.');

export const reportInputSchema = z
  .strictObject({
    number: z.string().min(1).max(64).describe('The phone number, as typed; normalised to E.164.'),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'a two-letter country code such as US or GB')
      .transform((c) => c.toUpperCase())
      .optional()
      .describe('ISO 3166 country of the reporter; used to read numbers without +country code.'),
    occurredAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('When the call happened (ISO 8601); defaults to now. Never in the future.'),
    direction: z.enum(DIRECTIONS).describe('"they-called": they called me; "i-called": I called them.'),
    numberSource: z.enum(NUMBER_SOURCES).optional().describe('Where the number came from.'),
    claimedOrg: shortText(100).optional().describe('Who they said they were ("Microsoft").'),
    tactics: z.array(z.enum(RED_FLAG_IDS)).max(RED_FLAG_IDS.length).optional().describe('Red-flag ids.'),
    askedFor: z.array(z.enum(ASKS)).max(ASKS.length).optional(),
    given: z.array(z.enum(ASKS)).max(ASKS.length).optional(),
    amountLost: z.number().finite().nonnegative().max(1e10).optional(),
    currency: z
      .string()
      .transform((c) => c.toUpperCase())
      .refine((c) => currencies.has(c), 'an ISO 4217 currency code such as USD or EUR')
      .optional(),
    region: shortText(100).optional().describe('State, county or region, as the reporter writes it.'),
    text: z
      .string()
      .optional()
      .describe(`What happened, up to ${MAX_REPORT_TEXT} characters; redacted before storage.`),
    reporterKey: z
      .string()
      .min(16)
      .max(200)
      .describe('Anonymous per-client token; stored only as a keyed hash.'),
    network: networkField,
    idempotencyKey: z.string().min(8).max(200).optional(),
  })
  .refine((r) => r.amountLost === undefined || r.amountLost === 0 || r.currency !== undefined, {
    message: 'currency is required when amountLost is given',
    path: ['currency'],
  });

export type ReportInput = z.infer<typeof reportInputSchema>;

export const notScamInputSchema = z
  .strictObject({
    reportId: z.string().min(1).max(100).optional(),
    number: z.string().min(1).max(64).optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .optional(),
    reporterKey: z.string().min(16).max(200),
    network: networkField,
  })
  .refine((v) => v.reportId !== undefined || v.number !== undefined, {
    message: 'give reportId or number',
    path: ['number'],
  });

/** Parses with zod and turns the first issue into a CallGuardError naming the field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  // Reject oversized free text before zod walks it, with the clearer "too large" error.
  if (input && typeof input === 'object' && 'text' in input) {
    const text = (input as { text?: unknown }).text;
    if (typeof text === 'string' && text.length > MAX_REPORT_TEXT) {
      throw new CallGuardError(
        'CG_INPUT_TOO_LARGE',
        `text is ${text.length} characters; the limit is ${MAX_REPORT_TEXT}.`,
        { pointer: '/text' },
      );
    }
  }
  const res = schema.safeParse(input);
  if (res.success) return res.data;
  const issue = res.error.issues[0]!;
  const pointer = '/' + issue.path.map(String).join('/');
  throw new CallGuardError(
    'CG_INPUT_INVALID',
    `${pointer === '/' ? 'input' : pointer.slice(1)}: ${issue.message}.`,
    {
      pointer,
    },
  );
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Control characters other than tab and newline are dropped from free text (terminal escapes, NULs),
 * and so are bidi overrides, which make a viewer show the text in another order than it was written.
 */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '');
}

/** Checks the call date: not in the future, not absurdly old. Returns ISO UTC. */
export function checkOccurredAt(value: string | undefined, now: Date): string {
  if (value === undefined) return now.toISOString();
  const t = Date.parse(value);
  if (t > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new CallGuardError('CG_INPUT_INVALID', `occurredAt ${value} is in the future.`, {
      pointer: '/occurredAt',
    });
  }
  if (t < Date.parse(OLDEST_REPORT)) {
    throw new CallGuardError('CG_INPUT_INVALID', `occurredAt ${value} is before 1990.`, {
      pointer: '/occurredAt',
    });
  }
  return new Date(t).toISOString();
}

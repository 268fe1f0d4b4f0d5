/**
 * The case file's data model: zod schemas (they also feed the API's OpenAPI document) and the types
 * inferred from them. Pure: runs in the page and on the server.
 *
 * Privacy decisions are made here, in the shape of the data, so no code path can store more:
 * - passwords, SSNs and one-time codes: only the fact that they were given (no field for the value);
 * - cards and bank accounts: the last 4 digits only;
 * - remote-access codes: only that a code was given. The "code" of AnyDesk or TeamViewer is the ID
 *   of the victim's own computer (with a password it is the key to reconnect), no form asks for it,
 *   and after the session it has no evidential value the tool's name and time do not give;
 * - gift cards: the card numbers (the issuer needs them to freeze the balance), never the PIN.
 * Unknown keys are rejected (strict objects), so `{ password: "..." }` cannot slip in.
 */
import { z } from 'zod';
import { hasControlChars } from './text.js';

export const LIMITS = {
  shortText: 200,
  link: 2048,
  notes: 20_000,
  transcript: 200_000,
  headers: 50_000,
  listItems: 50,
  itemsPerKind: 200,
} as const;

/** A single-line field: no control characters, trimmed, bounded. */
export const shortText = (max: number = LIMITS.shortText) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((s) => !hasControlChars(s), { error: 'must be one line without control characters' });

/** Free text (notes, transcripts): multi-line, bounded; cleaned and redacted before storage. */
export const freeText = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });

/** A date "2026-11-20" or a date-time with an offset "2026-11-20T14:05:00-05:00". Checked against "now" later. */
export const when = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'must be a date (2026-11-20) or a date-time with offset (2026-11-20T14:05:00-05:00)',
});

export const phone = shortText(40).refine((s) => /^[+0-9A-Za-z ().\-#*]+$/.test(s), {
  error: 'must be a phone number as shown (digits, +, spaces, brackets, dashes)',
});
export const last4 = z
  .string()
  .trim()
  .regex(/^\d{4}$/, { error: 'must be exactly the last 4 digits' });
export const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, { error: 'must be a 2-letter country code such as US, GB or AU' })
  .transform((s) => s.toUpperCase());
export const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9]{2,9}$/, { error: 'must be a currency or asset code such as USD, GBP or BTC' })
  .transform((s) => s.toUpperCase());
/** A non-negative decimal amount, kept as a string so crypto amounts keep every digit. */
export const amount = z.union([z.number(), z.string().trim()]).transform((v, ctx) => {
  const s = typeof v === 'number' ? numberToDecimal(v) : v.replace(/,/g, '');
  if (s === null || !/^\d{1,13}(\.\d{1,18})?$/.test(s)) {
    ctx.addIssue({
      code: 'custom',
      message: /^-/.test(String(v))
        ? 'must not be negative'
        : 'must be a number such as 250 or 0.0042 (at most 13 digits before the point)',
    });
    return z.NEVER;
  }
  return s.replace(/^0+(?=\d)/, '');
});

function numberToDecimal(n: number): string | null {
  if (!Number.isFinite(n) || n < 0) return null;
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(18).replace(/\.?0+$/, '') : s;
}

export const itemId = z.string().regex(/^[0-9a-f]{16}$/, { error: 'must be 16 hexadecimal characters' });
export const caseId = z
  .string()
  .regex(/^[0-9a-f]{32}$/, { error: 'must be a case id: 32 hexadecimal characters' });

/** Phantom Hacker stages (FBI IC3 PSA 2023-09-29): tech support, then financial institution, then government. */
export const STAGES = ['tech-support', 'financial-institution', 'government', 'other'] as const;
export type Stage = (typeof STAGES)[number];
export const stage = z.enum(STAGES);

const itemBase = {
  id: itemId.optional(),
  /** Set when the user knows which stage this belongs to; otherwise inferred from the claimed organisation. */
  stage: stage.optional(),
  notes: freeText(LIMITS.notes).optional(),
};

export const assessmentSummary = z.strictObject({
  verdict: z.enum(['scam', 'likely-scam', 'unclear', 'low-risk']),
  risk: z.number().min(0).max(1).optional(),
  summary: shortText(1000).optional(),
  flags: z.array(shortText(80)).max(LIMITS.listItems).optional(),
});

export const callSchema = z.strictObject({
  kind: z.literal('call'),
  ...itemBase,
  at: when,
  direction: z.enum(['incoming', 'outgoing']),
  /** The number that called (incoming) or the number the person dialled (outgoing). */
  theirNumber: phone.optional(),
  /** The person's own number that was called or used. */
  myNumber: phone.optional(),
  callerIdName: shortText().optional(),
  callerIdVerification: z.enum(['passed', 'failed', 'not-verified', 'unknown']).optional(),
  claimedOrg: shortText().optional(),
  callerName: shortText().optional(),
  callbackNumber: phone.optional(),
  durationMinutes: z
    .number()
    .min(0)
    .max(24 * 60)
    .optional(),
  recordedMessage: z.boolean().optional(),
  transcript: freeText(LIMITS.transcript).optional(),
  assessment: assessmentSummary.optional(),
});

export const MESSAGE_KINDS = [
  'popup',
  'email',
  'invoice',
  'text',
  'search-result',
  'ad',
  'letter',
  'website',
] as const;
export const messageSchema = z.strictObject({
  kind: z.literal('message'),
  ...itemBase,
  channel: z.enum(MESSAGE_KINDS),
  at: when.optional(),
  claimedOrg: shortText().optional(),
  sender: shortText(320).optional(),
  subject: shortText(500).optional(),
  numbers: z.array(phone).max(LIMITS.listItems).optional(),
  links: z.array(shortText(LIMITS.link)).max(LIMITS.listItems).optional(),
  /** The visible text of the pop-up, email, invoice or text message. */
  content: freeText(LIMITS.notes).optional(),
  /** Raw email headers (IC3 asks for them). */
  headers: freeText(LIMITS.headers).optional(),
  ipAddress: shortText(64).optional(),
});

export const REMOTE_TOOLS = [
  'AnyDesk',
  'TeamViewer',
  'UltraViewer',
  'ConnectWise ScreenConnect',
  'LogMeIn',
  'Quick Assist',
  'Zoho Assist',
  'Splashtop',
  'RustDesk',
  'Supremo',
  'other',
] as const;
export const remoteSessionSchema = z.strictObject({
  kind: z.literal('remote-session'),
  ...itemBase,
  at: when.optional(),
  endedAt: when.optional(),
  tool: shortText(),
  /** Only whether the access code was given; the code itself is never stored (see the file comment). */
  codeGiven: z.boolean(),
  stillInstalled: z.boolean().optional(),
  device: shortText().optional(),
  ipAddress: shortText(64).optional(),
});

export const PAYMENT_METHODS = [
  'gift-card',
  'wire',
  'bank-transfer',
  'crypto',
  'crypto-atm',
  'card',
  'payment-app',
  'cash',
  'check',
  'other',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const cryptoSchema = z.strictObject({
  asset: shortText(20),
  address: shortText(200).optional(),
  transactionHash: shortText(200).optional(),
  exchange: shortText().optional(),
  fromAddress: shortText(200).optional(),
});

export const giftCardSchema = z.strictObject({
  brand: shortText(),
  /** The card number the issuer needs; never the PIN or security code. */
  number: shortText(40).optional(),
  amount: amount.optional(),
});

export const paymentSchema = z.strictObject({
  kind: z.literal('payment'),
  ...itemBase,
  at: when,
  method: z.enum(PAYMENT_METHODS),
  /** paid: the money left; attempted: started but stopped or reversed; asked: demanded, not paid. */
  status: z.enum(['paid', 'attempted', 'asked']).default('paid'),
  amount,
  currency,
  recipientName: shortText().optional(),
  recipientBank: shortText().optional(),
  /** The recipient's account is the scammer's: stored in full as evidence. */
  recipientAccount: shortText(64).optional(),
  recipientRoutingOrSwift: shortText(64).optional(),
  reference: shortText(500).optional(),
  /** The person's own bank or card used to pay (name only). */
  fromBank: shortText().optional(),
  fromAccountLast4: last4.optional(),
  crypto: cryptoSchema.optional(),
  giftCards: z.array(giftCardSchema).max(LIMITS.listItems).optional(),
});

export const DISCLOSURE_KINDS = [
  'password',
  'card',
  'bank-details',
  'ssn',
  'one-time-code',
  'personal-info',
  'id-document',
] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
export const disclosureSchema = z.strictObject({
  kind: z.literal('disclosure'),
  ...itemBase,
  what: z.enum(DISCLOSURE_KINDS),
  at: when.optional(),
  /** Passwords / codes: which accounts or services ("email", "bank"). Never the secret. */
  accounts: z.array(shortText()).max(LIMITS.listItems).optional(),
  /** Card or bank: the institution. */
  institution: shortText().optional(),
  last4: last4.optional(),
});

export const caseItemSchema = z.discriminatedUnion('kind', [
  callSchema,
  messageSchema,
  remoteSessionSchema,
  paymentSchema,
  disclosureSchema,
]);

export const personSchema = z.strictObject({
  name: shortText().optional(),
  email: shortText(320).optional(),
  phone: phone.optional(),
  address: shortText(500).optional(),
  city: shortText().optional(),
  region: shortText().optional(),
  postalCode: shortText(20).optional(),
  country: countryCode.optional(),
  ageRange: z.enum(['under-20', '20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80-plus']).optional(),
});

export const filerSchema = z.strictObject({
  name: shortText(),
  relationship: shortText().optional(),
  email: shortText(320).optional(),
  phone: phone.optional(),
});

/** What a client sends to create a case (every part optional except the country, which defaults to US). */
export const caseInputSchema = z.strictObject({
  title: shortText().optional(),
  country: countryCode.default('US'),
  victim: personSchema.optional(),
  filer: filerSchema.optional(),
  summary: freeText(LIMITS.notes).optional(),
  items: z
    .array(caseItemSchema)
    .max(LIMITS.itemsPerKind * 5)
    .default([]),
});

export type Call = z.output<typeof callSchema> & { id: string };
export type Message = z.output<typeof messageSchema> & { id: string };
export type RemoteSession = z.output<typeof remoteSessionSchema> & { id: string };
export type Payment = z.output<typeof paymentSchema> & { id: string };
export type Disclosure = z.output<typeof disclosureSchema> & { id: string };
export type CaseItem = Call | Message | RemoteSession | Payment | Disclosure;
export type CaseItemInput = z.input<typeof caseItemSchema>;
export type CaseInput = z.input<typeof caseInputSchema>;
export type Person = z.output<typeof personSchema>;
export type Filer = z.output<typeof filerSchema>;
export type AssessmentSummary = z.output<typeof assessmentSummary>;

/** A validated case. Items keep the order they were added; the timeline sorts them by time. */
export interface Case {
  id: string;
  createdAt: string;
  updatedAt: string;
  title?: string;
  country: string;
  victim?: Person;
  filer?: Filer;
  summary?: string;
  items: CaseItem[];
}

export const caseSchema = caseInputSchema.extend({
  id: caseId,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});

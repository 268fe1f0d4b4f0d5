import type { OrgId, PhoneChannel } from '../knowledge/types.js';

/** Where the person got the number. Anything but their own records or the official site is a warning sign. */
export type NumberSource =
  | 'popup'
  | 'search-result'
  | 'invoice-email'
  | 'official-site'
  | 'sms'
  | 'email'
  | 'caller-id'
  | 'known-contact';

export const NUMBER_SOURCES: readonly NumberSource[] = [
  'popup',
  'search-result',
  'invoice-email',
  'official-site',
  'sms',
  'email',
  'caller-id',
  'known-contact',
];

export type Severity = 'info' | 'warning' | 'danger';

/** One finding, as data: a stable code, how much it matters and a plain-language sentence. */
export interface Reason {
  code: string;
  severity: Severity;
  message: string;
}

export type NumberType =
  | 'toll-free'
  | 'premium-rate'
  | 'shared-cost'
  | 'mobile'
  | 'fixed-line'
  | 'fixed-line-or-mobile'
  | 'voip'
  | 'personal-number'
  | 'pager'
  | 'uan'
  | 'voicemail'
  | 'unknown';

export type NumberVerdict = 'official' | 'suspicious' | 'unknown' | 'invalid';

/** Community reports about a number, filled in by callers that have a store (never by checkNumber). */
export interface NumberReputation {
  reports: number;
  lastReported?: string;
  [key: string]: unknown;
}

export interface NumberCheck {
  input: string;
  /** E.164 (+15551234567), or null when nothing could be parsed as a number. */
  e164: string | null;
  valid: boolean;
  type: NumberType;
  /** ISO 3166 country (GB, US) or null when the calling code is shared and the number does not say. */
  country: string | null;
  international: string | null;
  official: { org: OrgId; channel: PhoneChannel; note?: string; source: string } | null;
  verdict: NumberVerdict;
  reasons: Reason[];
  source?: NumberSource;
  reputation?: NumberReputation;
}

export type UrlVerdict =
  'official' | 'user-content-on-official-domain' | 'lookalike' | 'suspicious' | 'unknown';

export interface UrlCheck {
  input: string;
  /** The host in Unicode as a person would read it (punycode decoded). */
  host: string;
  /** Host as sent on the wire (ASCII, punycode). */
  asciiHost: string;
  registrableDomain: string | null;
  verdict: UrlVerdict;
  /** The organisation the address belongs to, imitates or was claimed for. */
  brand: OrgId | null;
  reasons: Reason[];
}

export type EmailVerdict = 'official' | 'impersonation' | 'lookalike' | 'suspicious' | 'unknown';

export interface AuthResults {
  spf?: string;
  dkim?: string;
  dmarc?: string;
}

export interface EmailCheck {
  input: string;
  address: string;
  displayName: string | null;
  domain: string;
  replyTo: string | null;
  returnPath: string | null;
  auth: AuthResults | null;
  verdict: EmailVerdict;
  brand: OrgId | null;
  reasons: Reason[];
}

export interface ScanResult {
  numbers: NumberCheck[];
  urls: UrlCheck[];
  emails: EmailCheck[];
}

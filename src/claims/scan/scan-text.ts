import { parse } from 'tldts';
import { CallGuardError, isCallGuardError } from '../../errors/catalogue.js';
import { checkEmail } from '../email/check-email.js';
import { checkNumber } from '../number/check-number.js';
import type { ScanResult } from '../types.js';
import { checkUrl } from '../url/check-url.js';
import { extractAll } from './extract.js';

/** Largest text scanned: a pasted pop-up, invoice or email is a few KB. */
export const MAX_SCAN_TEXT = 1024 * 1024;

export interface ScanOptions {
  /** Country for numbers written without a country code (default US). */
  country?: string;
  /** The organisation the text claims to come from (id or name). */
  org?: string;
  /** Where the text came from; numbers found in it carry it as their source. */
  source?: 'popup' | 'search-result' | 'invoice-email' | 'sms' | 'email';
}

/**
 * Extracts every phone number (including obfuscated and vanity forms), web address and email
 * address from a text and checks each. Items that turn out not to be what they looked like
 * (an order number, "file.txt") are dropped, never reported as errors.
 *
 * @example scanText('Call Microsoft Support 1 - { 8 8 8 } - ( 8 3 9 ) - 0000 now').numbers.length // 1
 */
export function scanText(text: string, opts: ScanOptions = {}): ScanResult {
  if (typeof text !== 'string')
    throw new CallGuardError('CG_INPUT_INVALID', 'The text to scan must be a string.', { pointer: 'text' });
  if (text.length > MAX_SCAN_TEXT) {
    throw new CallGuardError(
      'CG_INPUT_TOO_LARGE',
      `The text is ${text.length} characters; the limit is ${MAX_SCAN_TEXT}.`,
      { pointer: 'text' },
    );
  }
  const found = extractAll(text, isKnownTld);
  const org = opts.org;
  const numberOpts = {
    ...(opts.country ? { country: opts.country } : {}),
    ...(org ? { org } : {}),
    ...(opts.source ? { source: opts.source } : {}),
  };
  const numbers = keep(found.numbers, (n) => checkNumber(n, numberOpts)).filter((c) => c.valid);
  const seen = new Set<string>();
  const dedupNumbers = numbers.filter((c) =>
    c.e164 && !seen.has(c.e164) ? (seen.add(c.e164), true) : false,
  );
  const urls = keep(found.urls, (u) => checkUrl(u, org ? { org } : {}));
  const emails = keep(found.emails, (e) => checkEmail(e, org ? { org } : {}));
  return { numbers: dedupNumbers, urls, emails };
}

function keep<T>(items: string[], check: (s: string) => T): T[] {
  const out: T[] = [];
  for (const item of items) {
    try {
      out.push(check(item));
    } catch (err) {
      if (!isCallGuardError(err)) throw err;
    }
  }
  return out;
}

/** A top-level domain on the public internet, but not one that is mostly seen as a file extension. */
function isKnownTld(tld: string): boolean {
  const t = tld.toLowerCase();
  return !FILE_EXTENSIONS.has(t) && parse(`x.${t}`, { extractHostname: false }).isIcann === true;
}

// Country codes and gTLDs that are also common file extensions ("setup.py", "README.md"). With a
// scheme or "www." in front they are still found.
const FILE_EXTENSIONS: ReadonlySet<string> = new Set([
  'py',
  'md',
  'sh',
  'rs',
  'pl',
  'zip',
  'mov',
  'ps',
  'so',
  'cs',
  'ml',
  'ai',
  'gz',
  'sc',
  'ts',
  'js',
  'ph',
]);

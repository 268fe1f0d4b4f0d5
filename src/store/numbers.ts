import { hash } from 'node:crypto';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { CallGuardError } from '../errors/catalogue.js';

const E164 = /^\+[1-9]\d{6,14}$/;
const MAX_NUMBER_INPUT = 64;

/**
 * Normalises a phone number as typed ("(800) 642-7676", "+44 20 7946 0000") to E.164.
 * Throws CG_NUMBER_INVALID with the field named in `pointer`.
 *
 * @example toE164('800 642 7676', 'US') // '+18006427676'
 */
export function toE164(input: string, country?: string, pointer = '/number'): string {
  const raw = String(input ?? '').trim();
  if (raw.length === 0 || raw.length > MAX_NUMBER_INPUT) {
    throw new CallGuardError('CG_NUMBER_INVALID', `"${raw.slice(0, 40)}" is not a phone number.`, {
      pointer,
    });
  }
  const parsed = parsePhoneNumberFromString(
    raw,
    (country?.toUpperCase() as CountryCode | undefined) ?? undefined,
  );
  if (!parsed || !parsed.isValid()) {
    const hint = raw.startsWith('+') || country ? '' : ' Add the country code (e.g. +1) or set the country.';
    throw new CallGuardError('CG_NUMBER_INVALID', `"${raw}" is not a valid phone number.${hint}`, {
      pointer,
    });
  }
  return parsed.number;
}

/** True for a string already in E.164 form (the cheap check used on hot paths). */
export function isE164(value: string): boolean {
  return E164.test(value);
}

/**
 * SHA-256 hex of the E.164 string: the key of the privacy-preserving lookup.
 *
 * @example numberHash('+18006427676') // 64 hex characters
 */
export function numberHash(e164: string): string {
  return hash('sha256', e164);
}

/**
 * US/Canada 10-digit number (optionally with a leading 1) to E.164, or null. A cheap NANP shape
 * check used for bulk feeds, where libphonenumber would cost more than the insert.
 */
export function nanpToE164(digits: string): string | null {
  const d = digits.length === 11 && digits.charCodeAt(0) === 49 ? digits.slice(1) : digits;
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(d) ? `+1${d}` : null;
}

/**
 * Telephone numbers as SHAKEN compares them (ATIS-1000074 §5.2): digits only, country code included,
 * no leading "+", no visual separators. Pure.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export interface CanonicalTnOptions {
  /**
   * Country assumed for a number written without a country code. Default "US": a 10-digit North
   * American number gets "1" in front, as ATIS-1000074 says.
   */
  defaultCountry?: CountryCode;
}

const VISUAL_SEPARATORS = /[\s\-.()]/g;

/**
 * Canonical form of a telephone number, or null when it is not one.
 *
 * @example canonicalTn('+1 (202) 555-0143') // '12025550143'
 * @example canonicalTn('2025550143') // '12025550143'
 */
export function canonicalTn(input: string, opts: CanonicalTnOptions = {}): string | null {
  const raw = input.trim().replace(VISUAL_SEPARATORS, '');
  if (raw.length === 0 || raw.length > 32) return null;
  if (raw.startsWith('+')) {
    const digits = raw.slice(1);
    return /^\d{1,15}$/.test(digits) ? digits : null;
  }
  if (!/^\d{1,15}$/.test(raw)) return null;
  const country = opts.defaultCountry ?? 'US';
  if (country === 'US' || country === 'CA') {
    if (raw.length === 10) return `1${raw}`;
    return raw;
  }
  // A national number elsewhere: libphonenumber knows each plan's trunk prefix and country code.
  const parsed = parsePhoneNumberFromString(raw, country);
  return parsed && parsed.isValid() ? parsed.number.slice(1) : raw;
}

/**
 * The telephone number in a SIP/tel URI or name-addr, canonicalised; null when the URI does not carry one.
 * Accepts `tel:+1-202-555-0143`, `<sip:+12025550143@host;user=phone>`, `"Bob" <sip:2025550143@host>;tag=1`
 * or a bare number.
 *
 * @example tnFromUri('<sip:+12025550143@example.net;user=phone>;tag=9') // '12025550143'
 */
export function tnFromUri(value: string, opts: CanonicalTnOptions = {}): string | null {
  const uri = extractUri(value);
  const tel = /^tel:([^;?]+)/i.exec(uri);
  if (tel) return canonicalTn(tel[1]!, opts);
  const sip = /^sips?:([^@?]+)@/i.exec(uri);
  if (sip) {
    // user=phone marks a number; without it carriers still send digits, which ATIS tells us to take.
    // The user part may carry telephone-subscriber parameters (;npdi;rn=...), which are not the number.
    const user = decodeURIComponentSafe(sip[1]!).split(';')[0]!;
    return canonicalTn(user, opts);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return null;
  return canonicalTn(uri, opts);
}

/** The URI inside a header value: between <> if present, else up to the first header parameter. */
export function extractUri(value: string): string {
  const v = value.trim();
  // indexOf, not /<([^>]*)>/: that regex retries from every "<" and scans to the end each time, so a
  // 64 KB From header of "<<<<…" (no ">") took seconds. The first "<" and the first ">" after it is
  // the same match in linear time.
  const open = v.indexOf('<');
  const close = open === -1 ? -1 : v.indexOf('>', open + 1);
  if (close !== -1) return v.slice(open + 1, close).trim();
  // addr-spec without <>: header params follow the first ';' (RFC 3261 §20.10), but tel: URIs keep theirs.
  return v;
}

/** URI parameters (`;name=value`) of the URI itself, lower-cased names. */
export function uriParams(uri: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = uri.split('?')[0]!.split(';').slice(1);
  for (const p of parts) {
    const eq = p.indexOf('=');
    const name = (eq === -1 ? p : p.slice(0, eq)).trim().toLowerCase();
    if (name) out.set(name, eq === -1 ? '' : p.slice(eq + 1).trim());
  }
  return out;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type NumberType as LibType,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { CallGuardError } from '../../errors/catalogue.js';
import { findItYourself, getOrg, numberChannel, resolveOrg } from '../../knowledge/index.js';
import type { OrgProfile } from '../../knowledge/types.js';
import { hasConcern, reason } from '../reasons.js';
import type { NumberCheck, NumberSource, NumberType, Reason } from '../types.js';
import { normaliseNumber } from './normalise.js';

/** Longest input taken as one phone number; anything longer is not a number. */
export const MAX_NUMBER_INPUT = 200;

export interface CheckNumberOptions {
  /** ISO 3166 country for numbers written without a country code (default US). */
  country?: string;
  /** The organisation the number is claimed to belong to (id or name). */
  org?: string;
  /** Where the person got the number. */
  source?: NumberSource;
}

const TYPES: Record<NonNullable<LibType>, NumberType> = {
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
  SHARED_COST: 'shared-cost',
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed-line',
  FIXED_LINE_OR_MOBILE: 'fixed-line-or-mobile',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal-number',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

/**
 * Checks a phone number against the organisations' official numbers, says what kind of number it
 * is, and weighs where it came from. Throws CG_NUMBER_INVALID when the input holds no number.
 *
 * @example checkNumber('1-800-MICROSOFT').official?.org // 'microsoft'
 * @example checkNumber('1 (888) 555-0199', { source: 'popup' }).verdict // 'suspicious'
 */
export function checkNumber(input: string, opts: CheckNumberOptions = {}): NumberCheck {
  if (typeof input !== 'string' || input.trim().length === 0) {
    throw new CallGuardError('CG_NUMBER_INVALID', 'The phone number is empty.', { pointer: 'number' });
  }
  if (input.length > MAX_NUMBER_INPUT) {
    throw new CallGuardError(
      'CG_NUMBER_INVALID',
      `A phone number is at most ${MAX_NUMBER_INPUT} characters; this input has ${input.length}.`,
      { pointer: 'number' },
    );
  }
  const country = defaultCountry(opts.country);
  const norm = normaliseNumber(input);
  if (!norm || norm.digitCount < 3) {
    throw new CallGuardError('CG_NUMBER_INVALID', `"${printable(input)}" has no phone number in it.`, {
      pointer: 'number',
    });
  }
  const claimed = opts.org ? resolveOrg(opts.org) : null;
  const { parsed, libType, valid } = parse(norm.dialable, norm.vanity, country);
  const reasons: Reason[] = [];
  if (norm.vanity)
    reasons.push(reason('VANITY_NUMBER', 'info', `Letters read as keypad digits: ${norm.dialable}.`));
  if (opts.org && !claimed) {
    reasons.push(reason('ORG_UNKNOWN', 'info', `CallGuard has no profile for "${printable(opts.org)}".`));
  }

  const base = {
    input,
    ...(opts.source ? { source: opts.source } : {}),
  };
  if (!parsed || !valid) {
    reasons.push(
      reason(
        'NUMBER_INVALID',
        'warning',
        parsed
          ? `This is not a valid ${parsed.country ?? '+' + parsed.countryCallingCode} number: it cannot be dialled as written.`
          : 'This cannot be read as a phone number.',
      ),
    );
    addSourceReasons(reasons, opts.source, claimed, false);
    return {
      ...base,
      e164: parsed?.number ?? null,
      valid: false,
      type: 'unknown',
      country: parsed?.country ?? null,
      international: parsed ? parsed.formatInternational() : null,
      official: null,
      verdict: 'invalid',
      reasons,
    };
  }

  const e164 = parsed.number;
  const type: NumberType = libType ? TYPES[libType] : 'unknown';
  const channel = numberChannel(e164);
  const official = channel
    ? {
        org: channel.org,
        channel: channel.number.channel,
        ...(channel.number.note ? { note: channel.number.note } : {}),
        source: channel.number.source.url,
      }
    : null;

  if (type === 'premium-rate') {
    reasons.push(
      reason(
        'PREMIUM_RATE',
        'danger',
        'This is a premium-rate number: calling it costs you money per minute. No real support line uses one.',
      ),
    );
  } else if (type === 'toll-free' && !official) {
    reasons.push(
      reason(
        'TOLL_FREE',
        'info',
        'Toll-free numbers are cheap for anyone to rent; being toll-free proves nothing.',
      ),
    );
  } else if (type === 'voip') {
    reasons.push(reason('VOIP', 'info', 'An internet (VoIP) number: anyone can get one, from anywhere.'));
  }

  let verdict: NumberCheck['verdict'];
  if (official) {
    const owner = getOrg(official.org);
    reasons.push(
      reason('OFFICIAL_CHANNEL', 'info', `This is an official ${owner.name} number (${official.channel}).`),
    );
    if (claimed && claimed.id !== owner.id) {
      reasons.push(
        reason('NOT_CLAIMED_ORG', 'danger', `This number belongs to ${owner.name}, not ${claimed.name}.`),
      );
    }
    if (opts.source === 'caller-id') {
      reasons.push(
        owner.makesUnsolicitedSupportCalls
          ? reason(
              'CALLER_ID_CAN_BE_SPOOFED',
              'warning',
              `Caller ID is easy to fake. ${owner.name} may call, but hang up and call back on the number on your card or statement to be sure.`,
            )
          : reason(
              'CALLER_ID_SPOOFING_LIKELY',
              'danger',
              `${owner.name} does not make unsolicited calls, so a call showing its real number is most likely spoofed: scammers fake caller ID.`,
            ),
      );
    }
    addSourceReasons(reasons, opts.source, claimed ?? owner, true);
    const danger = reasons.some((r) => r.severity === 'danger');
    verdict = danger ? 'suspicious' : opts.source === 'caller-id' ? 'unknown' : 'official';
  } else {
    if (claimed) {
      reasons.push(
        reason(
          'NOT_AN_OFFICIAL_NUMBER',
          'warning',
          `This is not a number CallGuard knows for ${claimed.name}. ${findItYourself(claimed)}`,
        ),
      );
    }
    addSourceReasons(reasons, opts.source, claimed, false);
    verdict = hasConcern(reasons) ? 'suspicious' : 'unknown';
  }
  return {
    ...base,
    e164,
    valid: true,
    type,
    country: parsed.country ?? null,
    international: parsed.formatInternational(),
    official,
    verdict,
    reasons,
  };
}

function addSourceReasons(
  reasons: Reason[],
  source: NumberSource | undefined,
  org: OrgProfile | null,
  official: boolean,
): void {
  const who = org?.name ?? 'a company';
  switch (source) {
    case 'popup':
      reasons.push(
        reason(
          'NUMBER_FROM_POPUP',
          'danger',
          org?.id === 'microsoft' || org === null
            ? "Microsoft's error and warning messages never include a phone number. A pop-up that tells you to call a number is a scam."
            : `A pop-up or warning that tells you to call a number is a scam; ${who} does not put support numbers in warnings.`,
        ),
      );
      break;
    case 'search-result':
      reasons.push(
        reason(
          'NUMBER_FROM_SEARCH',
          'warning',
          `Scammers buy search ads and fake listings for "${who} support". Take the number from ${who}'s own site instead.`,
        ),
      );
      break;
    case 'invoice-email':
      reasons.push(
        reason(
          'NUMBER_FROM_INVOICE',
          'danger',
          'Fake invoices and "auto-renewal" notices with a number to call to cancel are a common scam. Check your account on the real site instead.',
        ),
      );
      break;
    case 'sms':
    case 'email':
      reasons.push(
        reason(
          'NUMBER_FROM_MESSAGE',
          'warning',
          `A number in an unexpected ${source === 'sms' ? 'text message' : 'email'} may be the scammer's own. Use the number from ${who}'s own site, app, card or statement.`,
        ),
      );
      break;
    case 'caller-id':
      if (!official)
        reasons.push(reason('CALLER_ID', 'info', 'Caller ID can be faked; it never proves who is calling.'));
      break;
    case 'official-site':
    case 'known-contact':
      reasons.push(reason('SOURCE_TRUSTED', 'info', 'You took this number from a source you trust.'));
      break;
    default:
      break;
  }
}

interface Parsed {
  parsed: PhoneNumber | undefined;
  /** parsed.getType(), computed once. */
  libType: LibType;
  /** parsed.isValid(), computed once. */
  valid: boolean;
}

function parse(dialable: string, vanity: boolean, country: CountryCode): Parsed {
  const first = classify(safeParse(dialable, country));
  if (first.valid || !vanity) return first;
  // Vanity words are often longer than the number (1-800-MICROSOFT): extra letters are not dialled.
  const plus = dialable.startsWith('+') ? 1 : 0;
  for (let len = dialable.length - 1; len >= plus + 7; len--) {
    const p = classify(safeParse(dialable.slice(0, len), country));
    if (p.valid) return p;
  }
  return first;
}

/**
 * Type and validity with one pass over the type patterns where possible: getType(), isValid() and
 * getType() again each re-ran them (about a third of a whole check each). A number with a type
 * always passes isValid() (both first match the country's national pattern); only a number
 * without one needs isValid() itself (metadata without per-type patterns).
 */
function classify(parsed: PhoneNumber | undefined): Parsed {
  if (!parsed) return { parsed, libType: undefined, valid: false };
  const libType = parsed.getType();
  return { parsed, libType, valid: libType !== undefined || parsed.isValid() };
}

function safeParse(text: string, country: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, { defaultCountry: country });
  } catch {
    return undefined; // libphonenumber throws on a few malformed inputs; treat as "not a number"
  }
}

function defaultCountry(country: string | undefined): CountryCode {
  if (country === undefined || country === '') return 'US';
  const c = country.trim().toUpperCase() === 'UK' ? 'GB' : country.trim().toUpperCase();
  if (!isSupportedCountry(c)) {
    throw new CallGuardError(
      'CG_OPTION_VALUE_INVALID',
      `"${printable(country)}" is not a two-letter country code such as US or GB.`,
      {
        pointer: 'country',
      },
    );
  }
  return c as CountryCode;
}

/** Input echoed in messages: control characters shown as "?", and cut to a readable length. */
export function printable(s: string, max = 80): string {
  const clean = s.replace(/[\p{Cc}\p{Cf}]/gu, '?');
  return clean.length > max ? clean.slice(0, max) + '…' : clean;
}

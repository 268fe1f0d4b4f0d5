/**
 * Removes secrets people type into free text before it is stored: card numbers (Luhn-checked),
 * IBANs (mod-97-checked), US Social Security numbers, and passwords or one-time codes written out
 * ("password is hunter2", "code 483920"). Pure and browser-safe: no Node APIs.
 */
export type RedactionKind = 'card-number' | 'iban' | 'ssn' | 'password' | 'one-time-code';

export interface RedactionResult {
  text: string;
  /** What was removed, how often (never the removed values themselves). */
  redactions: { kind: RedactionKind; count: number }[];
}

const LABEL: Record<RedactionKind, string> = {
  'card-number': '[card number removed]',
  iban: '[IBAN removed]',
  ssn: '[SSN removed]',
  password: '[password removed]',
  'one-time-code': '[code removed]',
};

/** Luhn checksum, as used by every payment card number. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** ISO 13616 IBAN check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanValid(candidate: string): boolean {
  const iban = candidate.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) rem = (rem * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

// 13-19 digits, optionally grouped by single spaces or dashes.
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const IBAN = /\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}\b/g;
const SSN_FORMATTED = /(?<!\d)(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?!\d)/g;
const SSN_LABELLED = /\b(ssn|social security(?: number| no\.?| #)?)(\s*(?:is|was|:|#)?\s*)(\d{9})(?!\d)/gi;
const PASSWORD =
  /\b(password|passcode|passwd|passphrase|pwd|pin)(\s*(?:[:=]|\b(?:is|was|to|as)\b:?)\s*)("[^"\n]{1,100}"|'[^'\n]{1,100}'|[^\s"'.,;!?]{1,100})/gi;
const CODE =
  /\b((?:one[- ]time |verification |security |access |auth(?:entication)? |login |sms |2fa |otp )?code|otp)(\s*(?:[:=#]|\b(?:is|was|of)\b)?\s*)(\d(?:[ -]?\d){2,11})(?!\d)/gi;

/**
 * Redacts secrets in free text.
 *
 * @example
 * redactText('card 4111 1111 1111 1111, password is hunter2').text
 * // 'card [card number removed], password is [password removed]'
 */
export function redactText(input: string): RedactionResult {
  const counts = new Map<RedactionKind, number>();
  const bump = (kind: RedactionKind) => counts.set(kind, (counts.get(kind) ?? 0) + 1);

  let text = input.replace(CARD, (m) => {
    const digits = m.replace(/[ -]/g, '');
    if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return m;
    bump('card-number');
    return LABEL['card-number'];
  });
  text = text.replace(IBAN, (m) => {
    // The pattern may run on into following words ("... 7654 32 not"): take the longest valid prefix.
    for (let end = m.length; end >= 15; end--) {
      if (end < m.length && m[end] !== ' ') continue;
      if (ibanValid(m.slice(0, end))) {
        bump('iban');
        return LABEL.iban + m.slice(end);
      }
    }
    return m;
  });
  text = text.replace(SSN_FORMATTED, () => {
    bump('ssn');
    return LABEL.ssn;
  });
  text = text.replace(SSN_LABELLED, (_m, label: string, sep: string) => {
    bump('ssn');
    return `${label}${sep}${LABEL.ssn}`;
  });
  text = text.replace(PASSWORD, (m, label: string, sep: string, secret: string) => {
    if (secret.startsWith('[')) return m; // already redacted
    bump('password');
    return `${label}${sep}${LABEL.password}`;
  });
  text = text.replace(CODE, (_m, label: string, sep: string) => {
    bump('one-time-code');
    return `${label}${sep}${LABEL['one-time-code']}`;
  });
  const redactions = [...counts].map(([kind, count]) => ({ kind, count }));
  return { text, redactions };
}

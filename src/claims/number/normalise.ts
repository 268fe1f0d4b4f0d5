/** Phone keypad letters (ITU E.161), for vanity numbers such as 1-800-MICROSOFT. */
const KEYPAD: Record<string, string> = {
  A: '2',
  B: '2',
  C: '2',
  D: '3',
  E: '3',
  F: '3',
  G: '4',
  H: '4',
  I: '4',
  J: '5',
  K: '5',
  L: '5',
  M: '6',
  N: '6',
  O: '6',
  P: '7',
  Q: '7',
  R: '7',
  S: '7',
  T: '8',
  U: '8',
  V: '8',
  W: '9',
  X: '9',
  Y: '9',
  Z: '9',
};

export interface NormalisedNumber {
  /** "+" and digits only, ready for libphonenumber. */
  dialable: string;
  /** The input had keypad letters that were turned into digits. */
  vanity: boolean;
  digitCount: number;
}

/**
 * Turns a number written any way people (and scammers) write it into "+" and digits:
 * brackets, braces, dots, dashes, spaces and "ext" are dropped, full-width digits folded,
 * keypad letters mapped to digits. Returns null when no number is there.
 *
 * @example normaliseNumber('1 - { 8 8 8 } - ( 8 3 9 ) - 1234')?.dialable // '18888391234'
 * @example normaliseNumber('1-800-MICROSOFT')?.dialable // '1800642767638'
 */
export function normaliseNumber(raw: string): NormalisedNumber | null {
  let s = raw
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .trim();
  s = s.replace(/^(?:tel|callto):/i, '');
  // An extension does not change who the number belongs to.
  s = s.replace(/\s*(?:ext\.?|extension|x|#)\s*\d{1,6}\s*$/i, '');
  const plus = /^\s*[+＋]/.test(s) || /^\s*\(\s*\+/.test(s);
  // "+44 (0)20 ..." : the bracketed trunk zero is dialled only inside the country.
  if (plus) s = s.replace(/^(\s*\(?\s*[+＋]\s*\d{1,3}\s*\)?\s*)\(\s*0\s*\)/, '$1');
  const letters = s.match(/[A-Za-z]/g)?.length ?? 0;
  const digitsOnly = s.replace(/\D/g, '');
  // Letters only count as a vanity number when they follow some digits (a prefix like 1-800).
  const vanity = letters >= 3 && digitsOnly.length >= 1 && /\d[^A-Za-z]*[A-Za-z]/.test(s);
  if (letters > 0 && !vanity) {
    // Text with a few stray letters ("Call: 0800 123 456") keeps its digits; words without digits are not numbers.
    if (digitsOnly.length === 0) return null;
  }
  let out = '';
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') out += ch;
    else if (vanity && /[A-Za-z]/.test(ch)) out += KEYPAD[ch.toUpperCase()]!;
  }
  if (out.length === 0) return null;
  return { dialable: (plus ? '+' : '') + out, vanity, digitCount: out.length };
}

/**
 * Control and invisible formatting characters (other than tab, newline and carriage return): they
 * carry nothing in a transcript and can hide or reorder text, so they become spaces. One list, which
 * the parser's whole-input check reads too (transcript/parse.ts).
 */
const CONTROL_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x7f],
  [0x200b, 0x200f],
  [0x2028, 0x2029],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];

export const CONTROL_CHARS: readonly string[] = CONTROL_RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)),
);

/** A regex character class of the given characters, each written as a \u escape. */
export function charClass(chars: readonly string[]): string {
  return `[${chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;
}

const CONTROL_RE = new RegExp(charClass(CONTROL_CHARS), 'g');

/** @example cleanText('a\u0000b') === 'a b' */
export function cleanText(s: string): string {
  CONTROL_RE.lastIndex = 0;
  if (!CONTROL_RE.test(s)) return s;
  return s.replace(CONTROL_RE, ' ');
}

/**
 * Control and invisible formatting characters (other than tab and newline): they carry nothing in a
 * transcript and can hide or reorder text, so they become spaces.
 */
const CONTROL_RE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** @example cleanText('a\u0000b') === 'a b' */
export function cleanText(s: string): string {
  CONTROL_RE.lastIndex = 0;
  if (!CONTROL_RE.test(s)) return s;
  return s.replace(CONTROL_RE, ' ');
}

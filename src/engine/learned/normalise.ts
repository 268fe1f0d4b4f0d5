/**
 * Text normalisation for the learned scorer. Digits go (order numbers, prices and phone numbers are
 * incidental to one call), case and punctuation go, and common speech-to-text splits are joined so
 * "any desk" and "AnyDesk" are one feature.
 */

const JOINS: Record<string, string> = {};
const JOIN_RE =
  /\b(?:any ?desk|team ?viewer|ultra ?viewer|log ?me ?in|screen ?connect|micro ?soft|gift? (?:card|guard)s?|bit ?coin|e ?mail)\b/g;

function joined(match: string): string {
  const cached = JOINS[match];
  if (cached !== undefined) return cached;
  const compact = match.replace(/ /g, '');
  const out = /^gift?(?:card|guard)s?$/.test(compact) ? 'gift card' : compact;
  JOINS[match] = out;
  return out;
}

/**
 * @example normaliseText("Install Any Desk, then call 1-800-555-0100!") // "install anydesk then call"
 */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}']+/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(JOIN_RE, joined);
}

/**
 * Text normalisation for the learned scorer. Digits go (order numbers, prices and phone numbers are
 * incidental to one call), case and punctuation go, and common speech-to-text splits are joined so
 * "any desk" and "AnyDesk" are one feature.
 */

const JOINS: ReadonlyArray<[RegExp, string]> = [
  [/\bany ?desk\b/g, 'anydesk'],
  [/\bteam ?viewer\b/g, 'teamviewer'],
  [/\bultra ?viewer\b/g, 'ultraviewer'],
  [/\blog ?me ?in\b/g, 'logmein'],
  [/\bscreen ?connect\b/g, 'screenconnect'],
  [/\bmicro ?soft\b/g, 'microsoft'],
  [/\bgif(?:t)? (?:card|guard)s?\b/g, 'gift card'],
  [/\bbit ?coin\b/g, 'bitcoin'],
  [/\be ?mail\b/g, 'email'],
];

/**
 * @example normaliseText("Install Any Desk, then call 1-800-555-0100!") // "install anydesk then call"
 */
export function normaliseText(text: string): string {
  let t = text
    .toLowerCase()
    .replace(/[0-9]+/g, ' ')
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}' ]+/gu, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [re, to] of JOINS) t = t.replace(re, to);
  return t;
}

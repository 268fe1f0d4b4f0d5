/**
 * Text hygiene shared by the case model and every renderer. Case content is hostile input: it may
 * hold control characters, lone surrogates, bidi overrides or megabytes of text. Pure (runs in the page).
 */

/** C0 and C1 controls except tab and newline, plus DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Unpaired UTF-16 halves cannot be encoded; they become U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they make a viewer show text
 * in another order than it is stored, so "+1 888 555 0123" or a sentence in a report to the authorities
 * could read differently from what was filed. The plain marks (U+200E, U+200F, U+061C) are kept.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;
/** Characters that some viewers treat as line breaks. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/**
 * Removes control characters and bidi overrides and repairs lone surrogates; keeps tabs and newlines
 * (CRLF becomes LF).
 */
export function cleanText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0085\u2028\u2029]/g, '\n')
    .replace(CONTROL, '')
    .replace(BIDI_CONTROL, '')
    .replace(LONE_SURROGATE, '\uFFFD');
}

/** One line: every line break and control character becomes a space. */
export function oneLine(value: string): string {
  return cleanText(value.replace(LINE_BREAKS, ' ')).replace(/\t/g, ' ');
}

/** True when the string holds a character a single-line field must not have. */
export function hasControlChars(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/.test(value);
}

/**
 * Drops bidi overrides and isolates. One-line fields go through this before they are checked: text
 * copied from a messaging app or a phone's dialler often wraps names and numbers in them, invisibly,
 * and refusing such a field would leave the person with an error they cannot see the cause of.
 */
export function withoutBidiControls(value: string): string {
  return value.replace(BIDI_CONTROL, '');
}

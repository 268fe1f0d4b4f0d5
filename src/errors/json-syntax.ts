/**
 * Says where and why a text is not valid JSON, in words an integrator can act on ("at line 3, column 12,
 * a ',' is missing between two items"). Only used once JSON.parse has already refused the text, so
 * the hot path stays JSON.parse. It never quotes the text: it may be a caller's transcript.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { CallGuardError } from './catalogue.js';

/** By jsonc-parser's error name (its codes are a const enum, which this build cannot read). */
const WHY: Record<string, string> = {
  InvalidSymbol:
    'this is not a JSON value (text needs double quotes; true, false and null are written in lowercase)',
  InvalidNumberFormat: 'a number is not written the JSON way (for example 12, -3 or 4.5)',
  UnexpectedEndOfNumber: 'a number is not written the JSON way (for example 12, -3 or 4.5)',
  PropertyNameExpected:
    'a key in double quotes is expected here (keys need double quotes, and the last item takes no comma)',
  ValueExpected: 'a value is missing here (a stray comma, or nothing after a colon?)',
  ColonExpected: "a ':' is missing after a key",
  CommaExpected: "a ',' is missing between two items",
  CloseBraceExpected: "an object is not closed: a '}' (or a ',' before the next key) is missing",
  CloseBracketExpected: "a list is not closed: a ']' (or a ',' before the next item) is missing",
  EndOfFileExpected: 'there is more after the end of the JSON value',
  InvalidCommentToken: 'JSON has no comments',
  UnexpectedEndOfComment: 'JSON has no comments',
  UnexpectedEndOfString:
    'a text in double quotes is not closed on its line (write a line break inside text as \\n)',
  InvalidUnicode: 'a \\u escape needs four hexadecimal digits',
  InvalidEscapeCharacter: 'a backslash in text must start an escape such as \\n, \\" or \\\\',
  InvalidCharacter: 'a control character (such as a tab) inside text must be escaped (\\t)',
};

/** 1-based line and column of `offset` (lines end at \n; a \r\n counts once). */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where and why `text` is not JSON, e.g. "at column 6, a value is missing here (…)" ("at line 3,
 * column 2, …" when it has several lines); "it is not valid JSON" when the reason cannot be placed.
 * @example describeJsonSyntax('{"a": }') // "at column 7, a value is missing here (…)"
 */
export function describeJsonSyntax(text: string): string {
  if (text.trim() === '') return 'it is empty';
  if (text.charCodeAt(0) === 0xfeff)
    return 'it starts with an invisible byte-order mark (U+FEFF); save it without one';
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // jsonc-parser recurses: thousands of "[" overflow the stack. Such a text gets no place, not a crash.
    return 'it is not valid JSON (nested too deeply to say where)';
  }
  const first = errors[0];
  if (!first) return 'it is not valid JSON';
  const { line, column } = lineAndColumn(text, first.offset);
  // A cut-off text (a truncated upload, a missing last brace) is easier to see as "the end".
  const body = text.trimEnd();
  const where =
    first.offset >= body.length
      ? 'the end (the text stops too early)'
      : body.includes('\n')
        ? `line ${line}, column ${column}`
        : `column ${column}`;
  return `at ${where}, ${WHY[printParseErrorCode(first.error)] ?? 'it is not valid JSON there'}`;
}

/**
 * JSON.parse, or CG_JSON_MALFORMED saying where and why, with `what` naming the input ("Line 3",
 * "A message", a file name).
 */
export function parseJson(text: string, what: string, pointer?: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CallGuardError(
      'CG_JSON_MALFORMED',
      `${what} is not valid JSON: ${describeJsonSyntax(text)}.`,
      pointer === undefined ? {} : { pointer },
    );
  }
}

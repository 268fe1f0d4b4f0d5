/**
 * Streaming JSONL reading: one record per line, a bad line is reported with its number and reading
 * goes on. Works on any async iterable of chunks (a file stream, stdin, a test array).
 */
import { describeJsonSyntax } from '../errors/json-syntax.js';

export type JsonlItem = { line: number; value: unknown } | { line: number; error: string };

/** A line longer than this is reported as an error instead of being parsed (hostile input). */
export const MAX_LINE_CHARS = 2 * 1024 * 1024;

/**
 * Splits chunks into lines and parses each non-blank line as JSON.
 * @example
 * for await (const item of readJsonl(createReadStream('dev.jsonl'))) {
 *   if ('error' in item) console.warn(`line ${item.line}: ${item.error}`);
 * }
 */
export async function* readJsonl(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): AsyncGenerator<JsonlItem> {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let lineNo = 0;
  let overlong = false;
  for await (const chunk of chunks) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      lineNo++;
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (overlong) {
        overlong = false;
        yield { line: lineNo, error: `line is longer than ${MAX_LINE_CHARS} characters` };
        continue;
      }
      const item = parseLine(line, lineNo);
      if (item) yield item;
    }
    if (buffer.length > MAX_LINE_CHARS) {
      // Drop the rest of an oversized line instead of buffering it without bound.
      overlong = true;
      buffer = '';
    }
  }
  buffer += decoder.decode();
  if (overlong) {
    yield { line: lineNo + 1, error: `line is longer than ${MAX_LINE_CHARS} characters` };
  } else if (buffer.trim() !== '') {
    const item = parseLine(buffer, lineNo + 1);
    if (item) yield item;
  }
}

function parseLine(raw: string, line: number): JsonlItem | null {
  const text = raw.replace(/\r$/, '').replace(/^\uFEFF/, '');
  if (text.trim() === '') return null;
  try {
    return { line, value: JSON.parse(text) as unknown };
  } catch {
    return { line, error: `not valid JSON (${describeJsonSyntax(text)})` };
  }
}

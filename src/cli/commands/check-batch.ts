/**
 * `callguard check --batch FILE.jsonl`: streams one JSON object per line through the engine and
 * writes one JSON line per input. A bad line becomes an error line; processing goes on.
 */
import { createReadStream } from 'node:fs';
import { checkRegularFile } from '../read-input.js';
import type { CliContext } from '../context.js';
import { CallGuardError, isCallGuardError } from '../../errors/catalogue.js';
import { parseJson } from '../../errors/json-syntax.js';
import { assess, type AssessOptions } from '../../engine/index.js';
import type { AssessInput, TranscriptInput } from '../../engine/types.js';

/** Longest line accepted (one transcript). */
export const MAX_BATCH_LINE_CHARS = 2_000_000;
const FLUSH_CHARS = 64 * 1024;

export interface BatchCounts {
  lines: number;
  errors: number;
}

export async function runBatch(path: string, ctx: CliContext, options: AssessOptions = {}): Promise<number> {
  const input = path === '-' ? ctx.stdin : await openFile(path);
  const counts = await processBatch(input, ctx.stdout, path === '-' ? 'standard input' : path, options);
  if (counts.errors > 0) {
    ctx.stderr.write(
      `callguard: ${counts.errors} of ${counts.lines} lines could not be assessed (see their "error").\n`,
    );
    return 1;
  }
  return 0;
}

async function openFile(path: string): Promise<NodeJS.ReadableStream> {
  await checkRegularFile(path);
  const stream = createReadStream(path);
  // Surface open errors (a race with deletion, permissions) as a catalogue error.
  await new Promise<void>((resolve, reject) => {
    stream.once('readable', resolve);
    stream.once('error', (err) =>
      reject(
        new CallGuardError('CG_FILE_UNREADABLE', `Cannot read "${path}": ${err.message}.`, { pointer: path }),
      ),
    );
  });
  return stream;
}

/** Streams lines from `input` to `output`; returns how many lines were read and how many failed. */
export async function processBatch(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  where: string,
  options: AssessOptions = {},
): Promise<BatchCounts> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let lineNo = 0;
  let first = true;
  let out = '';
  const counts: BatchCounts = { lines: 0, errors: 0 };

  const flush = async () => {
    if (out === '') return;
    const chunk = out;
    out = '';
    if (!output.write(chunk)) await new Promise<void>((resolve) => output.once('drain', resolve));
  };
  const handle = (line: string) => {
    lineNo++;
    if (line.trim() === '') return;
    counts.lines++;
    const result = assessLine(line, lineNo, options);
    if ('error' in result) counts.errors++;
    out += JSON.stringify(result) + '\n';
  };

  let skippingLine = false;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (first) {
      first = false;
      if (buf.subarray(0, 8192).includes(0)) {
        throw new CallGuardError('CG_INPUT_BINARY', `${where} looks like a binary file, not JSON lines.`, {
          pointer: where,
        });
      }
    }
    let text = decoder.decode(buf, { stream: true });
    if (skippingLine) {
      // Drop the rest of an oversized line without holding it in memory.
      const nl = text.indexOf('\n');
      if (nl === -1) continue;
      text = text.slice(nl + 1);
      skippingLine = false;
    }
    pending += text;
    let nl = pending.indexOf('\n');
    let from = 0;
    while (nl !== -1) {
      handle(pending.slice(from, nl));
      from = nl + 1;
      nl = pending.indexOf('\n', from);
    }
    pending = pending.slice(from);
    if (pending.length > MAX_BATCH_LINE_CHARS) {
      lineNo++;
      counts.lines++;
      counts.errors++;
      out += JSON.stringify(errorLine(null, lineNo, tooLong())) + '\n';
      pending = '';
      skippingLine = true;
    }
    if (out.length >= FLUSH_CHARS) await flush();
  }
  if (!skippingLine) pending += decoder.decode();
  if (!skippingLine && pending !== '') handle(pending);
  await flush();
  return counts;
}

function tooLong(): CallGuardError {
  return new CallGuardError(
    'CG_INPUT_TOO_LARGE',
    `The line is over ${MAX_BATCH_LINE_CHARS.toLocaleString('en-US')} characters.`,
  );
}

type LineResult =
  | { id: string | null; verdict: string; risk: number; redFlags: string[] }
  | { id: string | null; error: { code: string; message: string; line: number } };

function errorLine(id: string | null, line: number, err: unknown): LineResult {
  const e = isCallGuardError(err)
    ? err
    : new CallGuardError('CG_INTERNAL', 'Unexpected failure while assessing this line.');
  return { id, error: { code: e.code, message: e.message, line } };
}

/** One line in, one result out; never throws. */
export function assessLine(line: string, lineNo: number, options: AssessOptions = {}): LineResult {
  let id: string | null = null;
  try {
    // Never the parser's own message: it quotes the line, a caller's words.
    const data = parseJson(line, `Line ${lineNo}`);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new CallGuardError(
        'CG_INPUT_INVALID',
        `Line ${lineNo} must be a JSON object {"id", "text"|"turns", "facts"}.`,
      );
    }
    const obj = data as Record<string, unknown>;
    if (typeof obj.id === 'string' || typeof obj.id === 'number') id = String(obj.id);
    const result = assess(toAssessInput(obj, lineNo), options);
    return { id, verdict: result.verdict, risk: result.risk, redFlags: result.redFlags.map((f) => f.id) };
  } catch (err) {
    return errorLine(id, lineNo, err);
  }
}

function toAssessInput(obj: Record<string, unknown>, lineNo: number): AssessInput {
  const input: AssessInput = {};
  const transcript = obj.turns ?? obj.transcript ?? obj.text;
  if (transcript !== undefined && transcript !== null) {
    if (Array.isArray(transcript)) {
      input.transcript = transcript.map((t: unknown, i) => {
        if (t === null || typeof t !== 'object') {
          throw new CallGuardError(
            'CG_TRANSCRIPT_MALFORMED',
            `Line ${lineNo}: turn ${i} is not an object {speaker, text}.`,
            {
              pointer: `/turns/${i}`,
            },
          );
        }
        const o = t as Record<string, unknown>;
        // Only the fields the engine reads; null means "not given". The engine's schema checks types.
        const seg: Record<string, unknown> = { text: o.text };
        for (const k of ['speaker', 'start', 'end']) if (o[k] !== undefined && o[k] !== null) seg[k] = o[k];
        return seg as { text: string };
      });
    } else input.transcript = transcript as TranscriptInput; // validated by the engine's schema
  }
  if (obj.facts !== undefined && obj.facts !== null) {
    if (typeof obj.facts !== 'object' || Array.isArray(obj.facts)) {
      throw new CallGuardError('CG_INPUT_INVALID', `Line ${lineNo}: "facts" must be an object.`, {
        pointer: '/facts',
      });
    }
    // Dataset files write unknown facts as null; the engine treats absent and null alike.
    input.facts = Object.fromEntries(Object.entries(obj.facts).filter(([, v]) => v !== null));
  }
  return input;
}

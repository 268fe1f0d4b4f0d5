/**
 * Opens a labelled JSONL file (or stdin) as a stream of chunks, refusing what cannot be a JSONL file:
 * a missing path, a directory, a binary file, or something far larger than any evaluation set.
 */
import { createReadStream } from 'node:fs';
import { checkRegularFile } from '../cli/read-input.js';
import { CallGuardError } from '../errors/catalogue.js';

/** 1 GB: streaming keeps memory flat, this only stops an accidental disk image. */
export const MAX_EVAL_BYTES = 1024 * 1024 * 1024;

export async function openJsonlInput(
  path: string,
  stdin: NodeJS.ReadableStream,
): Promise<AsyncIterable<string | Uint8Array>> {
  if (path === '-') return refuseBinary(stdin as AsyncIterable<string | Uint8Array>, 'standard input');
  await checkRegularFile(path, MAX_EVAL_BYTES);
  return refuseBinary(createReadStream(path), path);
}

/** Passes chunks through, failing on a NUL byte in the first chunk (a binary file, not JSONL). */
async function* refuseBinary(
  chunks: AsyncIterable<string | Uint8Array>,
  where: string,
): AsyncGenerator<string | Uint8Array> {
  let first = true;
  for await (const chunk of chunks) {
    if (first && typeof chunk !== 'string' && chunk.includes(0)) {
      throw new CallGuardError('CG_INPUT_BINARY', `${where} looks like a binary file, not JSONL.`, {
        pointer: where,
      });
    }
    first = false;
    yield chunk;
  }
}

/**
 * Opens a labelled JSONL file (or stdin) as a stream of chunks, refusing what cannot be a JSONL file:
 * a missing path, a directory, a binary file, or something far larger than any evaluation set.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CallGuardError } from '../errors/catalogue.js';

/** 1 GB: streaming keeps memory flat, this only stops an accidental disk image. */
export const MAX_EVAL_BYTES = 1024 * 1024 * 1024;

export async function openJsonlInput(
  path: string,
  stdin: NodeJS.ReadableStream,
): Promise<AsyncIterable<string | Uint8Array>> {
  if (path === '-') return refuseBinary(stdin as AsyncIterable<string | Uint8Array>, 'standard input');
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code;
    throw new CallGuardError('CG_FILE_UNREADABLE', `Cannot read "${path}": ${why}.`, { pointer: path });
  }
  if (!info.isFile()) {
    throw new CallGuardError('CG_FILE_UNREADABLE', `"${path}" is not a regular file.`, { pointer: path });
  }
  if (info.size > MAX_EVAL_BYTES) {
    throw new CallGuardError('CG_INPUT_TOO_LARGE', `"${path}" is larger than 1 GB.`, { pointer: path });
  }
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

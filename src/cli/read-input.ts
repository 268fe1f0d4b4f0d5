import { open, stat } from 'node:fs/promises';
import { CallGuardError } from '../errors/catalogue.js';
import type { CliContext } from './context.js';

/** Largest text input the CLI accepts in one piece (a few hours of call transcript is well under this). */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Reads a text file (or stdin for "-"), refusing directories, binaries and oversized input. */
export async function readTextInput(
  path: string | undefined,
  ctx: CliContext,
  maxBytes = MAX_INPUT_BYTES,
): Promise<string> {
  const buf =
    path === undefined || path === '-'
      ? await readStdin(ctx, maxBytes)
      : await readFileLimited(path, maxBytes);
  return decodeText(buf, path ?? 'standard input');
}

/**
 * Checks that path is a regular file no larger than maxBytes, with the catalogue's error for each way it
 * is not. Every command that takes a file path goes through here.
 */
export async function checkRegularFile(path: string, maxBytes = Number.POSITIVE_INFINITY): Promise<void> {
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
  if (info.size > maxBytes) {
    throw new CallGuardError(
      'CG_INPUT_TOO_LARGE',
      `"${path}" is ${formatBytes(info.size)}; the limit is ${formatBytes(maxBytes)}.`,
      { pointer: path },
    );
  }
}

async function readFileLimited(path: string, maxBytes: number): Promise<Buffer> {
  await checkRegularFile(path, maxBytes);
  try {
    const handle = await open(path, 'r');
    try {
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new CallGuardError('CG_FILE_UNREADABLE', `Cannot read "${path}": ${(err as Error).message}.`, {
      pointer: path,
    });
  }
}

async function readStdin(ctx: CliContext, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of ctx.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > maxBytes) {
      throw new CallGuardError(
        'CG_INPUT_TOO_LARGE',
        `Standard input is over the ${formatBytes(maxBytes)} limit.`,
      );
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** UTF-8 text only; a NUL byte or invalid UTF-8 in the first 8 KB means a binary file. */
export function decodeText(buf: Buffer, where: string): string {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) {
    throw new CallGuardError('CG_INPUT_BINARY', `${where} looks like a binary file.`, { pointer: where });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new CallGuardError('CG_INPUT_BINARY', `${where} is not valid UTF-8 text.`, { pointer: where });
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

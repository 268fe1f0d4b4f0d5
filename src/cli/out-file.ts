/**
 * Files written with --out. Checked before any work is done, written to a temporary file beside the
 * target and renamed into place only when complete, so a failure (or the process stopping) never
 * leaves a partial file. Every command that takes --out goes through here.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CallGuardError } from '../errors/catalogue.js';

/** Signals that stop a command part-way; the temporary file is removed before the process goes. */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface OutFile {
  /** Appends text; waits when the disk is behind. */
  write(text: string): Promise<void>;
  /** Finishes the file and puts it in place. */
  commit(): Promise<void>;
  /** Drops the temporary file; a no-op after commit. */
  abort(): Promise<void>;
}

/** Opens `path` (relative to cwd) for writing, or throws a catalogue error saying why it cannot be. */
export async function openOutFile(path: string, cwd: string, mode = 0o666): Promise<OutFile> {
  // Through a symlink to the file it names, so the link stays a link.
  const target = await realpath(resolve(cwd, path)).catch(() => resolve(cwd, path));
  const dir = dirname(target);
  const fail = (why: string, cause?: unknown) =>
    new CallGuardError('CG_FILE_UNWRITABLE', `Cannot write "${path}": ${why}.`, {
      pointer: '--out',
      ...(cause !== undefined ? { cause } : {}),
    });

  const rethrow = (err: NodeJS.ErrnoException): never => {
    throw fail(describe(err), err);
  };
  const writeTo = (h: FileHandle, text: string) => h.writeFile(text).catch(rethrow);

  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) throw fail('it is a directory; give a file name');
  // A device or pipe (/dev/stdout, a FIFO, >(gzip > f)) is written as it is: it cannot be replaced.
  if (existing && !existing.isFile()) {
    const direct = await open(target, 'w').catch(rethrow);
    return {
      write: (text) => writeTo(direct, text),
      commit: () => direct.close(),
      abort: () => direct.close().catch(() => undefined),
    };
  }
  const parent = await stat(dir).catch((err: NodeJS.ErrnoException) => {
    throw fail(err.code === 'ENOENT' ? `no such directory "${dir}"` : describe(err), err);
  });
  if (!parent.isDirectory()) throw fail(`"${dir}" is not a directory`);

  // Same directory as the target, so the final rename never crosses file systems.
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // process.exit (a closed stdout, for one) skips finally blocks; remove the temporary file anyway.
  const onExit = () => {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  };
  // Ctrl+C or a kill: remove it, then stop by the same signal (the shell then sees 130 or 143).
  const onSignal = (signal: NodeJS.Signals) => {
    onExit();
    done();
    process.kill(process.pid, signal);
  };
  const done = () => {
    process.off('exit', onExit);
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  };
  // In place before the file exists, so no moment has a file that a stop would leave behind.
  process.on('exit', onExit);
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  let handle: FileHandle | null = await open(temp, 'wx', mode).catch((err: NodeJS.ErrnoException) => {
    done(); // not ours to remove: 'wx' failed, so the name may be someone else's file
    return rethrow(err);
  });

  return {
    write: (text) => writeTo(handle!, text),
    async commit() {
      const h = handle!;
      handle = null;
      try {
        await h.close();
        await rename(temp, target);
      } catch (err) {
        await unlink(temp).catch(() => undefined);
        throw fail(describe(err as NodeJS.ErrnoException), err);
      } finally {
        done();
      }
    },
    async abort() {
      if (!handle) return;
      const h = handle;
      handle = null;
      await h.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      done();
    },
  };
}

/** Writes a whole file at once (see openOutFile). */
export async function writeOutFile(path: string, cwd: string, body: string, mode = 0o666): Promise<void> {
  const file = await openOutFile(path, cwd, mode);
  try {
    await file.write(body);
    await file.commit();
  } finally {
    await file.abort();
  }
}

function describe(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'over the disk quota';
    case 'EISDIR':
      return 'it is a directory; give a file name';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return err.code ?? err.message;
  }
}

/**
 * `callguard … | head -1`: when the reader closes the pipe, writes to stdout fail with EPIPE. That is
 * the reader saying "enough", not a failure, so the CLI stops at once and quietly (no stack, no
 * message). Installed once on the process's own streams (context.ts), so every command gets it.
 */

/**
 * Exit status when the reader went away: 0, as for `head` itself. Not 141 (128 + SIGPIPE, what a C tool
 * killed by the signal shows): the reader took all it wanted, and under `set -o pipefail` a non-zero
 * status would fail every script that ends in `| head`.
 */
const EXIT_READER_GONE = 0;

const installed = new WeakSet<object>();

/** The write errors that mean "nobody reads this any more". */
function isReaderGone(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/**
 * Exits at once, rather than unwinding: a command may be waiting for a 'drain' that will never come.
 * A file being written with --out is not left half-written: out-file.ts removes its temporary file
 * on exit. Any other write error (a full disk behind `> file`) is one clear line and exit 1, never a stack trace.
 */
export function stopWhenReaderGoes(stream: NodeJS.WritableStream, name: string): void {
  if (installed.has(stream)) return;
  installed.add(stream);
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (isReaderGone(err)) process.exit(EXIT_READER_GONE);
    if (stream !== process.stderr)
      process.stderr.write(`callguard: cannot write ${name}: ${err.code ?? err.message}.\n`);
    process.exit(1);
  });
}

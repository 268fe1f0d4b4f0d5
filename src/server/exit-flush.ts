/**
 * Writers holding buffered output that a process exit would lose: 'exit' listeners run no
 * asynchronous work, so the timers and setImmediate callbacks that would have written it never run.
 * One hook for all of them (the log destinations and the per-turn request-line batches).
 */
export interface SyncFlushable {
  flushSync(): void;
}

const registered = new Set<SyncFlushable>();
let hooked = false;

/** Flushes `writer` when the process exits, until released. */
export function flushAtExit(writer: SyncFlushable): void {
  registered.add(writer);
  if (!hooked) {
    hooked = true;
    process.on('exit', flushAllAtExit);
  }
}

export function releaseAtExit(writer: SyncFlushable): void {
  registered.delete(writer);
}

/** Flushes every registered writer, in the order registered (what the exit hook runs). */
export function flushAllAtExit(): void {
  for (const writer of [...registered]) {
    try {
      writer.flushSync();
    } catch {
      // Best effort while exiting: a writer already closed (or not yet open) cannot take them.
    }
  }
}

import type { DestinationStream } from 'pino';
import type { Store } from '../store/types.js';

/** What buildApp needs from outside: the open store, and (for tests) where logs go. */
export interface ServerDeps {
  store: Store;
  /** Log destination; defaults to stdout. Tests pass a stream to inspect log lines. */
  logStream?: DestinationStream;
}

import type BetterSqlite3 from 'better-sqlite3';

/**
 * One read transaction on SQLite's read-only connection, shared by every lookup made in the same
 * turn of the event loop.
 *
 * In WAL mode a statement outside a transaction takes and drops a read lock on the `-shm` file
 * (two `fcntl` calls), which is most of the cost of a lookup by primary key. Holding the read
 * transaction until the loop turns (`setImmediate`) makes the lock once per burst of lookups: the
 * requests served in one poll phase, a bulk check, an in-process caller's loop.
 *
 * Freshness: a change committed by another process is seen from the next turn. A change committed
 * by this process is seen at once: the writer calls `end()` after every write (see open.ts).
 */
export interface ReadSnapshot {
  /**
   * Call before one read. The first read of a turn runs on its own (a lone lookup per turn, as
   * between HTTP requests, pays nothing extra); the second opens the shared read transaction.
   */
  enter(): void;
  /** Call before reading a list: opens the shared read transaction at once (one view of the list). */
  hold(): void;
  /** Ends it, so the next read sees everything committed so far. */
  end(): void;
  /**
   * Changes whenever a read could next see newer data: at the end of each turn in which something
   * was read, and after every write by this process. What was read under one value may be reused
   * while it holds (see the reputation lookups' memo).
   */
  readonly generation: number;
}

export function createReadSnapshot(reader: BetterSqlite3.Database): ReadSnapshot {
  const begin = reader.prepare('BEGIN');
  const commit = reader.prepare('COMMIT');
  let open = false;
  let readThisTurn = false;
  let generation = 0;
  const end = (): void => {
    generation++;
    if (!open) return;
    open = false;
    // A read transaction has nothing to commit; COMMIT only releases the read lock.
    if (reader.inTransaction) commit.run();
  };
  const turned = (): void => {
    readThisTurn = false;
    end();
  };
  const hold = (): void => {
    if (open) return;
    begin.run();
    open = true;
    // The snapshot may be newer than what this turn read before it (the turn's first read ran alone).
    generation++;
    if (!readThisTurn) {
      readThisTurn = true;
      setImmediate(turned);
    }
  };
  return {
    enter() {
      if (open) return;
      if (readThisTurn) return hold();
      readThisTurn = true;
      setImmediate(turned);
    },
    hold,
    end,
    get generation() {
      return generation;
    },
  };
}

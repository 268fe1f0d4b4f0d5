/**
 * Storage: FTC DNC import rate (the sample replicated to 1,000,000 rows) beside the sqlite3 CLI's
 * `.import` of the same file, and reputation lookups beside a bare prepared-statement read; then
 * the same on PostgreSQL (started with test/support/postgres.ts, fsync on). Medians of alternating
 * runs; CPU time is shown too because the machine is shared.
 *
 * Env: CG_BENCH_ROWS (default 1000000), CG_BENCH_IMPORT_RUNS (default 3), CG_BENCH_SKIP_PG=1.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openStore, type Store } from '../src/store/index.js';
import { startPostgres } from '../test/support/postgres.js';
import { replicateFtc } from '../test/store/fixtures/replicate-ftc.js';
import { fmt, median } from './stats.js';

export const title = 'Storage: FTC import and reputation lookups, SQLite and PostgreSQL';

const ROWS = Number(process.env.CG_BENCH_ROWS ?? 1_000_000);
const IMPORT_RUNS = Number(process.env.CG_BENCH_IMPORT_RUNS ?? 3);
const LOOKUP_ROUNDS = 7;

interface Timing {
  wall: number;
  cpu: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<Timing & { value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const cpu = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6, value };
}

/** Clock ticks per second of /proc times (USER_HZ; 100 on Linux unless getconf says otherwise). */
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** CPU seconds of this process's waited-for children (Linux /proc; NaN elsewhere). */
function childrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat (cutime, cstime), counted from 3 after the command name.
    return (Number(f[13]) + Number(f[14])) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/** The sqlite3 CLI imports the same CSV into a fresh WAL database (a floor: no parsing, no keys). */
function sqliteCliImport(file: string, dir: string): Timing {
  const db = join(dir, `cli-${Date.now()}.db`);
  const c0 = childrenCpu();
  const t0 = performance.now();
  const res = spawnSync(
    '/usr/bin/sqlite3',
    [db, '-cmd', 'PRAGMA journal_mode=WAL', `.import --csv ${file} ftc`],
    {
      encoding: 'utf8',
    },
  );
  const wall = (performance.now() - t0) / 1000;
  if (res.status !== 0) throw new Error(`sqlite3 .import failed: ${res.stderr}`);
  const cpu = childrenCpu() - c0;
  rmSync(db, { force: true });
  rmSync(db + '-wal', { force: true });
  rmSync(db + '-shm', { force: true });
  return { wall, cpu };
}

async function importOnce(
  open: () => Promise<Store>,
  file: string,
): Promise<Timing & { rows: number; numbers: number }> {
  const store = await open();
  try {
    const t = await timed(() => store.feeds.importFtcDnc({ path: file }));
    return { wall: t.wall, cpu: t.cpu, rows: t.value.rows, numbers: t.value.numbers };
  } finally {
    await store.close();
  }
}

interface Rate {
  /** Per wall-clock second. */
  wall: number;
  /** Per CPU-second of this process (what a shared machine distorts least). */
  cpu: number;
}

/** Medians over LOOKUP_ROUNDS rounds of `body` (which returns how many lookups it did). */
async function rounds(body: (deadline: number) => Promise<number>, seconds = 0.5): Promise<Rate> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < LOOKUP_ROUNDS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const n = await body(t0 + seconds * 1000);
    const c = process.cpuUsage(c0);
    wall.push(n / ((performance.now() - t0) / 1000));
    cpu.push(n / ((c.user + c.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lookups per second: sequential awaits (SQLite) or `concurrency` in flight (PostgreSQL). With
 * `perTurn`, the event loop turns between lookups (as between HTTP requests), so SQLite's shared read
 * snapshot (src/store/read-snapshot.ts) is opened and closed for every lookup: its worst case.
 */
function lookupRate(store: Store, numbers: string[], concurrency: number, perTurn = false): Promise<Rate> {
  return rounds(async (deadline) => {
    let n = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        let i = w;
        while (performance.now() < deadline) {
          for (let k = 0; k < 64; k++) {
            if (perTurn) await nextTurn();
            await store.reputation.get(numbers[i % numbers.length]!);
            i += concurrency;
            n++;
          }
        }
      }),
    );
    return n;
  });
}

/**
 * The floor for SQLite lookups: a bare prepared statement on the same table and the same numbers,
 * no mapping, awaited like the store call (so both pay one promise turn per lookup). Each statement
 * runs on its own (autocommit: a WAL read lock per statement) unless `oneTransaction`, where each
 * round's statements share one read transaction. `perTurn` turns the event loop between lookups.
 */
async function bareSqliteRate(
  file: string,
  numbers: string[],
  opts: { batch?: number; oneTransaction?: boolean; perTurn?: boolean } = {},
): Promise<Rate> {
  const batch = opts.batch ?? 1;
  const db = new BetterSqlite3(file, { readonly: true });
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  const stmt = db.prepare('SELECT * FROM number_reputation WHERE number = ?');
  let i = 0;
  const rate = await rounds(async (deadline) => {
    let n = 0;
    if (opts.oneTransaction) db.exec('BEGIN');
    while (performance.now() < deadline) {
      // batch 1: one awaited read per number; batch > 1: one await per batch, like getMany.
      if (batch === 1)
        for (let k = 0; k < 64; k++) {
          if (opts.perTurn) await nextTurn();
          await stmt.get(numbers[i++ % numbers.length]);
        }
      else
        await Promise.resolve(Array.from({ length: batch }, () => stmt.get(numbers[i++ % numbers.length])));
      n += batch === 1 ? 64 : batch;
    }
    if (opts.oneTransaction) db.exec('COMMIT');
    return n;
  });
  db.close();
  return rate;
}

/** Bulk lookups: `store.reputation.getMany` over consecutive slices of `batch` numbers. */
function bulkRate(store: Store, numbers: string[], batch: number): Promise<Rate> {
  let i = 0;
  return rounds(async (deadline) => {
    let n = 0;
    while (performance.now() < deadline) {
      if (i + batch > numbers.length) i = 0;
      await store.reputation.getMany(numbers.slice(i, i + batch));
      i += batch;
      n += batch;
    }
    return n;
  });
}

/**
 * Numbers to look up: `count` known numbers spread evenly over the whole table (every k-th in key
 * order, so index pages all over the file are read) and as many never-seen ones, shuffled with a
 * fixed seed. Half hits, half misses: call-blockers mostly ask about numbers nobody reported.
 */
async function sampleNumbers(store: Store, count: number): Promise<string[]> {
  const all = await store.db.selectFrom('number_reputation').select('number').orderBy('number').execute();
  const step = Math.max(1, Math.floor(all.length / count));
  const known = all
    .filter((_, i) => i % step === 0)
    .slice(0, count)
    .map((r) => r.number);
  // 202-555-01xx..99xx are fictional (never in the FTC data); checked below all the same.
  const unknown = known.map((_, i) => `+1202555${String(i % 10000).padStart(4, '0')}`);
  const numbers = [...known, ...unknown];
  let seed = 42;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = numbers.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [numbers[i], numbers[j]] = [numbers[j]!, numbers[i]!];
  }
  return numbers;
}

/** How many of `numbers` are stored (the bench note reports hits and misses as measured). */
async function hitsOf(store: Store, numbers: string[]): Promise<number> {
  let hits = 0;
  for (const n of numbers) if ((await store.reputation.get(n)).version > 0) hits++;
  return hits;
}

export async function run(): Promise<string> {
  const loadAtStart = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-store-'));
  const file = join(dir, 'ftc-1m.csv');
  const rowsOut: string[] = [];
  const row = (...cells: string[]) => rowsOut.push(`| ${cells.join(' | ')} |`);
  try {
    await replicateFtc(file, ROWS);

    // SQLite import, alternating with the sqlite3 CLI floor.
    const ours: (Timing & { rows: number; numbers: number })[] = [];
    const cli: Timing[] = [];
    let lastDb = '';
    for (let r = 0; r < IMPORT_RUNS; r++) {
      cli.push(sqliteCliImport(file, dir));
      lastDb = join(dir, `store-${r}.db`);
      const path = lastDb;
      ours.push(await importOnce(() => openStore({ sqliteFile: path }), file));
    }
    const oursWall = median(ours.map((o) => o.wall));
    const oursCpu = median(ours.map((o) => o.cpu));
    const cliWall = median(cli.map((c) => c.wall));
    const cliCpu = median(cli.map((c) => c.cpu));
    row(
      'SQLite',
      `import ${fmt(ROWS, 0)} FTC rows (${fmt(ours[0]!.numbers, 0)} numbers)`,
      `**${fmt(ROWS / oursWall, 0)} rows/s** (${fmt(oursWall, 2)} s wall, ${fmt(oursCpu, 2)} s CPU = ${fmt(ROWS / oursCpu, 0)} rows/CPU-s)`,
      `sqlite3 CLI .import: ${fmt(ROWS / cliWall, 0)} rows/s (${fmt(cliWall, 2)} s wall, ${fmt(cliCpu, 2)} s CPU = ${fmt(ROWS / cliCpu, 0)} rows/CPU-s)`,
      `${fmt(cliWall / oursWall, 2)}× wall, ${fmt(cliCpu / oursCpu, 2)}× CPU`,
    );

    const store = await openStore({ sqliteFile: lastDb });
    try {
      const numbers = await sampleNumbers(store, 50_000);
      const hits = await hitsOf(store, numbers);
      const rate = await lookupRate(store, numbers, 1);
      const bare = await bareSqliteRate(lastDb, numbers);
      const bareTx = await bareSqliteRate(lastDb, numbers, { oneTransaction: true });
      row(
        'SQLite',
        `reputation lookup, in-process (\`store.reputation.get\` awaited one after another, ${fmt(numbers.length, 0)} numbers spread over the table, shuffled: ${fmt(hits, 0)} hits, ${fmt(numbers.length - hits, 0)} misses)`,
        `**${fmt(rate.wall, 0)}/s** (${fmt(rate.cpu, 0)} per CPU-s)`,
        `bare prepared statement: ${fmt(bare.wall, 0)}/s (${fmt(bare.cpu, 0)} per CPU-s); the same in one read transaction: ${fmt(bareTx.wall, 0)}/s (${fmt(bareTx.cpu, 0)} per CPU-s)`,
        `${fmt(rate.wall / bare.wall, 2)}× / ${fmt(rate.wall / bareTx.wall, 2)}× wall, ${fmt(rate.cpu / bare.cpu, 2)}× / ${fmt(rate.cpu / bareTx.cpu, 2)}× CPU`,
      );
      const turn = await lookupRate(store, numbers, 1, true);
      const bareTurn = await bareSqliteRate(lastDb, numbers, { perTurn: true });
      row(
        'SQLite',
        'reputation lookup, one per event-loop turn (`setImmediate` between lookups, as between requests: a read snapshot per lookup)',
        `**${fmt(turn.wall, 0)}/s** (${fmt(turn.cpu, 0)} per CPU-s)`,
        `bare prepared statement, the same turns: ${fmt(bareTurn.wall, 0)}/s (${fmt(bareTurn.cpu, 0)} per CPU-s)`,
        `${fmt(turn.wall / bareTurn.wall, 2)}× wall, ${fmt(turn.cpu / bareTurn.cpu, 2)}× CPU`,
      );
      const bulk = await bulkRate(store, numbers, 1000);
      const bareBulk = await bareSqliteRate(lastDb, numbers, { batch: 1000 });
      row(
        'SQLite',
        'bulk reputation lookup, in-process (`store.reputation.getMany`, lists of 1,000 of the same numbers)',
        `**${fmt(bulk.wall, 0)}/s** (${fmt(bulk.cpu, 0)} per CPU-s)`,
        `bare prepared statement, one await per 1,000: ${fmt(bareBulk.wall, 0)}/s (${fmt(bareBulk.cpu, 0)} per CPU-s)`,
        `${fmt(bulk.wall / bareBulk.wall, 2)}× wall, ${fmt(bulk.cpu / bareBulk.cpu, 2)}× CPU`,
      );
    } finally {
      await store.close();
    }

    if (process.env.CG_BENCH_SKIP_PG !== '1') {
      const pg = await startPostgres({ durable: true });
      if (!pg) {
        row('PostgreSQL', 'skipped: PostgreSQL not installed', '-', '-', '-');
      } else {
        try {
          const pgRuns: (Timing & { rows: number; numbers: number })[] = [];
          let url = '';
          for (let r = 0; r < IMPORT_RUNS; r++) {
            url = await pg.newDatabase();
            const u = url;
            pgRuns.push(await importOnce(() => openStore({ databaseUrl: u }), file));
          }
          const pgWall = median(pgRuns.map((o) => o.wall));
          const pgCpu = median(pgRuns.map((o) => o.cpu));
          row(
            'PostgreSQL',
            `import ${fmt(ROWS, 0)} FTC rows (one transaction, unnest batches of 5,000)`,
            `**${fmt(ROWS / pgWall, 0)} rows/s** (${fmt(pgWall, 2)} s wall, ${fmt(pgCpu, 2)} s Node CPU)`,
            `SQLite (above): ${fmt(ROWS / oursWall, 0)} rows/s`,
            `${fmt(oursWall / pgWall, 2)}×`,
          );
          const s = await openStore({ databaseUrl: url });
          try {
            const numbers = await sampleNumbers(s, 50_000);
            const seq = await lookupRate(s, numbers, 1);
            const par = await lookupRate(s, numbers, 32);
            row(
              'PostgreSQL',
              'reputation lookup (pool of 10): 1 in flight / 32 in flight',
              `**${fmt(seq.wall, 0)}/s / ${fmt(par.wall, 0)}/s**`,
              `SQLite in-process (above)`,
              '-',
            );
          } finally {
            await s.close();
          }
        } finally {
          await pg.stop();
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return [
    '| backend | what | measured (median) | floor / baseline, same run | ratio |',
    '|---|---|---|---|---|',
    ...rowsOut,
    '',
    `${IMPORT_RUNS} import run(s) per backend, ${LOOKUP_ROUNDS} lookup rounds of 0.5 s; load average at the start ${loadAtStart}, at the end ${load} (1/5/15 min) on ${availableParallelism()} cores.`,
  ].join('\n');
}

/**
 * Starts a throw-away PostgreSQL server for tests and benches, from Debian's `postgresql` package
 * (initdb + pg_ctl on a temporary directory and a free port). No Docker needed.
 *
 * @example
 * const pg = await startPostgres();
 * if (!pg) return; // PostgreSQL not installed here (a loud warning was printed)
 * const url = await pg.newDatabase(); // a fresh, empty database on the shared server
 * await pg.stop();
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** Connection URL of the server's default `postgres` database. */
  url: string;
  /** Creates a new empty database on this server and returns its URL (one per test keeps tests apart). */
  newDatabase(): Promise<string>;
  /** Stops the server and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /**
   * Keep fsync and synchronous commit on (the defaults of a real server). Tests turn them off for
   * speed; benches keep them on so figures are honest.
   */
  durable?: boolean;
}

/** Newest Debian PostgreSQL bin directory, e.g. /usr/lib/postgresql/15/bin, or null. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the `postgres` OS user when we are root (initdb refuses root). */
function runPg(bin: string, args: string[]): void {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const res = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
  if (res.status !== 0) {
    throw new Error(
      `${bin.split('/').pop()} failed (exit ${res.status ?? res.signal}): ${(res.stderr || res.stdout || '').trim()}`,
    );
  }
}

const running = new Set<{ pgCtl: string; dataDir: string; dir: string }>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A crashed or interrupted test run must not leave servers behind.
  process.once('exit', () => {
    for (const s of running) {
      const [cmd, argv] = isRoot
        ? ['runuser', ['-u', 'postgres', '--', s.pgCtl, '-D', s.dataDir, '-m', 'immediate', 'stop']]
        : [s.pgCtl, ['-D', s.dataDir, '-m', 'immediate', 'stop']];
      spawnSync(cmd, argv, { timeout: 10_000 });
      rmSync(s.dir, { recursive: true, force: true });
    }
  });
}

/**
 * Starts PostgreSQL, or returns null with a loud warning when it is not installed. Under
 * `CI=true` a missing PostgreSQL is an error, so CI can never silently skip the PostgreSQL tests.
 * Start one server per test file (in `beforeAll`) and use `newDatabase()` per test.
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer | null> {
  const bin = findPostgresBin();
  if (!bin) {
    const why = 'PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)';
    if (process.env.CI === 'true') throw new Error(`${why}; CI=true requires PostgreSQL.`);
    console.warn(`\n!!! SKIPPING PostgreSQL tests: ${why}.\n`);
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cg-pg-'));
  const dataDir = join(dir, 'data');
  const pgCtl = join(bin, 'pg_ctl');
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  try {
    runPg(join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const entry = { pgCtl, dataDir, dir };
  installExitHook();
  let port = 0;
  let lastError: unknown;
  // The free port can be taken between probing and binding; try a few.
  for (let attempt = 0; attempt < 5; attempt++) {
    port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=50',
      ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ].join(' ');
    try {
      runPg(pgCtl, ['-D', dataDir, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
      lastError = undefined;
      break;
    } catch (err) {
      lastError = err;
    }
  }
  if (lastError) {
    rmSync(dir, { recursive: true, force: true });
    throw lastError;
  }
  running.add(entry);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let counter = 0;
  let stopped = false;
  return {
    url,
    async newDatabase() {
      const name = `t_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        runPg(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        running.delete(entry);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Scale-out: two `callguard serve` processes against one PostgreSQL. Reports written through
 * either are seen by both, an idempotency key holds across processes, and SIGTERM stops each
 * cleanly (exit 0 after closing the store).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { call } from './support/server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(`${root}dist/cli/main.js`) && existsSync(`${root}dist/server/start.js`);

interface Proc {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  exit: Promise<number | null>;
}

function serve(databaseUrl: string): Promise<Proc> {
  const child = spawn(process.execPath, ['bin/callguard.js', 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'info',
      CALLGUARD_RATE_LIMIT_WRITES: '0',
      // Reporters on distinct networks, as X-Forwarded-For says (one network counts as one reporter).
      CALLGUARD_TRUST_PROXY: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c) => (out += c));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 30_000);
    child.stderr!.on('data', (c) => {
      err += c;
      const m = /running at (http:\/\/[\d.]+:\d+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, stdout: () => out, exit });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

describe('two server processes on one PostgreSQL', () => {
  let pg: PostgresServer | null = null;
  let a: Proc | undefined;
  let b: Proc | undefined;
  beforeAll(async () => {
    if (!built) {
      const why = 'dist/ is not built (npm test builds it first; or run npm run build)';
      if (process.env.CI === 'true') throw new Error(why);
      console.warn(`\n!!! SKIPPING the multi-process test: ${why}.\n`);
      return;
    }
    pg = await startPostgres();
    if (!pg) return;
    const url = await pg.newDatabase();
    // One process first, so migrations run once; the second then finds the schema in place.
    a = await serve(url);
    b = await serve(url);
  }, 120_000);
  afterAll(async () => {
    a?.child.kill('SIGKILL');
    b?.child.kill('SIGKILL');
    await pg?.stop();
  });

  it('shares reports, reputation and idempotency keys between processes, under concurrent writes', async ({
    skip,
  }) => {
    if (!a || !b) return skip();
    const number = '+12025550161';
    const writes = [];
    for (let i = 0; i < 6; i++) {
      const via = i % 2 === 0 ? a : b;
      writes.push(
        call(
          via.url,
          'POST',
          '/v1/reports',
          { number, direction: 'they-called', claimedOrg: 'Microsoft' },
          {
            'x-reporter-key': `multi-process-reporter-${i}`,
            'x-forwarded-for': `198.51.${100 + i}.7`,
          },
        ),
      );
    }
    const results = await Promise.all(writes);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);

    for (const via of [a, b]) {
      const check = (await call(via.url, 'GET', `/v1/numbers/${encodeURIComponent(number)}`)).body as {
        reputation: { reporters: number; reports: number };
      };
      // Fewer means lost updates: the store's recomputeNumber must serialise per number on PostgreSQL
      // (e.g. pg_advisory_xact_lock) so concurrent writers do not overwrite each other's counts.
      expect(check.reputation, 'reputation lost concurrent reports (store, PostgreSQL)').toMatchObject({
        reporters: 6,
        reports: 6,
      });
    }

    const body = { number: '+12025550162', direction: 'they-called' };
    const headers = {
      'idempotency-key': 'multi-process-key-1',
      'x-reporter-key': 'multi-process-reporter-x',
    };
    const first = await call(a.url, 'POST', '/v1/reports', body, headers);
    const replay = await call(b.url, 'POST', '/v1/reports', body, headers);
    expect(first.status).toBe(201);
    expect(replay.status).toBe(200);
    expect((replay.body as { id: string }).id).toBe((first.body as { id: string }).id);
    const conflict = await call(b.url, 'POST', '/v1/reports', { ...body, claimedOrg: 'Apple' }, headers);
    expect(conflict.status).toBe(409);

    const stats = (await call(b.url, 'GET', '/v1/stats')).body as { totals: { reports: number } };
    expect(stats.totals.reports).toBe(7);
  }, 60_000);

  it('stops each process cleanly on SIGTERM: exit 0 after closing the store', async ({ skip }) => {
    if (!a || !b) return skip();
    for (const p of [a, b]) {
      p.child.kill('SIGTERM');
      expect(await p.exit).toBe(0);
      expect(p.stdout()).toContain('server stopped');
    }
  }, 60_000);
});

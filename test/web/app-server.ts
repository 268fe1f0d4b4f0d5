import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/index.js';
import { buildApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';

export const WEB_DIR = join(process.cwd(), 'dist', 'web');

/** `npm test` builds first; a focused `npx vitest run test/web` builds the web app when it is missing. */
export function ensureWebBuilt(): void {
  if (existsSync(join(WEB_DIR, 'index.html'))) return;
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
}

export interface RunningApp {
  url: string;
  /** True when the API (reports, stats, number reputation) is served too. */
  api: boolean;
  close(): Promise<void>;
}

/**
 * The real server, as `npm start` runs it: the API on a temp SQLite file, serving dist/web at "/".
 * Listens on port 0; logs are discarded (they never contain report text anyway).
 */
export async function startApp(): Promise<RunningApp> {
  ensureWebBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'cg-web-api-'));
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    CALLGUARD_WEB_DIR: WEB_DIR,
    CALLGUARD_RATE_LIMIT_WRITES: '0',
  });
  const store = await openStore({ sqliteFile: join(dir, 'web-test.db') });
  await seedCommunity(store);
  const discard = new Writable({ write: (_chunk, _enc, done) => done() });
  const app = await buildApp(config, { store, logStream: discard });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    api: true,
    async close() {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const DAY_MS = 86_400_000;

/**
 * A few weeks of community reports from distinct reporters, so the Community page has trends to
 * draw. None uses +1 888 555 0123, which the guided-check test reports itself.
 */
async function seedCommunity(store: Store): Promise<void> {
  const now = Date.now();
  const rows = [
    { number: '+1 844 555 0142', weeksAgo: 3, tactics: ['REMOTE_ACCESS_REQUEST'], askedFor: ['gift-cards'] },
    { number: '+1 844 555 0142', weeksAgo: 2, tactics: ['CLAIMS_DEVICE_INFECTED'], askedFor: ['gift-cards'] },
    { number: '+1 844 555 0142', weeksAgo: 1, tactics: ['REMOTE_ACCESS_REQUEST'], askedFor: ['crypto'] },
    {
      number: '+1 877 555 0199',
      weeksAgo: 1,
      tactics: ['UNUSUAL_PAYMENT_METHOD'],
      askedFor: ['gift-cards', 'wire'],
    },
    { number: '+1 877 555 0199', weeksAgo: 0, tactics: ['URGENCY_OR_THREAT'], askedFor: ['card'] },
  ] as const;
  let i = 0;
  for (const row of rows) {
    await store.reports.create({
      number: row.number,
      occurredAt: new Date(now - row.weeksAgo * 7 * DAY_MS - DAY_MS).toISOString(),
      direction: 'they-called',
      claimedOrg: 'Microsoft',
      tactics: [...row.tactics],
      askedFor: [...row.askedFor],
      reporterKey: `web-test-reporter-${++i}-0000000000`,
    });
  }
}

/**
 * HTTP API throughput and latency with autocannon on loopback, side by side in one run with a bare
 * Fastify hello-world (the floor): GET /v1/numbers/{n} and POST /v1/assess with a 1 KB transcript.
 * The CallGuard app runs as deployed: SQLite store, info-level logs (to /dev/null), security
 * headers, and rate limits on (set high enough not to trigger). Rounds alternate the targets and
 * the table reports medians.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { loadConfig } from '../src/config/env.js';
import { buildApp } from '../src/server/app.js';
import { openStore } from '../src/store/index.js';
import { fmt, median } from './stats.js';

export const title = 'HTTP API (autocannon, 50 connections, loopback)';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 3);

/** About 1 KB of a typical scam call, "Speaker: text" lines. */
export const TRANSCRIPT_1KB = [
  'Caller: Hello, this is David from Microsoft Windows technical support department.',
  'Me: Oh, hello. What is this about? Who am I speaking to?',
  'Caller: We have detected that your computer is sending error messages to our server, it is infected with a virus.',
  'Me: Really? I did not notice anything wrong with it.',
  'Caller: Yes madam, hackers are accessing your files right now. It is very urgent, you must act today.',
  'Caller: Please go to your computer and download AnyDesk so I can connect and fix the problem for you.',
  'Me: How do I know you are really from Microsoft?',
  'Caller: I can give you my employee ID. Do not hang up and do not tell anyone, this is confidential.',
  'Caller: The security license costs 299 dollars. You can pay with Google Play gift cards from the store.',
  'Caller: After that, read me the one-time code that appears on your screen.',
  'Me: I think I should call Microsoft back on the number from their website first.',
  'Caller: No, if you hang up your computer will be locked and all your bank accounts frozen.',
].join('\n');

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

interface Target {
  name: string;
  opts: autocannon.Options;
}

interface Sample {
  rps: number;
  p99: number;
  non2xx: number;
}

function runOnce(opts: autocannon.Options): Promise<Sample> {
  return new Promise((resolve, reject) => {
    autocannon({ ...opts, connections: CONNECTIONS, duration: SECONDS }, (err, result) => {
      if (err) return reject(err);
      resolve({
        rps: result.requests.average,
        p99: result.latency.p99,
        non2xx: result.non2xx + result.errors,
      });
    });
  });
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-api-'));
  const hello = Fastify({ logger: false });
  hello.get('/', async () => ({ hello: 'world' }));
  const helloUrl = await listen(hello);

  const store = await openStore({ sqliteFile: join(dir, 'bench.db') });
  const config = loadConfig({
    LOG_LEVEL: 'info',
    CALLGUARD_WEB_DIR: join(dir, 'no-web'),
    CALLGUARD_RATE_LIMIT_ASSESS: '1000000',
    CALLGUARD_RATE_LIMIT_WRITES: '1000000',
  });
  const app = await buildApp(config, {
    store,
    logStream: pino.destination({ dest: '/dev/null', sync: false }),
  });
  const apiUrl = await listen(app);
  const number = '+12025550143';
  for (let i = 0; i < 5; i++) {
    await store.reports.create({
      number,
      direction: 'they-called',
      claimedOrg: 'Microsoft',
      reporterKey: `bench-reporter-${i}-xxxxxxxx`,
    });
  }

  let next = 0;
  const targets: Target[] = [
    { name: 'bare Fastify hello-world (floor)', opts: { url: helloUrl + '/' } },
    {
      name: `GET /v1/numbers/{n}, one number (cached check)`,
      opts: { url: `${apiUrl}/v1/numbers/${encodeURIComponent(number)}` },
    },
    {
      // The route caches the pure number check (hot numbers repeat); this row defeats the cache.
      name: 'GET /v1/numbers/{n}, a new number every request (no cache hits)',
      opts: {
        url: apiUrl,
        requests: [
          {
            setupRequest: (req) => {
              const i = next++;
              const e164 = `+1202${200 + (i % 800)}${String(Math.floor(i / 800) % 10000).padStart(4, '0')}`;
              return { ...req, path: `/v1/numbers/${encodeURIComponent(e164)}` };
            },
          },
        ],
      },
    },
    {
      name: `POST /v1/assess (${Buffer.byteLength(TRANSCRIPT_1KB)} B transcript)`,
      opts: {
        url: `${apiUrl}/v1/assess`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          facts: { claimedOrg: 'Microsoft', initiatedBy: 'them' },
          transcript: TRANSCRIPT_1KB,
        }),
      },
    },
  ];

  try {
    for (const t of targets) await runOnce({ ...t.opts, duration: 1 }); // warm up (JIT, caches)
    const samples = targets.map(() => [] as Sample[]);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, t] of targets.entries()) samples[i]!.push(await runOnce(t.opts));
    }
    const floor = median(samples[0]!.map((s) => s.rps));
    const goals = [null, 0.6, 0.6, 0.4];
    const rows = targets.map((t, i) => {
      const rps = median(samples[i]!.map((s) => s.rps));
      const p99 = median(samples[i]!.map((s) => s.p99));
      const ratio = rps / floor;
      const goal = goals[i];
      const failed = samples[i]!.reduce((n, s) => n + s.non2xx, 0);
      const verdict =
        goal === null || goal === undefined
          ? '-'
          : `${ratio >= goal ? 'meets' : 'misses'} ≥ ${goal * 100}%; p99 ${p99 < 20 ? 'meets' : 'misses'} < 20 ms`;
      return `| ${t.name} | ${fmt(rps, 0)} | ${fmt(ratio * 100, 0)}% | ${fmt(p99, 1)} | ${failed} | ${verdict} |`;
    });
    return [
      `${ROUNDS} rounds × ${SECONDS} s per target, ${CONNECTIONS} connections, medians; autocannon in the same process.`,
      '',
      '| target | req/s | vs hello-world | p99 latency (ms) | non-2xx | target |',
      '|---|---:|---:|---:|---:|---|',
      ...rows,
    ].join('\n');
  } finally {
    await hello.close();
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

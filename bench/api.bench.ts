/**
 * HTTP API throughput and latency with autocannon on loopback, side by side in one run with a bare
 * Fastify hello-world (the floor): GET /v1/numbers/{n} and POST /v1/assess with a 1 KB transcript.
 *
 * Each server runs in its own child process (api-server.mjs: plain `node` on the shipped build, as
 * `npm start` runs it), and autocannon runs in the parent: a load generator sharing the server's
 * event loop would add its own work to every latency and dilute every ratio with its own
 * per-request cost. Both servers are treated alike: one process each, same Node flags, same loopback.
 *
 * The floor is Fastify's own hello-world (`logger: false`, one route, no plugins), as the target
 * is stated; giving it our logger or hooks would raise the floor and flatter the ratios. The
 * CallGuard app runs as deployed: SQLite store, info-level logs (the default writer, to /dev/null), security headers,
 * and rate limits on (set high enough not to trigger).
 *
 * Besides req/s and latency, each server reports its own CPU time (process.cpuUsage) over every
 * run, so "server CPU µs per request" stays comparable when other work shares the machine.
 * Rounds alternate the targets; the table reports medians of req/s and CPU, and the worst p99 (with
 * the median round's beside it).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { fmt, median } from './stats.js';

export const title = 'HTTP API (autocannon, 50 connections, loopback)';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 3);
/**
 * Seconds each target runs before the measured rounds. The assess route's code is still being
 * optimised by V8 for about 8 s of load (its p99 in 4 s runs from a cold start: 32-75, 21-27, then
 * 13-25 ms), and the target is the running server's latency, not its first seconds.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_API_WARMUP_SECONDS ?? 5);
/** Set to a directory to write a V8 CPU profile of each server process (`node --cpu-prof`). */
const CPU_PROF_DIR = process.env.BENCH_API_CPU_PROF;
/** Extra node flags for the server processes only (all of them: their output interleaves), space-separated, e.g. `--trace-gc`, which NODE_OPTIONS refuses. */
const SERVER_FLAGS = process.env.BENCH_API_SERVER_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
const NUMBER = '+12025550143';
/** Comma-separated row numbers to run besides the floor (1 cached lookup, 2 uncached, 3 assess, 4 assess payload on bare Fastify), e.g. for a profile of one route. */
const ONLY = process.env.BENCH_API_ONLY?.split(',').map(Number);

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

/** The body POST /v1/assess gets (also what the payload server's answer is worked out from). */
const ASSESS_BODY = JSON.stringify({
  facts: { claimedOrg: 'Microsoft', initiatedBy: 'them' },
  transcript: TRANSCRIPT_1KB,
});

type Role = 'hello' | 'payload' | 'app';
type ToChild = { type: 'cpu' } | { type: 'exit' };
type FromChild = { type: 'ready'; url: string } | { type: 'cpu'; micros: number; user: number };

interface Server {
  url: string;
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

function start(role: Role): Promise<Server> {
  // Plain node, without the tsx loader this runner uses (see api-server.mjs).
  const execArgv: string[] = [...SERVER_FLAGS];
  if (CPU_PROF_DIR) execArgv.push('--cpu-prof', `--cpu-prof-dir=${join(CPU_PROF_DIR, role)}`);
  const child: ChildProcess = fork(fileURLToPath(new URL('api-server.mjs', import.meta.url)), [], {
    env: {
      ...process.env,
      CG_BENCH_API_SERVE: role,
      CG_BENCH_API_NUMBER: NUMBER,
      CG_BENCH_API_BODY: ASSESS_BODY,
    },
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends FromChild['type']>(type: T) =>
    new Promise<Extract<FromChild, { type: T }>>((resolve, reject) => {
      const onMessage = (msg: FromChild) => {
        if (msg.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(msg as Extract<FromChild, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`${role} server exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return next('ready').then(({ url }) => ({
    url,
    async cpu() {
      const reply = next('cpu');
      child.send({ type: 'cpu' } satisfies ToChild);
      return (await reply).micros;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'exit' } satisfies ToChild);
      }),
  }));
}

interface Target {
  name: string;
  server: Server;
  opts: autocannon.Options;
  /** Share of the hello-world rate the target asks for (null: the floor itself). */
  goal: number | null;
}

interface Sample {
  rps: number;
  p99: number;
  /** The slowest request of the round. */
  max: number;
  failed: number;
  cpuPerRequest: number;
}

function autocannonRun(opts: autocannon.Options, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ ...opts, connections: CONNECTIONS, duration: seconds }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

async function runOnce(t: Target, seconds: number): Promise<Sample> {
  const cpuBefore = await t.server.cpu();
  const result = await autocannonRun(t.opts, seconds);
  const cpu = (await t.server.cpu()) - cpuBefore;
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    max: result.latency.max,
    failed: result.non2xx + result.errors + result.timeouts,
    cpuPerRequest: result.requests.total > 0 ? cpu / result.requests.total : NaN,
  };
}

export async function run(): Promise<string> {
  const [hello, app, payload] = await Promise.all([start('hello'), start('app'), start('payload')]);
  let next = 0;
  const all: Target[] = [
    { name: 'bare Fastify hello-world (floor)', server: hello, opts: { url: hello.url + '/' }, goal: null },
    {
      name: `GET /v1/numbers/{n}, one number (cached check)`,
      server: app,
      opts: { url: `${app.url}/v1/numbers/${encodeURIComponent(NUMBER)}` },
      goal: 0.6,
    },
    {
      // The route caches the pure number check (hot numbers repeat); this row defeats the cache.
      name: 'GET /v1/numbers/{n}, a new number every request (no cache hits)',
      server: app,
      opts: {
        url: app.url,
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
      goal: 0.6,
    },
    {
      name: `POST /v1/assess (${Buffer.byteLength(TRANSCRIPT_1KB)} B transcript)`,
      server: app,
      opts: {
        url: `${app.url}/v1/assess`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: ASSESS_BODY,
      },
      goal: 0.4,
    },
    {
      // Not a target: what HTTP alone costs for this request and answer, whatever the app does.
      name: 'for reference: bare Fastify route, the same request in and the same answer out (precomputed, no app, no engine)',
      server: payload,
      opts: {
        url: `${payload.url}/`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: ASSESS_BODY,
      },
      goal: null,
    },
  ];
  const targets = ONLY ? all.filter((_, i) => i === 0 || ONLY.includes(i)) : all;

  try {
    for (const t of targets) await runOnce(t, WARMUP_SECONDS); // warm up (JIT, caches)
    const samples = targets.map(() => [] as Sample[]);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, t] of targets.entries()) samples[i]!.push(await runOnce(t, SECONDS));
    }
    const floor = median(samples[0]!.map((s) => s.rps));
    const floorCpu = median(samples[0]!.map((s) => s.cpuPerRequest));
    const rows = targets.map((t, i) => {
      const s = samples[i]!;
      const rps = median(s.map((x) => x.rps));
      const p99 = Math.max(...s.map((x) => x.p99));
      const p99Median = median(s.map((x) => x.p99));
      const slowest = Math.max(...s.map((x) => x.max));
      const cpu = median(s.map((x) => x.cpuPerRequest));
      const ratio = rps / floor;
      const failed = s.reduce((n, x) => n + x.failed, 0);
      const verdict =
        t.goal === null
          ? '-'
          : `${ratio >= t.goal ? 'meets' : 'misses'} ≥ ${t.goal * 100}%; p99 ${p99 < 20 ? 'meets' : 'misses'} < 20 ms`;
      return `| ${t.name} | ${fmt(rps, 0)} | ${fmt(ratio * 100, 1)}% | ${fmt(p99, 1)} (${fmt(p99Median, 1)}) | ${fmt(slowest, 0)} | ${fmt(cpu, 0)} (${fmt(cpu / floorCpu, 1)}×) | ${failed} | ${verdict} |`;
    });
    return [
      `${ROUNDS} rounds × ${SECONDS} s per target after a ${WARMUP_SECONDS} s warm-up of each, ${CONNECTIONS} connections; ` +
        `each server in its own process, autocannon in this one. req/s and server CPU: medians of rounds; ` +
        `p99: the worst round (the median round in brackets); slowest: the slowest request of any round. ` +
        `Load average at the end: ${(await import('node:os'))
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(', ')}.`,
      '',
      '| target | req/s | vs hello-world | p99 latency, ms: worst (median) | slowest, ms | server CPU µs/request (vs floor) | non-2xx/errors | target |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      ...rows,
    ].join('\n');
  } finally {
    await Promise.all([hello.stop(), app.stop(), payload.stop()]);
  }
}

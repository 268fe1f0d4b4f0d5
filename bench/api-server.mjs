/**
 * One server process of the API benchmark (bench/api.bench.ts forks it): the bare Fastify
 * hello-world floor, a bare Fastify route with the assess route's payload, or the CallGuard app,
 * started as `npm start` runs it: plain `node` on the shipped build (dist/). Plain JavaScript so
 * that it needs no TypeScript loader: the tsx hooks the bench runner uses cost every request about
 * a fifth more CPU, and production never has them.
 *
 * Protocol over the IPC channel: it sends {type: 'ready', url}; on {type: 'cpu'} it answers with
 * its CPU time so far; on {type: 'exit'} it closes and exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const role = process.env.CG_BENCH_API_SERVE;
/** The number GET /v1/numbers reads (api.bench.ts's NUMBER), given a few reports so its reputation has something to score. */
const NUMBER = process.env.CG_BENCH_API_NUMBER;
const dist = new URL('../dist/', import.meta.url);

let url;
let cleanup = async () => {};
if (role === 'hello') {
  const { default: Fastify } = await import('fastify');
  const hello = Fastify({ logger: false });
  hello.get('/', async () => ({ hello: 'world' }));
  url = await hello.listen({ port: 0, host: '127.0.0.1' });
  cleanup = () => hello.close();
} else if (role === 'payload' && process.env.CG_BENCH_API_BODY) {
  // The assess route's payload without the app: the same request body in, the same answer's bytes
  // out (worked out once here by the engine), through a bare Fastify route. What HTTP alone costs
  // for a 1 KB request and its full answer, the floor under any assess route.
  const { assess } = await import(new URL('engine/index.js', dist).href);
  const answer = JSON.stringify(assess(JSON.parse(process.env.CG_BENCH_API_BODY)));
  const { default: Fastify } = await import('fastify');
  const bare = Fastify({ logger: false });
  bare.post('/', async (_request, reply) => reply.type('application/json; charset=utf-8').send(answer));
  url = await bare.listen({ port: 0, host: '127.0.0.1' });
  cleanup = () => bare.close();
} else if (role === 'app' && NUMBER) {
  const load = (path) => import(new URL(path, dist).href);
  const { logDestination } = await load('server/logger.js');
  const { loadConfig } = await load('config/env.js');
  const { buildApp } = await load('server/app.js');
  const { openStore } = await load('store/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-api-'));
  const store = await openStore({ sqliteFile: join(dir, 'bench.db') });
  const config = loadConfig({
    LOG_LEVEL: 'info',
    CALLGUARD_WEB_DIR: join(dir, 'no-web'),
    CALLGUARD_RATE_LIMIT_ASSESS: '1000000',
    CALLGUARD_RATE_LIMIT_WRITES: '1000000',
    // Set in the bench's environment to compare the fair queue's settings (0 turns it off).
    CALLGUARD_QUEUE_MAX: process.env.CALLGUARD_QUEUE_MAX,
  });
  const app = await buildApp(config, {
    store,
    logStream: logDestination('/dev/null'), // the production writer, pointed at /dev/null
  });
  for (let i = 0; i < 5; i++) {
    await store.reports.create({
      number: NUMBER,
      direction: 'they-called',
      claimedOrg: 'Microsoft',
      reporterKey: `bench-reporter-${i}-xxxxxxxx`,
    });
  }
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  cleanup = async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
} else {
  console.error(
    `bench/api-server.mjs: set CG_BENCH_API_SERVE to "hello", to "payload" with CG_BENCH_API_BODY, or to "app" with CG_BENCH_API_NUMBER; got ${JSON.stringify(role)}`,
  );
  process.exit(2);
}

process.on('message', (msg) => {
  if (msg.type === 'cpu') {
    const u = process.cpuUsage();
    process.send({ type: 'cpu', micros: u.user + u.system, user: u.user });
  } else {
    void cleanup().then(() => process.exit(0));
  }
});
process.send({ type: 'ready', url });

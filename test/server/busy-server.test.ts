/**
 * The CPU-heavy routes wait their turn in a bounded queue: past CALLGUARD_QUEUE_MAX a request gets
 * 503 CG_BUSY before its body is read, cheap routes are answered meanwhile, and a client seen to have
 * left before its turn is not worked on.
 */
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from './support/server.js';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/**
 * About 1 KB, so each request is read in one go and a burst of them joins the queue in one turn
 * (a body over the socket's 16 KB buffer takes several turns to read).
 */
const HEAVY = JSON.stringify({
  transcript: Array.from(
    { length: 10 },
    (_, i) => `Caller: line ${i}, this is Microsoft support, your computer has a virus, install AnyDesk now.`,
  ).join('\n'),
});

function post(url: string, body: string): string {
  const { host } = new URL(url);
  return (
    `POST /v1/assess HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/**
 * Opens n keep-alive connections and has each answer a health check first (a server accepts new
 * connections one per turn of its loop), then writes one heavy request on each in the same turn, so
 * they arrive together. Resolves with each connection's answer to its heavy request.
 */
async function together(url: string, n: number, body: string): Promise<Socket[]> {
  const { hostname, port } = new URL(url);
  const sockets = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect(Number(port), hostname, () =>
            socket.write(`GET /v1/health HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`),
          );
          socket.once('data', () => resolve(socket));
          socket.on('error', reject);
        }),
    ),
  );
  for (const socket of sockets) socket.write(post(url, body));
  return sockets;
}

function response(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => resolve(text));
  });
}

describe('a server with more heavy requests than its queue holds', () => {
  it('answers the extra ones 503 CG_BUSY with Retry-After, and the rest in full', async () => {
    s = await startTestServer({ env: { CALLGUARD_QUEUE_MAX: '2' } });
    const sockets = await together(s.url, 30, HEAVY);
    const texts = await Promise.all(sockets.map(response));
    const busy = texts.filter((t) => t.startsWith('HTTP/1.1 503 '));
    const done = texts.filter((t) => t.startsWith('HTTP/1.1 200 '));
    expect(busy.length + done.length).toBe(30);
    expect(busy.length).toBeGreaterThan(0);
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(busy[0]).toMatch(/\r\nretry-after: 1\r\n/i);
    expect(busy[0]).toContain('application/problem+json');
    const problem = JSON.parse(busy[0]!.slice(busy[0]!.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 503, code: 'CG_BUSY' });
    expect(problem.detail).toMatch(/already waiting/);
    const answer = JSON.parse(done[0]!.slice(done[0]!.indexOf('\r\n\r\n') + 4)) as { verdict: string };
    expect(answer.verdict).toBe('scam');
  });

  it('refuses a heavy request while the queue is full before reading its body', async () => {
    s = await startTestServer({ env: { CALLGUARD_QUEUE_MAX: '2' } });
    // Keeps the queue full: each turn lets one waiter go and this puts one back.
    const queue = s.app.fairQueue;
    let keepFull = true;
    const fill = () => {
      while (queue.turn() !== 'full');
      if (keepFull) setImmediate(fill);
    };
    fill();
    try {
      const { hostname, port } = new URL(s.url);
      const socket = connect(Number(port), hostname);
      // Headers only: a server that waited for this body would never answer.
      socket.write(
        `POST /v1/assess HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
          'Content-Length: 1000\r\nConnection: close\r\n\r\n',
      );
      const text = await new Promise<string>((resolve) => {
        let got = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => {
          got += chunk;
          if (got.includes('}')) resolve(got);
        });
        setTimeout(() => resolve(got), 5_000);
      });
      socket.destroy();
      expect(text).toMatch(/^HTTP\/1\.1 503 /);
      expect(text).toMatch(/\r\nretry-after: 1\r\n/i);
      expect(text).toContain('"code":"CG_BUSY"');
    } finally {
      keepFull = false;
    }
  });

  it('answers a health check between two heavy requests, not after all of them', async () => {
    s = await startTestServer();
    const sockets = await together(s.url, 20, HEAVY);
    const texts = Promise.all(sockets.map(response));
    const health = await call(s.url, 'GET', '/v1/health');
    expect(health.status).toBe(200);
    expect((await texts).every((t) => t.startsWith('HTTP/1.1 200 '))).toBe(true);
    // Request lines are logged as answers go out. Without the queue, the twenty assessments read
    // in one turn would all be answered before the health check was even read.
    const routes = s.logs.map((l) => (JSON.parse(l) as { route?: string }).route);
    const healthAt = routes.lastIndexOf('/v1/health');
    const assessed = routes.filter((r, i) => r === '/v1/assess' && i > healthAt).length;
    expect(assessed).toBeGreaterThan(0);
  });
});

describe('a client that leaves while its heavy request waits', () => {
  it('is not worked on, and the others are answered', async () => {
    s = await startTestServer();
    const sockets = await together(s.url, 10, HEAVY);
    const kept = sockets[0]!;
    const answer = response(kept);
    for (const socket of sockets.slice(1)) socket.destroy();
    expect(await answer).toMatch(/^HTTP\/1\.1 200 /);
    // The first request may already have been started; most of the other nine were not.
    const skipped = s.logs.filter((l) => l.includes('client left while its request waited'));
    expect(skipped.length).toBeGreaterThan(0);
    // Still one line per request, with its route and a status saying the client closed it.
    expect(JSON.parse(skipped[0]!)).toMatchObject({ method: 'POST', route: '/v1/assess', status: 499 });
  });
});

describe('what a heavy request asks of the queue', () => {
  it('an assessment gives its size; bulk number checks and caller-ID checks always take a turn alone', async () => {
    s = await startTestServer();
    const asked: number[] = [];
    const turn = s.app.fairQueue.turn.bind(s.app.fairQueue);
    s.app.fairQueue.turn = (bytes?: number) => {
      asked.push(bytes ?? -1);
      return turn(bytes);
    };
    await call(s.url, 'POST', '/v1/assess', { transcript: 'Caller: hello' });
    await call(s.url, 'POST', '/v1/numbers/check', { numbers: ['+12025550143'] });
    await call(s.url, 'POST', '/v1/stir/verify', { identity: 'x' });
    expect(asked[0]).toBe(JSON.stringify({ transcript: 'Caller: hello' }).length);
    expect(asked.slice(1)).toEqual([Infinity, Infinity]);
  });
});

/**
 * Clients that misbehave at the HTTP level: stalled bodies, URLs that cannot be decoded, requests
 * Node's parser refuses. Each gets a clear answer (408 or problem+json) and none ties up the server.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from './support/server.js';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** Sends raw bytes and resolves with everything the server sent back until it closed the connection. */
function raw(url: string, bytes: string, waitMs = 10_000): Promise<{ text: string; ms: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve({ text, ms: Date.now() - started }));
    setTimeout(() => socket.destroy(), waitMs).unref();
  });
}

describe('a client that stops sending its body', () => {
  it('gets 408 once the request timeout has passed, and other requests go on meanwhile', async () => {
    s = await startTestServer({ env: { CALLGUARD_REQUEST_TIMEOUT_MS: '1000' } });
    const stalled = raw(
      s.url,
      'POST /v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Request-Id: my-trace-123\r\n' +
        'Content-Length: 100\r\n\r\n{"transcript":',
    );
    expect((await call(s.url, 'GET', '/v1/health')).status).toBe(200);
    const { text, ms } = await stalled;
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text).toContain('application/problem+json');
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 408,
      code: 'CG_REQUEST_TIMEOUT',
    });
    // The caller's own request id, as on every other answer, and in the log at the default level.
    expect(text).toMatch(/\r\nX-Request-Id: my-trace-123\r\n/);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ requestId: 'my-trace-123' });
    expect(s.logs.some((l) => l.includes('"reqId":"my-trace-123"') && l.includes('client error'))).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(5_000);
  });
});

/** The body of a raw HTTP response, parsed as JSON. */
function bodyOf(text: string): unknown {
  return JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
}

describe('a stalled request on a keep-alive connection that already served one', () => {
  it('still gets its 408 problem', async () => {
    s = await startTestServer({ env: { CALLGUARD_REQUEST_TIMEOUT_MS: '1000' } });
    const { text } = await raw(
      s.url,
      'GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n' +
        'POST /v1/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
    );
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    const second = text.slice(text.indexOf('HTTP/1.1 408 '));
    expect(second).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyOf(second)).toMatchObject({ status: 408, code: 'CG_REQUEST_TIMEOUT' });
  });
});

describe('requests Node or the router refuse', () => {
  it("answer as problem+json with a catalogue code, never Fastify's own error shape", async () => {
    s = await startTestServer();
    for (const path of ['/v1/numbers/%FF', '/%FF', '/v1/cases/%E0%A4%A', '/v1/numbers/%ED%A0%80']) {
      const res = await call(s.url, 'GET', path);
      expect(res.status, path).toBe(400);
      expect(res.contentType, path).toBe('application/problem+json; charset=utf-8');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-request-id'), path).toBe((res.body as { requestId: string }).requestId);
      expect(res.body, path).toMatchObject({ code: 'CG_INPUT_INVALID', status: 400 });
      expect(JSON.stringify(res.body), path).not.toContain('FST_ERR');
    }
    const long = await call(s.url, 'GET', `/v1/numbers/${'1'.repeat(400)}`);
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ code: 'CG_INPUT_INVALID' });
    expect((long.body as { detail: string }).detail).toMatch(/too long/);

    const huge = await raw(s.url, `GET /v1/health?q=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(huge.text).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(huge.text)).toMatchObject({ status: 431, code: 'CG_HEADERS_TOO_LARGE' });

    const broken = await raw(
      s.url,
      'GET /v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    expect(broken.text).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(broken.text)).toMatchObject({ status: 400, code: 'CG_INPUT_INVALID' });

    // Answered on the raw socket, with no request object, yet with a request id like any other.
    for (const { text } of [huge, broken]) {
      const id = /\r\nX-Request-Id: ([0-9a-f-]{36})\r\n/i.exec(text)?.[1];
      expect(id).toBeDefined();
      expect(bodyOf(text)).toMatchObject({ requestId: id });
    }

    expect((await call(s.url, 'GET', '/v1/health')).status).toBe(200); // the server is fine
  });
});

describe('a JSON body nested thousands deep', () => {
  it('gets a 400 saying it is not JSON, not a 500 from the error message', async () => {
    s = await startTestServer();
    for (const [body, status, code] of [
      ['['.repeat(20_000), 400, 'CG_JSON_MALFORMED'],
      [JSON.stringify({ transcript: '[' + '{"a":'.repeat(20_000) }), 422, 'CG_TRANSCRIPT_MALFORMED'],
    ] as const) {
      const res = await fetch(`${s.url}/v1/assess`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(status);
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem.code).toBe(code);
      expect(problem.detail).toContain('nested too deeply to say where');
    }
  });
});

describe('a JSON body with prototype keys', () => {
  it('is refused with a message that names those keys', async () => {
    s = await startTestServer();
    for (const body of ['{"transcript":"hi","__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}']) {
      const res = await fetch(`${s.url}/v1/assess`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status, body).toBe(400);
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem.code, body).toBe('CG_JSON_MALFORMED');
      expect(problem.detail, body).toMatch(/__proto__/);
      // Well-formed JSON is not told it is malformed.
      expect(problem.detail, body).not.toMatch(/not valid JSON/);
    }
  });
});

/** The HTTP edge on a real listener: problem+json errors, security headers, docs, web app, logs. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, logTextWithoutTimesAndIds, startTestServer, type TestServer } from './support/server.js';

const ADMIN = 'test-admin-token-0123456789';

describe('HTTP edge', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ env: { CALLGUARD_ADMIN_TOKEN: ADMIN, CALLGUARD_BODY_LIMIT: '2kb' } });
  });
  afterAll(async () => s?.close());

  function expectProblem(
    res: Awaited<ReturnType<typeof call>>,
    status: number,
    code: string,
  ): Record<string, unknown> {
    expect(res.status).toBe(status);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    const p = res.body as Record<string, unknown>;
    expect(p).toMatchObject({ status, code, type: `/docs/errors#${code.toLowerCase()}` });
    expect(typeof p.title).toBe('string');
    expect(typeof p.howToFix).toBe('string');
    expect(res.text).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
    return p;
  }

  it('answers health and readiness', async () => {
    expect((await call(s.url, 'GET', '/v1/health')).body).toMatchObject({ status: 'ok' });
    expect((await call(s.url, 'GET', '/v1/ready')).body).toEqual({ status: 'ready', store: 'sqlite' });
    // A doubled slash (a proxy or a script joining paths) is not the route, and says which path was meant.
    for (const [path, meant] of <Array<[string, string]>>[
      ['//v1/health', '/v1/health'],
      ['/v1//ready?x=//y', '/v1/ready'],
    ]) {
      const res = await call(s.url, 'GET', path);
      expectProblem(res, 404, 'CG_NOT_FOUND');
      expect((res.body as { detail: string }).detail).toContain(`Did you mean ${meant}?`);
    }
  });

  it('renders unknown routes, bad JSON, wrong media types and big bodies as problems', async () => {
    expectProblem(await call(s.url, 'GET', '/v1/nothing-here'), 404, 'CG_NOT_FOUND');
    const bad = expectProblem(
      await call(s.url, 'POST', '/v1/reports', '{"number": '),
      400,
      'CG_JSON_MALFORMED',
    );
    expect(bad.detail).toBe(
      'The request body is not valid JSON: at the end (the text stops too early), a value is missing here (a stray comma, or nothing after a colon?).',
    );
    // A transcript pasted with real line breaks into a JSON string: where, and how to write it.
    const pasted = expectProblem(
      await call(s.url, 'POST', '/v1/assess', '{\n "transcript": "Caller: hi\nCaller: buy gift cards"\n}', {
        'content-type': 'application/json; charset=utf-8',
      }),
      400,
      'CG_JSON_MALFORMED',
    );
    expect(pasted.detail).toContain(
      'at line 2, column 16, a text in double quotes is not closed on its line',
    );
    expect(pasted.detail).not.toContain('gift');
    expectProblem(
      await call(s.url, 'POST', '/v1/reports', '', { 'content-type': 'application/json' }),
      400,
      'CG_JSON_MALFORMED',
    );
    expectProblem(
      await call(s.url, 'POST', '/v1/reports', 'number=1', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      415,
      'CG_UNSUPPORTED_MEDIA_TYPE',
    );
    expectProblem(
      await call(s.url, 'POST', '/v1/reports', 'hello', { 'content-type': 'text/plain' }),
      415,
      'CG_UNSUPPORTED_MEDIA_TYPE',
    );
    expectProblem(
      await call(s.url, 'POST', '/v1/reports', { text: 'x'.repeat(5000) }),
      413,
      'CG_INPUT_TOO_LARGE',
    );
  });

  it('names the offending field as a JSON pointer', async () => {
    const p = expectProblem(
      await call(s.url, 'POST', '/v1/reports', { number: '+18005550100', direction: 'sideways' }),
      400,
      'CG_INPUT_INVALID',
    );
    expect(p.pointer).toBe('/direction');
    const q = expectProblem(await call(s.url, 'GET', '/v1/stats?weeks=abc'), 400, 'CG_INPUT_INVALID');
    expect(q.pointer).toBe('?weeks');
  });

  it('sends security headers with a strict CSP, a request id, and no CORS by default', async () => {
    const page = await fetch(s.url + '/');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    // API answers: OWASP's set for REST APIs, never stored by a shared cache.
    const res = await fetch(s.url + '/v1/health', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const missing = await fetch(s.url + '/v1/no-such-route');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(s.url + '/v1/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const hostile = await fetch(s.url + '/v1/health', {
      headers: { 'x-request-id': 'a b\u00e9'.repeat(40) },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves OpenAPI 3.1 generated from the request schemas, and a docs page without external scripts', async () => {
    const doc = (await call(s.url, 'GET', '/openapi.json')).body as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    const body = doc.paths['/v1/reports']!.post!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(body.properties ?? {})).toEqual(
      expect.arrayContaining(['number', 'direction', 'text']),
    );
    expect(doc.paths['/v1/stats']!.get).toBeDefined();
    const page = await call(s.url, 'GET', '/docs');
    expect(page.contentType).toMatch(/text\/html/);
    expect(page.text).toContain('/openapi.json');
    expect(page.text).not.toMatch(/src="https?:|href="https?:/);
    expect((await call(s.url, 'GET', '/docs/docs.js')).status).toBe(200);
    expect((await call(s.url, 'GET', '/docs/errors')).text).toContain('id="cg_input_invalid"');
  });

  it('has no dangling $ref and documents every route with problem responses', async () => {
    const doc = (await call(s.url, 'GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
    }
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(Object.keys(op.responses), `${method} ${path}`).toContain('500');
      }
    }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/assess',
        '/v1/numbers/{number}',
        '/v1/reports',
        '/v1/blocklist',
        '/v1/live',
      ]),
    );
  });

  it('says the web app is not built when dist/web is missing', async () => {
    const res = await call(s.url, 'GET', '/');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/web app is not built/);
    expect(res.text).toMatch(/npm run build/);
  });

  it('guards admin routes with the bearer token', async () => {
    const path = '/v1/admin/reports/nope/hide';
    expectProblem(await call(s.url, 'POST', path), 401, 'CG_UNAUTHORIZED');
    expectProblem(
      await call(s.url, 'POST', path, undefined, { authorization: 'Bearer wrong-token' }),
      403,
      'CG_FORBIDDEN',
    );
    expectProblem(
      await call(s.url, 'POST', path, undefined, { authorization: `Bearer ${ADMIN}` }),
      404,
      'CG_NOT_FOUND',
    );
  });

  it('never writes transcripts, report free text or bodies to the log', async () => {
    const secret = 'my grandmother Agnes read the code 493817 aloud';
    const res = await call(s.url, 'POST', '/v1/reports', {
      number: '+1 202 555 0143',
      direction: 'they-called',
      text: secret,
    });
    expect(res.status).toBe(201);
    await call(s.url, 'POST', '/v1/reports', { number: 12, text: secret });
    const transcript = 'Caller: Hello Mrs Philomena, this is Windows support, install AnyDesk, code 558213';
    expect((await call(s.url, 'POST', '/v1/assess', { transcript })).status).toBe(200);
    await call(s.url, 'POST', '/v1/assess', { transcript, facts: { initiatedBy: transcript } }); // a 400 echoes nothing
    await call(s.url, 'POST', '/v1/assess', `{"transcript": "${transcript}`); // malformed JSON
    // Not the raw lines: their times and request ids are digits and random hex that may hold "493817" by chance.
    const all = logTextWithoutTimesAndIds(s.logs);
    expect(all).toContain('"route":"/v1/assess"');
    expect(all).not.toContain('Philomena');
    expect(all).not.toContain('558213');
    expect(all).toContain('"route":"/v1/reports"');
    expect(all).not.toContain('Agnes');
    expect(all).not.toContain('493817');
    expect(all).not.toContain('202 555');
  });
});

describe('HTTP edge, request logs', () => {
  it('writes one line per request with the route pattern, and request.log lines carry the request id', async () => {
    const s = await startTestServer({
      extend: (app) =>
        app.get('/test/boom/:id', async () => {
          throw new Error('a bug');
        }),
    });
    try {
      await call(s.url, 'GET', '/v1/numbers/%2B12025550143', undefined, { 'x-request-id': 'req-number-1' });
      await call(s.url, 'GET', '/v1/numbers/%2B12025550143', undefined, { 'x-request-id': 'req-number-2' });
      await call(s.url, 'GET', '/nowhere/abc?x=1', undefined, { 'x-request-id': 'req-nowhere' });
      // A mistyped route with a number in it: the number must not reach the log either.
      await call(s.url, 'GET', '/v1/number/%2B1%20202%20555%200199', undefined, {
        'x-request-id': 'req-typo',
      });
      await call(s.url, 'GET', `/v1/hash/${'ab12'.repeat(16)}`, undefined, { 'x-request-id': 'req-hash' });
      const boom = await call(s.url, 'GET', '/test/boom/7', undefined, { 'x-request-id': 'req-boom' });
      expect(boom.status).toBe(500);
      const lines = s.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
      const find = (reqId: string, msg: string) => lines.find((l) => l.reqId === reqId && l.msg === msg);
      for (const reqId of ['req-number-1', 'req-number-2']) {
        const line = find(reqId, 'request');
        expect(line).toMatchObject({ service: 'callguard', level: 30, method: 'GET', status: 200 });
        expect(line?.route).toBe('/v1/numbers/:number');
        expect(typeof line?.ms).toBe('number');
        expect(typeof line?.time).toBe('number');
      }
      expect(find('req-nowhere', 'request')).toMatchObject({
        route: 'unmatched /*/*',
        status: 404,
      });
      // The error handler logs through request.log: its line has the request id.
      expect(find('req-boom', 'unhandled error')).toMatchObject({ level: 50 });
      expect(find('req-boom', 'request failed')).toMatchObject({ route: '/test/boom/:id', status: 500 });
      expect(find('req-typo', 'request')).toMatchObject({
        route: 'unmatched /v1/*/*',
        status: 404,
      });
      expect(find('req-hash', 'request')).toMatchObject({ route: 'unmatched /v1/*/*', status: 404 });
      expect(s.logs.join('\n')).not.toContain('2025550143');
      // Without times and durations, whose digits may hold "0199" by chance.
      expect(logTextWithoutTimesAndIds(s.logs)).not.toMatch(
        /555(?:%20|\D){0,3}0199|(?<!\d)0199(?!\d)|ab12ab12/,
      );
    } finally {
      await s.close();
    }
  });
});

describe('HTTP edge, configured', () => {
  it('rate-limits the CPU-heavy text routes per client, each route on its own count', async () => {
    const s = await startTestServer({ env: { CALLGUARD_RATE_LIMIT_ASSESS: '1' } });
    try {
      for (const [path, body] of [
        ['/v1/scan', { text: 'Call +1 202 555 0143 now' }],
        ['/v1/numbers/check', { numbers: ['+12025550143'] }],
        ['/v1/assess', { transcript: 'Caller: install AnyDesk' }],
      ] as const) {
        expect((await call(s.url, 'POST', path, body)).status, path).toBe(200);
        const limited = await call(s.url, 'POST', path, body);
        expect(limited.status, path).toBe(429);
        expect((limited.body as { code: string }).code, path).toBe('CG_RATE_LIMITED');
      }
    } finally {
      await s.close();
    }
  });

  it('rate-limits writes per client with 429 and Retry-After', async () => {
    const s = await startTestServer({ env: { CALLGUARD_RATE_LIMIT_WRITES: '2' } });
    try {
      const report = { number: '+12025550143', direction: 'they-called' };
      expect((await call(s.url, 'POST', '/v1/reports', report)).status).toBe(201);
      expect((await call(s.url, 'POST', '/v1/reports', report)).status).toBe(201);
      const limited = await call(s.url, 'POST', '/v1/reports', report);
      expect(limited.status).toBe(429);
      expect((limited.body as { code: string }).code).toBe('CG_RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await call(s.url, 'GET', '/v1/stats')).status).toBe(200); // reads are not limited
    } finally {
      await s.close();
    }
  });

  it('behind a trusted proxy, limits each forwarded client separately; untrusted X-Forwarded-For is ignored', async () => {
    const report = { number: '+12025550143', direction: 'they-called' };
    const behind = await startTestServer({
      env: { CALLGUARD_RATE_LIMIT_WRITES: '1', CALLGUARD_TRUST_PROXY: '127.0.0.1' },
    });
    const direct = await startTestServer({ env: { CALLGUARD_RATE_LIMIT_WRITES: '1' } });
    try {
      const from = (ip: string) => ({ 'x-forwarded-for': ip });
      expect((await call(behind.url, 'POST', '/v1/reports', report, from('198.51.100.7'))).status).toBe(201);
      expect((await call(behind.url, 'POST', '/v1/reports', report, from('198.51.100.7'))).status).toBe(429);
      expect((await call(behind.url, 'POST', '/v1/reports', report, from('203.0.113.9'))).status).toBe(201);
      // A proxy that writes the client's port: a new connection (port) is still the same client.
      expect((await call(behind.url, 'POST', '/v1/reports', report, from('192.0.2.5:5001'))).status).toBe(
        201,
      );
      expect((await call(behind.url, 'POST', '/v1/reports', report, from('192.0.2.5:5002'))).status).toBe(
        429,
      );
      // Without trust, a client cannot pick a fresh address to escape its limit.
      expect((await call(direct.url, 'POST', '/v1/reports', report, from('198.51.100.7'))).status).toBe(201);
      expect((await call(direct.url, 'POST', '/v1/reports', report, from('203.0.113.9'))).status).toBe(429);
    } finally {
      await behind.close();
      await direct.close();
    }
  });

  it('enables CORS only for the configured origins, and disables admin without a token', async () => {
    const s = await startTestServer({ env: { CALLGUARD_CORS_ORIGINS: 'https://app.example.org' } });
    try {
      const ok = await fetch(s.url + '/v1/health', { headers: { origin: 'https://app.example.org' } });
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
      const other = await fetch(s.url + '/v1/health', { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const admin = await call(s.url, 'POST', '/v1/admin/reports/x/hide', undefined, {
        authorization: 'Bearer anything-at-all',
      });
      expect(admin.status).toBe(403);
      expect((admin.body as { detail: string }).detail).toMatch(/CALLGUARD_ADMIN_TOKEN/);
    } finally {
      await s.close();
    }
  });

  it('serves the built web app, with index.html for client-side routes', async () => {
    const web = mkdtempSync(join(tmpdir(), 'cg-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>CallGuard app</title>');
    writeFileSync(join(web, 'assets', 'app-1234.js'), 'console.log(1)');
    const s = await startTestServer({ env: { CALLGUARD_WEB_DIR: web } });
    try {
      const home = await call(s.url, 'GET', '/');
      expect(home.text).toContain('CallGuard app');
      const asset = await fetch(s.url + '/assets/app-1234.js');
      expect(asset.headers.get('cache-control')).toContain('immutable');
      const deep = await call(s.url, 'GET', '/check/number', undefined, { accept: 'text/html' });
      expect(deep.text).toContain('CallGuard app');
      expect((await call(s.url, 'GET', '/v1/unknown', undefined, { accept: 'text/html' })).status).toBe(404);
      expect((await call(s.url, 'GET', '/missing.js')).status).toBe(404);
      // Not the static files' bare 400, and never index.html or an API answer with a page's headers.
      for (const path of ['//v1/health', '//v1/cases/0123456789abcdef0123456789abcdef', '//check/number']) {
        const res = await call(s.url, 'GET', path, undefined, { accept: 'text/html' });
        expect(res.status, path).toBe(404);
        expect(res.body, path).toMatchObject({ code: 'CG_NOT_FOUND' });
      }
    } finally {
      await s.close();
      rmSync(web, { recursive: true, force: true });
    }
  });

  it('lets in-flight requests finish on close', async () => {
    let started!: () => void;
    const inHandler = new Promise<void>((r) => (started = r));
    const s = await startTestServer({
      extend: (app) =>
        app.get('/test/slow', async () => {
          started();
          await new Promise((r) => setTimeout(r, 300));
          return { done: true };
        }),
    });
    const pending = call(s.url, 'GET', '/test/slow');
    await inHandler; // the request is in flight when close begins
    const closing = s.close();
    const res = await pending;
    await closing;
    expect(res.body).toEqual({ done: true });
    await expect(fetch(s.url + '/v1/health')).rejects.toThrow();
  });
});

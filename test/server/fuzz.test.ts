/**
 * Hostile input on every route: random JSON, wrong types in otherwise valid bodies, huge strings,
 * non-JSON, wrong content types and odd path parameters. No request may get a 5xx, and every 4xx
 * must be problem+json with a catalogue code.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../../src/errors/catalogue.js';
import { startTestServer, type TestServer } from './support/server.js';

const ADMIN = 'fuzz-admin-token-0123456789';

/** A valid body per route, so mutations reach deep into validation and the handlers. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  '/v1/assess': {
    facts: { claimedOrg: 'Microsoft', initiatedBy: 'them' },
    transcript: 'Caller: install AnyDesk',
  },
  '/v1/reports': { number: '+12025550123', direction: 'they-called', text: 'they asked for gift cards' },
  '/v1/numbers/check': { numbers: ['+12025550123'], country: 'US' },
  '/v1/urls/check': { url: 'https://microsoft.com' },
  '/v1/emails/check': { email: 'a@microsoft.com' },
  '/v1/scan': { text: 'call 1-888-555-0100 now' },
  '/v1/admin/reports/{id}/hide': { reason: 'spam' },
};

interface Op {
  method: string;
  path: string;
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('..%2f..%2fetc%2fpasswd', '%00', '%ff%fe', '{}', '1e309', '+'.repeat(300), '\u202e\u0000'),
);

const bodyArb = (path: string) => {
  const sample = SAMPLES[path];
  const mutated = sample
    ? fc
        .record(
          Object.fromEntries(
            Object.keys(sample).map((k) => [k, fc.oneof(fc.constant(sample[k]), fc.jsonValue())]),
          ),
        )
        .map((b) => ({ body: JSON.stringify(b), type: 'application/json' as string | undefined }))
    : fc.constant({ body: '{}', type: 'application/json' as string | undefined });
  return fc.oneof(
    mutated,
    fc.jsonValue().map((v) => ({ body: JSON.stringify(v), type: 'application/json' as string | undefined })),
    fc.string({ maxLength: 200 }).map((s) => ({ body: s, type: 'application/json' as string | undefined })),
    fc.integer({ min: 10_000, max: 120_000 }).map((n) => ({
      body: JSON.stringify({ text: 'x'.repeat(n), transcript: 'y'.repeat(n), number: 'z'.repeat(n) }),
      type: 'application/json' as string | undefined,
    })),
    fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'text/csv',
          undefined,
        ),
        fc.string({ maxLength: 100 }),
      )
      .map(([type, body]) => ({ body, type })),
  );
};

describe('fuzz: no route answers a hostile request with a 5xx', () => {
  let s: TestServer;
  let ops: Op[] = [];
  beforeAll(async () => {
    s = await startTestServer({
      env: {
        CALLGUARD_ADMIN_TOKEN: ADMIN,
        CALLGUARD_RATE_LIMIT_WRITES: '0',
        CALLGUARD_RATE_LIMIT_ASSESS: '0',
        CALLGUARD_BODY_LIMIT: '256kb',
      },
    });
    ops = s.app.operations
      .filter((o) => o.path !== '/v1/live')
      .map((o) => ({ method: o.method, path: o.path }));
  });
  afterAll(async () => s?.close());

  async function check(method: string, url: string, body?: string, type?: string): Promise<void> {
    const headers: Record<string, string> = { authorization: `Bearer ${ADMIN}` };
    if (type) headers['content-type'] = type;
    const res = await fetch(s.url + url, {
      method,
      headers,
      ...(body !== undefined && method !== 'GET' ? { body } : {}),
    });
    const text = await res.text();
    const where = `${method} ${url} (${type ?? 'no type'}, ${body?.length ?? 0} bytes) → ${res.status}: ${text.slice(0, 300)}`;
    expect(res.status, where).toBeLessThan(500);
    if (res.status >= 400) {
      expect(res.headers.get('content-type'), where).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(text) as { code: string; status: number };
      expect(Object.keys(ERROR_CATALOGUE), where).toContain(problem.code);
      expect(problem.status, where).toBe(res.status);
    }
  }

  it('covers every documented route', () => {
    expect(ops.length).toBeGreaterThanOrEqual(15);
  });

  it('survives random bodies and content types on every route', async () => {
    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(
          bodyArb(op.path),
          fc.array(hostileString, { minLength: 1, maxLength: 3 }),
          async (b, parts) => {
            const path = op.path.replace(/\{\w+\}/g, () => encodeURIComponent(parts[0]!));
            await check(op.method, path, op.method === 'GET' ? undefined : b.body, b.type);
          },
        ),
        { numRuns: 15 },
      );
    }
  }, 120_000);

  it('survives hostile path parameters and query strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ops.filter((o) => o.method === 'GET')),
        hostileString,
        fc.dictionary(
          fc.constantFrom('country', 'org', 'source', 'since', 'weeks', 'limit', 'minLevel', '__proto__'),
          hostileString,
        ),
        async (op, param, query) => {
          const path = op.path.replace(/\{\w+\}/g, encodeURIComponent(param));
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          await check('GET', `${path}?${qs}`);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

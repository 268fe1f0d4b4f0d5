/**
 * GET /v1/numbers/{number} is serialized by fast-json-stringify from a schema, which drops any
 * field the schema does not name. The served bodies must equal JSON.stringify of the same values
 * (the check and the store's reputation, read the same way the route reads them), on SQLite and
 * on PostgreSQL (whose drivers return different JavaScript types for the same columns).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkNumber, type CheckNumberOptions } from '../../src/claims/index.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { call, startTestServer, type TestServer } from './support/server.js';

const CASES: Array<[string, CheckNumberOptions]> = [
  ['+1 202 555 0143', {}], // reported, with tactics and brands
  ['1-800-MICROSOFT', { source: 'popup', org: 'Apple' }], // official channel with a note; reasons; source
  ['+1 800 642 7676', { source: 'caller-id' }], // official number: reputation.official is set
  ['0906 123 4567', { country: 'GB' }], // premium rate
  ['+1 999 000', {}], // invalid: no reputation
  ['(202) 555-0188', { org: 'Nobody Inc' }], // never reported; unknown organisation
];

let pg: PostgresServer | null | undefined;
afterAll(async () => pg?.stop());

describe.each(['sqlite', 'postgres'] as const)('number responses equal JSON.stringify (%s)', (backend) => {
  // Starts PostgreSQL inside the test (once, for the postgres case): the hooks' time limit, not a test's.
  it('for every kind of number check and its reputation', { timeout: 120_000 }, async (ctx) => {
    let databaseUrl: string | undefined;
    if (backend === 'postgres') {
      pg ??= await startPostgres();
      if (!pg) return ctx.skip();
      databaseUrl = await pg.newDatabase();
    }
    const s: TestServer = await startTestServer({ databaseUrl });
    try {
      for (const [i, tactics] of [
        ['REMOTE_ACCESS_REQUEST'],
        ['REMOTE_ACCESS_REQUEST', 'UNUSUAL_PAYMENT_METHOD'],
      ].entries()) {
        await s.store.reports.create({
          number: '+12025550143',
          direction: 'they-called',
          claimedOrg: 'Microsoft',
          tactics: tactics as never, // ids from the engine's list
          reporterKey: `serializer-test-reporter-${i}`,
        });
      }
      for (const [input, opts] of CASES) {
        const query = new URLSearchParams(opts as Record<string, string>).toString();
        const res = await call(
          s.url,
          'GET',
          `/v1/numbers/${encodeURIComponent(input)}${query ? '?' + query : ''}`,
        );
        expect(res.status, input).toBe(200);
        expect(res.contentType).toBe('application/json; charset=utf-8');
        const check = checkNumber(input, opts);
        const expected =
          check.valid && check.e164
            ? { ...check, reputation: await s.store.reputation.get(check.e164) }
            : check;
        expect(JSON.parse(res.text), input).toEqual(JSON.parse(JSON.stringify(expected)));
      }
      const reported = await s.store.reputation.get('+12025550143');
      expect(reported.topTactics.length).toBeGreaterThan(0); // the reputation above was not empty
      const byHash = await call(s.url, 'GET', `/v1/numbers/${reported.sha256}`);
      expect(byHash.contentType).toBe('application/json; charset=utf-8');
      expect(JSON.parse(byHash.text)).toEqual(
        JSON.parse(
          JSON.stringify({
            sha256: reported.sha256,
            reputation: await s.store.reputation.getByHash(reported.sha256),
          }),
        ),
      );
    } finally {
      await s.close();
    }
  });
});

describe('a hot number', () => {
  it('asked many times at once gets one body, and the next report changes it', async () => {
    const s: TestServer = await startTestServer({});
    const number = '+12025550143';
    const report = (i: number) =>
      s.store.reports.create({
        number,
        direction: 'they-called',
        claimedOrg: 'Microsoft',
        tactics: ['REMOTE_ACCESS_REQUEST'] as never, // an id from the engine's list
        reporterKey: `hot-number-reporter-${i}`,
      });
    const ask = () =>
      Promise.all(
        Array.from({ length: 20 }, () => call(s.url, 'GET', `/v1/numbers/${encodeURIComponent(number)}`)),
      );
    try {
      await report(0);
      const first = await ask();
      expect(new Set(first.map((r) => r.text)).size).toBe(1);
      const expected = { ...checkNumber(number), reputation: await s.store.reputation.get(number) };
      expect(JSON.parse(first[0]!.text)).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(expected.reputation.reports).toBe(1);

      await report(1);
      const second = await ask();
      expect(new Set(second.map((r) => r.text)).size).toBe(1);
      expect(JSON.parse(second[0]!.text).reputation).toMatchObject({ reports: 2, reporters: 2 });
    } finally {
      await s.close();
    }
  });
});

/**
 * Every JSON route against a real listener, with fetch. Run once on SQLite and once on PostgreSQL
 * (routes.sqlite.test.ts, routes.postgres.test.ts), like the store's own contract suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from './support/server.js';

export const ADMIN_TOKEN = 'contract-admin-token-0123456789';

const FTC_CSV = [
  'Company_Phone_Number,Created_Date,Violation_Date,Consumer_City,Consumer_State,Consumer_Area_Code,Subject,Recorded_Message_Or_Robocall',
  '2025550101,2021-07-07 00:01:15,2021-07-06 11:48:00,,California,510,Computer & technical support,',
  '2025550101,2021-07-07 00:02:15,2021-07-06 12:48:00,Clinton,Illinois,217,Computer & technical support,Y',
  'not-a-number,2021-07-07 00:03:15,2021-07-06 13:48:00,,Texas,512,No Subject Provided,',
].join('\n');

export function routeSuite(name: string, databaseUrl: () => Promise<string | undefined | null>): void {
  describe(`routes on ${name}`, () => {
    let s: TestServer;
    let skip = false;
    beforeAll(async () => {
      const url = await databaseUrl();
      if (url === null) {
        skip = true;
        return;
      }
      s = await startTestServer({
        ...(url ? { databaseUrl: url } : {}),
        // Reporters on distinct networks come through a trusted proxy's X-Forwarded-For.
        env: { CALLGUARD_ADMIN_TOKEN: ADMIN_TOKEN, CALLGUARD_TRUST_PROXY: '127.0.0.1' },
      });
    });
    afterAll(async () => s?.close());
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const reporter = (n: number) => ({
      'x-reporter-key': `contract-reporter-${n}-0000000`,
      'x-forwarded-for': `203.0.${n}.9`,
    });

    it('is ready on its backend', async ({ skip: skipTest }) => {
      if (skip) skipTest();
      expect((await call(s.url, 'GET', '/v1/ready')).body).toMatchObject({ status: 'ready', store: name });
    });

    it('POST /v1/assess: scam from facts and transcript, with evidence', async ({ skip: skipTest }) => {
      if (skip) skipTest();
      const res = await call(s.url, 'POST', '/v1/assess', {
        facts: { claimedOrg: 'Microsoft', initiatedBy: 'them' },
        transcript:
          'Caller: This is Microsoft technical support, your computer has a virus.\nCaller: Please install AnyDesk and read me the code.',
      });
      expect(res.status).toBe(200);
      const a = res.body as { verdict: string; risk: number; redFlags: { id: string }[] };
      expect(['scam', 'likely-scam']).toContain(a.verdict);
      expect(a.redFlags.map((f) => f.id)).toContain('REMOTE_ACCESS_REQUEST');
    });

    it('POST /v1/assess: nothing to assess is 422, a bad fact is 400 with a pointer', async ({
      skip: skipTest,
    }) => {
      if (skip) skipTest();
      const empty = await call(s.url, 'POST', '/v1/assess', {});
      expect(empty.status).toBe(422);
      expect((empty.body as { code: string }).code).toBe('CG_FACTS_EMPTY');
      const bad = await call(s.url, 'POST', '/v1/assess', { facts: { initiatedBy: 'aliens' } });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'CG_INPUT_INVALID', pointer: '/facts/initiatedBy' });
      // A transcript that is neither text nor segments says what it may be, not zod's "Invalid input".
      const neither = await call(s.url, 'POST', '/v1/assess', { transcript: 5 });
      expect(neither.status).toBe(400);
      expect(neither.body).toMatchObject({ code: 'CG_INPUT_INVALID', pointer: '/transcript' });
      expect((neither.body as { detail: string }).detail).toContain(
        'expected string or array, received number',
      );
      const segment = await call(s.url, 'POST', '/v1/assess', {
        transcript: [{ text: 'hi' }, { speaker: 'x' }],
      });
      expect(segment.body).toMatchObject({ code: 'CG_INPUT_INVALID', pointer: '/transcript/1/text' });
    });

    it('POST /v1/reports: stores a redacted report; Idempotency-Key replays or conflicts', async ({
      skip: skipTest,
    }) => {
      if (skip) skipTest();
      const body = {
        number: '+1 202 555 0150',
        direction: 'they-called',
        claimedOrg: 'Microsoft',
        tactics: ['REMOTE_ACCESS_REQUEST'],
        text: 'He asked for my card 4111 1111 1111 1111',
      };
      const headers = { ...reporter(1), 'idempotency-key': 'contract-key-0001' };
      const first = await call(s.url, 'POST', '/v1/reports', body, headers);
      expect(first.status).toBe(201);
      const report = first.body as { id: string; number: string; text: string };
      expect(report.number).toBe('+12025550150');
      expect(report.text).not.toContain('4111 1111 1111 1111');
      const replay = await call(s.url, 'POST', '/v1/reports', body, headers);
      expect(replay.status).toBe(200);
      expect((replay.body as { id: string }).id).toBe(report.id);
      const conflict = await call(s.url, 'POST', '/v1/reports', { ...body, claimedOrg: 'Apple' }, headers);
      expect(conflict.status).toBe(409);
      expect((conflict.body as { code: string }).code).toBe('CG_CONFLICT');
      expect((await call(s.url, 'GET', `/v1/reports/${report.id}`)).body).toMatchObject({ id: report.id });
      const notFound = await call(s.url, 'GET', '/v1/reports/no-such-report');
      expect(notFound.status).toBe(404);
    });

    it('POST /v1/reports: invalid numbers and dates get clear errors', async ({ skip: skipTest }) => {
      if (skip) skipTest();
      const badNumber = await call(s.url, 'POST', '/v1/reports', {
        number: 'hello',
        direction: 'they-called',
      });
      expect([400, 422]).toContain(badNumber.status);
      expect((badNumber.body as { pointer: string }).pointer).toBe('/number');
      const future = await call(s.url, 'POST', '/v1/reports', {
        number: '+12025550150',
        direction: 'they-called',
        occurredAt: '2999-01-01T00:00:00Z',
      });
      expect(future.status).toBe(400);
      expect((future.body as { pointer: string }).pointer).toBe('/occurredAt');
    });

    it('reports from distinct reporters raise the reputation; not-scam votes count once', async ({
      skip: skipTest,
    }) => {
      if (skip) skipTest();
      const number = '+12025550177';
      let id = '';
      for (const n of [10, 11, 12]) {
        const res = await call(
          s.url,
          'POST',
          '/v1/reports',
          { number, direction: 'they-called' },
          reporter(n),
        );
        expect(res.status).toBe(201);
        id = (res.body as { id: string }).id;
      }
      const vote = await call(s.url, 'POST', `/v1/reports/${id}/not-scam`, undefined, reporter(20));
      expect(vote.status).toBe(200);
      expect(vote.body).toMatchObject({ number, counted: true });
      const again = await call(s.url, 'POST', `/v1/reports/${id}/not-scam`, undefined, reporter(20));
      expect(again.body).toMatchObject({ counted: false });
      const rep = (vote.body as { reputation: { reporters: number; notScam: number } }).reputation;
      expect(rep.reporters).toBe(3);
      expect(rep.notScam).toBe(1);
    });

    it('one network is one reporter however many reporter keys it sends (reports and not-scam votes)', async ({
      skip: skipTest,
    }) => {
      if (skip) skipTest();
      const number = '+12025550178';
      let id = '';
      // Five keys from one /24: before, five "people", enough for confirmed-scam.
      for (let k = 0; k < 5; k++) {
        const res = await call(
          s.url,
          'POST',
          '/v1/reports',
          { number, direction: 'they-called' },
          { 'x-reporter-key': `rotating-reporter-key-${k}`, 'x-forwarded-for': `198.51.100.${k + 1}` },
        );
        expect(res.status).toBe(201);
        id = (res.body as { id: string }).id;
      }
      const rep = (await call(s.url, 'GET', `/v1/numbers/${number}`)).body as {
        reputation: { reporters: number; reports: number; level: string };
      };
      expect(rep.reputation).toMatchObject({ reports: 5, reporters: 1, level: 'reported' });
      // The same for votes: rotating keys cannot clear a number either.
      for (let k = 0; k < 3; k++) {
        await call(s.url, 'POST', `/v1/reports/${id}/not-scam`, undefined, {
          'x-reporter-key': `rotating-voter-key-${k}-00`,
          'x-forwarded-for': '192.0.2.10',
        });
      }
      const after = (await call(s.url, 'GET', `/v1/numbers/${number}`)).body as {
        reputation: { notScam: number };
      };
      expect(after.reputation.notScam).toBe(1);
      // A network is the client's: a body cannot name one.
      const named = await call(s.url, 'POST', '/v1/reports', {
        number,
        direction: 'they-called',
        network: 'x',
      });
      expect(named.status).toBe(400);
    });

    it('GET /v1/numbers/{number}: the check plus community reputation, and lookup by SHA-256', async ({
      skip: skipTest,
    }) => {
      if (skip) skipTest();
      const number = '+12025550199';
      for (const n of [40, 41]) {
        await call(
          s.url,
          'POST',
          '/v1/reports',
          { number, direction: 'they-called', claimedOrg: 'Microsoft' },
          reporter(n),
        );
      }
      const res = await call(s.url, 'GET', `/v1/numbers/${encodeURIComponent('(202) 555-0199')}?country=us`);
      expect(res.status).toBe(200);
      const check = res.body as {
        e164: string;
        valid: boolean;
        reputation: { reporters: number; sha256: string };
      };
      expect(check).toMatchObject({ e164: number, valid: true });
      expect(check.reputation.reporters).toBe(2);
      const byHash = await call(s.url, 'GET', `/v1/numbers/${check.reputation.sha256}`);
      expect(byHash.body).toMatchObject({
        sha256: check.reputation.sha256,
        reputation: { number, reporters: 2 },
      });
      const unseen = await call(s.url, 'GET', `/v1/numbers/${'0'.repeat(64)}`);
      expect(unseen.body).toMatchObject({ reputation: null });
      const official = (await call(s.url, 'GET', `/v1/numbers/${encodeURIComponent('1-800-642-7676')}`))
        .body as {
        official: { org: string } | null;
      };
      expect(official.official?.org).toBe('microsoft');
      const invalid = await call(s.url, 'GET', '/v1/numbers/hello');
      expect(invalid.status).toBe(422);
      expect(invalid.body).toMatchObject({ code: 'CG_NUMBER_INVALID', pointer: '{number}' });
      const badCountry = await call(s.url, 'GET', '/v1/numbers/2025550199?country=USA');
      expect(badCountry.body).toMatchObject({ code: 'CG_INPUT_INVALID', pointer: '?country' });
    });

    it('POST /v1/numbers/check: bulk, with an error entry for a bad number', async ({ skip: skipTest }) => {
      if (skip) skipTest();
      const res = await call(s.url, 'POST', '/v1/numbers/check', {
        numbers: ['+12025550199', 'nonsense', '+1 202 555 0123'],
      });
      const results = (
        res.body as {
          results: Array<{ e164?: string; error?: { pointer: string }; reputation?: { number: string } }>;
        }
      ).results;
      expect(results[0]!.e164).toBe('+12025550199');
      expect(results[1]!.error?.pointer).toBe('/numbers/1');
      // Each valid number carries its own reputation, in order, after an error entry too.
      expect(results[0]!.reputation?.number).toBe('+12025550199');
      expect(results[2]).toMatchObject({ e164: '+12025550123', reputation: { number: '+12025550123' } });
    });

    it('POST /v1/urls/check, /v1/emails/check and /v1/scan', async ({ skip: skipTest }) => {
      if (skip) skipTest();
      const url = await call(s.url, 'POST', '/v1/urls/check', {
        url: 'https://microsoft-support-helpline.com/fix',
      });
      expect(url.body).toMatchObject({ verdict: 'lookalike', brand: 'microsoft' });
      const official = await call(s.url, 'POST', '/v1/urls/check', { url: 'https://www.microsoft.com/' });
      expect(official.body).toMatchObject({ verdict: 'official' });
      const email = await call(s.url, 'POST', '/v1/emails/check', {
        email: '"Microsoft Account Team" <alert@m1crosoft-secure.com>',
      });
      expect(email.body).toMatchObject({ verdict: 'impersonation' });
      const badEmail = await call(s.url, 'POST', '/v1/emails/check', { email: 'no address here' });
      expect(badEmail.status).toBe(422);
      expect(badEmail.body).toMatchObject({ code: 'CG_EMAIL_INVALID', pointer: '/email' });
      const scan = await call(s.url, 'POST', '/v1/scan', {
        text: 'WARNING! Your PC is infected. Call Microsoft Support at +1 (202) 555-0199 or visit micros0ft-help.com',
        source: 'popup',
      });
      const found = scan.body as {
        numbers: Array<{ e164: string; reputation?: { reporters: number } }>;
        urls: unknown[];
      };
      expect(found.numbers[0]).toMatchObject({ e164: '+12025550199', reputation: { reporters: 2 } });
      expect(found.urls.length).toBe(1);
    });

    it('GET /v1/stats and GET /v1/blocklist with incremental sync', async ({ skip: skipTest }) => {
      if (skip) skipTest();
      const stats = (await call(s.url, 'GET', '/v1/stats?weeks=4')).body as {
        totals: { reports: number };
        recent: Array<Record<string, unknown> & { occurredAt: string }>;
      };
      expect(stats.totals.reports).toBeGreaterThanOrEqual(4);
      // Recent reports for the community page: newest first, and never the free text, amount or reporter.
      expect(stats.recent.length).toBeGreaterThanOrEqual(4);
      const times = stats.recent.map((r) => r.occurredAt);
      expect(times).toEqual([...times].sort().reverse());
      for (const r of stats.recent) {
        expect(r).toHaveProperty('number');
        for (const hidden of [
          'text',
          'amountLost',
          'currency',
          'region',
          'redactions',
          'reporterKey',
          'hidden',
        ])
          expect(r, hidden).not.toHaveProperty(hidden);
      }
      const page = (await call(s.url, 'GET', '/v1/blocklist?minLevel=reported')).body as {
        entries: { number: string }[];
        version: number;
      };
      expect(page.entries.map((e) => e.number)).toContain('+12025550177');
      const later = (await call(s.url, 'GET', `/v1/blocklist?since=${page.version}&minLevel=reported`))
        .body as {
        entries: unknown[];
      };
      expect(later.entries).toEqual([]);
      // One entry a page: following the cursor lists every entry once (the cursor used to be ignored,
      // so a page after the first repeated it and the rest were never seen).
      const paged: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i <= page.entries.length; i++) {
        const q = `/v1/blocklist?since=0&minLevel=reported&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const p = (await call(s.url, 'GET', q)).body as {
          entries: { number: string }[];
          more: boolean;
          cursor?: string;
        };
        paged.push(...p.entries.map((e) => e.number));
        if (!p.more) break;
        cursor = p.cursor;
      }
      expect(paged.length).toBeGreaterThan(1);
      expect(new Set(paged).size).toBe(paged.length);
      expect(paged).toContain('+12025550177');
      const badCursor = await call(s.url, 'GET', '/v1/blocklist?since=0&cursor=zzz');
      expect(badCursor.status).toBe(400);
      expect((badCursor.body as { pointer: string }).pointer).toBe('?cursor');
      // A cursor pasted into a URL without encoding its "+" still works.
      const first = (await call(s.url, 'GET', '/v1/blocklist?since=0&minLevel=reported&limit=1')).body as {
        cursor: string;
      };
      const raw = await call(
        s.url,
        'GET',
        `/v1/blocklist?since=0&minLevel=reported&limit=1&cursor=${first.cursor}`,
      );
      expect(raw.status).toBe(200);
      expect((raw.body as { entries: { number: string }[] }).entries[0]?.number).toBe(paged[1]);
      const byTime = await call(s.url, 'GET', '/v1/blocklist?since=2000-01-01T00:00:00Z');
      expect(byTime.status).toBe(200);
      const bad = await call(s.url, 'GET', '/v1/blocklist?since=yesterday');
      expect(bad.status).toBe(400);
      expect((bad.body as { pointer: string }).pointer).toBe('?since');
    });

    it('admin: hide and restore a report; import an FTC CSV upload', async ({ skip: skipTest }) => {
      if (skip) skipTest();
      const created = await call(
        s.url,
        'POST',
        '/v1/reports',
        { number: '+12025550188', direction: 'they-called' },
        reporter(30),
      );
      const id = (created.body as { id: string }).id;
      const hidden = await call(s.url, 'POST', `/v1/admin/reports/${id}/hide`, { reason: 'spam' }, admin);
      expect(hidden.status).toBe(200);
      expect((hidden.body as { hidden: boolean }).hidden).toBe(true);
      expect((await call(s.url, 'GET', `/v1/reports/${id}`)).status).toBe(404);
      expect((await call(s.url, 'GET', `/v1/admin/reports/${id}`, undefined, admin)).status).toBe(200);
      const restored = await call(s.url, 'POST', `/v1/admin/reports/${id}/restore`, undefined, admin);
      expect((restored.body as { hidden: boolean }).hidden).toBe(false);

      const upload = (n: string) =>
        call(s.url, 'POST', `/v1/admin/imports/ftc-dnc?name=${n}`, FTC_CSV, {
          ...admin,
          'content-type': 'text/csv',
        });
      const imported = await upload('dnc-test.csv');
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ rows: 3, imported: 2, malformed: 1, alreadyImported: false });
      expect((await upload('dnc-test.csv')).body).toMatchObject({ alreadyImported: true });
      const json = await call(s.url, 'POST', '/v1/admin/imports/ftc-dnc', { x: 1 }, admin);
      expect(json.status).toBe(415);
      expect((json.body as { howToFix: string }).howToFix).toContain('text/csv');
      // Errors name the upload, never the server's temporary file.
      for (const body of ['', 'not,an,ftc\nfile,at,all\n']) {
        const bad = await call(s.url, 'POST', '/v1/admin/imports/ftc-dnc?name=mine.csv', body, {
          ...admin,
          'content-type': 'text/csv',
        });
        expect(bad.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
        expect(bad.status, JSON.stringify(body)).toBeLessThan(500);
        expect(bad.text, JSON.stringify(body)).not.toMatch(/callguard-upload-|\/tmp\/|upload\.csv"/);
      }
    });
  });
}

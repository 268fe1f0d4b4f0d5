/**
 * The one behaviour suite every store backend must pass (SQLite and PostgreSQL run the same tests).
 * Each test gets a fresh, empty database from makeStore.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CallGuardError } from '../../src/errors/catalogue.js';
import type { Knowledge, OpenStoreOptions, Store } from '../../src/store/index.js';
import { numberHash } from '../../src/store/index.js';

/** The real FTC sample (test/fixtures/ftc-dnc, see its README). */
export const FTC_FILE = fileURLToPath(
  new URL('../fixtures/ftc-dnc/dnc_complaint_numbers_2021-07-07.csv', import.meta.url),
);
export type MakeStore = (opts?: Pick<OpenStoreOptions, 'now' | 'knowledge'>) => Promise<Store>;

const DAY = 86_400_000;
const NOW = new Date('2026-11-25T12:00:00.000Z');
const SCAM = '+12025550143';
const OTHER = '+12025550178';

/** A stable fake clock the tests can move. */
function clock(start = NOW) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

const key = (n: number | string) => `reporter-key-${String(n).padStart(8, '0')}`;

function report(over: Record<string, unknown> = {}) {
  return {
    number: '(202) 555-0143',
    country: 'US',
    direction: 'they-called',
    occurredAt: '2026-11-24T15:30:00Z',
    claimedOrg: 'Microsoft',
    tactics: ['CLAIMS_DEVICE_INFECTED', 'REMOTE_ACCESS_REQUEST'],
    askedFor: ['remote-access', 'gift-cards'],
    reporterKey: key(1),
    ...over,
  };
}

async function expectError(p: Promise<unknown>, code: string, pointer?: string): Promise<CallGuardError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CallGuardError);
  const cg = err as CallGuardError;
  expect(cg.code).toBe(code);
  if (pointer !== undefined) expect(cg.pointer).toBe(pointer);
  return cg;
}

async function count(
  store: Store,
  table: 'reports' | 'report_items' | 'feed_entries' | 'number_reputation' | 'not_scam_votes',
) {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`store contract: ${name}`, () => {
    const open: Store[] = [];
    const dirs: string[] = [];
    const make: MakeStore = async (opts) => {
      const s = await makeStore(opts);
      open.push(s);
      return s;
    };
    const tempDir = () => {
      const d = mkdtempSync(join(tmpdir(), 'cg-store-test-'));
      dirs.push(d);
      return d;
    };
    afterEach(async () => {
      while (open.length) await open.pop()!.close();
    });
    afterAll(() => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    describe('reports', () => {
      it('stores a report with the number in E.164, text redacted and the reporter key only hashed', async () => {
        const store = await make({ now: clock().now });
        const { report: r, created } = await store.reports.create(
          report({
            text: 'He said my card 4111 1111 1111 1111 was hacked; my password is hunter2 and code 483920.',
          }),
        );
        expect(created).toBe(true);
        expect(r.number).toBe(SCAM);
        expect(r.brand).toBe('microsoft');
        expect(r.tactics).toEqual(['CLAIMS_DEVICE_INFECTED', 'REMOTE_ACCESS_REQUEST']);
        expect(r.askedFor).toEqual(['gift-cards', 'remote-access']);
        expect(r.text).toBe(
          'He said my card [card number removed] was hacked; my password is [password removed] and code [code removed].',
        );
        expect(r.redactions.map((x) => x.kind).sort()).toEqual(['card-number', 'one-time-code', 'password']);
        const raw = await store.db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
        expect(JSON.stringify(raw)).not.toContain(key(1));
        // Ids and hashes are random hex and may hold "4111" by chance (CI once failed so); check them by shape.
        const { id, reporter_hash, body_hash, ...rest } = raw;
        expect(JSON.stringify(rest)).not.toMatch(/4111|hunter2|483920/);
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
        expect(reporter_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(body_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(await store.reports.get(r.id)).toEqual(r);
      });

      it('redacts secrets typed into claimedOrg and region (claimedOrg is shown publicly)', async () => {
        const store = await make({ now: clock().now });
        const { report: r } = await store.reports.create(
          report({ claimedOrg: 'Microsoft card 4111 1111 1111 1111', region: 'password is hunter2' }),
        );
        expect(r.claimedOrg).toBe('Microsoft card [card number removed]');
        expect(r.brand).toBe('microsoft');
        expect(r.region).toBe('password is [password removed]');
        const raw = await store.db.selectFrom('reports').selectAll().executeTakeFirstOrThrow();
        expect(JSON.stringify([raw.claimed_org, raw.region])).not.toMatch(/4111|hunter2/);
      });

      it('refuses bad input with a clear error and writes nothing', async () => {
        const store = await make({ now: clock().now });
        await expectError(store.reports.create(report({ number: '12' })), 'CG_NUMBER_INVALID', '/number');
        await expectError(
          store.reports.create(report({ number: '555-0143', country: undefined })),
          'CG_NUMBER_INVALID',
        );
        await expectError(
          store.reports.create(report({ occurredAt: '2026-12-01T00:00:00Z' })),
          'CG_INPUT_INVALID',
          '/occurredAt',
        );
        await expectError(
          store.reports.create(report({ amountLost: -5, currency: 'USD' })),
          'CG_INPUT_INVALID',
          '/amountLost',
        );
        await expectError(
          store.reports.create(report({ amountLost: 50, currency: 'XYZ' })),
          'CG_INPUT_INVALID',
          '/currency',
        );
        await expectError(store.reports.create(report({ amountLost: 50 })), 'CG_INPUT_INVALID', '/currency');
        await expectError(
          store.reports.create(report({ text: 'x'.repeat(1024 * 1024) })),
          'CG_INPUT_TOO_LARGE',
          '/text',
        );
        await expectError(
          store.reports.create(report({ tactics: ['MADE_UP'] })),
          'CG_INPUT_INVALID',
          '/tactics/0',
        );
        await expectError(
          store.reports.create(report({ direction: 'sideways' })),
          'CG_INPUT_INVALID',
          '/direction',
        );
        await expectError(store.reports.create(report({ surprise: 1 })), 'CG_INPUT_INVALID');
        await expectError(
          store.reports.create(report({ reporterKey: 'short' })),
          'CG_INPUT_INVALID',
          '/reporterKey',
        );
        expect(await count(store, 'reports')).toBe(0);
        expect(await count(store, 'report_items')).toBe(0);
        expect(await count(store, 'number_reputation')).toBe(0);
      });

      it('strips control characters from free text', async () => {
        const store = await make({ now: clock().now });
        const { report: r } = await store.reports.create(report({ text: 'bad\u0000 \u001b[31mred\r\nnext' }));
        expect(r.text).toBe('bad [31mred\nnext');
        // The public one-line field too (claimedOrg is shown in /v1/stats), and a line break is a space.
        const { report: o } = await store.reports.create(
          report({ claimedOrg: 'Micro\u0007soft \u202E3210\nsupport', region: '\u2068Ohio\u2069' }),
        );
        expect(o.claimedOrg).toBe('Microsoft 3210 support');
        expect(o.region).toBe('Ohio');
        // Bidi overrides too: "call \u202E3210 555 888" would show the number reversed.
        const { report: b } = await store.reports.create(
          report({ text: 'call \u202E3210 555 888\u202C now' }),
        );
        expect(b.text).toBe('call 3210 555 888 now');
      });

      it('is idempotent: same key and body gives the same report, a different body conflicts', async () => {
        const store = await make({ now: clock().now });
        const body = report({ idempotencyKey: 'idem-key-0001', amountLost: 300, currency: 'usd' });
        const first = await store.reports.create(body);
        const again = await store.reports.create({ ...body });
        expect(again.created).toBe(false);
        expect(again.report).toEqual(first.report);
        // A retry from another network (Wi-Fi to mobile data) is the same report, not a conflict.
        const moved = await store.reports.create({ ...body, network: '198.51.100.0/24' });
        expect(moved).toMatchObject({ created: false, report: first.report });
        expect(first.report.currency).toBe('USD');
        await expectError(
          store.reports.create({ ...body, amountLost: 301 }),
          'CG_CONFLICT',
          '/idempotencyKey',
        );
        expect(await count(store, 'reports')).toBe(1);
        const rep = await store.reputation.get(SCAM);
        expect(rep.reports).toBe(1);
      });

      it('hides and restores reports (moderation); hidden reports do not count', async () => {
        const store = await make({ now: clock().now });
        const a = await store.reports.create(report({ reporterKey: key(1) }));
        await store.reports.create(report({ reporterKey: key(2) }));
        expect((await store.reputation.get(SCAM)).level).toBe('likely-scam');
        const hidden = await store.reports.hide(a.report.id, { reason: 'spam' });
        expect(hidden.hidden).toBe(true);
        await expectError(store.reports.get(a.report.id), 'CG_NOT_FOUND');
        expect((await store.reports.get(a.report.id, { includeHidden: true })).hidden).toBe(true);
        const rep = await store.reputation.get(SCAM);
        expect(rep).toMatchObject({ reporters: 1, reports: 1, level: 'reported' });
        expect(await store.reports.listForNumber(SCAM)).toHaveLength(1);
        const other = await store.reports.create(report({ reporterKey: key(3), number: OTHER }));
        const recent = await store.reports.listRecent();
        expect(recent.map((r) => r.id)).not.toContain(a.report.id);
        expect(recent.map((r) => r.id)).toContain(other.report.id);
        expect(recent.map((r) => r.occurredAt)).toEqual(
          recent
            .map((r) => r.occurredAt)
            .sort()
            .reverse(),
        );
        await store.reports.restore(a.report.id);
        expect((await store.reputation.get(SCAM)).level).toBe('likely-scam');
        await expectError(store.reports.hide('no-such-id'), 'CG_NOT_FOUND');
      });
    });

    describe('reputation', () => {
      it('is unknown for a number nobody reported', async () => {
        const store = await make({ now: clock().now });
        const rep = await store.reputation.get(OTHER);
        expect(rep).toMatchObject({
          level: 'unknown',
          reporters: 0,
          reports: 0,
          version: 0,
          sha256: numberHash(OTHER),
        });
        await expectError(store.reputation.get('2025550143'), 'CG_NUMBER_INVALID');
      });

      it('looks up many numbers at once, in order, the same as one by one', async () => {
        const store = await make({ now: clock().now });
        await store.reports.create(report({ reporterKey: key(1) }));
        await store.reports.create(report({ reporterKey: key(2) }));
        const list = [OTHER, SCAM, OTHER, SCAM];
        const many = await store.reputation.getMany(list);
        expect(many.map((r) => r.number)).toEqual(list);
        expect(many.map((r) => r.level)).toEqual(['unknown', 'likely-scam', 'unknown', 'likely-scam']);
        for (const [i, n] of list.entries()) expect(many[i]).toEqual(await store.reputation.get(n));
        expect(await store.reputation.getMany([])).toEqual([]);
        await expectError(store.reputation.getMany([SCAM, '2025550143']), 'CG_NUMBER_INVALID', '/numbers/1');
        await expectError(
          store.reputation.getMany(Array.from({ length: 10_001 }, () => SCAM)),
          'CG_INPUT_INVALID',
          '/numbers',
        );
      });

      it('one reporter alone never goes past "reported", however often they report', async () => {
        const store = await make({ now: clock().now });
        for (let i = 0; i < 10; i++) await store.reports.create(report({ reporterKey: key(1) }));
        const rep = await store.reputation.get(SCAM);
        expect(rep).toMatchObject({ level: 'reported', reporters: 1, reports: 10 });
        expect(rep.score).toBeLessThanOrEqual(1);
      });

      it('counts one network as one reporter, whatever keys it uses; reports without one count by key', async () => {
        const store = await make({ now: clock().now });
        for (let i = 1; i <= 5; i++) {
          await store.reports.create(
            report({ reporterKey: key(i), network: '198.51.100.0/24', tactics: ['REMOTE_ACCESS_REQUEST'] }),
          );
        }
        let rep = await store.reputation.get(SCAM);
        expect(rep).toMatchObject({ level: 'reported', reporters: 1, reports: 5 });
        expect(rep.topTactics[0]).toEqual({ id: 'REMOTE_ACCESS_REQUEST', reporters: 1 });
        await store.reports.create(report({ reporterKey: key(6), network: '203.0.113.0/24' }));
        await store.reports.create(report({ reporterKey: key(7) })); // no network: its key
        rep = await store.reputation.get(SCAM);
        expect(rep).toMatchObject({ level: 'likely-scam', reporters: 3, reports: 7 });
        for (let i = 10; i < 13; i++)
          await store.reports.notScam({ number: SCAM, reporterKey: key(i), network: '192.0.2.0/24' });
        expect((await store.reputation.get(SCAM)).notScam).toBe(1);
      });

      it('climbs to likely-scam with two reporters and confirmed-scam with five', async () => {
        const store = await make({ now: clock().now });
        await store.reports.create(report({ reporterKey: key(1) }));
        await store.reports.create(
          report({ reporterKey: key(2), claimedOrg: 'MS support', tactics: ['REMOTE_ACCESS_REQUEST'] }),
        );
        let rep = await store.reputation.get(SCAM);
        expect(rep.level).toBe('likely-scam');
        expect(rep.topTactics[0]).toEqual({ id: 'REMOTE_ACCESS_REQUEST', reporters: 2 });
        for (let i = 3; i <= 5; i++) await store.reports.create(report({ reporterKey: key(i) }));
        rep = await store.reputation.get(SCAM);
        expect(rep).toMatchObject({ level: 'confirmed-scam', reporters: 5, reports: 5 });
        expect(rep.topBrands[0]).toEqual({ brand: 'microsoft', reporters: 5 });
        expect(rep.firstSeen).toBe('2026-11-24T15:30:00.000Z');
        expect((await store.reputation.lookup('202-555-0143', { country: 'US' })).level).toBe(
          'confirmed-scam',
        );
        expect((await store.reputation.getByHash(numberHash(SCAM)))?.number).toBe(SCAM);
        expect(await store.reputation.getByHash(numberHash(OTHER))).toBeNull();
        await expectError(store.reputation.getByHash('abc'), 'CG_INPUT_INVALID');
      });

      it('"not a scam" votes from distinct people pull the score down; one person counts once', async () => {
        const store = await make({ now: clock().now });
        const a = await store.reports.create(report({ reporterKey: key(1) }));
        await store.reports.create(report({ reporterKey: key(2) }));
        expect((await store.reputation.get(SCAM)).level).toBe('likely-scam');
        const v1 = await store.reports.notScam({ reportId: a.report.id, reporterKey: key(10) });
        expect(v1).toMatchObject({ number: SCAM, counted: true });
        expect(v1.reputation.level).toBe('reported');
        const again = await store.reports.notScam({ number: SCAM, reporterKey: key(10) });
        expect(again.counted).toBe(false);
        const v2 = await store.reports.notScam({ number: '+1 202 555 0143', reporterKey: key(11) });
        expect(v2.reputation).toMatchObject({ notScam: 2, level: 'unknown' });
        expect(v2.reputation.score).toBeLessThanOrEqual(0);
        await expectError(store.reports.notScam({ reportId: 'nope', reporterKey: key(12) }), 'CG_NOT_FOUND');
      });

      it('decays with time (half-life 90 days)', async () => {
        const c = clock();
        const store = await make({ now: c.now });
        await store.reports.create(report({ reporterKey: key(1), occurredAt: c.now().toISOString() }));
        await store.reports.create(report({ reporterKey: key(2), occurredAt: c.now().toISOString() }));
        expect((await store.reputation.get(SCAM)).score).toBeCloseTo(2, 3);
        c.advance(90 * DAY);
        const rep = await store.reputation.get(SCAM);
        expect(rep.score).toBeCloseTo(1, 3);
        expect(rep.level).toBe('reported');
      });

      it("never lists an organisation's official number as a scam: it is spoofed", async () => {
        const knowledge: Knowledge = {
          official: (n) => (n === SCAM ? { org: 'microsoft', name: 'Microsoft', channel: 'support' } : null),
          brand: (t) => (/microsoft|\bms\b/i.test(t) ? 'microsoft' : null),
        };
        const store = await make({ now: clock().now, knowledge });
        for (let i = 1; i <= 6; i++) await store.reports.create(report({ reporterKey: key(i) }));
        const rep = await store.reputation.get(SCAM);
        expect(rep).toMatchObject({ level: 'unknown', reporters: 6, official: { org: 'microsoft' } });
        const list = await store.blocklist.export({ minLevel: 'reported' });
        expect(list.entries.map((e) => e.number)).not.toContain(SCAM);
      });
    });

    describe('blocklist and sync', () => {
      it('exports numbers at or above a level, and the changes since a version', async () => {
        const store = await make({ now: clock().now });
        await store.reports.create(report({ reporterKey: key(1) }));
        await store.reports.create(report({ reporterKey: key(2) }));
        await store.reports.create(report({ number: OTHER, reporterKey: key(3) }));
        const full = await store.blocklist.export({ minLevel: 'likely-scam' });
        expect(full.entries.map((e) => [e.number, e.level, e.action])).toEqual([
          [SCAM, 'likely-scam', 'add'],
        ]);
        expect(full.more).toBe(false);
        const reported = await store.blocklist.export({ minLevel: 'reported' });
        expect(reported.entries.map((e) => e.number).sort()).toEqual([SCAM, OTHER].sort());

        const v = full.version > reported.version ? full.version : reported.version;
        expect((await store.blocklist.export({ since: v })).entries).toEqual([]);
        await store.reports.notScam({ number: SCAM, reporterKey: key(20) });
        const delta = await store.blocklist.export({ since: v, minLevel: 'likely-scam' });
        expect(delta.entries).toHaveLength(1);
        expect(delta.entries[0]).toMatchObject({ number: SCAM, action: 'remove', level: 'reported' });
        expect(delta.version).toBeGreaterThan(v);
        const byTime = await store.blocklist.export({
          sinceTime: '2000-01-01T00:00:00Z',
          minLevel: 'reported',
        });
        expect(byTime.entries).toHaveLength(2);
      });

      it('pages with a cursor without skipping numbers', async () => {
        const store = await make({ now: clock().now });
        for (let i = 0; i < 5; i++) {
          await store.reports.create(report({ number: `+1202555010${i}`, reporterKey: key(i) }));
        }
        const seen: string[] = [];
        let page = await store.blocklist.export({ minLevel: 'reported', limit: 2 });
        seen.push(...page.entries.map((e) => e.number));
        while (page.more) {
          page = await store.blocklist.export({ minLevel: 'reported', limit: 2, cursor: page.cursor! });
          seen.push(...page.entries.map((e) => e.number));
        }
        expect(seen.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `+1202555010${i}`));
        await expectError(store.blocklist.export({ cursor: 'garbage' }), 'CG_INPUT_INVALID');
      });
    });

    describe('stats', () => {
      it('counts top numbers, tactics, brands and payment methods per ISO week', async () => {
        const store = await make({ now: clock().now });
        await store.reports.create(
          report({ reporterKey: key(1), given: ['gift-cards'], amountLost: 500, currency: 'USD' }),
        );
        await store.reports.create(report({ reporterKey: key(2), askedFor: ['card'], given: ['card'] }));
        await store.reports.create(
          report({
            number: OTHER,
            reporterKey: key(3),
            occurredAt: '2026-11-10T10:00:00Z',
            claimedOrg: 'IRS',
            tactics: [],
          }),
        );
        const s = await store.stats.weekly({ weeks: 4 });
        expect(s.weeks.map((w) => [w.week, w.reports])).toEqual([
          ['2026-W48', 2],
          ['2026-W46', 1],
        ]);
        const w48 = s.weeks[0]!;
        expect(w48.topNumbers[0]).toEqual({ number: SCAM, reports: 2, reporters: 2 });
        expect(w48.topTactics.map((t) => t.id)).toEqual(['CLAIMS_DEVICE_INFECTED', 'REMOTE_ACCESS_REQUEST']);
        expect(w48.topBrands).toEqual([{ brand: 'microsoft', reports: 2 }]);
        expect(w48.topPaymentMethods).toEqual([
          { method: 'card', reports: 1 },
          { method: 'gift-cards', reports: 1 },
        ]);
        expect(w48.amountLost).toEqual([{ currency: 'USD', total: 500 }]);
        expect(s.weeks[1]!.topBrands).toEqual([{ brand: 'irs', reports: 1 }]);
        expect(s.totals).toMatchObject({ reports: 3, numbers: 2 });
      });
    });

    describe('public feeds', () => {
      it('imports the FTC DNC CSV: categories, malformed rows by line, weak signals counted apart', async () => {
        const store = await make({ now: clock().now });
        const res = await store.feeds.importFtcDnc({ path: FTC_FILE });
        expect(res.alreadyImported).toBe(false);
        expect(res.rows).toBe(14034);
        expect(res.malformed).toBeGreaterThan(0);
        expect(res.imported + res.duplicates + res.malformed).toBe(14034);
        expect(res.malformedLines[0]).toEqual({ line: 5, reason: 'not a 10-digit US number' });
        expect(await count(store, 'feed_entries')).toBe(res.imported);
        const sample = await store.db
          .selectFrom('feed_entries')
          .select(['number', 'category', 'occurred_at'])
          .where('category', '=', 'tech-support')
          .limit(1)
          .executeTakeFirstOrThrow();
        const rep = await store.reputation.get(sample.number);
        expect(rep).toMatchObject({ level: 'reported', reporters: 0 });
        expect(rep.feeds.reports).toBeGreaterThanOrEqual(1);
        const summary = await store.feeds.summary(sample.number);
        expect(summary[0]!.source).toBe('ftc-dnc');
        expect(summary[0]!.categories.map((c) => c.category)).toContain('tech-support');
        // 4703352559 is the first row: "No Subject Provided".
        expect((await store.feeds.summary('+14703352559'))[0]!.categories[0]!.category).toBe('unspecified');
      });

      it('is idempotent: the same file twice, or a file of rows already seen, changes nothing', async () => {
        const store = await make({ now: clock().now });
        const first = await store.feeds.importFtcDnc({ path: FTC_FILE });
        const entries = await count(store, 'feed_entries');
        const snapshot = await store.db
          .selectFrom('number_reputation')
          .selectAll()
          .orderBy('number')
          .execute();
        const again = await store.feeds.importFtcDnc({ path: FTC_FILE });
        expect(again).toMatchObject({ alreadyImported: true, imported: 0, rows: first.rows });
        // A different file holding some of the same rows: those rows are duplicates.
        const dir = tempDir();
        const partial = join(dir, 'partial.csv');
        const lines = (await import('node:fs')).readFileSync(FTC_FILE, 'utf8').split('\r\n');
        writeFileSync(partial, lines.slice(0, 200).join('\r\n') + '\r\n');
        const overlap = await store.feeds.importFtcDnc({ path: partial });
        expect(overlap).toMatchObject({ alreadyImported: false, imported: 0 });
        expect(overlap.duplicates).toBe(199 - overlap.malformed);
        expect(await count(store, 'feed_entries')).toBe(entries);
        const after = await store.db.selectFrom('number_reputation').selectAll().orderBy('number').execute();
        expect(after.map((r) => [r.number, r.feed_reports])).toEqual(
          snapshot.map((r) => [r.number, r.feed_reports]),
        );
      });

      it('imports the same file sent several times at once exactly once, answering the others "already imported"', async () => {
        const store = await make({ now: clock().now });
        const results = await Promise.all([0, 1, 2].map(() => store.feeds.importFtcDnc({ path: FTC_FILE })));
        expect(results.filter((r) => !r.alreadyImported)).toHaveLength(1);
        const first = results.find((r) => !r.alreadyImported)!;
        for (const r of results.filter((x) => x.alreadyImported))
          expect(r).toMatchObject({ imported: 0, rows: first.rows });
        expect(await count(store, 'feed_entries')).toBe(first.imported);
      });

      it('rejects a file that is not the FTC format and leaves nothing behind', async () => {
        const store = await make({ now: clock().now });
        const dir = tempDir();
        const bad = join(dir, 'bad.csv');
        writeFileSync(bad, 'a,b,c\n1,2,3\n');
        await expectError(store.feeds.importFtcDnc({ path: bad }), 'CG_INPUT_INVALID', 'line 1');
        await expectError(store.feeds.importFtcDnc({ path: join(dir, 'missing.csv') }), 'CG_FILE_UNREADABLE');
        expect(await count(store, 'feed_entries')).toBe(0);
        const imports = await store.db.selectFrom('feed_imports').selectAll().execute();
        expect(imports).toEqual([]);
      });

      it('imports a generic CSV or JSON number list under a source name', async () => {
        const store = await make({ now: clock().now });
        const dir = tempDir();
        const csv = join(dir, 'list.csv');
        writeFileSync(
          csv,
          'phone,category\n+1 202 555 0143,tech-support\n"(202) 555-0178",refund\nnot-a-number,x\n',
        );
        const r1 = await store.feeds.importList({ path: csv }, { source: 'partner-list', country: 'US' });
        expect(r1).toMatchObject({ rows: 3, imported: 2, malformed: 1, numbers: 2 });
        expect(r1.malformedLines).toEqual([{ line: 4, reason: 'not a valid phone number' }]);
        const json = join(dir, 'list.json');
        writeFileSync(
          json,
          JSON.stringify(['+12025550143', { number: '+12025550199', category: 'refund' }, 42]),
        );
        const r2 = await store.feeds.importList({ path: json }, { source: 'partner-list' });
        expect(r2).toMatchObject({ rows: 3, imported: 2, malformed: 1 });
        const rep = await store.reputation.get(SCAM);
        expect(rep).toMatchObject({ level: 'reported', reporters: 0 });
        expect(rep.feeds.reports).toBe(2);
        await expectError(
          store.feeds.importList({ path: csv }, { source: 'Bad Name!' }),
          'CG_OPTION_VALUE_INVALID',
        );
        const copy = join(dir, 'copy.csv');
        copyFileSync(csv, copy);
        expect(
          (await store.feeds.importList({ path: copy }, { source: 'partner-list', country: 'US' }))
            .alreadyImported,
        ).toBe(true);
      });

      it('keeps community reports and feed rows apart in the same number', async () => {
        const store = await make({ now: clock().now });
        const dir = tempDir();
        const csv = join(dir, 'list.csv');
        writeFileSync(csv, 'number\n+12025550143\n');
        await store.feeds.importList({ path: csv }, { source: 'x' });
        await store.reports.create(report({ reporterKey: key(1) }));
        await store.reports.create(report({ reporterKey: key(2) }));
        const rep = await store.reputation.get(SCAM);
        expect(rep).toMatchObject({ level: 'likely-scam', reporters: 2, reports: 2, feeds: { reports: 1 } });
      });
    });
  });
}

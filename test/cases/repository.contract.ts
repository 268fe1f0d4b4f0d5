/** One contract for the case repository, run on SQLite and on PostgreSQL. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { CallGuardError } from '../../src/errors/catalogue.js';
import { fixtureInput } from './support.js';

export function runCaseRepositoryContract(name: string, open: () => Promise<Store>): void {
  describe(`case repository: ${name}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('stores a case and gives back exactly what was validated', async () => {
      store = await open();
      const created = await store.cases.create(fixtureInput('phantom-hacker-us'));
      const got = await store.cases.get(created.id);
      expect(got).toEqual(created);
      expect(got.items).toHaveLength(13);
      expect(got.id).toMatch(/^[0-9a-f]{32}$/);
    });

    it('redacts card numbers, passwords and codes in free text before storing', async () => {
      store = await open();
      const c = await store.cases.create({
        summary: 'I read them my card 4111 1111 1111 1111 and password is hunter2',
        items: [
          {
            kind: 'call',
            at: '2020-01-01T10:00:00Z',
            direction: 'incoming',
            transcript:
              'Agent: This is Microsoft, your computer has a virus. Install AnyDesk and read me the code 483920\nMe: my SSN is 078-05-1120',
          },
        ],
      });
      const got = await store.cases.get(c.id);
      const all = JSON.stringify(got);
      for (const secret of ['4111 1111 1111 1111', 'hunter2', '483920', '078-05-1120'])
        expect(all).not.toContain(secret);
      expect(got.summary).toContain('[card number removed]');
      // The engine assessed the call before redaction; only verdict, risk, summary and flag ids are kept.
      const call = got.items[0]!;
      expect(call.kind === 'call' && call.assessment?.flags).toEqual(
        expect.arrayContaining(['CLAIMS_DEVICE_INFECTED', 'REMOTE_ACCESS_REQUEST']),
      );
    });

    it('redacts secrets typed into one-line fields too, keeping evidence identifiers whole', async () => {
      store = await open();
      const typed = 'card 4111 1111 1111 1111 ssn 078-05-1120 password is hunter2 code 483920';
      const c = await store.cases.create({
        title: typed,
        items: [
          {
            kind: 'call',
            at: '2020-01-01T10:00:00Z',
            direction: 'incoming',
            claimedOrg: 'Microsoft',
            callerName: typed,
            assessment: { verdict: 'scam', summary: typed, flags: [typed.slice(0, 80)] },
          },
          { kind: 'message', channel: 'email', subject: typed, sender: typed },
          { kind: 'remote-session', tool: 'AnyDesk', codeGiven: true, device: typed },
          { kind: 'disclosure', what: 'password', accounts: [typed], institution: typed },
          {
            kind: 'payment',
            at: '2020-01-02',
            method: 'gift-card',
            amount: 500,
            currency: 'USD',
            reference: typed,
            recipientName: typed,
            // The gift card number is what the issuer needs to freeze the balance: kept.
            giftCards: [{ brand: typed, number: '6006491234567890' }],
          },
        ],
      });
      await store.cases.addItems(c.id, [
        { kind: 'payment', at: '2020-01-03', method: 'wire', amount: 1, currency: 'USD', fromBank: typed },
      ]);
      const all = JSON.stringify(await store.cases.get(c.id));
      for (const secret of ['4111 1111 1111 1111', '078-05-1120', 'hunter2', '483920'])
        expect(all).not.toContain(secret);
      expect(all).toContain('6006491234567890');
    });

    it('appends items in order and keeps ids unique', async () => {
      store = await open();
      const c = await store.cases.create({ country: 'GB' });
      await store.cases.addItems(c.id, [{ kind: 'remote-session', tool: 'AnyDesk', codeGiven: true }]);
      const next = await store.cases.addItems(c.id, [
        { kind: 'payment', at: '2020-01-02', method: 'gift-card', amount: 100, currency: 'GBP' },
        { kind: 'disclosure', what: 'card', last4: '4242' },
      ]);
      const got = await store.cases.get(c.id);
      expect(got.items.map((i) => i.kind)).toEqual(['remote-session', 'payment', 'disclosure']);
      expect(got).toEqual(next);
    });

    it('keeps the item cap and unique item ids when additions to one case run at once', async () => {
      store = await open();
      const s = store;
      const c = await s.cases.create({});
      const same = { kind: 'disclosure', id: 'aaaaaaaaaaaaaaaa', what: 'password' };
      const dup = await Promise.allSettled([0, 1, 2].map(() => s.cases.addItems(c.id, [same])));
      expect(dup.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of dup.filter((x) => x.status === 'rejected'))
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CG_CASE_INVALID' });

      const many = Array.from({ length: 200 }, () => ({ kind: 'disclosure', what: 'card' }));
      const capped = await Promise.allSettled(Array.from({ length: 6 }, () => s.cases.addItems(c.id, many)));
      for (const r of capped.filter((x) => x.status === 'rejected'))
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'CG_INPUT_TOO_LARGE' });
      const got = await s.cases.get(c.id);
      expect(got.items.length).toBeLessThanOrEqual(1000);
      expect(got.items).toHaveLength(1 + 200 * capped.filter((r) => r.status === 'fulfilled').length);
      expect(new Set(got.items.map((i) => i.id)).size).toBe(got.items.length);
    });

    it('refuses bad items with a pointer, and stores nothing of them', async () => {
      store = await open();
      const c = await store.cases.create({});
      const err = await store.cases
        .addItems(c.id, [{ kind: 'disclosure', what: 'card', last4: '4111111111111111' }])
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CallGuardError);
      expect((err as CallGuardError).code).toBe('CG_CASE_SENSITIVE_DATA');
      expect((await store.cases.get(c.id)).items).toHaveLength(0);
    });

    it('deletes a case and every item for good', async () => {
      store = await open();
      const a = await store.cases.create(fixtureInput('tech-support-uk'));
      const b = await store.cases.create(fixtureInput('refund-au'));
      await store.cases.delete(a.id);
      await expect(store.cases.get(a.id)).rejects.toMatchObject({ code: 'CG_CASE_NOT_FOUND' });
      await expect(store.cases.delete(a.id)).rejects.toMatchObject({ code: 'CG_CASE_NOT_FOUND' });
      const db = store.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
      const left = await db.selectFrom('case_items').select('case_id').where('case_id', '=', a.id).execute();
      expect(left).toHaveLength(0);
      expect((await store.cases.get(b.id)).items).toHaveLength(6);
    });

    it('answers the same for a malformed and an unknown id', async () => {
      store = await open();
      for (const id of ['nope', '0'.repeat(32), "'; DROP TABLE cases; --"]) {
        await expect(store.cases.get(id)).rejects.toMatchObject({ code: 'CG_CASE_NOT_FOUND' });
        await expect(store.cases.addItems(id, [])).rejects.toMatchObject({ code: 'CG_CASE_NOT_FOUND' });
      }
    });
  });
}

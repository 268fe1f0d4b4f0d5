/** The /v1/cases routes against a real listener over SQLite (the repository suite covers PostgreSQL). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from '../server/support/server.js';
import { REPORT_IDS } from '../../src/cases/index.js';
import { fixtureInput } from './support.js';

const SECRET_NOTE = 'PRIVATE-NOTE-do-not-log-4471';

describe('/v1/cases', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s?.close());

  it('creates, reads, extends, reports, exports and deletes a case', async () => {
    const created = await call(s.url, 'POST', '/v1/cases', fixtureInput('phantom-hacker-us'));
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const id = (created.body as { id: string }).id;
    expect(id).toMatch(/^[0-9a-f]{32}$/);

    const added = await call(s.url, 'POST', `/v1/cases/${id}/items`, {
      items: [
        {
          kind: 'call',
          at: '2026-11-21T09:00:00Z',
          direction: 'incoming',
          claimedOrg: 'FTC',
          notes: SECRET_NOTE,
        },
      ],
    });
    expect(added.status).toBe(200);
    expect((added.body as { items: unknown[] }).items).toHaveLength(14);

    const got = await call(s.url, 'GET', `/v1/cases/${id}`);
    expect(got.body).toEqual(added.body);

    for (const report of REPORT_IDS) {
      const r = await call(s.url, 'GET', `/v1/cases/${id}/reports/${report}`);
      expect(r.status).toBe(200);
      const body = r.body as { id: string; url: string; fields: unknown[]; text: string };
      expect(body.id).toBe(report);
      expect(body.text).toContain(body.url);
    }
    const ic3 = (await call(s.url, 'GET', `/v1/cases/${id}/reports/ic3`)).body as { text: string };
    expect(ic3.text).toContain(
      'Transaction ID / hash: 0000000000000000000example0transaction0hash000000000000000000001',
    );
    const list = (await call(s.url, 'GET', `/v1/cases/${id}/reports`)).body as {
      reports: { id: string; applies: boolean }[];
    };
    expect(list.reports.filter((r) => r.applies).map((r) => r.id)).toEqual([
      'ftc',
      'ic3',
      'microsoft',
      'dnc',
      '7726',
    ]);

    const plan = (await call(s.url, 'GET', `/v1/cases/${id}/recovery-plan`)).body as {
      steps: { id: string }[];
    };
    expect(plan.steps[0]!.id).toBe('disconnect');
    expect(plan.steps.at(-1)!.id).toBe('recovery-scam-warning');

    const html = await call(s.url, 'GET', `/v1/cases/${id}/export?format=html`);
    expect(html.contentType).toMatch(/^text\/html/);
    expect(html.headers.get('content-disposition')).toBe(`attachment; filename="callguard-case-${id}.html"`);
    expect(html.text).toMatch(/^<!doctype html>/);
    const md = await call(s.url, 'GET', `/v1/cases/${id}/export?format=md`);
    expect(md.contentType).toMatch(/^text\/markdown/);
    expect(md.text).toContain('| USD | 26,000 | 0 | 40,000 | 3 |');
    const json = await call(s.url, 'GET', `/v1/cases/${id}/export?format=json`);
    expect((json.body as { format: string }).format).toBe('callguard-case-evidence');
    expect((await call(s.url, 'GET', `/v1/cases/${id}/export?format=pdf`)).status).toBe(400);

    expect((await call(s.url, 'DELETE', `/v1/cases/${id}`)).status).toBe(204);
    const gone = await call(s.url, 'GET', `/v1/cases/${id}`);
    expect(gone.status).toBe(404);
    expect((gone.body as { code: string }).code).toBe('CG_CASE_NOT_FOUND');
    expect((await call(s.url, 'GET', `/v1/cases/${id}/reports/ftc`)).status).toBe(404);

    // Neither the case's text nor its id reaches the logs.
    const logs = s.logs.join('\n');
    expect(logs).not.toContain(SECRET_NOTE);
    expect(logs).not.toContain(id);
    expect(logs).not.toContain('Pat Example');
  });

  it('refuses secrets and invalid items with problem+json and a pointer', async () => {
    const secret = await call(s.url, 'POST', '/v1/cases', {
      items: [{ kind: 'disclosure', what: 'card', last4: '4111 1111 1111 1111' }],
    });
    expect(secret.status).toBe(422);
    expect(secret.contentType).toMatch(/problem\+json/);
    expect(secret.body).toMatchObject({ code: 'CG_CASE_SENSITIVE_DATA', pointer: '/items/0/last4' });

    const future = await call(s.url, 'POST', '/v1/cases', {
      items: [{ kind: 'payment', at: '2999-01-01', method: 'wire', amount: 5, currency: 'USD' }],
    });
    expect(future.body).toMatchObject({ code: 'CG_CASE_INVALID', pointer: '/items/0/at' });

    const created = await call(s.url, 'POST', '/v1/cases', { country: 'GB' });
    const id = (created.body as { id: string }).id;
    const bad = await call(s.url, 'POST', `/v1/cases/${id}/items`, { items: [] });
    expect(bad.body).toMatchObject({ code: 'CG_CASE_INVALID', pointer: '/items' });
    const neg = await call(s.url, 'POST', `/v1/cases/${id}/items`, {
      items: [{ kind: 'payment', at: '2020-01-01', method: 'wire', amount: -5, currency: 'USD' }],
    });
    expect(neg.body).toMatchObject({ code: 'CG_CASE_INVALID', pointer: '/items/0/amount' });
  });

  it('answers 404 the same way for unknown and malformed ids', async () => {
    for (const id of ['0'.repeat(32), 'not-an-id', 'A'.repeat(32), 'a'.repeat(65), 'b'.repeat(299)]) {
      const r = await call(s.url, 'GET', `/v1/cases/${id}`);
      expect(r.status).toBe(404);
      expect((r.body as { code: string }).code).toBe('CG_CASE_NOT_FOUND');
    }
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await call(s.url, 'GET', '/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/cases',
        '/v1/cases/{id}',
        '/v1/cases/{id}/reports/{report}',
        '/v1/cases/{id}/export',
      ]),
    );
  });
});

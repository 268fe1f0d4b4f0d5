/** `callguard case …` end to end, in-process with fake streams, over a temporary SQLite file. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';

const dir = mkdtempSync(join(tmpdir(), 'cg-case-cli-'));
const db = join(dir, 'cases.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], input = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const stdin = new PassThrough();
  stdin.end(input);
  const ctx: CliContext = { stdout, stderr, stdin, env: {}, cwd: dir };
  const code = await main(['case', ...args, '--db', db], ctx);
  return { code, out, err };
}

describe('callguard case', () => {
  it('opens a case, adds items, shows it, reports, exports and deletes it', async () => {
    const fixture = new URL('./fixtures/phantom-hacker-us.json', import.meta.url);
    const created = await run(['new', fixture.pathname, '--json']);
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    const id = (JSON.parse(created.out) as { id: string }).id;
    expect(id).toMatch(/^[0-9a-f]{32}$/);

    const added = await run(
      ['add', id, '-'],
      JSON.stringify([{ kind: 'disclosure', what: 'card', institution: 'Chase', last4: '7788' }]),
    );
    expect(added).toMatchObject({ code: 0, out: 'Added 1 item(s); the case now has 14.\n' });

    const shown = await run(['show', id]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('Pattern: Phantom Hacker (all three stages)');
    expect(shown.out).toContain('26,000 USD paid; 40,000 USD asked');
    expect(shown.out).toContain('2026-11-18 09:12 (UTC-06:00)  [Fake tech support] Pop-up warning');
    expect(shown.out).toContain('[Now (minutes matter)] Call the gift card company now');
    expect(shown.out).toContain('Reports to file: ftc, ic3, microsoft, dnc, 7726');

    const ic3 = await run(['report', id, '--to', 'ic3']);
    expect(ic3.out.split('\n').slice(0, 2)).toEqual([
      'FBI Internet Crime Complaint Center (IC3) complaint',
      'https://www.ic3.gov/',
    ]);
    expect(ic3.out).toContain('Recipient cryptocurrency address: bc1qexampleexampleexampleexampleexample0');

    const all = await run(['report', id, '--to', 'all', '--json']);
    expect((JSON.parse(all.out) as { reports: { id: string }[] }).reports.map((r) => r.id)).toEqual([
      'ftc',
      'ic3',
      'microsoft',
      'dnc',
      '7726',
    ]);

    const out = join(dir, 'pack.html');
    const exported = await run(['export', id, '--format', 'html', '--out', out]);
    expect(exported.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const md = await run(['export', id, '--format', 'md']);
    expect(md.out).toContain('## Timeline');

    expect((await run(['delete', id])).code).toBe(2);
    expect((await run(['delete', id, '--yes'])).out).toBe(`Case ${id} deleted for good.\n`);
    const gone = await run(['show', id]);
    expect(gone.code).toBe(2);
    expect(gone.err).toContain('CG_CASE_NOT_FOUND');
  });

  it('explains bad input in one line, with the field', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        items: [{ kind: 'payment', at: '2020-01-01', method: 'wire', amount: -1, currency: 'USD' }],
      }),
    );
    const neg = await run(['new', bad]);
    expect(neg.code).toBe(2);
    expect(neg.err).toMatch(/^callguard: "amount" must not be negative\. \(at \/items\/0\/amount\)/);

    const secret = await run(
      ['new', '-'],
      JSON.stringify({ items: [{ kind: 'disclosure', what: 'ssn', ssn: '078-05-1120' }] }),
    );
    expect(secret.err).toContain('CG_CASE_SENSITIVE_DATA');
    expect(secret.err).not.toContain('078-05-1120');

    expect((await run(['report', '0'.repeat(32), '--to', 'fbi'])).err).toContain('--to must be one of');
    expect((await run(['export', '0'.repeat(32)])).err).toContain('--format is required');
    const notJson = (await run(['new', '-'], '{not json')).err;
    expect(notJson).toContain('CG_JSON_MALFORMED');
    expect(notJson).toContain('standard input is not valid JSON: at column 2, this is not a JSON value');
    const opened = await run(['new', '--country', 'gb', '--title', 'Call about my broadband']);
    expect(opened.out).toMatch(/^Case opened: [0-9a-f]{32}\n/);
  });
  it('says a case file must be a JSON object when given an array or a string', async () => {
    for (const [name, text] of [
      ['list.json', '[{"kind":"call"}]'],
      ['text.json', '"hello"'],
    ] as const) {
      writeFileSync(join(dir, name), text);
      const res = await run(['new', join(dir, name), '--country', 'GB']);
      expect(res.code).not.toBe(0);
      expect(res.out).toBe('');
      expect(res.err).toMatch(/expected object, received (array|string)/);
      expect(res.err).not.toMatch(/Unknown field|\n\s+at /);
    }
  });
});

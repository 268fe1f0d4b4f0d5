import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], stdin = ''): Promise<Run> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const ctx: CliContext = { stdout: out, stderr: err, stdin: Readable.from([stdin]), env: {}, cwd: tmp };
  const code = await main(argv, ctx);
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'cg-claims-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('callguard number', () => {
  it('JSON has the documented shape', async () => {
    const r = await run(['number', '1-800-MICROSOFT', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      input: '1-800-MICROSOFT',
      e164: '+18006427676',
      valid: true,
      type: 'toll-free',
      country: 'US',
      official: { org: 'microsoft', channel: 'support' },
      verdict: 'official',
    });
    expect(Array.isArray(j.reasons)).toBe(true);
  });

  it('text output names the red flag of a pop-up number', async () => {
    const r = await run([
      'number',
      '1 - { 8 8 8 } - ( 8 3 9 ) - 0199',
      '--source',
      'popup',
      '--org',
      'Microsoft',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^SUSPICIOUS/);
    expect(r.stdout).toMatch(/never include a phone number/);
    expect(r.stdout).not.toContain('\u001b['); // no colour when not a TTY
  });

  it('--country and UK numbers', async () => {
    const r = await run(['number', '020 7946 0018', '--country', 'GB', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ e164: '+442079460018', country: 'GB', type: 'fixed-line' });
  });

  it('--batch: one JSON line per input, an error object for a bad line, processing goes on', async () => {
    const r = await run([
      'number',
      '--batch',
      file('numbers.txt', '1-800-642-7676\nnot a number\n\n+44 20 7946 0018\r\n'),
    ]);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].official.org).toBe('microsoft');
    expect(lines[1]).toMatchObject({ input: 'not a number', line: 2, error: { code: 'CG_NUMBER_INVALID' } });
    expect(lines[2].e164).toBe('+442079460018');
    expect(r.stderr).toMatch(/1 of 3 lines/);
  });

  it('--db adds the community reputation from the store', async () => {
    const db = join(tmp, 'reputation.db');
    const r = await run(['number', '1-888-839-0199', '--db', db, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).reputation).toMatchObject({
      number: '+18888390199',
      reports: 0,
      level: 'unknown',
    });
    const text = await run(['number', '1-888-839-0199', '--db', db]);
    expect(text.stdout).toMatch(/Community reputation: unknown, 0 report\(s\)/);
  });

  it('--batch from standard input', async () => {
    const r = await run(['number', '--batch', '-'], '1-800-772-1213\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).official.org).toBe('ssa');
  });

  it.each([
    [['number'], /Give a phone number/],
    [['number', 'hello'], /no phone number/],
    [['number', '123', '--source', 'bogus'], /--source must be one of/],
    [['number', '8006427676', '--country', 'ZZ'], /two-letter country code/],
    [['number', '123', '--format', 'xml'], /--format must be one of text, json/],
    [['number', '--batch', '/nonexistent/file.txt'], /no such file/],
    [['number', '8006427676', '--bogus'], /Unknown option/],
  ])('%j fails clearly', async (argv, msg) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });
});

describe('callguard url', () => {
  it('JSON has the documented shape', async () => {
    const r = await run(['url', 'microsoft.com.help-desk.xyz', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      input: 'microsoft.com.help-desk.xyz',
      host: 'microsoft.com.help-desk.xyz',
      registrableDomain: 'help-desk.xyz',
      verdict: 'lookalike',
      brand: 'microsoft',
    });
  });

  it('text says user content is not proof', async () => {
    const r = await run(['url', 'https://forms.office.com/r/AbC']);
    expect(r.stdout).toMatch(/USER CONTENT ON AN OFFICIAL DOMAIN \(not proof\)/);
  });

  it('--batch with a bad line and a 10 KB line', async () => {
    const long = 'https://example.com/' + 'a'.repeat(10_240);
    const r = await run([
      'url',
      '--batch',
      file('urls.txt', `https://support.microsoft.com/\nhttp://exa mple.com\n${long}\n`),
    ]);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.verdict ?? l.error.code)).toEqual(['official', 'CG_URL_INVALID', 'unknown']);
    expect(r.code).toBe(1);
  });

  it('an invalid address exits 2 with the catalogue message', async () => {
    const r = await run(['url', 'http://a\u0001b.com']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/control character.*\[CG_URL_INVALID\]/s);
  });
});

describe('callguard email', () => {
  it('a From value', async () => {
    const r = await run([
      'email',
      '"Microsoft Account Team" <alert@m1crosoft-secure.com>',
      '--format',
      'json',
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({
      address: 'alert@m1crosoft-secure.com',
      displayName: 'Microsoft Account Team',
      verdict: 'impersonation',
      brand: 'microsoft',
    });
  });

  it('a header file', async () => {
    const headers = file(
      'headers.txt',
      'Authentication-Results: mx.example.net; spf=fail; dkim=none; dmarc=fail header.from=paypal.com\nFrom: PayPal <service@paypal.com>\nReply-To: refunds.paypal@gmail.com\n\nbody',
    );
    const r = await run(['email', headers, '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      input: headers,
      verdict: 'impersonation',
      replyTo: 'refunds.paypal@gmail.com',
      auth: { dmarc: 'fail' },
    });
  });

  it('headers from standard input', async () => {
    const r = await run(['email', '-'], 'From: "Amazon" <amazon.help@outlook.com>\n');
    expect(r.stdout).toMatch(/^IMPERSONATION/);
  });

  it('--batch', async () => {
    const r = await run(['email', '--batch', file('emails.txt', 'auto-confirm@amazon.com\nnope\n')]);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].verdict).toBe('official');
    expect(lines[1].error.code).toBe('CG_EMAIL_INVALID');
  });
});

describe('callguard scan', () => {
  const popup =
    'WINDOWS DEFENDER ALERT. Call 1 - { 8 8 8 } - ( 8 3 9 ) - 0 1 9 9 or visit hxxps://micros0ft-alert[.]support. Mail helpdesk@microsoft-support-team.com';

  it('JSON lists every number, address and email with its check', async () => {
    const r = await run(['scan', file('popup.txt', popup), '--source', 'popup', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.numbers.map((n: { e164: string }) => n.e164)).toEqual(['+18888390199']);
    expect(j.urls[0]).toMatchObject({ registrableDomain: 'micros0ft-alert.support', verdict: 'lookalike' });
    expect(j.emails[0]).toMatchObject({
      address: 'helpdesk@microsoft-support-team.com',
      verdict: 'lookalike',
    });
  });

  it('reads standard input and renders text', async () => {
    const r = await run(['scan', '-'], popup);
    expect(r.stdout).toMatch(/Phone numbers \(1\)/);
    expect(r.stdout).toMatch(/Web addresses \(1\)/);
  });

  it('a binary file is refused clearly', async () => {
    const r = await run(['scan', file('bin.dat', 'ab\u0000cd')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/binary/);
  });
});

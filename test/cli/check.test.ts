/**
 * `callguard check` end to end: in-process through main(argv, ctx) with fake streams, and a couple
 * of runs of the built binary (bin/callguard.js after `npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';

const dir = mkdtempSync(join(tmpdir(), 'cg-check-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const SCAM = file(
  'scam.txt',
  [
    'Agent: Hello, this is David from the Microsoft Windows technical department.',
    'Me: Oh?',
    'Agent: Your computer is infected. Go to anydesk.com and download it so I can fix it.',
    'Agent: The repair is 199 dollars, paid with Google Play gift cards.',
  ].join('\n'),
);

async function run(
  argv: string[],
  opts: { stdin?: string | Buffer; tty?: boolean; stdinTty?: boolean } = {},
) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const stdin = Readable.from(
    opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)],
  ) as CliContext['stdin'];
  if (opts.stdinTty) stdin.isTTY = true;
  const stdoutStream = Object.assign(out, { isTTY: opts.tty ?? false });
  const ctx: CliContext = { stdout: stdoutStream, stderr: err, stdin, env: {}, cwd: dir };
  const code = await main(['check', ...argv], ctx);
  return { code, stdout, stderr };
}

describe('callguard check', () => {
  it('prints a readable verdict without colour when not on a terminal', async () => {
    const r = await run([SCAM, '--initiated-by', 'them']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^SCAM {2}\(risk (?:\d+%|over 99%)\)/);
    expect(r.stdout).toContain('Asks for remote access to your device');
    expect(r.stdout).toContain('What to do now');
    expect(r.stdout).toContain('https://www.microsoft.com/reportascam');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('uses colour on a terminal', async () => {
    const r = await run([SCAM], { tty: true });
    expect(r.stdout).toContain('\u001b[1;31mSCAM');
  });

  it('prints the Assessment as JSON', async () => {
    const r = await run([SCAM, '--format', 'json', '--org', 'MS', '--caller-id', 'failed']);
    const a = JSON.parse(r.stdout) as { verdict: string; org: { id: string }; redFlags: { id: string }[] };
    expect(a.verdict).toBe('scam');
    expect(a.org.id).toBe('microsoft');
    expect(a.redFlags.map((f) => f.id)).toContain('CALLER_ID_UNVERIFIED_OR_SPOOFED');
  });

  it('reads standard input with "-"', async () => {
    const r = await run(['-', '--format', 'json'], { stdin: 'Caller: read me the code we just texted you' });
    expect(JSON.parse(r.stdout).redFlags.map((f: { id: string }) => f.id)).toContain('CREDENTIAL_REQUEST');
  });

  it('assesses facts alone when no transcript is given on a terminal', async () => {
    const r = await run(['--org', 'Microsoft', '--initiated-by', 'them', '--format', 'json'], {
      stdinTty: true,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).redFlags.map((f: { id: string }) => f.id)).toContain(
      'UNSOLICITED_TECH_SUPPORT_CALL',
    );
  });

  it('says how to verify even when nothing looks wrong', async () => {
    const r = await run([
      file('ok.txt', 'Caller: Hi, your prescription is ready for pickup at the pharmacy.'),
    ]);
    expect(r.stdout).toMatch(/^LOW RISK/);
    expect(r.stdout).toMatch(/call .* back on a number you look up yourself/);
  });

  it.each([
    [
      ['--initiated-by', 'someone'],
      /--initiated-by must be one of them, me, unknown/,
      'CG_OPTION_VALUE_INVALID',
    ],
    [['--format', 'xml'], /--format must be one of text, json/, 'CG_OPTION_VALUE_INVALID'],
    [['--colour'], /Unknown option/, 'CG_UNKNOWN_OPTION'],
    [[join(dir, 'missing.txt')], /no such file/, 'CG_FILE_UNREADABLE'],
    [[dir], /not a regular file/, 'CG_FILE_UNREADABLE'],
  ])('rejects %j with a clear message', async (argv, message, code) => {
    const r = await run(argv as string[], { stdinTty: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(code);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('rejects an empty transcript, a binary file and a 50 MB file', async () => {
    const empty = await run([file('empty.txt', '  \n\n')]);
    expect(empty.stderr).toContain('CG_TRANSCRIPT_EMPTY');
    const binary = await run([file('bin.dat', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))]);
    expect(binary.stderr).toContain('CG_INPUT_BINARY');
    const big = file('big.txt', '');
    truncateSync(big, 50 * 1024 * 1024); // sparse: the size check refuses it before reading
    const large = await run([big]);
    expect(large.stderr).toContain('CG_INPUT_TOO_LARGE');
    for (const r of [empty, binary, large]) expect(r.code).toBe(2);
  });
});

describe('callguard check --batch', () => {
  it('writes one line per input and keeps going after a bad line', async () => {
    const lines = [
      JSON.stringify({
        id: 'a',
        text: 'Caller: install anydesk and buy gift cards now',
        facts: { initiatedBy: 'them' },
      }),
      '{"id": "b", "text": ',
      JSON.stringify({
        id: 'c',
        turns: [{ speaker: 'caller', text: 'Your table for two is booked at seven.' }],
      }),
      '',
      JSON.stringify({ id: 'd', text: 'hello', facts: { initiatedBy: 'sometimes' } }),
      JSON.stringify({ id: 'e', turns: [{ speaker: 'caller', text: '   ' }] }),
      JSON.stringify({
        id: 'f',
        transcript: 'Agent: read me the code we sent you',
        facts: { claimedOrg: null },
      }),
    ];
    const r = await run(['--batch', file('batch.jsonl', lines.join('\n') + '\n')]);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'c', 'd', 'e', 'f']);
    expect(out[0].verdict).not.toBe('low-risk');
    expect(out[0].redFlags).toContain('REMOTE_ACCESS_REQUEST');
    expect(out[1].error).toMatchObject({ code: 'CG_JSON_MALFORMED', line: 2 });
    // Where and why, without quoting the line (the parser's own message would).
    expect(out[1].error.message).toBe(
      'Line 2 is not valid JSON: at the end (the text stops too early), a value is missing here (a stray comma, or nothing after a colon?).',
    );
    expect(out[2]).toMatchObject({ verdict: 'low-risk', redFlags: [] });
    expect(out[3].error).toMatchObject({ code: 'CG_INPUT_INVALID', line: 5 });
    expect(out[3].error.message).toContain('initiatedBy');
    expect(out[4].error).toMatchObject({ code: 'CG_TRANSCRIPT_EMPTY', line: 6 });
    expect(out[5].redFlags).toContain('CREDENTIAL_REQUEST');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('3 of 6 lines could not be assessed');
  });

  it('reads the dataset format (turns with caller/callee speakers)', async () => {
    const line = JSON.stringify({
      id: 'ncsu-x',
      source: 'ncsu-robocall',
      label: 'scam',
      turns: [
        {
          speaker: 'caller',
          text: 'Your social security number has been suspended. Press 1 to speak to an officer.',
        },
      ],
      text: 'ignored when turns are present',
    });
    const r = await run(['--batch', file('one.jsonl', line)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      id: 'ncsu-x',
      redFlags: expect.arrayContaining(['PRESS_KEY_PROMPT']),
    });
  });

  it('refuses a binary batch file and options that do not apply', async () => {
    expect((await run(['--batch', file('b.bin', Buffer.from([0, 1, 2, 3]))])).stderr).toContain(
      'CG_INPUT_BINARY',
    );
    expect((await run(['--batch', file('x.jsonl', '{}'), '--org', 'MS'])).stderr).toContain('do not apply');
  });
});

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(join(root, 'dist/cli/commands/check.js'));
if (!built)
  console.warn('test/cli/check.test.ts: dist/ is not built; run `npm run build` to test bin/callguard.js');

describe.skipIf(!built && process.env.CI !== 'true')('bin/callguard.js check', () => {
  it('assesses a file and exits 0', () => {
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin/callguard.js'), 'check', SCAM, '--format', 'json'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).verdict).toBe('scam');
  });

  it('exits non-zero with one clear line on bad input', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/callguard.js'), 'check', join(dir, 'nope.txt')], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^callguard: Cannot read .*nope\.txt": no such file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('streams a batch from standard input', () => {
    const input = [1, 2, 3]
      .map((i) => JSON.stringify({ id: `s${i}`, text: 'Caller: buy bitcoin at the atm now' }))
      .join('\n');
    const r = spawnSync(process.execPath, [join(root, 'bin/callguard.js'), 'check', '--batch', '-'], {
      input,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { certFileName } from '../../src/stir/index.js';
import { makePki, privateKeyPem } from './pki.js';

const X5U = 'https://cr.example.invalid/709J.pem';
let dir: string;
let files: { key: string; root: string; certDir: string; rsaKey: string };

beforeAll(async () => {
  const pki = await makePki();
  dir = await mkdtemp(join(tmpdir(), 'cg-stir-cli-'));
  files = {
    key: join(dir, 'sp-key.pem'),
    root: join(dir, 'root.pem'),
    certDir: join(dir, 'certs'),
    rsaKey: join(dir, 'rsa.pem'),
  };
  await mkdir(files.certDir);
  await writeFile(files.key, await privateKeyPem(pki.sp.keys.privateKey));
  await writeFile(files.root, pki.root.pem);
  await writeFile(join(files.certDir, certFileName(X5U)), pki.chainPem);
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  await writeFile(files.rsaKey, rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const ctx: CliContext = { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: dir };
  const code = await main(argv, ctx);
  return { code, out, err };
}

async function signed(extra: string[] = []): Promise<string> {
  const r = await run([
    'stir',
    'sign',
    '--key',
    files.key,
    '--x5u',
    X5U,
    '--attest',
    'A',
    '--orig',
    '+1 202 555 0100',
    '--dest',
    '+12025550143',
    ...extra,
  ]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return r.out.trim();
}

describe('callguard stir (end to end)', () => {
  it('signs, then verifies offline with --cert-dir and --trust', async () => {
    const identity = await signed();
    expect(identity).toMatch(
      /^[\w-]+\.[\w-]+\.[\w-]+;info=<https:\/\/cr\.example\.invalid\/709J\.pem>;alg=ES256;ppt=shaken$/,
    );
    const r = await run([
      'stir',
      'verify',
      '--identity',
      identity,
      '--from',
      'tel:+12025550100',
      '--to',
      '2025550143',
      '--date',
      new Date().toUTCString(),
      '--cert-dir',
      files.certDir,
      '--trust',
      files.root,
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as Record<string, unknown>;
    expect(result).toMatchObject({
      verstat: 'TN-Validation-Passed',
      attest: 'A',
      sipResponse: null,
      callerIdVerification: 'passed',
      signer: { spc: ['709J'], source: 'cert-dir' },
    });
  });

  it('verifies an INVITE file and prints text', async () => {
    const identity = await signed();
    const invite = join(dir, 'invite.sip');
    await writeFile(
      invite,
      [
        'INVITE sip:+12025550143@example.net;user=phone SIP/2.0',
        'f: <sip:+12025550199@example.net;user=phone>;tag=1',
        't: <sip:+12025550143@example.net;user=phone>',
        `Date: ${new Date().toUTCString()}`,
        `y: ${identity}`,
        '',
        '',
      ].join('\r\n'),
    );
    const r = await run([
      'stir',
      'verify',
      '--invite',
      invite,
      '--cert-dir',
      files.certDir,
      '--trust',
      files.root,
      '--format',
      'text',
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^TN-Validation-Failed \(attestation A\): caller ID failed/);
    expect(r.out).toContain('SIP response: 438 Invalid Identity Header');
    expect(r.out).toContain('ORIG_TN_MISMATCH');
    expect(r.out).toContain('not that the caller is honest');
  });

  it('explains in text that attestation C does not vouch for the number', async () => {
    const r0 = await run([
      'stir',
      'sign',
      '--key',
      files.key,
      '--x5u',
      X5U,
      '--attest',
      'C',
      '--orig',
      '+12025550100',
      '--dest',
      '+12025550143',
    ]);
    const r = await run([
      'stir',
      'verify',
      '--identity',
      r0.out.trim(),
      '--from',
      '+12025550100',
      '--to',
      '+12025550143',
      '--cert-dir',
      files.certDir,
      '--trust',
      files.root,
      '--format',
      'text',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^TN-Validation-Passed \(attestation C\): caller ID not-verified/);
    expect(r.out).toContain('Attestation C: the carrier only knows where the call entered its network.');
  });

  it('uses --iat and --origid when given', async () => {
    const iat = Math.floor(Date.now() / 1000) - 3600;
    const identity = await signed(['--iat', String(iat), '--origid', '123e4567-e89b-42d3-a456-426614174000']);
    const r = await run([
      'stir',
      'verify',
      '--identity',
      identity,
      '--from',
      '+12025550100',
      '--to',
      '+12025550143',
      '--cert-dir',
      files.certDir,
      '--trust',
      files.root,
      '--at',
      new Date(iat * 1000).toISOString(),
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ origid: '123e4567-e89b-42d3-a456-426614174000', iat });
  });

  it('refuses an unreadable key', async () => {
    const r = await run([
      'stir',
      'sign',
      '--key',
      join(dir, 'nope.pem'),
      '--x5u',
      X5U,
      '--attest',
      'A',
      '--orig',
      '1',
      '--dest',
      '2',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('CG_FILE_UNREADABLE');
  });

  it('refuses a key that is not EC P-256', async () => {
    const r = await run([
      'stir',
      'sign',
      '--key',
      files.rsaKey,
      '--x5u',
      X5U,
      '--attest',
      'A',
      '--orig',
      '+12025550100',
      '--dest',
      '+12025550143',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('CG_STIR_KEY_INVALID');
    expect(r.err).toContain('ES256 needs EC P-256');
  });

  it('refuses a file that holds no key', async () => {
    const r = await run([
      'stir',
      'sign',
      '--key',
      files.root,
      '--x5u',
      X5U,
      '--attest',
      'A',
      '--orig',
      '+12025550100',
      '--dest',
      '+12025550143',
    ]);
    expect(r.err).toContain('CG_STIR_KEY_INVALID');
  });

  it('refuses a malformed Identity header with a clear error', async () => {
    const r = await run(['stir', 'verify', '--identity', 'hello;info=<https://x>', '--trust', files.root]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('CG_STIR_IDENTITY_INVALID');
    expect(r.err).toContain('--identity');
  });

  it('refuses a huge Identity header', async () => {
    const r = await run(['stir', 'verify', '--identity', 'a'.repeat(9000), '--trust', files.root]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('CG_INPUT_TOO_LARGE');
  });

  it('requires trust anchors and says so', async () => {
    const r = await run(['stir', 'verify', '--identity', await signed(), '--from', '1', '--to', '2']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--trust');
  });

  it('refuses a --trust file without certificates', async () => {
    const r = await run(['stir', 'verify', '--identity', await signed(), '--trust', files.key]);
    expect(r.err).toContain('CG_STIR_CERT_INVALID');
  });

  it('refuses an unknown --revocation policy', async () => {
    const r = await run([
      'stir',
      'verify',
      '--identity',
      await signed(),
      '--trust',
      files.root,
      '--revocation',
      'maybe',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--revocation must be one of off, soft, hard');
  });

  it.each(['99999999999', '2147483648', '60001'])(
    'refuses --timeout %s, which Node timers cannot hold or which is past the one-minute limit',
    async (timeout) => {
      const r = await run([
        'stir',
        'verify',
        '--identity',
        await signed(),
        '--from',
        '+12025550100',
        '--to',
        '+12025550143',
        '--trust',
        files.root,
        '--timeout',
        timeout,
      ]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(`--timeout must be at most 60000; got ${timeout}`);
    },
  );

  it('maps what a phone shows to the caller-ID fact', async () => {
    expect((await run(['stir', 'status', 'VERIFICATION_STATUS_FAILED'])).out).toBe('failed\n');
    expect((await run(['stir', 'status', 'TN-Validation-Passed'])).out).toBe('passed\n');
    expect((await run(['stir', 'status', 'not verified'])).out).toBe('not-verified\n');
  });
});

import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certFileName, signIdentity } from '../../src/stir/index.js';
import { call, startTestServer, type TestServer } from '../server/support/server.js';
import { makePki } from './pki.js';

const X5U = 'https://cr.example.invalid/709J.pem';
const ORIG = '+12025550100';
const DEST = '+12025550143';
let dir: string;
let pki: Awaited<ReturnType<typeof makePki>>;
let server: TestServer;

beforeAll(async () => {
  pki = await makePki();
  dir = await mkdtemp(join(tmpdir(), 'cg-stir-api-'));
  await mkdir(join(dir, 'certs'));
  await writeFile(join(dir, 'certs', certFileName(X5U)), pki.chainPem);
  await writeFile(join(dir, 'root.pem'), pki.root.pem);
  // The route group reads CALLGUARD_STIR_* when the app is built; vitest forks isolate this file's env.
  process.env.CALLGUARD_STIR_TRUST = join(dir, 'root.pem');
  process.env.CALLGUARD_STIR_CERT_DIR = join(dir, 'certs');
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const sign = (attest: 'A' | 'B' | 'C' = 'A') =>
  signIdentity({ key: pki.sp.keys.privateKey, x5u: X5U, attest, orig: ORIG, dest: DEST });

describe('POST /v1/stir/verify', () => {
  it('verifies an Identity header with the numbers', async () => {
    const res = await call(server.url, 'POST', '/v1/stir/verify', {
      identity: await sign(),
      from: `tel:${ORIG}`,
      to: DEST,
      date: new Date().toUTCString(),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      verstat: 'TN-Validation-Passed',
      attest: 'A',
      sipResponse: null,
      callerIdVerification: 'passed',
      signer: { spc: ['709J'], source: 'cert-dir' },
    });
  });

  it('verifies a whole INVITE and reports a mismatch with its SIP response', async () => {
    const invite = [
      `INVITE sip:${DEST}@example.net;user=phone SIP/2.0`,
      'From: <sip:+12025550999@example.net;user=phone>;tag=1',
      `To: <sip:${DEST}@example.net;user=phone>`,
      `Identity: ${await sign('B')}`,
      '',
      '',
    ].join('\r\n');
    const res = await call(server.url, 'POST', '/v1/stir/verify', { invite });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      verstat: 'TN-Validation-Failed',
      attest: 'B',
      sipResponse: { code: 438, reason: 'Invalid Identity Header' },
      callerIdVerification: 'failed',
      reasons: [{ code: 'ORIG_TN_MISMATCH' }],
    });
  });

  it('answers 428 / No-TN-Validation for an INVITE without Identity', async () => {
    const invite = `INVITE sip:${DEST}@x SIP/2.0\r\nFrom: <tel:${ORIG}>\r\nTo: <tel:${DEST}>\r\n\r\n`;
    const res = await call(server.url, 'POST', '/v1/stir/verify', { invite });
    expect(res.body).toMatchObject({ verstat: 'No-TN-Validation', sipResponse: { code: 428 } });
  });

  it('refuses a body with neither identity nor invite as problem+json', async () => {
    const res = await call(server.url, 'POST', '/v1/stir/verify', { from: ORIG });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
  });

  it('refuses an over-long Identity header', async () => {
    const res = await call(server.url, 'POST', '/v1/stir/verify', {
      identity: 'a'.repeat(9000),
      from: ORIG,
      to: DEST,
    });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await call(server.url, 'GET', '/openapi.json')).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/stir/verify', '/v1/stir/status']));
  });
});

describe('GET /v1/stir/status', () => {
  it('maps what the phone showed to the caller-ID fact', async () => {
    const res = await call(server.url, 'GET', '/v1/stir/status?label=VERIFICATION_STATUS_FAILED');
    expect(res.body).toEqual({ callerIdVerification: 'failed' });
  });
});

describe('without trust anchors', () => {
  it('answers 503 CG_STIR_NOT_CONFIGURED', async () => {
    delete process.env.CALLGUARD_STIR_TRUST;
    const bare = await startTestServer();
    try {
      const res = await call(bare.url, 'POST', '/v1/stir/verify', {
        identity: await sign(),
        from: ORIG,
        to: DEST,
      });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'CG_STIR_NOT_CONFIGURED' });
    } finally {
      await bare.close();
    }
  });
});

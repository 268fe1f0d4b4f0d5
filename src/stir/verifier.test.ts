/**
 * The warm path: what the verifier caches per certificate (chain result, validity window, key,
 * CRL look-ups) must never outlive what it was derived from. Clocks are moved with `now`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeCrl,
  makePki,
  makeSp,
  startX5uServer,
  type Issued,
  type X5uServer,
} from '../../test/stir/pki.js';
import { TrustStore } from './certificates.js';
import { certFileName } from './cert-source.js';
import { signIdentity } from './sign.js';
import type { StirVerification } from './types.js';
import { createStirVerifier, type StirVerifierOptions } from './verifier.js';

const ORIG = '+12025550100';
const DEST = '+12025550143';
const DAY = 86_400_000;

let pki: Awaited<ReturnType<typeof makePki>>;
let server: X5uServer;
let trust: TrustStore;
let tmp: string;
let n = 0;

beforeAll(async () => {
  pki = await makePki();
  server = await startX5uServer();
  trust = await TrustStore.fromPem([pki.root.pem]);
  tmp = await mkdtemp(join(tmpdir(), 'cg-stir-warm-'));
});

afterAll(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A verifier on a clock the test moves, and a call signed at that clock's time. */
function clocked(start: number, extra: Partial<StirVerifierOptions> = {}) {
  const clock = { now: start };
  const verifier = createStirVerifier({
    trust,
    allowPrivateAddresses: true,
    tlsCa: server.tlsCa,
    now: () => new Date(clock.now),
    ...extra,
  });
  const verify = async (sp: Issued, x5u: string): Promise<StirVerification> => {
    const identity = await signIdentity({
      key: sp.keys.privateKey,
      x5u,
      attest: 'A',
      orig: ORIG,
      dest: DEST,
      iat: Math.floor(clock.now / 1000),
    });
    return verifier.verify({ identity, from: ORIG, to: DEST });
  };
  return { clock, verify };
}

/** An x5u in an offline certificate directory; write() replaces the file behind it. */
async function certDir(pem: string) {
  const dir = await mkdtemp(join(tmp, 'dir-'));
  const x5u = `https://cr.example.invalid/${++n}.pem`;
  const write = (text: string) => writeFile(join(dir, certFileName(x5u)), text);
  await write(pem);
  return { dir, x5u, write };
}

const codes = (r: StirVerification) => r.reasons.map((x) => x.code);

describe('warm certificate cache', () => {
  it('fails a cached certificate once it has expired: validity is tested on every call', async () => {
    const t0 = Date.now();
    const sp = await makeSp('Short-lived SP', pki.intermediate, { notAfter: new Date(t0 + 30_000) });
    const { dir, x5u } = await certDir(sp.pem + pki.intermediate.pem);
    const { clock, verify } = clocked(t0, { certDir: dir });
    expect(codes(await verify(sp, x5u))).toEqual(['VERIFIED']);
    clock.now = t0 + 20_000;
    const warm = await verify(sp, x5u);
    expect(codes(warm)).toEqual(['VERIFIED']);
    expect(warm.signer?.source).toBe('memory');
    clock.now = t0 + 31_000;
    const expired = await verify(sp, x5u);
    expect(expired.signer?.source).toBe('memory');
    expect(codes(expired)).toEqual(['CERT_EXPIRED']);
    expect(expired.sipResponse?.code).toBe(437);
    expect(expired.reasons[0]!.message).toContain('Short-lived SP');
  });

  it('fails when an intermediate expires before the SP certificate, from the chain cached by fingerprint', async () => {
    const t0 = Date.now();
    // The intermediate of the test PKI is valid for 365 days; this SP certificate for 400.
    const sp = await makeSp('Long-lived SP', pki.intermediate, { notAfter: new Date(t0 + 400 * DAY) });
    const { dir, x5u } = await certDir(sp.pem + pki.intermediate.pem);
    const { clock, verify } = clocked(t0, { certDir: dir });
    expect(codes(await verify(sp, x5u))).toEqual(['VERIFIED']);
    clock.now = t0 + 366 * DAY; // past the 24 h memory cache too: the file is read again, same certificate
    const late = await verify(sp, x5u);
    expect(late.signer?.source).toBe('cert-dir');
    expect(codes(late)).toEqual(['CERT_EXPIRED']);
    expect(late.reasons[0]!.message).toContain('Test STI-CA Intermediate');
  });

  it('passes a certificate that was not yet valid once its time has come', async () => {
    const t0 = Date.now();
    const sp = await makeSp('Future SP', pki.intermediate, { notBefore: new Date(t0 + 60_000) });
    const { dir, x5u } = await certDir(sp.pem + pki.intermediate.pem);
    const { clock, verify } = clocked(t0, { certDir: dir });
    expect(codes(await verify(sp, x5u))).toEqual(['CERT_NOT_YET_VALID']);
    clock.now = t0 + 61_000;
    expect(codes(await verify(sp, x5u))).toEqual(['VERIFIED']);
  });

  it('uses a different certificate at the same x5u once the cached one is due, with its own chain and key', async () => {
    const t0 = Date.now();
    const a = pki.sp;
    const b = await makeSp('Replacement SP', pki.intermediate);
    const { dir, x5u, write } = await certDir(a.pem + pki.intermediate.pem);
    const { clock, verify } = clocked(t0, { certDir: dir, certTtlSeconds: 60 });
    const first = await verify(a, x5u);
    expect(codes(first)).toEqual(['VERIFIED']);
    await write(b.pem + pki.intermediate.pem);
    clock.now = t0 + 30_000; // still cached: the old certificate answers
    expect(codes(await verify(b, x5u))).toEqual(['SIGNATURE_INVALID']);
    clock.now = t0 + 61_000; // due: the new file is read
    const byOldKey = await verify(a, x5u);
    expect(codes(byOldKey)).toEqual(['SIGNATURE_INVALID']);
    expect(byOldKey.signer?.subject).toContain('Replacement SP');
    const byNewKey = await verify(b, x5u);
    expect(codes(byNewKey)).toEqual(['VERIFIED']);
    expect(byNewKey.signer?.fingerprint).not.toBe(first.signer?.fingerprint);
  });

  it('checks the chain of a replacement certificate rather than reusing the old result', async () => {
    const t0 = Date.now();
    const bare = await makeSp('No TNAuthList SP', pki.intermediate, { tnAuthList: null });
    const { dir, x5u, write } = await certDir(pki.chainPem);
    const { clock, verify } = clocked(t0, { certDir: dir, certTtlSeconds: 60 });
    expect(codes(await verify(pki.sp, x5u))).toEqual(['VERIFIED']);
    await write(bare.pem + pki.intermediate.pem);
    clock.now = t0 + 61_000;
    expect(codes(await verify(bare, x5u))).toEqual(['TNAUTHLIST_MISSING']);
  });

  it('gives the same result warm as cold, apart from where the certificate came from', async () => {
    const t0 = Date.now();
    const { dir, x5u } = await certDir(pki.chainPem);
    const { verify } = clocked(t0, { certDir: dir });
    const identity = await signIdentity({
      key: pki.sp.keys.privateKey,
      x5u,
      attest: 'B',
      orig: ORIG,
      dest: DEST,
      iat: Math.floor(t0 / 1000),
    });
    const v = createStirVerifier({ trust, certDir: dir, now: () => new Date(t0) });
    const cold = await v.verify({ identity, from: ORIG, to: DEST });
    const warm = await v.verify({ identity, from: ORIG, to: DEST });
    expect(cold.signer?.source).toBe('cert-dir');
    expect(warm.signer?.source).toBe('memory');
    expect({ ...warm, signer: { ...warm.signer, source: 'cert-dir' } }).toEqual(cold);
    // The signer lists are the caller's own: changing them does not change the next result.
    warm.signer!.spc.push('XXXX');
    expect((await v.verify({ identity, from: ORIG, to: DEST })).signer?.spc).toEqual(['709J']);
    expect(codes(await verify(pki.sp, x5u))).toEqual(['VERIFIED']);
  });
});

describe('warm revocation (cached CRL)', () => {
  /** An SP certificate whose CRL Distribution Point and x5u are on the test server. */
  async function spWithCrl() {
    const crlPath = `/warm-crl-${++n}.crl`;
    const sp = await makeSp(`Warm CRL SP ${n}`, pki.intermediate, { crlUrl: `${server.origin}${crlPath}` });
    server.files.set(`/warm-sp-${n}.pem`, { body: sp.pem + pki.intermediate.pem });
    return { sp, crlPath, x5u: `${server.origin}/warm-sp-${n}.pem` };
  }

  it('fails a revoked certificate on every call, the CRL fetched once', async () => {
    const { sp, crlPath, x5u } = await spWithCrl();
    server.files.set(crlPath, { body: await makeCrl(pki.intermediate, [sp.cert]) });
    const { verify } = clocked(Date.now());
    expect(codes(await verify(sp, x5u))).toEqual(['CERT_REVOKED']);
    expect(codes(await verify(sp, x5u))).toEqual(['CERT_REVOKED']);
    expect(server.hits.get(crlPath)).toBe(1);
  });

  it('applies a revocation from the cached CRL once its revocation date has passed', async () => {
    const { sp, crlPath, x5u } = await spWithCrl();
    server.files.set(crlPath, { body: await makeCrl(pki.intermediate, [sp.cert]) }); // revoked 60 s ago
    const t0 = Date.now();
    const { clock, verify } = clocked(t0 - 120_000);
    expect(codes(await verify(sp, x5u))).toEqual(['VERIFIED']);
    clock.now = t0;
    expect(codes(await verify(sp, x5u))).toEqual(['CERT_REVOKED']);
    expect(server.hits.get(crlPath)).toBe(1);
  });

  it('fetches the CRL again after its nextUpdate instead of trusting the cached copy', async () => {
    const { sp, crlPath, x5u } = await spWithCrl();
    const t0 = Date.now();
    server.files.set(crlPath, {
      body: await makeCrl(pki.intermediate, [], { nextUpdate: new Date(t0 + 3_600_000) }),
    });
    const { clock, verify } = clocked(t0);
    expect(codes(await verify(sp, x5u))).toEqual(['VERIFIED']);
    clock.now = t0 + 1_800_000;
    expect(codes(await verify(sp, x5u))).toEqual(['VERIFIED']);
    expect(server.hits.get(crlPath)).toBe(1);
    clock.now = t0 + 3_660_000; // the same CRL is now out of date
    expect(codes(await verify(sp, x5u))).toEqual(['VERIFIED', 'CRL_UNAVAILABLE']);
    expect(server.hits.get(crlPath)).toBe(2);
  });

  it('under the hard policy, an unavailable CRL fails warm calls too', async () => {
    const { sp, crlPath, x5u } = await spWithCrl(); // no CRL served: 404, remembered for 60 s
    const t0 = Date.now();
    const { clock, verify } = clocked(t0, { revocation: 'hard' });
    expect(codes(await verify(sp, x5u))).toEqual(['CRL_UNAVAILABLE']);
    clock.now = t0 + 10_000;
    expect(codes(await verify(sp, x5u))).toEqual(['CRL_UNAVAILABLE']);
    expect(server.hits.get(crlPath)).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStirVerifier,
  signIdentity,
  TrustStore,
  type StirVerifierOptions,
} from '../../src/stir/index.js';
import { makeCa, makeCrl, makePki, makeSp, startX5uServer, type Issued, type X5uServer } from './pki.js';

const ORIG = '+12025550100';
const DEST = '+12025550143';
let pki: Awaited<ReturnType<typeof makePki>>;
let server: X5uServer;
let trust: TrustStore;
let n = 0;

beforeAll(async () => {
  pki = await makePki();
  server = await startX5uServer();
  trust = await TrustStore.fromPem([pki.root.pem]);
});

afterAll(async () => {
  await server?.close();
});

function verifier(extra: Partial<StirVerifierOptions> = {}) {
  return createStirVerifier({ trust, allowPrivateAddresses: true, tlsCa: server.tlsCa, ...extra });
}

/** An SP certificate whose CRL Distribution Point is a fresh path on the test server. */
async function spWithCrl(): Promise<{ sp: Issued; crlPath: string; x5u: string }> {
  n++;
  const crlPath = `/crl-${n}.crl`;
  const sp = await makeSp(`CRL SP ${n}`, pki.intermediate, { crlUrl: `${server.origin}${crlPath}` });
  server.files.set(`/sp-${n}.pem`, { body: sp.pem + pki.intermediate.pem });
  return { sp, crlPath, x5u: `${server.origin}/sp-${n}.pem` };
}

async function call(sp: Issued, x5u: string) {
  const identity = await signIdentity({ key: sp.keys.privateKey, x5u, attest: 'A', orig: ORIG, dest: DEST });
  return { identity, from: ORIG, to: DEST, date: new Date() };
}

const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe('revocation (CRL)', () => {
  it('fails a revoked SP certificate with 437', async () => {
    const { sp, crlPath, x5u } = await spWithCrl();
    server.files.set(crlPath, { body: await makeCrl(pki.intermediate, [sp.cert]) });
    const result = await verifier().verify(await call(sp, x5u));
    expect(result.sipResponse).toEqual({ code: 437, reason: 'Unsupported Credential' });
    expect(codes(result)).toEqual(['CERT_REVOKED']);
  });

  it('passes a certificate the CRL does not list, fetching the CRL once', async () => {
    const { sp, crlPath, x5u } = await spWithCrl();
    const other = await makeSp('Other', pki.intermediate);
    server.files.set(crlPath, { body: await makeCrl(pki.intermediate, [other.cert]) });
    const v = verifier();
    expect((await v.verify(await call(sp, x5u))).verstat).toBe('TN-Validation-Passed');
    const again = await v.verify(await call(sp, x5u));
    expect(codes(again)).toEqual(['VERIFIED']);
    expect(server.hits.get(crlPath)).toBe(1);
  });

  it('notes an unavailable CRL under the soft policy and fails under the hard one', async () => {
    const { sp, x5u } = await spWithCrl(); // no CRL served: 404
    const soft = await verifier().verify(await call(sp, x5u));
    expect(soft.verstat).toBe('TN-Validation-Passed');
    expect(codes(soft)).toEqual(['VERIFIED', 'CRL_UNAVAILABLE']);
    const hard = await verifier({ revocation: 'hard' }).verify(await call(sp, x5u));
    expect(hard.sipResponse?.code).toBe(437);
    expect(codes(hard)).toEqual(['CRL_UNAVAILABLE']);
  });

  it('does not believe a CRL signed by someone else', async () => {
    const { sp, crlPath, x5u } = await spWithCrl();
    const impostor = await makeCa('Test STI-CA Intermediate', pki.root); // same name, other key
    server.files.set(crlPath, { body: await makeCrl(impostor, []) });
    const result = await verifier({ revocation: 'hard' }).verify(await call(sp, x5u));
    expect(codes(result)).toEqual(['CRL_UNAVAILABLE']);
    expect(result.reasons[0]!.message).toMatch(/not signed by/);
  });

  it('accepts a CRL from a configured CRL signer (the STI-PA)', async () => {
    const { sp, crlPath, x5u } = await spWithCrl();
    const stiPa = await makeCa('Test STI-PA CRL signer');
    server.files.set(crlPath, { body: await makeCrl(stiPa, [sp.cert]) });
    const result = await verifier({ crlSigners: [stiPa.cert] }).verify(await call(sp, x5u));
    expect(codes(result)).toEqual(['CERT_REVOKED']);
  });

  it('refuses an out-of-date CRL', async () => {
    const { sp, crlPath, x5u } = await spWithCrl();
    server.files.set(crlPath, {
      body: await makeCrl(pki.intermediate, [], { nextUpdate: new Date(Date.now() - 60_000) }),
    });
    const result = await verifier({ revocation: 'hard' }).verify(await call(sp, x5u));
    expect(codes(result)).toEqual(['CRL_UNAVAILABLE']);
    expect(result.reasons[0]!.message).toMatch(/out of date/);
  });

  it('skips the check when revocation is off', async () => {
    const { sp, crlPath, x5u } = await spWithCrl();
    server.files.set(crlPath, { body: await makeCrl(pki.intermediate, [sp.cert]) });
    expect((await verifier({ revocation: 'off' }).verify(await call(sp, x5u))).verstat).toBe(
      'TN-Validation-Passed',
    );
    expect(server.hits.get(crlPath)).toBeUndefined();
  });
});

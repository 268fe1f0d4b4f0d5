import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64url, CompactSign } from 'jose';
import {
  certFileName,
  createStirVerifier,
  signIdentity,
  TrustStore,
  type StirVerifierOptions,
  type VerifyRequest,
} from '../../src/stir/index.js';
import { makeCa, makePki, makeSp, startX5uServer, type Issued, type X5uServer } from './pki.js';

const ORIG = '+12025550100';
const DEST = '+12025550143';

let pki: Awaited<ReturnType<typeof makePki>>;
let server: X5uServer;
let trust: TrustStore;
let tmp: string;

beforeAll(async () => {
  pki = await makePki();
  server = await startX5uServer();
  server.files.set('/sp.pem', { body: pki.chainPem });
  trust = await TrustStore.fromPem([pki.root.pem]);
  tmp = await mkdtemp(join(tmpdir(), 'cg-stir-'));
});

afterAll(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

function verifier(extra: Partial<StirVerifierOptions> = {}) {
  return createStirVerifier({
    trust,
    allowPrivateAddresses: true,
    tlsCa: server.tlsCa,
    fetchTimeoutMs: 2000,
    ...extra,
  });
}

/** Serves `body` at a fresh path and returns its x5u. */
function serve(body: string, headers?: Record<string, string>): string {
  const path = `/c${server.files.size}.pem`;
  server.files.set(path, { body, headers });
  return `${server.origin}${path}`;
}

async function sign(
  opts: {
    sp?: Issued;
    x5u?: string;
    attest?: 'A' | 'B' | 'C';
    orig?: string;
    dest?: string;
    iat?: number;
  } = {},
) {
  return signIdentity({
    key: (opts.sp ?? pki.sp).keys.privateKey,
    x5u: opts.x5u ?? `${server.origin}/sp.pem`,
    attest: opts.attest ?? 'A',
    orig: opts.orig ?? ORIG,
    dest: opts.dest ?? DEST,
    iat: opts.iat,
  });
}

function request(identity: string | string[], extra: Partial<VerifyRequest> = {}): VerifyRequest {
  return {
    identity,
    from: `tel:${ORIG}`,
    to: `<sip:${DEST}@example.net;user=phone>`,
    date: new Date(),
    ...extra,
  };
}

/** A PASSporT with a chosen header/payload and a junk signature, for claim checks that run before crypto. */
function forged(header: Record<string, unknown>, payload: Record<string, unknown>, info: string): string {
  const enc = (o: unknown) => base64url.encode(JSON.stringify(o));
  return `${enc(header)}.${enc(payload)}.${base64url.encode(new Uint8Array(64))};info=<${info}>;alg=ES256;ppt=shaken`;
}

describe('valid calls', () => {
  it.each([
    ['A', 'passed'],
    ['B', 'not-verified'],
    ['C', 'not-verified'],
  ] as const)('attestation %s passes over HTTPS and maps to caller ID %s', async (attest, fact) => {
    const result = await verifier().verify(request(await sign({ attest })));
    expect(result.reasons.map((r) => r.code)).toEqual(['VERIFIED']);
    expect(result).toMatchObject({
      verstat: 'TN-Validation-Passed',
      attest,
      sipResponse: null,
      callerIdVerification: fact,
      orig: '12025550100',
      dest: ['12025550143'],
    });
    expect(result.origid).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.signer).toMatchObject({
      spc: ['709J'],
      issuer: 'CN=Test STI-CA Intermediate',
      source: 'network',
    });
    expect(result.note).toMatch(/not that the caller is honest/);
  });

  it('fetches the certificate once and then serves it from memory', async () => {
    const x5u = serve(pki.chainPem);
    const path = new URL(x5u).pathname;
    const v = verifier();
    const first = await v.verify(request(await sign({ x5u })));
    const second = await v.verify(request(await sign({ x5u })));
    expect(first.signer?.source).toBe('network');
    expect(second.signer?.source).toBe('memory');
    expect(second.verstat).toBe('TN-Validation-Passed');
    expect(server.hits.get(path)).toBe(1);
  });

  it('honours Cache-Control: no-store by fetching again', async () => {
    const x5u = serve(pki.chainPem, { 'cache-control': 'no-store' });
    const v = verifier();
    await v.verify(request(await sign({ x5u })));
    const again = await v.verify(request(await sign({ x5u })));
    expect(again.signer?.source).toBe('network');
    expect(server.hits.get(new URL(x5u).pathname)).toBe(2);
  });

  it('expires the memory cache after max-age', async () => {
    const x5u = serve(pki.chainPem, { 'cache-control': 'public, max-age=60' });
    let now = Date.now();
    const v = verifier({ now: () => new Date(now) });
    const identity = await sign({ x5u, iat: Math.floor(now / 1000) });
    expect((await v.verify(request(identity, { date: new Date(now) }))).signer?.source).toBe('network');
    now += 30_000;
    expect((await v.verify(request(identity, { date: new Date(now) }))).signer?.source).toBe('memory');
    now += 31_000;
    const late = await v.verify(request(identity, { date: new Date(now) }));
    expect(late.reasons.map((r) => r.code)).toContain('IAT_STALE');
    const fresh = await sign({ x5u, iat: Math.floor(now / 1000) });
    expect((await v.verify(request(fresh, { date: new Date(now) }))).signer?.source).toBe('network');
  });

  it('shares one fetch between concurrent verifications of the same x5u', async () => {
    const x5u = serve(pki.chainPem);
    const v = verifier();
    const results = await Promise.all(
      Array.from({ length: 5 }, async () => v.verify(request(await sign({ x5u })))),
    );
    expect(results.every((r) => r.verstat === 'TN-Validation-Passed')).toBe(true);
    expect(server.hits.get(new URL(x5u).pathname)).toBe(1);
  });

  it('remembers a failed fetch for 10 s instead of retrying on every call', async () => {
    const x5u = `${server.origin}/appears-later.pem`;
    let now = Date.now();
    const v = verifier({ now: () => new Date(now) });
    const at = async () => request(await sign({ x5u, iat: Math.floor(now / 1000) }), { date: new Date(now) });
    expect((await v.verify(await at())).reasons[0]?.code).toBe('X5U_HTTP_STATUS');
    server.files.set('/appears-later.pem', { body: pki.chainPem });
    now += 5_000;
    expect((await v.verify(await at())).reasons[0]?.code).toBe('X5U_HTTP_STATUS');
    expect(server.hits.get('/appears-later.pem')).toBe(1);
    now += 6_000;
    expect((await v.verify(await at())).verstat).toBe('TN-Validation-Passed');
    expect(server.hits.get('/appears-later.pem')).toBe(2);
  });

  it('works offline from a certificate directory named by the URL hash', async () => {
    const dir = join(tmp, 'certs-hash');
    await mkdir(dir, { recursive: true });
    const x5u = 'https://cr.example.invalid/709J.pem';
    await writeFile(join(dir, certFileName(x5u)), pki.chainPem);
    const result = await verifier({ certDir: dir, allowPrivateAddresses: false }).verify(
      request(await sign({ x5u })),
    );
    expect(result.verstat).toBe('TN-Validation-Passed');
    expect(result.signer?.source).toBe('cert-dir');
  });

  it('works offline from a certificate directory with index.json', async () => {
    const dir = join(tmp, 'certs-index');
    await mkdir(dir, { recursive: true });
    const x5u = 'https://cr.example.invalid/other.pem';
    await writeFile(join(dir, 'carrier.pem'), pki.chainPem);
    await writeFile(join(dir, 'index.json'), JSON.stringify({ [x5u]: 'carrier.pem' }));
    const result = await verifier({ certDir: dir }).verify(request(await sign({ x5u })));
    expect(result.verstat).toBe('TN-Validation-Passed');
  });

  it('keeps fetched certificates in the disk cache for a later, offline verifier', async () => {
    const cacheDir = join(tmp, 'cache');
    const x5u = serve(pki.chainPem);
    await verifier({ cacheDir }).verify(request(await sign({ x5u })));
    server.files.delete(new URL(x5u).pathname);
    const result = await verifier({ cacheDir }).verify(request(await sign({ x5u })));
    expect(result.verstat).toBe('TN-Validation-Passed');
    expect(result.signer?.source).toBe('disk-cache');
  });

  it('writes a fetched certificate to the disk cache only once a call signed under it verifies', async () => {
    // Anyone can send a call whose x5u points anywhere: caching every fetched file would fill the disk.
    const cacheDir = join(tmp, 'cache-gated');
    const x5u = serve(pki.chainPem);
    const stranger = await makeSp('Stranger', pki.intermediate);
    const v = verifier({ cacheDir });
    const forged = await v.verify(request(await sign({ x5u, sp: stranger })));
    expect(forged.reasons.map((r) => r.code)).toEqual(['SIGNATURE_INVALID']);
    expect(await readdir(cacheDir).catch(() => [])).toEqual([]);
    const junk = serve((await makeCa('Junk CA')).pem);
    await v.verify(request(await sign({ x5u: junk })));
    expect(await readdir(cacheDir).catch(() => [])).toEqual([]);

    const good = await v.verify(request(await sign({ x5u })));
    expect(good.verstat).toBe('TN-Validation-Passed');
    expect((await readdir(cacheDir)).sort()).toEqual([certFileName(x5u), `${certFileName(x5u)}.json`]);
  });

  it('reads everything from an INVITE: folded Identity, compact headers, PAI with an upstream verstat', async () => {
    const identity = await sign();
    const folded = identity.replace(';info=', '\r\n   ;info=');
    const invite = [
      `INVITE sip:${DEST}@example.net;user=phone SIP/2.0`,
      'Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK776',
      `f: "Microsoft Support" <sip:${ORIG}@198.51.100.7;user=phone>;tag=a1`,
      `t: <sip:${DEST}@example.net;user=phone>`,
      `P-Asserted-Identity: <tel:${ORIG};verstat=TN-Validation-Passed>`,
      `Date: ${new Date().toUTCString()}`,
      `Identity: ${folded}`,
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
    const result = await verifier().verify({ invite });
    expect(result.verstat).toBe('TN-Validation-Passed');
    expect(result.upstreamVerstat).toBe('TN-Validation-Passed');
  });

  it('passes when one of several Identity headers is a valid SHAKEN PASSporT', async () => {
    const other = forged(
      { alg: 'ES256', ppt: 'div', typ: 'passport', x5u: 'https://x.invalid/a' },
      {},
      'https://x.invalid/a',
    );
    const result = await verifier().verify(request([other, await sign()]));
    expect(result.verstat).toBe('TN-Validation-Passed');
  });
});

describe('each way verification fails', () => {
  const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

  it('no Identity header: 428, No-TN-Validation', async () => {
    const result = await verifier().verify({ from: ORIG, to: DEST });
    expect(result).toMatchObject({
      verstat: 'No-TN-Validation',
      sipResponse: { code: 428, reason: 'Use Identity Header' },
    });
    expect(result.callerIdVerification).toBe('not-verified');
  });

  it('expired SP certificate: 437', async () => {
    const old = await makeSp('Expired SP', pki.intermediate, {
      notBefore: new Date(Date.now() - 100 * 86_400_000),
      notAfter: new Date(Date.now() - 86_400_000),
    });
    const x5u = serve(old.pem + pki.intermediate.pem);
    const result = await verifier().verify(request(await sign({ sp: old, x5u })));
    expect(result).toMatchObject({ verstat: 'TN-Validation-Failed', sipResponse: { code: 437 } });
    expect(codes(result)).toEqual(['CERT_EXPIRED']);
    expect(result.callerIdVerification).toBe('failed');
  });

  it('signature by another key: 438', async () => {
    const stranger = await makeSp('Stranger', pki.intermediate);
    const result = await verifier().verify(request(await sign({ sp: stranger })));
    expect(result).toMatchObject({ verstat: 'TN-Validation-Failed', sipResponse: { code: 438 } });
    expect(codes(result)).toEqual(['SIGNATURE_INVALID']);
  });

  it('claims altered after signing: 438', async () => {
    const identity = await sign({ attest: 'C' });
    const semi = identity.indexOf(';');
    const [h, p, sig] = identity.slice(0, semi).split('.') as [string, string, string];
    const rest = sig + identity.slice(semi);
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(p))) as Record<string, unknown>;
    const upgraded = base64url.encode(JSON.stringify({ ...claims, attest: 'A' }));
    const result = await verifier().verify(request(`${h}.${upgraded}.${rest}`));
    expect(codes(result)).toEqual(['SIGNATURE_INVALID']);
    expect(result.attest).toBe('A');
    expect(result.callerIdVerification).toBe('failed');
  });

  it('wrong calling number: 438', async () => {
    const result = await verifier().verify(request(await sign({ orig: '+12025550199' })));
    expect(result.sipResponse?.code).toBe(438);
    expect(codes(result)).toEqual(['ORIG_TN_MISMATCH']);
  });

  it('wrong called number: 438', async () => {
    const result = await verifier().verify(request(await sign({ dest: '+12025550198' })));
    expect(result.sipResponse?.code).toBe(438);
    expect(codes(result)).toEqual(['DEST_TN_MISMATCH']);
  });

  it('stale iat: 438', async () => {
    const result = await verifier().verify(request(await sign({ iat: Math.floor(Date.now() / 1000) - 61 })));
    expect(result.sipResponse?.code).toBe(438);
    expect(codes(result)).toEqual(['IAT_STALE']);
  });

  it('iat far in the future: 438', async () => {
    const result = await verifier().verify(request(await sign({ iat: Math.floor(Date.now() / 1000) + 600 })));
    expect(codes(result)).toEqual(['IAT_IN_FUTURE']);
  });

  it('freshness limit is configurable', async () => {
    const identity = await sign({ iat: Math.floor(Date.now() / 1000) - 90 });
    expect((await verifier({ maxAgeSeconds: 120 }).verify(request(identity))).verstat).toBe(
      'TN-Validation-Passed',
    );
  });

  it('SIP Date far from the verifier clock: 403 Stale Date', async () => {
    const then = Date.now() - 3_600_000;
    const identity = await sign({ iat: Math.floor(then / 1000) });
    const result = await verifier().verify(request(identity, { date: new Date(then).toUTCString() }));
    expect(result.sipResponse).toEqual({ code: 403, reason: 'Stale Date' });
    expect(codes(result)).toEqual(['DATE_STALE']);
  });

  it('chain to an unknown root: 437', async () => {
    const rogueRoot = await makeCa('Rogue Root');
    const rogueSp = await makeSp('Rogue SP', rogueRoot);
    const x5u = serve(rogueSp.pem + rogueRoot.pem);
    const result = await verifier().verify(request(await sign({ sp: rogueSp, x5u })));
    expect(result.sipResponse).toEqual({ code: 437, reason: 'Unsupported Credential' });
    expect(codes(result)).toEqual(['CHAIN_UNTRUSTED']);
  });

  it('SP certificate without TNAuthList: 437', async () => {
    const bare = await makeSp('No TNAuthList', pki.intermediate, { tnAuthList: null });
    const x5u = serve(bare.pem + pki.intermediate.pem);
    const result = await verifier().verify(request(await sign({ sp: bare, x5u })));
    expect(result.sipResponse?.code).toBe(437);
    expect(codes(result)).toEqual(['TNAUTHLIST_MISSING']);
  });

  it('SP certificate without digitalSignature key usage: 437', async () => {
    const cert = await makeSp('No signing', pki.intermediate, { keyUsage: 128 /* encipherOnly */ });
    const x5u = serve(cert.pem + pki.intermediate.pem);
    expect(codes(await verifier().verify(request(await sign({ sp: cert, x5u }))))).toEqual([
      'LEAF_KEY_USAGE',
    ]);
  });

  it('issuer that is not a CA: 437', async () => {
    // An SP certificate used to issue another one: basicConstraints says it is no CA.
    const child = await makeSp('Child of SP', pki.sp);
    const x5u = serve(child.pem + pki.sp.pem + pki.intermediate.pem);
    expect(codes(await verifier().verify(request(await sign({ sp: child, x5u }))))).toEqual([
      'ISSUER_NOT_CA',
    ]);
  });

  it('TNAuthList that lists numbers not including orig: 438', async () => {
    const scoped = await makeSp('Scoped', pki.intermediate, {
      tnAuthList: [{ kind: 'range', start: '12025550000', count: 50 }],
    });
    const x5u = serve(scoped.pem + pki.intermediate.pem);
    const result = await verifier().verify(request(await sign({ sp: scoped, x5u })));
    expect(codes(result)).toEqual(['ORIG_TN_NOT_IN_CERTIFICATE']);
    const inside = await verifier().verify(
      request(await sign({ sp: scoped, x5u, orig: '+12025550042' }), { from: '+12025550042' }),
    );
    expect(inside.verstat).toBe('TN-Validation-Passed');
    expect(inside.signer?.tns).toEqual(['12025550000 (+49)']);
  });

  it('malformed header: 438 without any fetch', async () => {
    const result = await verifier().verify(request('not-a-passport;info=<https://x.invalid/a>'));
    expect(result.sipResponse?.code).toBe(438);
    expect(codes(result)).toEqual(['IDENTITY_MALFORMED']);
  });

  it('huge header: 438, refused before parsing', async () => {
    const huge = `${'a'.repeat(9000)}.b.c;info=<https://x.invalid/a>`;
    const result = await verifier().verify(request(huge));
    expect(codes(result)).toEqual(['IDENTITY_TOO_LARGE']);
  });

  it('unreachable x5u (closed port): 436 within the timeout', async () => {
    const port = await closedPort();
    const started = Date.now();
    const result = await verifier({ fetchTimeoutMs: 1500 }).verify(
      request(await sign({ x5u: `https://127.0.0.1:${port}/sp.pem` })),
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result.sipResponse).toEqual({ code: 436, reason: 'Bad Identity Info' });
    expect(codes(result)).toEqual(['X5U_UNREACHABLE']);
  });

  it('x5u that never answers: 436 when the timeout fires', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as { port: number };
    try {
      const started = Date.now();
      const result = await verifier({ fetchTimeoutMs: 300 }).verify(
        request(await sign({ x5u: `https://127.0.0.1:${port}/sp.pem` })),
      );
      expect(Date.now() - started).toBeLessThan(3000);
      expect(codes(result)).toEqual(['X5U_TIMEOUT']);
    } finally {
      silent.close();
    }
  });

  it('x5u answering 404: 436', async () => {
    const result = await verifier().verify(request(await sign({ x5u: `${server.origin}/missing.pem` })));
    expect(result.sipResponse?.code).toBe(436);
    expect(codes(result)).toEqual(['X5U_HTTP_STATUS']);
  });

  it('x5u over the size limit: 436', async () => {
    const x5u = serve(pki.chainPem + 'x'.repeat(70 * 1024));
    expect(codes(await verifier().verify(request(await sign({ x5u }))))).toEqual(['X5U_TOO_LARGE']);
  });

  it('x5u that is not a certificate: 436', async () => {
    const x5u = serve('<html>hello</html>');
    expect(codes(await verifier().verify(request(await sign({ x5u }))))).toEqual(['X5U_BAD_CONTENT']);
  });

  it('x5u over plain http: 436', async () => {
    const header = forged(
      { alg: 'ES256', ppt: 'shaken', typ: 'passport', x5u: 'http://cr.example.net/a.pem' },
      {
        attest: 'A',
        dest: { tn: ['12025550143'] },
        iat: Math.floor(Date.now() / 1000),
        orig: { tn: '12025550100' },
        origid: crypto.randomUUID(),
      },
      'http://cr.example.net/a.pem',
    );
    expect(codes(await verifier().verify(request(header)))).toEqual(['X5U_NOT_HTTPS']);
  });

  it('x5u on a loopback address without the test allowance: 436', async () => {
    const result = await verifier({ allowPrivateAddresses: false }).verify(request(await sign()));
    expect(codes(result)).toEqual(['X5U_PRIVATE_ADDRESS']);
  });

  it('x5u different from the info parameter: 438', async () => {
    const identity = (await sign()).replace(/info=<[^>]*>/, 'info=<https://elsewhere.example/cert.pem>');
    const result = await verifier().verify(request(identity));
    expect(result.sipResponse?.code).toBe(438);
    expect(codes(result)).toEqual(['X5U_INFO_MISMATCH']);
  });

  it.each([
    [{ alg: 'ES384' }, 'ALG_NOT_ES256'],
    [{ ppt: 'div' }, 'PPT_NOT_SHAKEN'],
    [{ typ: 'JWT' }, 'TYP_NOT_PASSPORT'],
  ])('header %o: 438 %s', async (change, code) => {
    const x5u = `${server.origin}/sp.pem`;
    const header = forged(
      { alg: 'ES256', ppt: 'shaken', typ: 'passport', x5u, ...change },
      {
        attest: 'A',
        dest: { tn: ['12025550143'] },
        iat: Math.floor(Date.now() / 1000),
        orig: { tn: '12025550100' },
        origid: crypto.randomUUID(),
      },
      x5u,
    );
    const result = await verifier().verify(request(header));
    expect(result.sipResponse?.code).toBe(438);
    expect(codes(result)).toEqual([code]);
  });

  it('a genuinely signed PASSporT with a wrong ppt parameter on the header: 438', async () => {
    const identity = (await sign()).replace('ppt=shaken', 'ppt=div');
    expect(codes(await verifier().verify(request(identity)))).toEqual(['PPT_PARAM_NOT_SHAKEN']);
  });

  it('a correctly signed PASSporT with a non-ES256 alg is refused before the signature', async () => {
    // Signed for real with ES256 but claiming ES384 in the header: jose would refuse it, and so do the claim checks.
    const x5u = `${server.origin}/sp.pem`;
    const payload = {
      attest: 'A',
      dest: { tn: ['12025550143'] },
      iat: Math.floor(Date.now() / 1000),
      orig: { tn: '12025550100' },
      origid: crypto.randomUUID(),
    };
    const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'ES256', ppt: 'shaken', typ: 'passport', x5u })
      .sign(pki.sp.keys.privateKey);
    const result = await verifier().verify(request(`${token};info=<${x5u}>;alg=RS256;ppt=shaken`));
    expect(codes(result)).toEqual(['ALG_PARAM_NOT_ES256']);
  });

  it('examines at most 8 Identity headers', async () => {
    const junk = Array.from({ length: 8 }, () => 'junk.junk.junk;info=<https://x.invalid/a>');
    const result = await verifier().verify(request([...junk, await sign()]));
    expect(result.verstat).toBe('TN-Validation-Failed');
    expect(codes(result)).toEqual(['IDENTITY_MALFORMED']);
  });

  it('missing calling and called numbers are reported, not guessed', async () => {
    const result = await verifier().verify({ identity: await sign(), date: new Date() });
    expect(codes(result)).toEqual(['FROM_MISSING', 'TO_MISSING']);
  });
});

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

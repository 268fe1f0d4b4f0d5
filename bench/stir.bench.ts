/**
 * STIR/SHAKEN: verifications per second with a warm certificate cache, beside the floor — the bare
 * ES256 verify (node:crypto on a ready KeyObject; jose compactVerify for comparison) — in the same
 * run. Sequential (one call in flight), so the figures are per core.
 */
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactVerify } from 'jose';
import {
  certFileName,
  createStirVerifier,
  parseIdentityHeader,
  signIdentity,
  TrustStore,
} from '../src/stir/index.js';
import { makeCrl, makePki, makeSp, startX5uServer } from '../test/stir/pki.js';
import { fmt, median } from './stats.js';

export const title = 'STIR/SHAKEN verification, warm certificate cache';

interface Timing {
  /** Median wall-clock ns per call. */
  wallNs: number;
  /** Median CPU ns per call (user + system, all threads of this process, libuv pool included). */
  cpuNs: number;
}

/**
 * Times each async function. Rounds are interleaved (A, B, C, A, B, C...) so load from other
 * processes on a shared machine falls on every subject alike; CPU time per call is also recorded,
 * because on a busy machine it, not wall time, says how many calls one core can do.
 */
async function timeInterleaved(
  fns: Array<() => Promise<unknown>>,
  rounds = 15,
  minRoundMs = 200,
): Promise<Timing[]> {
  for (const fn of fns) for (let i = 0; i < 300; i++) await fn(); // warm-up: JIT and caches
  const wall: number[][] = fns.map(() => []);
  const cpu: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [k, fn] of fns.entries()) {
      let n = 0;
      const start = process.hrtime.bigint();
      const cpu0 = process.cpuUsage();
      let elapsed = 0n;
      do {
        await fn();
        n++;
        elapsed = process.hrtime.bigint() - start;
      } while (elapsed < BigInt(minRoundMs) * 1_000_000n);
      const used = process.cpuUsage(cpu0);
      wall[k]!.push(Number(elapsed) / n);
      cpu[k]!.push(((used.user + used.system) * 1000) / n);
    }
  }
  return fns.map((_, k) => ({ wallNs: median(wall[k]!), cpuNs: median(cpu[k]!) }));
}

export async function run(): Promise<string> {
  const pki = await makePki();
  const dir = await mkdtemp(join(tmpdir(), 'cg-stir-bench-'));
  // Real SHAKEN certificates name a CRL (ATIS-1000080): a second verifier checks one, cached after the first call.
  const server = await startX5uServer();
  try {
    const x5u = 'https://cr.example.invalid/709J.pem';
    await writeFile(join(dir, certFileName(x5u)), pki.chainPem);
    const verifier = createStirVerifier({ trust: await TrustStore.fromPem([pki.root.pem]), certDir: dir });
    const orig = '+12025550100';
    const dest = '+12025550143';
    // Distinct headers (fresh origid each), so nothing is cached per header, only per certificate.
    const headers = await Promise.all(
      Array.from({ length: 64 }, () =>
        signIdentity({ key: pki.sp.keys.privateKey, x5u, attest: 'A', orig, dest }),
      ),
    );
    const tokens = headers.map((h) => h.slice(0, h.indexOf(';')));
    const first = await verifier.verify({ identity: headers[0]!, from: orig, to: dest });
    if (first.verstat !== 'TN-Validation-Passed')
      throw new Error(`bench setup: ${JSON.stringify(first.reasons)}`);

    const revoked = await Promise.all(
      Array.from({ length: 200 }, (_, k) => makeSp(`Revoked SP ${k}`, pki.intermediate)),
    );
    const crlSp = await makeSp('CRL SP', pki.intermediate, { crlUrl: `${server.origin}/sp.crl` });
    server.files.set('/sp.crl', {
      body: await makeCrl(
        pki.intermediate,
        revoked.map((r) => r.cert),
      ),
    });
    server.files.set('/sp.pem', { body: crlSp.pem + pki.intermediate.pem });
    const crlX5u = `${server.origin}/sp.pem`;
    const crlVerifier = createStirVerifier({
      trust: await TrustStore.fromPem([pki.root.pem]),
      allowPrivateAddresses: true,
      tlsCa: server.tlsCa,
      revocation: 'hard',
    });
    const crlHeaders = await Promise.all(
      Array.from({ length: 64 }, () =>
        signIdentity({ key: crlSp.keys.privateKey, x5u: crlX5u, attest: 'A', orig, dest }),
      ),
    );
    const crlFirst = await crlVerifier.verify({ identity: crlHeaders[0]!, from: orig, to: dest });
    if (crlFirst.verstat !== 'TN-Validation-Passed' || server.hits.get('/sp.crl') !== 1)
      throw new Error(`bench setup (CRL): ${JSON.stringify(crlFirst.reasons)}`);

    const cryptoKey = await pki.sp.cert.publicKey.export({ name: 'ECDSA', namedCurve: 'P-256' }, ['verify']);
    const keyObject = createPublicKey({
      key: Buffer.from(await crypto.subtle.exportKey('spki', cryptoKey)),
      format: 'der',
      type: 'spki',
    });
    const raw = tokens.map((t) => {
      const [h, p, s] = t.split('.') as [string, string, string];
      return { data: Buffer.from(`${h}.${p}`), sig: Buffer.from(s, 'base64url') };
    });

    let i = 0;
    const next = () => (i = (i + 1) % headers.length);
    const subjects: Array<[string, () => Promise<unknown>]> = [
      [
        'verifier.verify (parse, claims, TN match, cached cert and chain, ES256 via node:crypto)',
        async () => {
          const r = await verifier.verify({ identity: headers[next()]!, from: orig, to: dest });
          if (r.verstat !== 'TN-Validation-Passed') throw new Error('verification failed in bench');
        },
      ],
      [
        'floor: node:crypto verify (KeyObject, ieee-p1363)',
        async () => {
          const r = raw[next()]!;
          if (!nodeVerify('sha256', r.data, { key: keyObject, dsaEncoding: 'ieee-p1363' }, r.sig)) {
            throw new Error('bad signature in bench');
          }
        },
      ],
      [
        'verifier.verify, certificate with a CRL (cached, 200 entries; hard policy)',
        async () => {
          const r = await crlVerifier.verify({ identity: crlHeaders[next()]!, from: orig, to: dest });
          if (r.verstat !== 'TN-Validation-Passed') throw new Error('verification failed in bench');
        },
      ],
      [
        'jose compactVerify with a ready CryptoKey (for comparison)',
        () => compactVerify(tokens[next()]!, cryptoKey, { algorithms: ['ES256'] }),
      ],
      ['parse Identity header only (no crypto)', async () => parseIdentityHeader(headers[next()]!)],
    ];
    const times = await timeInterleaved(subjects.map(([, fn]) => fn));
    const floor = times[1]!;
    const lines = [
      '| step | median µs/call (wall) | median CPU µs/call | calls/s per core (CPU) | × node:crypto floor (CPU) |',
      '|---|---:|---:|---:|---:|',
      ...subjects.map(([name], k) => {
        const t = times[k]!;
        return `| ${name} | ${fmt(t.wallNs / 1000, 1)} | ${fmt(t.cpuNs / 1000, 1)} | ${fmt(1e9 / t.cpuNs, 0)} | ${fmt(t.cpuNs / floor.cpuNs, 2)} |`;
      }),
      '',
      `Verifier overhead over the floor (median CPU per call): ${fmt((times[0]!.cpuNs - floor.cpuNs) / 1000, 1)} µs; with a cached CRL: ${fmt((times[2]!.cpuNs - floor.cpuNs) / 1000, 1)} µs. CRL fetches during the run: ${(server.hits.get('/sp.crl') ?? 0) - 1}.`,
      '',
      `Load average while measuring: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')} on ${availableParallelism()} cores.`,
    ];
    return lines.join('\n');
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assess } from '../../src/engine/index.js';
import { certFileName, createStirVerifier, signIdentity, TrustStore } from '../../src/stir/index.js';
import { makePki } from './pki.js';

const X5U = 'https://cr.example.invalid/709J.pem';
const SCAM =
  'Caller: Hello, this is Microsoft technical support. Your computer is infected with a virus.\n' +
  'Caller: Please install AnyDesk so I can fix it, and pay 299 dollars with gift cards.';

let pki: Awaited<ReturnType<typeof makePki>>;
let certDir: string;

beforeAll(async () => {
  pki = await makePki();
  certDir = await mkdtemp(join(tmpdir(), 'cg-stir-engine-'));
  await writeFile(join(certDir, certFileName(X5U)), pki.chainPem);
});

afterAll(async () => {
  if (certDir) await rm(certDir, { recursive: true, force: true });
});

async function verified(attest: 'A' | 'C', orig = '+12025550100') {
  const verifier = createStirVerifier({ trust: await TrustStore.fromPem([pki.root.pem]), certDir });
  const identity = await signIdentity({
    key: pki.sp.keys.privateKey,
    x5u: X5U,
    attest,
    orig,
    dest: '+12025550143',
  });
  return verifier.verify({ identity, from: '+12025550100', to: '+12025550143' });
}

describe('the STIR result as an engine fact', () => {
  it('a fully attested, valid signature does not make an unsolicited "Microsoft" call safe', async () => {
    const stir = await verified('A');
    expect(stir.callerIdVerification).toBe('passed');
    const result = assess({
      facts: {
        claimedOrg: 'Microsoft',
        initiatedBy: 'them',
        callerIdVerification: stir.callerIdVerification,
      },
      transcript: SCAM,
    });
    expect(result.verdict).toBe('scam');
    expect(result.redFlags.map((f) => f.id)).not.toContain('CALLER_ID_UNVERIFIED_OR_SPOOFED');
  });

  it('a failed verification raises the spoofed-caller-ID flag', async () => {
    const stir = await verified('A', '+12025550199');
    expect(stir.callerIdVerification).toBe('failed');
    const result = assess({
      facts: {
        claimedOrg: 'Microsoft',
        initiatedBy: 'them',
        callerIdVerification: stir.callerIdVerification,
      },
    });
    expect(result.redFlags.map((f) => f.id)).toContain('CALLER_ID_UNVERIFIED_OR_SPOOFED');
  });
});

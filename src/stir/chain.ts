/**
 * Validates an STI certificate chain (ATIS-1000080, RFC 8226): signatures up to a trusted STI-CA,
 * CA basic constraints on issuers, digitalSignature on the leaf, a P-256 key, the TNAuthList
 * extension. Time is checked separately (validityProblem) so the time-independent result can be
 * cached per certificate. @peculiar/x509 over WebCrypto; no Node APIs.
 */
import {
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  X509ChainBuilder,
  type X509Certificate,
} from './x509.js';
import { fingerprint, type TrustStore } from './certificates.js';
import { describeTns, parseTnAuthList, TN_AUTH_LIST_OID, type TnAuthEntry } from './tn-auth-list.js';
import type { SignerInfo, StirReason } from './types.js';

const BASIC_CONSTRAINTS = '2.5.29.19';
const KEY_USAGE = '2.5.29.15';
/** Extensions this verifier understands; an unknown critical one makes the certificate unusable (RFC 5280 §4.2). */
const KNOWN_EXTENSIONS = new Set([
  BASIC_CONSTRAINTS,
  KEY_USAGE,
  '2.5.29.14', // subject key identifier
  '2.5.29.35', // authority key identifier
  '2.5.29.32', // certificate policies
  '2.5.29.31', // CRL distribution points
  '2.5.29.37', // extended key usage
  '2.5.29.17', // subject alt name
  '1.3.6.1.5.5.7.1.1', // authority info access
  TN_AUTH_LIST_OID,
]);

export interface CertWindow {
  subject: string;
  notBefore: Date;
  notAfter: Date;
}

export type ChainResult =
  | {
      ok: true;
      leaf: X509Certificate;
      publicKey: CryptoKey;
      tnAuthList: TnAuthEntry[];
      spc: string[];
      tns: string[];
      fingerprint: string;
      /** The leaf's details as reported, computed once per certificate. */
      signer: Omit<SignerInfo, 'source'>;
      /** The validated path, leaf first, trust anchor last. */
      path: X509Certificate[];
      /** Every certificate of the validated path, leaf to anchor, with its validity period. */
      windows: CertWindow[];
      /** The path is valid from the latest notBefore to the earliest notAfter (ms): one test per call. */
      validFrom: number;
      validUntil: number;
      /** TNAuthList lists numbers or ranges, not only SPCs: orig.tn must be among them. */
      scoped: boolean;
    }
  | { ok: false; reason: StirReason; windows: CertWindow[] };

/**
 * Builds and checks the path from `certs[0]` (the SP certificate) through `certs[1..]` to an anchor.
 *
 * @example const r = await checkChain(parsePemCertificates(pem, 'x5u'), trust); if (r.ok) r.spc
 */
export async function checkChain(certs: readonly X509Certificate[], trust: TrustStore): Promise<ChainResult> {
  const leaf = certs[0];
  if (!leaf) return fail('CERT_MISSING', 'The x5u file holds no certificate.', []);
  const windows: CertWindow[] = [];
  const leafAlg = leaf.publicKey.algorithm as EcKeyAlgorithm;
  if (leafAlg.name !== 'ECDSA' || leafAlg.namedCurve !== 'P-256') {
    return fail(
      'CERT_KEY_NOT_P256',
      `The SP certificate key is ${leafAlg.name} ${leafAlg.namedCurve ?? ''}; ES256 needs EC P-256.`,
      windows,
    );
  }
  let path: X509Certificate[];
  try {
    path = [
      ...(await new X509ChainBuilder({ certificates: [...certs.slice(1), ...trust.certificates] }).build(
        leaf,
      )),
    ];
  } catch {
    return fail(
      'CHAIN_BUILD_FAILED',
      'The certificate chain could not be built (circular or malformed).',
      windows,
    );
  }
  const prints = await Promise.all(path.map(fingerprint));
  const anchorAt = prints.findIndex((p) => trust.has(p));
  for (const c of path.slice(0, anchorAt === -1 ? path.length : anchorAt + 1)) {
    windows.push({ subject: c.subject, notBefore: c.notBefore, notAfter: c.notAfter });
  }
  if (anchorAt === -1) {
    const top = path[path.length - 1]!;
    return fail(
      'CHAIN_UNTRUSTED',
      `The chain ends at "${top.subject}", which is not a trusted STI-CA (issuer "${top.issuer}").`,
      windows,
    );
  }
  const trusted = path.slice(0, anchorAt + 1);
  for (const cert of trusted) {
    const unknown = cert.extensions.find((e) => e.critical && !KNOWN_EXTENSIONS.has(e.type));
    if (unknown) {
      return fail(
        'CERT_UNKNOWN_CRITICAL_EXTENSION',
        `"${cert.subject}" has an unknown critical extension ${unknown.type}.`,
        windows,
      );
    }
  }
  for (let i = 1; i < trusted.length; i++) {
    const issuer = trusted[i]!;
    const bc = issuer.getExtension(BasicConstraintsExtension);
    if (!bc?.ca) {
      return fail(
        'ISSUER_NOT_CA',
        `"${issuer.subject}" signs certificates but is not marked as a CA (basicConstraints).`,
        windows,
      );
    }
    // pathLen counts the intermediates below this issuer, excluding the leaf.
    if (bc.pathLength !== undefined && i - 1 > bc.pathLength) {
      return fail(
        'ISSUER_PATH_LENGTH',
        `"${issuer.subject}" allows ${bc.pathLength} intermediate(s) below it; found ${i - 1}.`,
        windows,
      );
    }
    const ku = issuer.getExtension(KeyUsagesExtension);
    if (ku && !(ku.usages & KeyUsageFlags.keyCertSign)) {
      return fail(
        'ISSUER_KEY_USAGE',
        `"${issuer.subject}" is not allowed to sign certificates (keyUsage lacks keyCertSign).`,
        windows,
      );
    }
  }
  const ku = leaf.getExtension(KeyUsagesExtension);
  if (!ku || !(ku.usages & KeyUsageFlags.digitalSignature)) {
    return fail(
      'LEAF_KEY_USAGE',
      'The SP certificate is not allowed to sign (keyUsage lacks digitalSignature).',
      windows,
    );
  }
  if (leaf.getExtension(BasicConstraintsExtension)?.ca) {
    return fail(
      'LEAF_IS_CA',
      'The SP certificate is a CA certificate; SHAKEN signs with an end-entity certificate.',
      windows,
    );
  }
  const ext = leaf.getExtension(TN_AUTH_LIST_OID);
  if (!ext) {
    return fail(
      'TNAUTHLIST_MISSING',
      'The SP certificate has no TNAuthList extension (1.3.6.1.5.5.7.1.26).',
      windows,
    );
  }
  let tnAuthList: TnAuthEntry[];
  try {
    tnAuthList = parseTnAuthList(ext.value);
  } catch (err) {
    return fail(
      'TNAUTHLIST_MALFORMED',
      `The TNAuthList extension cannot be read: ${(err as Error).message}`,
      windows,
    );
  }
  let publicKey: CryptoKey;
  try {
    publicKey = await leaf.publicKey.export({ name: 'ECDSA', namedCurve: 'P-256' }, ['verify']);
  } catch {
    return fail('CERT_KEY_UNUSABLE', 'The SP certificate public key cannot be imported.', windows);
  }
  const spc = tnAuthList.flatMap((e) => (e.kind === 'spc' ? [e.spc] : []));
  const tns = describeTns(tnAuthList);
  return {
    ok: true,
    leaf,
    publicKey,
    tnAuthList,
    spc,
    tns,
    fingerprint: prints[0]!,
    signer: {
      subject: leaf.subject,
      issuer: leaf.issuer,
      spc,
      tns,
      notBefore: leaf.notBefore.toISOString(),
      notAfter: leaf.notAfter.toISOString(),
      fingerprint: prints[0]!,
    },
    path: trusted,
    windows,
    validFrom: Math.max(...windows.map((w) => w.notBefore.getTime())),
    validUntil: Math.min(...windows.map((w) => w.notAfter.getTime())),
    scoped: tnAuthList.some((e) => e.kind !== 'spc'),
  };
}

/**
 * The first certificate of the path that is not valid at `at`, as a reason; null when all are (then
 * `at` is within validFrom..validUntil of an ok result, the test the warm path makes).
 */
export function validityProblem(windows: readonly CertWindow[], at: Date): StirReason | null {
  const t = at.getTime();
  for (const w of windows) {
    if (t > w.notAfter.getTime()) {
      return { code: 'CERT_EXPIRED', message: `"${w.subject}" expired on ${w.notAfter.toISOString()}.` };
    }
    if (t < w.notBefore.getTime()) {
      return {
        code: 'CERT_NOT_YET_VALID',
        message: `"${w.subject}" is not valid before ${w.notBefore.toISOString()}.`,
      };
    }
  }
  return null;
}

function fail(code: string, message: string, windows: CertWindow[]): ChainResult {
  return { ok: false, reason: { code, message }, windows };
}

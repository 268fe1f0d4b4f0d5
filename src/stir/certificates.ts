/**
 * PEM parsing and the trust store of STI-CA roots. Uses @peculiar/x509 over WebCrypto (no Node APIs).
 */
import { X509Certificate } from './x509.js';
import { CallGuardError } from '../errors/catalogue.js';

/** A certificate chain file from an STI-CR is 2-4 KB; a few certificates at most. */
export const MAX_CERTS_PER_FILE = 10;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * Every certificate in a PEM text, leaf first as served from x5u. Throws CG_STIR_CERT_INVALID.
 *
 * @example parsePemCertificates(pemText, 'trust.pem').length
 */
export function parsePemCertificates(pem: string, where: string): X509Certificate[] {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    throw new CallGuardError('CG_STIR_CERT_INVALID', `${where} holds no PEM certificate.`, {
      pointer: where,
    });
  }
  if (blocks.length > MAX_CERTS_PER_FILE) {
    throw new CallGuardError(
      'CG_STIR_CERT_INVALID',
      `${where} holds ${blocks.length} certificates; at most ${MAX_CERTS_PER_FILE} are read.`,
      { pointer: where },
    );
  }
  return blocks.map((b, i) => {
    try {
      return new X509Certificate(b);
    } catch {
      throw new CallGuardError(
        'CG_STIR_CERT_INVALID',
        `Certificate ${i + 1} in ${where} cannot be decoded.`,
        {
          pointer: where,
        },
      );
    }
  });
}

/** SHA-256 of the DER certificate, lower-case hex. */
export async function fingerprint(cert: X509Certificate): Promise<string> {
  return hex(await cert.getThumbprint('SHA-256'));
}

export function hex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The STI-CA roots (or intermediates) a verifier trusts. */
export class TrustStore {
  private constructor(
    readonly certificates: readonly X509Certificate[],
    private readonly fingerprints: ReadonlySet<string>,
  ) {}

  /**
   * @example await TrustStore.fromPem([await readFile('sti-ca.pem', 'utf8')])
   */
  static async fromPem(pems: readonly string[], where = 'trust anchors'): Promise<TrustStore> {
    return TrustStore.fromCertificates(pems.flatMap((p, i) => parsePemCertificates(p, `${where} #${i + 1}`)));
  }

  static async fromCertificates(certs: readonly X509Certificate[]): Promise<TrustStore> {
    const prints = await Promise.all(certs.map(fingerprint));
    return new TrustStore([...certs], new Set(prints));
  }

  has(print: string): boolean {
    return this.fingerprints.has(print);
  }

  /** Changes whenever the set of anchors changes: part of the chain-cache key. */
  get id(): string {
    return [...this.fingerprints].sort().join(',');
  }
}

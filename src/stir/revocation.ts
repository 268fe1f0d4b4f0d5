/**
 * Certificate revocation by CRL (RFC 5280 §6.3; ATIS-1000080 puts a CRL Distribution Point in every
 * SHAKEN certificate). CRLs are fetched with the same guarded HTTPS client as x5u, verified against the
 * issuing certificate (or a configured CRL signer such as the STI-PA's), and cached until nextUpdate
 * (at most 24 h). Node only (network).
 */
import { httpsGet, type FetchOptions } from './cert-fetch.js';
import { Lru } from './lru.js';
import type { StirReason } from './types.js';
import { CRLDistributionPointsExtension, X509Crl, type X509Certificate } from './x509.js';

/** off: never check; soft: a revoked certificate fails, an unavailable CRL is only noted; hard: both fail. */
export type RevocationPolicy = 'off' | 'soft' | 'hard';

export interface RevocationOptions {
  fetch: FetchOptions;
  now: () => number;
  /** Extra certificates allowed to sign CRLs (e.g. the STI-PA CRL signer). */
  crlSigners?: readonly X509Certificate[];
  /** Longest a CRL is trusted without refetching: 24 h. */
  maxTtlSeconds?: number;
  /** How long an unavailable CRL is remembered before trying again: 60 s. */
  failureTtlSeconds?: number;
}

export interface RevocationOutcome {
  /** Set when a certificate of the path is revoked. */
  revoked: StirReason | null;
  /** CRLs that could not be fetched, read or verified. */
  unavailable: readonly StirReason[];
}

/** The outcome when no certificate of the path names a CRL (shared, never changed). */
const NOT_REVOKED: RevocationOutcome = Object.freeze({ revoked: null, unavailable: Object.freeze([]) });

type CrlEntry =
  | { ok: true; crl: X509Crl; expiresAt: number; signer: X509Certificate }
  | { ok: false; reason: StirReason; expiresAt: number };

export class RevocationChecker {
  private readonly cache = new Lru<string, CrlEntry>(100);
  private readonly inFlight = new Map<string, Promise<CrlEntry>>();

  constructor(private readonly opts: RevocationOptions) {}

  /**
   * Checks every certificate of `path` (leaf first, trust anchor last) that names a CRL.
   *
   * @example const { revoked, unavailable } = await checker.check(chain.path, trust.certificates)
   */
  async check(
    path: readonly X509Certificate[],
    anchors: readonly X509Certificate[],
  ): Promise<RevocationOutcome> {
    const unavailable: StirReason[] = [];
    // The anchor itself is trusted by configuration; its revocation is the operator's business.
    for (let i = 0; i < path.length - 1; i++) {
      const cert = path[i]!;
      const urls = crlUrls(cert);
      if (urls.length === 0) continue;
      const issuer = path[i + 1]!;
      const signers = [issuer, ...(this.opts.crlSigners ?? []), ...anchors];
      let entry: CrlEntry | null = null;
      for (const url of urls) {
        entry = await this.load(url, signers);
        if (entry.ok) break;
      }
      const revoked = this.verdict(cert, entry, unavailable);
      if (revoked) return { revoked, unavailable };
    }
    return { revoked: null, unavailable };
  }

  /**
   * check() from cached CRLs alone, without a promise (the warm path): the same outcome check() would
   * give, or null when a CRL the path needs is not cached or has expired, and check() must fetch it.
   */
  checkCached(
    path: readonly X509Certificate[],
    anchors: readonly X509Certificate[],
  ): RevocationOutcome | null {
    let unavailable: StirReason[] | null = null;
    for (let i = 0; i < path.length - 1; i++) {
      const cert = path[i]!;
      const urls = crlUrls(cert);
      if (urls.length === 0) continue;
      const issuer = path[i + 1]!;
      let entry: CrlEntry | null = null;
      for (const url of urls) {
        entry = this.cached(url, issuer, anchors);
        if (!entry) return null;
        if (entry.ok) break;
      }
      unavailable ??= [];
      const revoked = this.verdict(cert, entry, unavailable);
      if (revoked) return { revoked, unavailable };
    }
    return unavailable ? { revoked: null, unavailable } : NOT_REVOKED;
  }

  /** The revocation reason for `cert` from its CRL entry, or null; an unusable entry is noted in `unavailable`. */
  private verdict(
    cert: X509Certificate,
    entry: CrlEntry | null,
    unavailable: StirReason[],
  ): StirReason | null {
    if (!entry || !entry.ok) {
      unavailable.push(
        entry?.reason ?? { code: 'CRL_UNAVAILABLE', message: `No CRL for "${cert.subject}".` },
      );
      return null;
    }
    const hit = revokedEntry(entry.crl, cert);
    if (hit && hit.revocationDate.getTime() <= this.opts.now()) {
      return {
        code: 'CERT_REVOKED',
        message: `"${cert.subject}" was revoked on ${hit.revocationDate.toISOString()} (CRL of "${entry.crl.issuer}").`,
      };
    }
    return null;
  }

  /** A cache entry load() would use as it is, or null. */
  private cached(url: string, issuer: X509Certificate, anchors: readonly X509Certificate[]): CrlEntry | null {
    const cached = this.cache.get(url);
    if (!cached || cached.expiresAt <= this.opts.now()) return null;
    // load()'s signer rule, without building the signer list: issuer, configured CRL signers, anchors.
    if (
      cached.ok &&
      cached.signer !== issuer &&
      !(this.opts.crlSigners ?? []).includes(cached.signer) &&
      !anchors.includes(cached.signer)
    ) {
      return null;
    }
    return cached;
  }

  private async load(url: string, signers: readonly X509Certificate[]): Promise<CrlEntry> {
    const now = this.opts.now();
    const cached = this.cache.get(url);
    if (cached && cached.expiresAt > now && (!cached.ok || signers.includes(cached.signer))) return cached;
    let pending = this.inFlight.get(url);
    if (!pending) {
      pending = this.fetchCrl(url, signers).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    const entry = await pending;
    this.cache.set(url, entry);
    return entry;
  }

  private async fetchCrl(url: string, signers: readonly X509Certificate[]): Promise<CrlEntry> {
    const now = this.opts.now();
    const failed = (message: string): CrlEntry => ({
      ok: false,
      reason: { code: 'CRL_UNAVAILABLE', message },
      expiresAt: now + (this.opts.failureTtlSeconds ?? 60) * 1000,
    });
    let crl: X509Crl;
    try {
      const { body } = await httpsGet(url, this.opts.fetch, 'CRL');
      const text = body.toString('latin1');
      crl = new X509Crl(text.includes('-----BEGIN X509 CRL-----') ? text : new Uint8Array(body));
    } catch (err) {
      return failed(`The CRL at ${url} could not be used: ${(err as Error).message}`);
    }
    const signer = await findSigner(crl, signers);
    if (!signer)
      return failed(
        `The CRL at ${url} is not signed by the certificate's issuer or a configured CRL signer.`,
      );
    const next = crl.nextUpdate?.getTime();
    if (next !== undefined && next < now)
      return failed(`The CRL at ${url} is out of date (nextUpdate ${crl.nextUpdate!.toISOString()}).`);
    const maxTtl = (this.opts.maxTtlSeconds ?? 86_400) * 1000;
    return { ok: true, crl, signer, expiresAt: Math.min(next ?? now + maxTtl, now + maxTtl) };
  }
}

async function findSigner(
  crl: X509Crl,
  signers: readonly X509Certificate[],
): Promise<X509Certificate | null> {
  for (const s of signers) {
    if (s.subject !== crl.issuer) continue;
    try {
      if (await crl.verify({ publicKey: s.publicKey })) return s;
    } catch {
      // An unusable key is simply not the signer.
    }
  }
  return null;
}

/** HTTPS URLs of a certificate's CRL Distribution Points (http ones are refused by the fetcher anyway). */
export function crlUrls(cert: X509Certificate): string[] {
  let urls = urlCache.get(cert);
  if (!urls) {
    urls = readCrlUrls(cert);
    urlCache.set(cert, urls);
  }
  return urls;
}

/** Decoding extensions on every call would dominate the warm path. */
const urlCache = new WeakMap<X509Certificate, string[]>();

type RevokedEntry = ReturnType<X509Crl['findRevoked']>;

/**
 * crl.findRevoked(cert), remembered per CRL object and certificate: it scans every entry of the CRL,
 * and a refreshed CRL is a new object, so a stale answer cannot outlive its CRL.
 */
function revokedEntry(crl: X509Crl, cert: X509Certificate): RevokedEntry {
  let perCert = revokedCache.get(crl);
  if (!perCert) {
    perCert = new WeakMap();
    revokedCache.set(crl, perCert);
  }
  let hit = perCert.get(cert);
  if (hit === undefined) {
    hit = crl.findRevoked(cert);
    perCert.set(cert, hit);
  }
  return hit;
}

const revokedCache = new WeakMap<X509Crl, WeakMap<X509Certificate, RevokedEntry>>();

function readCrlUrls(cert: X509Certificate): string[] {
  const ext = cert.getExtension(CRLDistributionPointsExtension);
  if (!ext) return [];
  const urls: string[] = [];
  for (const dp of ext.distributionPoints) {
    for (const name of dp.distributionPoint?.fullName ?? []) {
      if (name.uniformResourceIdentifier) urls.push(name.uniformResourceIdentifier);
    }
  }
  return urls.sort((a, b) => Number(b.startsWith('https:')) - Number(a.startsWith('https:')));
}

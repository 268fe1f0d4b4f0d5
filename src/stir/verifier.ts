/**
 * The STIR/SHAKEN verification service (RFC 8224 §6.2, ATIS-1000074 §5.3): Identity header →
 * claims → certificate (cached) → chain to a trusted STI-CA → ES256 signature → verstat. Node only
 * (certificate fetching and files); the parsing and mapping it calls are pure.
 */
import { KeyObject, verify as cryptoVerify } from 'node:crypto';
import { base64url } from 'jose';
import type { X509Certificate } from './x509.js';
import type { CountryCode } from 'libphonenumber-js';
import { isCallGuardError } from '../errors/catalogue.js';
import { callerIdFromVerstat } from './caller-id.js';
import { CertFetchError } from './cert-fetch.js';
import { CertSource } from './cert-source.js';
import { checkChain, validityProblem, type ChainResult } from './chain.js';
import { fingerprint, type TrustStore } from './certificates.js';
import { parseIdentityHeader, type IdentityHeader } from './identity-header.js';
import { checkPassportClaims, type ClaimResult, type Finding } from './passport-claims.js';
import { parseSipMessage, verstatParam } from './sip-message.js';
import { tnAuthListCovers } from './tn-auth-list.js';
import { tnFromUri } from './tn.js';
import { Lru } from './lru.js';
import { RevocationChecker, type RevocationPolicy } from './revocation.js';
import {
  HONESTY_NOTE,
  SIP_RESPONSES,
  type SignerInfo,
  type StirReason,
  type StirVerification,
  type Verstat,
} from './types.js';

/** Identity headers examined per call; the rest are ignored. */
export const MAX_IDENTITY_HEADERS = 8;

export interface StirVerifierOptions {
  /** Trusted STI-CA roots (and any intermediates you pin). */
  trust: TrustStore;
  /** Offline certificate directory: `<sha256(x5u)>.pem` files or an index.json. */
  certDir?: string;
  /** Optional on-disk cache of fetched certificates. */
  cacheDir?: string;
  /** Maximum age of iat against the SIP Date (and of the Date against the clock): 60 s. */
  maxAgeSeconds?: number;
  /** How far iat may be ahead of the Date: 10 s of clock skew. */
  maxFutureSeconds?: number;
  /** x5u fetch timeout: 3 s. */
  fetchTimeoutMs?: number;
  /** x5u file size limit: 64 KB. */
  maxCertBytes?: number;
  /** Certificate cache lifetime when x5u gives no max-age: 24 h. */
  certTtlSeconds?: number;
  /** Tests and labs only: fetch x5u from loopback/private addresses. */
  allowPrivateAddresses?: boolean;
  /** Extra CAs for the x5u HTTPS connection (tests and private labs). */
  tlsCa?: string | string[];
  /** Country assumed for numbers without a country code: US (NANP). */
  defaultCountry?: CountryCode;
  /**
   * CRL checking: 'soft' (default) fails a revoked certificate and notes an unavailable CRL,
   * 'hard' also fails when a certificate's CRL cannot be fetched or verified, 'off' skips it.
   */
  revocation?: RevocationPolicy;
  /** Certificates besides the issuer that may sign CRLs (e.g. the STI-PA CRL signer). */
  crlSigners?: readonly X509Certificate[];
  /** The verifier clock; tests and `--at` set it. */
  now?: () => Date;
}

export interface VerifyRequest {
  /** Identity header value(s), as received. */
  identity?: string | readonly string[];
  /** Calling number or From header value. */
  from?: string;
  /** P-Asserted-Identity value(s). */
  pai?: string | readonly string[];
  /** Called number or To header value. */
  to?: string;
  requestUri?: string;
  /** SIP Date (RFC 1123 text), a Date, or seconds since 1970. */
  date?: string | Date | number;
  /** A whole INVITE as text; explicit fields above take precedence over what it holds. */
  invite?: string;
}

export interface StirVerifier {
  verify(request: VerifyRequest): Promise<StirVerification>;
}

/**
 * @example
 * const verifier = createStirVerifier({ trust: await TrustStore.fromPem([rootPem]), certDir: './certs' });
 * const result = await verifier.verify({ invite: inviteText });
 * result.verstat // 'TN-Validation-Passed'
 */
export function createStirVerifier(options: StirVerifierOptions): StirVerifier {
  const now = options.now ?? (() => new Date());
  const maxAge = options.maxAgeSeconds ?? 60;
  const maxFuture = options.maxFutureSeconds ?? 10;
  const fetchOptions = {
    timeoutMs: options.fetchTimeoutMs ?? 3000,
    maxBytes: options.maxCertBytes ?? 64 * 1024,
    allowPrivateAddresses: options.allowPrivateAddresses ?? false,
    tlsCa: options.tlsCa,
  };
  const certs = new CertSource({
    certDir: options.certDir,
    cacheDir: options.cacheDir,
    defaultTtlSeconds: options.certTtlSeconds,
    now: () => now().getTime(),
    fetch: fetchOptions,
  });
  const revocationPolicy = options.revocation ?? 'soft';
  const revocation = new RevocationChecker({
    fetch: fetchOptions,
    now: () => now().getTime(),
    crlSigners: options.crlSigners,
  });
  // Chain results: by leaf object on the warm path, by fingerprint when the same certificate arrives anew.
  const byLeaf = new WeakMap<X509Certificate, ChainResult>();
  const byPrint = new Lru<string, ChainResult>(1000);

  async function chainFor(list: X509Certificate[]): Promise<ChainResult> {
    const leaf = list[0]!;
    const known = byLeaf.get(leaf);
    if (known) return known;
    const key = `${(await Promise.all(list.map(fingerprint))).join('/')}|${options.trust.id}`;
    let result = byPrint.get(key);
    if (!result) {
      result = await checkChain(list, options.trust).catch(
        // A certificate @peculiar/x509 decodes but cannot process (odd key type, broken extension).
        (): ChainResult => ({
          ok: false,
          reason: { code: 'CHAIN_BUILD_FAILED', message: 'The certificate chain could not be processed.' },
          windows: [],
        }),
      );
      byPrint.set(key, result);
    }
    byLeaf.set(leaf, result);
    return result;
  }

  async function verifyOne(id: IdentityHeader, ctx: Ctx, pre: Finding[]): Promise<Outcome> {
    const claims = checkPassportClaims(id, { ...ctx, maxAgeSeconds: maxAge, maxFutureSeconds: maxFuture });
    const base = {
      claims,
      ppt: id.header.ppt,
      signer: null as SignerInfo | null,
      warnings: [] as StirReason[],
    };
    // Claims first: a malformed or mismatched call never costs a certificate fetch.
    if (pre.length + claims.findings.length > 0) return { ...base, findings: [...pre, ...claims.findings] };
    let loaded;
    try {
      loaded = certs.peek(claims.x5u!) ?? (await certs.get(claims.x5u!));
    } catch (err) {
      const e =
        err instanceof CertFetchError
          ? err
          : new CertFetchError('X5U_UNREACHABLE', 'x5u could not be fetched.');
      return { ...base, findings: [{ code: e.code, message: e.message, sip: 'BAD_IDENTITY_INFO' }] };
    }
    const chain = byLeaf.get(loaded.certs[0]!) ?? (await chainFor(loaded.certs));
    if (!chain.ok) return { ...base, findings: [{ ...chain.reason, sip: 'UNSUPPORTED_CREDENTIAL' }] };
    const signer: SignerInfo = {
      ...chain.signer,
      spc: [...chain.signer.spc],
      tns: [...chain.signer.tns],
      source: loaded.source,
    };
    const expired = validityProblem(chain.windows, now());
    if (expired) return { ...base, signer, findings: [{ ...expired, sip: 'UNSUPPORTED_CREDENTIAL' }] };
    const findings: Finding[] = [];
    const warnings: StirReason[] = [];
    if (revocationPolicy !== 'off') {
      const { revoked, unavailable } = await revocation.check(chain.path, options.trust.certificates);
      if (revoked)
        return { ...base, signer, warnings, findings: [{ ...revoked, sip: 'UNSUPPORTED_CREDENTIAL' }] };
      if (revocationPolicy === 'hard') {
        findings.push(...unavailable.map((u) => ({ ...u, sip: 'UNSUPPORTED_CREDENTIAL' as const })));
      } else {
        warnings.push(...unavailable);
      }
    }
    const scoped = chain.tnAuthList.some((e) => e.kind !== 'spc');
    if (scoped && !tnAuthListCovers(chain.tnAuthList, claims.orig!)) {
      findings.push({
        code: 'ORIG_TN_NOT_IN_CERTIFICATE',
        message: `orig.tn ${claims.orig} is not among the numbers the certificate's TNAuthList lists.`,
        sip: 'INVALID_IDENTITY_HEADER',
      });
    }
    if (!verifyEs256(id.token, chain.publicKey)) {
      findings.push({
        code: 'SIGNATURE_INVALID',
        message:
          'The ES256 signature does not verify with the certificate key: the PASSporT was altered or signed by another key.',
        sip: 'INVALID_IDENTITY_HEADER',
      });
    }
    return { ...base, signer, warnings, findings };
  }

  return {
    async verify(request) {
      const req = mergeInvite(request);
      const upstream = [...req.pai, ...(req.from ? [req.from] : [])].map(verstatParam).find((v) => v) ?? null;
      const ctx: Ctx = {
        origTns: unique(
          [...req.pai, ...(req.from ? [req.from] : [])].map((v) =>
            tnFromUri(v, { defaultCountry: options.defaultCountry }),
          ),
        ),
        destTns: unique(
          [req.to, req.requestUri].map((v) =>
            v ? tnFromUri(v, { defaultCountry: options.defaultCountry }) : null,
          ),
        ),
        dateSeconds: toSeconds(req.date),
        nowSeconds: Math.floor(now().getTime() / 1000),
      };
      if (req.identity.length === 0) {
        return result(
          'No-TN-Validation',
          null,
          [
            {
              code: 'NO_IDENTITY',
              message: 'The call carries no Identity header: nothing vouches for the calling number.',
            },
          ],
          SIP_RESPONSES.USE_IDENTITY_HEADER,
          upstream,
        );
      }
      const pre: Finding[] = [];
      if (ctx.origTns.length === 0)
        pre.push({
          code: 'FROM_MISSING',
          message: 'No calling number (From or P-Asserted-Identity) to compare orig.tn with.',
          sip: 'INVALID_IDENTITY_HEADER',
        });
      if (ctx.destTns.length === 0)
        pre.push({
          code: 'TO_MISSING',
          message: 'No called number (To or Request-URI) to compare dest.tn with.',
          sip: 'INVALID_IDENTITY_HEADER',
        });
      if (req.date !== undefined && ctx.dateSeconds === null)
        pre.push({
          code: 'DATE_INVALID',
          message: 'The SIP Date cannot be read (expected e.g. "Tue, 25 Nov 2026 19:00:00 GMT").',
          sip: 'INVALID_IDENTITY_HEADER',
        });
      const outcomes: Outcome[] = [];
      // A call carries one or two Identity headers; a flood of them must not buy a flood of fetches.
      for (const [i, raw] of req.identity.slice(0, MAX_IDENTITY_HEADERS).entries()) {
        let id: IdentityHeader;
        try {
          id = parseIdentityHeader(raw, `identity[${i}]`);
        } catch (err) {
          if (!isCallGuardError(err)) throw err;
          const code = err.code === 'CG_INPUT_TOO_LARGE' ? 'IDENTITY_TOO_LARGE' : 'IDENTITY_MALFORMED';
          outcomes.push({
            claims: null,
            ppt: undefined,
            signer: null,
            warnings: [],
            findings: [{ code, message: err.message, sip: 'INVALID_IDENTITY_HEADER' }],
          });
          continue;
        }
        const outcome = await verifyOne(id, ctx, pre);
        outcomes.push(outcome);
        if (outcome.findings.length === 0) break;
      }
      // Several Identity headers (e.g. a shaken and a div PASSporT): the call passes on any valid one;
      // otherwise the SHAKEN one's failure is reported.
      const chosen =
        outcomes.find((o) => o.findings.length === 0) ??
        outcomes.find((o) => o.ppt === 'shaken') ??
        outcomes[0]!;
      const passed = chosen.findings.length === 0;
      const reasons: StirReason[] = passed
        ? [
            {
              code: 'VERIFIED',
              message: `Signed with attestation ${chosen.claims!.attest} by ${chosen.signer!.subject}.`,
            },
            ...chosen.warnings,
          ]
        : [...chosen.findings.map(({ code, message }) => ({ code, message })), ...chosen.warnings];
      const out = result(
        passed ? 'TN-Validation-Passed' : 'TN-Validation-Failed',
        chosen.claims?.attest ?? null,
        reasons,
        passed ? null : SIP_RESPONSES[chosen.findings[0]!.sip],
        upstream,
      );
      out.origid = chosen.claims?.origid ?? null;
      out.orig = chosen.claims?.orig ?? null;
      out.dest = chosen.claims?.dest ?? [];
      out.iat = chosen.claims?.iat ?? null;
      out.x5u = chosen.claims?.x5u ?? null;
      out.signer = chosen.signer;
      return out;
    },
  };
}

interface Ctx {
  origTns: string[];
  destTns: string[];
  dateSeconds: number | null;
  nowSeconds: number;
}

interface Outcome {
  claims: ClaimResult | null;
  ppt: unknown;
  /** Problems that do not fail the call (an unavailable CRL under the soft policy). */
  warnings: StirReason[];
  signer: SignerInfo | null;
  findings: Finding[];
}

function result(
  verstat: Verstat,
  attest: StirVerification['attest'],
  reasons: StirReason[],
  sipResponse: StirVerification['sipResponse'],
  upstreamVerstat: string | null,
): StirVerification {
  const fact = callerIdFromVerstat(verstat, attest);
  return {
    verstat,
    attest,
    origid: null,
    reasons,
    sipResponse: sipResponse ? { ...sipResponse } : null,
    callerIdVerification: fact === 'unknown' ? 'not-verified' : fact,
    orig: null,
    dest: [],
    iat: null,
    x5u: null,
    signer: null,
    upstreamVerstat,
    note: HONESTY_NOTE,
  };
}

interface Merged {
  identity: string[];
  from: string | null;
  pai: string[];
  to: string | null;
  requestUri: string | null;
  date: string | Date | number | undefined;
}

function mergeInvite(r: VerifyRequest): Merged {
  const sip = r.invite !== undefined ? parseSipMessage(r.invite) : null;
  const list = (v: string | readonly string[] | undefined) =>
    v === undefined ? undefined : typeof v === 'string' ? [v] : [...v];
  return {
    identity: list(r.identity) ?? sip?.identity ?? [],
    from: r.from ?? sip?.from ?? null,
    pai: list(r.pai) ?? sip?.pAssertedIdentity ?? [],
    to: r.to ?? sip?.to ?? null,
    requestUri: r.requestUri ?? sip?.requestUri ?? null,
    date: r.date ?? sip?.date ?? undefined,
  };
}

function toSeconds(d: string | Date | number | undefined): number | null {
  if (d === undefined) return null;
  if (typeof d === 'number') return Number.isFinite(d) ? Math.floor(d) : null;
  const t = d instanceof Date ? d.getTime() : Date.parse(d);
  return Number.isNaN(t) ? null : Math.floor(t / 1000);
}

function unique(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

/** KeyObjects per certificate key: converting a CryptoKey costs more than the verify itself. */
const keyObjects = new WeakMap<CryptoKey, KeyObject>();

/**
 * ES256 over the JWS signing input with node:crypto (ECDSA P-256, SHA-256, raw r||s signature). The
 * header's alg was checked when the PASSporT was parsed; this is the same check jose's compactVerify
 * makes, at less than half its cost on the warm path (see bench/stir.bench.ts).
 */
function verifyEs256(token: string, key: CryptoKey): boolean {
  const lastDot = token.lastIndexOf('.');
  if (lastDot <= 0) return false;
  let keyObject = keyObjects.get(key);
  if (!keyObject) {
    keyObject = KeyObject.from(key);
    keyObjects.set(key, keyObject);
  }
  try {
    const signature = base64url.decode(token.slice(lastDot + 1));
    if (signature.length !== 64) return false;
    return cryptoVerify(
      'sha256',
      Buffer.from(token.slice(0, lastDot), 'ascii'),
      { key: keyObject, dsaEncoding: 'ieee-p1363' },
      signature,
    );
  } catch {
    return false;
  }
}

/**
 * The STIR/SHAKEN verification service (RFC 8224 §6.2, ATIS-1000074 §5.3): Identity header →
 * claims → certificate (cached) → chain to a trusted STI-CA → ES256 signature → verstat. Node only
 * (certificate fetching and files); the parsing and mapping it calls are pure.
 */
import { KeyObject, verify as cryptoVerify } from 'node:crypto';
import type { X509Certificate } from './x509.js';
import type { CountryCode } from 'libphonenumber-js';
import { callerIdFromVerstat } from './caller-id.js';
import { CertFetchError } from './cert-fetch.js';
import { CertSource, type LoadedCertificates } from './cert-source.js';
import { checkChain, validityProblem, type ChainResult } from './chain.js';
import { fingerprint, type TrustStore } from './certificates.js';
import { readIdentityHeader, type IdentityHeader } from './identity-header.js';
import { checkPassportClaims, type ClaimContext, type ClaimResult, type Finding } from './passport-claims.js';
import { parseSipMessage, verstatParam } from './sip-message.js';
import { tnAuthListCovers } from './tn-auth-list.js';
import { tnFromUri, type CanonicalTnOptions } from './tn.js';
import { Lru } from './lru.js';
import { RevocationChecker, type RevocationOutcome, type RevocationPolicy } from './revocation.js';
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
  const clock = options.now;
  // Date.now() unless a clock was given: no Date object per call on the warm path. Looked up on each
  // call, so fake timers installed after the verifier was made still apply.
  const clockMs = clock ? () => clock().getTime() : () => Date.now();
  const tnOptions: CanonicalTnOptions = { defaultCountry: options.defaultCountry };
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
    now: clockMs,
    fetch: fetchOptions,
  });
  const revocationPolicy = options.revocation ?? 'soft';
  const revocation = new RevocationChecker({
    fetch: fetchOptions,
    now: clockMs,
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

  /** KeyObjects per validated chain: node:crypto verifies on them at less than half jose's cost. */
  const keyObjects = new WeakMap<ChainOk, KeyObject>();
  const keyFor = (chain: ChainOk): KeyObject => {
    let key = keyObjects.get(chain);
    if (!key) {
      key = KeyObject.from(chain.publicKey);
      keyObjects.set(chain, key);
    }
    return key;
  };

  /**
   * One Identity header. With a warm cache (certificate in memory, chain checked, CRLs cached) it
   * returns without a promise; otherwise it fetches what is missing.
   */
  function verifyOne(id: IdentityHeader, ctx: Ctx, pre: readonly Finding[]): Outcome | Promise<Outcome> {
    const claims = checkPassportClaims(id, ctx);
    // Claims first: a malformed or mismatched call never costs a certificate fetch.
    if (pre.length + claims.findings.length > 0) {
      return outcome(id, claims, null, NO_REASONS, [...pre, ...claims.findings]);
    }
    const loaded = certs.peek(claims.x5u!);
    const chain = loaded ? byLeaf.get(loaded.certs[0]!) : undefined;
    if (!loaded || !chain) return verifyCold(id, claims, ctx);
    return withChain(id, claims, ctx, loaded, chain);
  }

  /** The certificate or its chain result is not in memory yet. */
  async function verifyCold(id: IdentityHeader, claims: ClaimResult, ctx: Ctx): Promise<Outcome> {
    let loaded: LoadedCertificates;
    try {
      loaded = await certs.get(claims.x5u!);
    } catch (err) {
      const e =
        err instanceof CertFetchError
          ? err
          : new CertFetchError('X5U_UNREACHABLE', 'x5u could not be fetched.');
      return outcome(id, claims, null, NO_REASONS, [
        { code: e.code, message: e.message, sip: 'BAD_IDENTITY_INFO' },
      ]);
    }
    const chain = byLeaf.get(loaded.certs[0]!) ?? (await chainFor(loaded.certs));
    return withChain(id, claims, ctx, loaded, chain);
  }

  /** Validity, revocation, TNAuthList scope and the signature, given the (cached) chain result. */
  function withChain(
    id: IdentityHeader,
    claims: ClaimResult,
    ctx: Ctx,
    loaded: LoadedCertificates,
    chain: ChainResult,
  ): Outcome | Promise<Outcome> {
    if (!chain.ok) {
      return outcome(id, claims, null, NO_REASONS, [{ ...chain.reason, sip: 'UNSUPPORTED_CREDENTIAL' }]);
    }
    const s = chain.signer;
    const signer: SignerInfo = {
      subject: s.subject,
      issuer: s.issuer,
      spc: s.spc.slice(),
      tns: s.tns.slice(),
      notBefore: s.notBefore,
      notAfter: s.notAfter,
      fingerprint: s.fingerprint,
      source: loaded.source,
    };
    // Validity is checked on every call, cached chain or not: a certificate can expire between two calls.
    if (!(ctx.nowMs >= chain.validFrom && ctx.nowMs <= chain.validUntil)) {
      const expired = validityProblem(chain.windows, new Date(ctx.nowMs));
      if (expired) {
        return outcome(id, claims, signer, NO_REASONS, [{ ...expired, sip: 'UNSUPPORTED_CREDENTIAL' }]);
      }
    }
    if (revocationPolicy === 'off') return finish(id, claims, chain, signer, null);
    const cached = revocation.checkCached(chain.path, options.trust.certificates);
    if (cached) return finish(id, claims, chain, signer, cached);
    return revocation
      .check(chain.path, options.trust.certificates)
      .then((r) => finish(id, claims, chain, signer, r));
  }

  function finish(
    id: IdentityHeader,
    claims: ClaimResult,
    chain: ChainOk,
    signer: SignerInfo,
    rev: RevocationOutcome | null,
  ): Outcome {
    const findings: Finding[] = [];
    let warnings: readonly StirReason[] = NO_REASONS;
    if (rev) {
      if (rev.revoked) {
        return outcome(id, claims, signer, NO_REASONS, [{ ...rev.revoked, sip: 'UNSUPPORTED_CREDENTIAL' }]);
      }
      if (revocationPolicy === 'hard') {
        for (const u of rev.unavailable) findings.push({ ...u, sip: 'UNSUPPORTED_CREDENTIAL' });
      } else {
        warnings = rev.unavailable;
      }
    }
    if (chain.scoped && !tnAuthListCovers(chain.tnAuthList, claims.orig!)) {
      findings.push({
        code: 'ORIG_TN_NOT_IN_CERTIFICATE',
        message: `orig.tn ${claims.orig} is not among the numbers the certificate's TNAuthList lists.`,
        sip: 'INVALID_IDENTITY_HEADER',
      });
    }
    if (!verifyEs256(id.token, keyFor(chain))) {
      findings.push({
        code: 'SIGNATURE_INVALID',
        message:
          'The ES256 signature does not verify with the certificate key: the PASSporT was altered or signed by another key.',
        sip: 'INVALID_IDENTITY_HEADER',
      });
    }
    return outcome(id, claims, signer, warnings, findings);
  }

  return {
    async verify(request) {
      const nowMs = clockMs();
      const req = mergeInvite(request);
      const callers = req.from === null ? req.pai : [...req.pai, req.from];
      let upstream: string | null = null;
      for (const v of callers) {
        upstream = verstatParam(v);
        if (upstream) break;
      }
      const dateSeconds = toSeconds(req.date);
      const ctx: Ctx = {
        origTns: canonicalTns(callers, tnOptions),
        destTns: canonicalTns(
          req.requestUri === null
            ? req.to === null
              ? []
              : [req.to]
            : req.to === null
              ? [req.requestUri]
              : [req.to, req.requestUri],
          tnOptions,
        ),
        dateSeconds,
        nowSeconds: Math.floor(nowMs / 1000),
        maxAgeSeconds: maxAge,
        maxFutureSeconds: maxFuture,
        nowMs,
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
      if (req.date !== undefined && dateSeconds === null)
        pre.push({
          code: 'DATE_INVALID',
          message: 'The SIP Date cannot be read (expected e.g. "Tue, 25 Nov 2026 19:00:00 GMT").',
          sip: 'INVALID_IDENTITY_HEADER',
        });
      const outcomes: Outcome[] = [];
      // A call carries one or two Identity headers; a flood of them must not buy a flood of fetches.
      const count = Math.min(req.identity.length, MAX_IDENTITY_HEADERS);
      for (let i = 0; i < count; i++) {
        const id = readIdentityHeader(req.identity[i]!);
        if ('problem' in id) {
          const code = id.problem === 'too-large' ? 'IDENTITY_TOO_LARGE' : 'IDENTITY_MALFORMED';
          outcomes.push({
            claims: null,
            ppt: undefined,
            signer: null,
            warnings: NO_REASONS,
            findings: [{ code, message: id.message, sip: 'INVALID_IDENTITY_HEADER' }],
          });
          continue;
        }
        const pending = verifyOne(id, ctx, pre);
        const outcome = pending instanceof Promise ? await pending : pending;
        // Only a verified signature puts a fetched certificate in the disk cache (see CertSource.pending).
        const x5u = outcome.claims?.x5u;
        if (outcome.findings.length === 0 && x5u && certs.hasPending(x5u)) await certs.persist(x5u);
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

type ChainOk = Extract<ChainResult, { ok: true }>;

/** Shared empty list for outcomes without warnings (never changed: outcomes are only read). */
const NO_REASONS: readonly StirReason[] = Object.freeze([]);

function outcome(
  id: IdentityHeader,
  claims: ClaimResult,
  signer: SignerInfo | null,
  warnings: readonly StirReason[],
  findings: Finding[],
): Outcome {
  return { claims, ppt: id.header.ppt, signer, warnings, findings };
}

interface Ctx extends ClaimContext {
  /** The verifier clock for this call, ms: freshness and certificate validity use the same instant. */
  nowMs: number;
}

interface Outcome {
  claims: ClaimResult | null;
  ppt: unknown;
  /** Problems that do not fail the call (an unavailable CRL under the soft policy). */
  warnings: readonly StirReason[];
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
  identity: readonly string[];
  from: string | null;
  pai: readonly string[];
  to: string | null;
  requestUri: string | null;
  date: string | Date | number | undefined;
}

/** The request's own fields, completed from its INVITE. The lists are only read, never changed. */
function mergeInvite(r: VerifyRequest): Merged {
  const sip = r.invite !== undefined ? parseSipMessage(r.invite) : null;
  const list = (v: string | readonly string[] | undefined) =>
    v === undefined ? undefined : typeof v === 'string' ? [v] : v;
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

/** The canonical numbers of SIP/tel URIs, each once, in order; values without a number are left out. */
function canonicalTns(values: readonly string[], opts: CanonicalTnOptions): string[] {
  const out: string[] = [];
  for (const v of values) {
    const tn = tnFromUri(v, opts);
    if (tn !== null && !out.includes(tn)) out.push(tn);
  }
  return out;
}

/**
 * ES256 over the JWS signing input with node:crypto (ECDSA P-256, SHA-256, raw r||s signature). The
 * header's alg was checked when the PASSporT was parsed; this is the same check jose's compactVerify
 * makes, at less than half its cost on the warm path (see bench/stir.bench.ts). `token` comes from
 * readIdentityHeader, which let only base64url characters and two dots through.
 */
function verifyEs256(token: string, key: KeyObject): boolean {
  const lastDot = token.lastIndexOf('.');
  if (lastDot <= 0) return false;
  const signature = Buffer.from(token.slice(lastDot + 1), 'base64url');
  if (signature.length !== 64) return false;
  try {
    return cryptoVerify(
      'sha256',
      Buffer.from(token.slice(0, lastDot), 'latin1'),
      { key, dsaEncoding: 'ieee-p1363' },
      signature,
    );
  } catch {
    return false;
  }
}

/**
 * Checks a SHAKEN PASSporT's header and claims against the SIP request (RFC 8224 §6.2, RFC 8225,
 * RFC 8588, ATIS-1000074 §5.3). No signature or certificate work here: this runs first so a
 * malformed or mismatched call never costs a network fetch. Pure.
 */
import type { IdentityHeader } from './identity-header.js';
import { canonicalTn } from './tn.js';
import type { Attestation, SipResponseKey, StirReason } from './types.js';

/** A reason with the SIP response it leads to. */
export interface Finding extends StirReason {
  sip: SipResponseKey;
}

export interface ClaimContext {
  /** Canonical numbers the call is from (P-Asserted-Identity and/or From); orig.tn must equal one. */
  origTns: string[];
  /** Canonical number(s) the call is to (To and/or Request-URI); one must be in dest.tn. */
  destTns: string[];
  /** The SIP Date, seconds since the epoch, if known. */
  dateSeconds: number | null;
  /** The verifier's clock, seconds since the epoch. */
  nowSeconds: number;
  /** Maximum age of iat relative to the Date (or the clock): 60 s by default. */
  maxAgeSeconds: number;
  /** How far iat may be ahead of the Date (or the clock): clock skew allowance. */
  maxFutureSeconds: number;
}

export interface ClaimResult {
  findings: Finding[];
  attest: Attestation | null;
  origid: string | null;
  orig: string | null;
  dest: string[];
  iat: number | null;
  x5u: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_DEST = 64;

/**
 * Every header/claim problem of one Identity header, in a stable order.
 *
 * @example checkPassportClaims(parseIdentityHeader(h), { origTns: ['12025550100'], destTns: ['12025550143'], dateSeconds: null, nowSeconds: 1_800_000_000, maxAgeSeconds: 60, maxFutureSeconds: 60 })
 */
export function checkPassportClaims(id: IdentityHeader, ctx: ClaimContext): ClaimResult {
  const findings: Finding[] = [];
  const bad = (code: string, message: string, sip: SipResponseKey = 'INVALID_IDENTITY_HEADER') =>
    findings.push({ code, message, sip });
  const { header, payload, params } = id;

  if (header.alg !== 'ES256')
    bad('ALG_NOT_ES256', `PASSporT alg is ${show(header.alg)}; SHAKEN requires ES256.`);
  if (params.alg !== undefined && params.alg !== 'ES256') {
    bad('ALG_PARAM_NOT_ES256', `Identity alg parameter is "${params.alg}"; SHAKEN requires ES256.`);
  }
  if (header.ppt !== 'shaken')
    bad('PPT_NOT_SHAKEN', `PASSporT ppt is ${show(header.ppt)}; expected "shaken".`);
  if (params.ppt !== undefined && params.ppt !== 'shaken') {
    bad('PPT_PARAM_NOT_SHAKEN', `Identity ppt parameter is "${params.ppt}"; expected "shaken".`);
  }
  if (header.typ !== 'passport')
    bad('TYP_NOT_PASSPORT', `PASSporT typ is ${show(header.typ)}; expected "passport".`);
  const x5u = typeof header.x5u === 'string' && header.x5u.length > 0 ? header.x5u : null;
  if (!x5u) bad('X5U_MISSING', 'PASSporT header has no x5u (certificate address).');
  if (params.info === undefined) bad('INFO_MISSING', 'Identity header has no info=<...> parameter.');
  else if (x5u && params.info !== x5u) {
    bad(
      'X5U_INFO_MISMATCH',
      `PASSporT x5u (${clip(x5u)}) differs from the info parameter (${clip(params.info)}).`,
    );
  }

  const attest =
    payload.attest === 'A' || payload.attest === 'B' || payload.attest === 'C' ? payload.attest : null;
  if (!attest) bad('ATTEST_INVALID', `attest is ${show(payload.attest)}; expected "A", "B" or "C".`);
  const origid = typeof payload.origid === 'string' && UUID.test(payload.origid) ? payload.origid : null;
  if (!origid) bad('ORIGID_INVALID', `origid is ${show(payload.origid)}; expected a UUID.`);

  const origRaw = isObject(payload.orig) ? payload.orig.tn : undefined;
  const orig = typeof origRaw === 'string' ? canonicalTn(origRaw) : null;
  if (!orig) bad('ORIG_TN_INVALID', `orig.tn is ${show(origRaw)}; expected a telephone number.`);
  const destRaw = isObject(payload.dest) ? payload.dest.tn : undefined;
  const dest =
    Array.isArray(destRaw) && destRaw.length > 0 && destRaw.length <= MAX_DEST
      ? destRaw.map((d) => (typeof d === 'string' ? canonicalTn(d) : null))
      : null;
  if (!dest || dest.some((d) => d === null)) {
    bad('DEST_TN_INVALID', `dest.tn is ${show(destRaw)}; expected an array of telephone numbers.`);
  }
  const destTns = (dest ?? []).filter((d): d is string => d !== null);

  if (orig && ctx.origTns.length > 0 && !ctx.origTns.includes(orig)) {
    bad('ORIG_TN_MISMATCH', `orig.tn ${orig} does not match the calling number ${ctx.origTns.join(' / ')}.`);
  }
  if (destTns.length > 0 && ctx.destTns.length > 0 && !ctx.destTns.some((d) => destTns.includes(d))) {
    bad(
      'DEST_TN_MISMATCH',
      `dest.tn ${destTns.join(', ')} does not include the called number ${ctx.destTns.join(' / ')}.`,
    );
  }

  const iat =
    typeof payload.iat === 'number' && Number.isSafeInteger(payload.iat) && payload.iat > 0
      ? payload.iat
      : null;
  if (iat === null) bad('IAT_INVALID', `iat is ${show(payload.iat)}; expected seconds since 1970.`);
  const ref = ctx.dateSeconds ?? ctx.nowSeconds;
  const refName = ctx.dateSeconds === null ? 'the verifier clock' : 'the SIP Date';
  if (iat !== null && iat < ref - ctx.maxAgeSeconds) {
    bad('IAT_STALE', `iat is ${ref - iat} s older than ${refName}; the limit is ${ctx.maxAgeSeconds} s.`);
  }
  if (iat !== null && iat > ref + ctx.maxFutureSeconds) {
    bad(
      'IAT_IN_FUTURE',
      `iat is ${iat - ref} s ahead of ${refName}; the limit is ${ctx.maxFutureSeconds} s.`,
    );
  }
  // RFC 8224 §6.2.1: a Date far from our clock is a replay or a broken clock, answered with 403 Stale Date.
  if (ctx.dateSeconds !== null && Math.abs(ctx.nowSeconds - ctx.dateSeconds) > ctx.maxAgeSeconds) {
    bad(
      'DATE_STALE',
      `The SIP Date is ${Math.abs(ctx.nowSeconds - ctx.dateSeconds)} s away from the verifier clock; the limit is ${ctx.maxAgeSeconds} s.`,
      'STALE_DATE',
    );
  }
  return { findings, attest, origid, orig, dest: destTns, iat, x5u };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v);
  return clip(s ?? String(v));
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

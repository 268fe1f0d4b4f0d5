/**
 * Shapes of a STIR/SHAKEN verification. Pure types: the SIP parsing and result mapping run anywhere;
 * only certificate fetching needs Node.
 */

/** What a terminating carrier puts in `verstat` (3GPP TS 24.229, ATIS-1000074). */
export type Verstat = 'TN-Validation-Passed' | 'TN-Validation-Failed' | 'No-TN-Validation';

/** SHAKEN attestation: A full (the carrier knows the customer and their right to the number), B partial, C gateway. */
export type Attestation = 'A' | 'B' | 'C';

/** The RFC 8224 response a verifier would send back upstream (null when the call passes). */
export interface SipResponse {
  code: 403 | 428 | 436 | 437 | 438;
  reason: string;
}

export const SIP_RESPONSES = {
  STALE_DATE: { code: 403, reason: 'Stale Date' },
  USE_IDENTITY_HEADER: { code: 428, reason: 'Use Identity Header' },
  BAD_IDENTITY_INFO: { code: 436, reason: 'Bad Identity Info' },
  UNSUPPORTED_CREDENTIAL: { code: 437, reason: 'Unsupported Credential' },
  INVALID_IDENTITY_HEADER: { code: 438, reason: 'Invalid Identity Header' },
} as const satisfies Record<string, SipResponse>;

export type SipResponseKey = keyof typeof SIP_RESPONSES;

/** One reason the verification reached its result. `code` is stable; `message` is for people. */
export interface StirReason {
  code: string;
  message: string;
}

/** The decoded PASSporT parts a verifier looks at (RFC 8225 + RFC 8588). */
export interface PassportHeader {
  alg?: unknown;
  ppt?: unknown;
  typ?: unknown;
  x5u?: unknown;
  [k: string]: unknown;
}

export interface PassportPayload {
  attest?: unknown;
  orig?: unknown;
  dest?: unknown;
  iat?: unknown;
  origid?: unknown;
  [k: string]: unknown;
}

/** Details of the service provider certificate that signed the call. */
export interface SignerInfo {
  subject: string;
  issuer: string;
  /** Service Provider Codes from the TNAuthList extension (the OCN/SPC of the signing carrier). */
  spc: string[];
  /** Telephone numbers and ranges from TNAuthList, if any. */
  tns: string[];
  notBefore: string;
  notAfter: string;
  /** SHA-256 fingerprint of the leaf certificate, hex. */
  fingerprint: string;
  /** Where the certificate came from this time. */
  source: 'memory' | 'cert-dir' | 'disk-cache' | 'network';
}

export interface StirVerification {
  verstat: Verstat;
  attest: Attestation | null;
  origid: string | null;
  reasons: StirReason[];
  sipResponse: SipResponse | null;
  /** The fact this gives the engine's `callerIdVerification`. */
  callerIdVerification: 'passed' | 'failed' | 'not-verified';
  /** Canonical numbers as signed (present when the PASSporT could be read). */
  orig: string | null;
  dest: string[];
  iat: number | null;
  x5u: string | null;
  signer: SignerInfo | null;
  /** A `verstat` an upstream carrier already put in P-Asserted-Identity or From, if any. */
  upstreamVerstat: string | null;
  /** Always present: what a passed verification does and does not mean. */
  note: string;
}

/** What a valid signature means, stated in every result and in the docs. */
export const HONESTY_NOTE =
  'A valid signature proves which carrier vouched for the calling number, not that the caller is honest: ' +
  'an unsolicited call from "Microsoft" is still a scam whatever its attestation.';

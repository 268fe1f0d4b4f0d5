/**
 * Turns what the network or the phone says about caller ID into the engine's `callerIdVerification`
 * fact. Pure.
 */
import type { CallerIdVerification } from '../engine/types.js';
import type { Attestation, Verstat } from './types.js';

/**
 * verstat → fact. Only full attestation (A) vouches for the number itself: with B the carrier knows
 * the customer but not their right to the number, with C it only knows where the call entered its
 * network, so a passed B or C signature still leaves the number "not-verified". Omit `attest` when
 * it is not known (a carrier's verstat parameter does not carry it).
 *
 * @example callerIdFromVerstat('TN-Validation-Passed', 'A') // 'passed'
 * @example callerIdFromVerstat('TN-Validation-Passed', 'C') // 'not-verified'
 * @example callerIdFromVerstat('TN-Validation-Failed') // 'failed'
 */
export function callerIdFromVerstat(
  verstat: Verstat | string | null | undefined,
  attest?: Attestation | null,
): CallerIdVerification {
  if (!verstat) return 'unknown';
  const v = verstat.trim();
  // Some networks append the attestation: TN-Validation-Passed-A.
  const passed = /^TN-Validation-Passed(?:-([ABC]))?$/i.exec(v);
  if (passed) {
    const level = attest ?? (passed[1]?.toUpperCase() as Attestation | undefined) ?? null;
    return level === null || level === 'A' ? 'passed' : 'not-verified';
  }
  if (/^TN-Validation-Failed(?:-[ABC])?$/i.test(v)) return 'failed';
  if (/^No-TN-Validation$/i.test(v)) return 'not-verified';
  return 'unknown';
}

/**
 * What a phone shows → fact. Understands Android's verification status (Connection.VERIFICATION_STATUS_*:
 * 0 not verified, 1 passed, 2 failed, by name or number), the words "passed", "failed", "not verified",
 * "verified call", and verstat values.
 *
 * @example callerIdFromDisplay('VERIFICATION_STATUS_PASSED') // 'passed'
 * @example callerIdFromDisplay('not-verified') // 'not-verified'
 */
export function callerIdFromDisplay(label: string | number | null | undefined): CallerIdVerification {
  if (label === null || label === undefined) return 'unknown';
  const fromVerstat = callerIdFromVerstat(String(label));
  if (fromVerstat !== 'unknown') return fromVerstat;
  const s = String(label)
    .trim()
    .toLowerCase()
    .replace(/^verification_status_/, '')
    .replace(/[\s_]+/g, '-');
  if (s === '1' || s === 'passed' || s === 'verified' || s === 'verified-call' || s === 'verified-caller') {
    return 'passed';
  }
  if (s === '2' || s === 'failed' || s === 'verification-failed' || s === 'spoofed') return 'failed';
  if (s === '0' || s === 'not-verified' || s === 'unverified' || s === 'no-verification')
    return 'not-verified';
  return 'unknown';
}

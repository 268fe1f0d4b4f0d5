/**
 * Fills a call's assessment summary from the engine when the person did not give one: the verdict,
 * the risk, the plain-language summary and the red-flag ids (never transcript text). Pure.
 */
import { assess } from '../engine/index.js';
import type { AssessInput } from '../engine/types.js';
import type { AssessmentSummary, Call } from './schema.js';

/**
 * @example
 * assessCall({ kind: 'call', id: '…', at: '2026-11-20', direction: 'incoming', claimedOrg: 'Microsoft' })?.verdict; // "scam"
 */
export function assessCall(call: Call): AssessmentSummary | null {
  const facts: NonNullable<AssessInput['facts']> = {
    initiatedBy: call.direction === 'incoming' ? 'them' : 'me',
  };
  if (call.claimedOrg) facts.claimedOrg = call.claimedOrg;
  if (call.theirNumber && call.direction === 'incoming') facts.callerNumber = call.theirNumber;
  if (call.callerIdName) facts.callerIdName = call.callerIdName;
  if (call.callerIdVerification) facts.callerIdVerification = call.callerIdVerification;
  if (!call.claimedOrg && !call.transcript) return null;
  try {
    const a = assess({ facts, ...(call.transcript ? { transcript: call.transcript } : {}) });
    return {
      verdict: a.verdict,
      risk: Math.round(a.risk * 1000) / 1000,
      summary: a.summary.slice(0, 1000),
      flags: a.redFlags.map((f) => String(f.id).slice(0, 80)).slice(0, 50),
    };
  } catch {
    // An empty or unreadable transcript is not a reason to refuse the case entry.
    return null;
  }
}

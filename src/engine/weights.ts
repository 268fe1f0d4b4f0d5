/**
 * The one reviewed place for weights, group caps and verdict thresholds (log-odds units).
 * score = bias + Σ min(group cap, Σ flag weights in the group) + Σ mitigations (+ learned logit);
 * risk = sigmoid(score). Hand-set for now; the evaluation scripts may regenerate this file with
 * fitted numbers, so keep it a plain typed object literal of numbers.
 */
export interface Weights {
  /** Provenance of the numbers below. */
  provenance: string;
  bias: number;
  flags: Record<string, number>;
  /** Negative evidence (lowers risk). */
  mitigations: Record<string, number>;
  /** Rspamd-style max_score per group. */
  groupCaps: Record<string, number>;
  /** Multiplier for flags raised by unattributed text (speaker unknown): be conservative. */
  unknownSpeakerFactor: number;
  /** Minimum risk for each verdict (checked from the top). */
  thresholds: { scam: number; likelyScam: number; unclear: number };
  /** Cap on the learned scorer's contribution, either way. */
  learnedCap: number;
}

export const WEIGHTS: Weights = {
  provenance: 'hand-set by the engine engineer, 2026-11-25; not fitted',
  bias: -3,
  flags: {
    UNSOLICITED_TECH_SUPPORT_CALL: 2.5,
    CLAIMS_DEVICE_INFECTED: 1.8,
    REMOTE_ACCESS_REQUEST: 2.5,
    CREDENTIAL_REQUEST: 2.8,
    FINANCIAL_INFO_REQUEST: 2.5,
    PAYMENT_FOR_SUPPORT: 2,
    UNUSUAL_PAYMENT_METHOD: 3,
    URGENCY_OR_THREAT: 1.3,
    CALLER_ID_UNVERIFIED_OR_SPOOFED: 1,
    REFUSES_VERIFICATION: 1.8,
    SECRECY_REQUEST: 2.2,
    REFUND_OVERPAYMENT: 2,
    MOVE_MONEY_TO_SAFE_ACCOUNT: 3.5,
    FAKE_ERROR_PROOF: 2.5,
    NUMBER_FROM_POPUP_OR_AD: 2.5,
    ACCOUNT_PROBLEM_CLAIM: 1.3,
    UNSOLICITED_AGENCY_CALL: 1.8,
    PRESS_KEY_PROMPT: 1.3,
    UNSOLICITED_OFFER: 1.5,
    COMBO_UNSOLICITED_REMOTE_ACCESS: 2,
    COMBO_INFECTED_REMOTE_PAYMENT: 2,
    COMBO_UNSOLICITED_INFECTED: 1.5,
    COMBO_REFUND_ACCESS: 2,
    COMBO_THREAT_AND_PAYMENT: 1.5,
    COMBO_ROBOCALL_IMPERSONATION: 1.5,
    COMBO_SAFE_ACCOUNT_SECRECY: 1.5,
  },
  mitigations: {
    PRIOR_SUPPORT_REQUEST: -2.5,
    PRIOR_REQUEST_REFERENCED: -1.2,
    DIALED_OFFICIAL_NUMBER: -2,
    ADVISES_OFFICIAL_CALLBACK: -1.2,
  },
  groupCaps: {
    contact: 4,
    request: 6,
    payment: 5,
    pressure: 3,
    identity: 2.5,
    deception: 4,
    'caller-id': 2,
    combination: 4,
    learned: 3,
  },
  unknownSpeakerFactor: 0.7,
  thresholds: { scam: 0.85, likelyScam: 0.6, unclear: 0.25 },
  learnedCap: 3,
};

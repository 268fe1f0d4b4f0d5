/**
 * Every red flag the engine can raise, as data (Rspamd symbols / SpamAssassin rules): stable id,
 * group, severity, title, plain-language explanation and source. Weights live in ../weights.ts.
 */
import type { FlagGroup, Severity, SourceRef } from '../types.js';
import { SOURCES } from './sources.js';
import { WEIGHTS } from '../weights.js';

export interface FlagDefinition {
  id: string;
  group: FlagGroup;
  severity: Severity;
  title: string;
  explanation: string;
  source: SourceRef;
}

const DEFS = [
  {
    id: 'UNSOLICITED_TECH_SUPPORT_CALL',
    group: 'contact',
    severity: 'high',
    title: 'Unsolicited call claiming to be tech support',
    explanation:
      'They called you about your computer or account without you asking for help first. Microsoft and other big tech companies do not do this.',
    source: SOURCES.unsolicited,
  },
  {
    id: 'CLAIMS_DEVICE_INFECTED',
    group: 'deception',
    severity: 'high',
    title: 'Says your device is infected or hacked',
    explanation:
      'The caller says your computer or phone has a virus, is hacked or is sending errors. Companies cannot see that from their side; it is a scare tactic.',
    source: SOURCES.infected,
  },
  {
    id: 'REMOTE_ACCESS_REQUEST',
    group: 'request',
    severity: 'critical',
    title: 'Asks for remote access to your device',
    explanation:
      'The caller wants you to install or open a remote-control tool (AnyDesk, TeamViewer, Quick Assist...) or read out its code. With it they control your computer and your bank sessions.',
    source: SOURCES.remoteAccess,
  },
  {
    id: 'CREDENTIAL_REQUEST',
    group: 'request',
    severity: 'critical',
    title: 'Asks for a password or a code',
    explanation:
      'The caller asks for a password, PIN or a one-time code sent to you. No genuine company asks you to read these out on the phone.',
    source: SOURCES.credentials,
  },
  {
    id: 'FINANCIAL_INFO_REQUEST',
    group: 'request',
    severity: 'critical',
    title: 'Asks for card, bank or ID numbers',
    explanation:
      'The caller asks for a card number, bank account or online-banking details, or your Social Security number. Never give these to someone who called you.',
    source: SOURCES.credentials,
  },
  {
    id: 'PAYMENT_FOR_SUPPORT',
    group: 'payment',
    severity: 'high',
    title: 'Wants payment for support, software or a fix',
    explanation:
      'The caller charges a fee for fixing, protecting or renewing something you did not ask about.',
    source: SOURCES.payment,
  },
  {
    id: 'UNUSUAL_PAYMENT_METHOD',
    group: 'payment',
    severity: 'critical',
    title: 'Wants gift cards, crypto, wire or cash',
    explanation:
      'Gift cards, cryptocurrency, wire transfers, payment apps and cash couriers are how scammers get money that cannot be recovered. Real companies do not ask for them.',
    source: SOURCES.giftCards,
  },
  {
    id: 'URGENCY_OR_THREAT',
    group: 'pressure',
    severity: 'medium',
    title: 'Rushes or threatens you',
    explanation:
      'Threats (arrest, suspension, data loss) and pressure to act now are meant to stop you from thinking or checking.',
    source: SOURCES.urgency,
  },
  {
    id: 'CALLER_ID_UNVERIFIED_OR_SPOOFED',
    group: 'caller-id',
    severity: 'medium',
    title: 'Caller ID cannot be trusted',
    explanation:
      'The number shown was not verified, failed verification, or the caller points at it as proof. Caller ID can be faked; even a verified number proves only the number, not that the caller is honest.',
    source: SOURCES.spoofing,
  },
  {
    id: 'REFUSES_VERIFICATION',
    group: 'identity',
    severity: 'high',
    title: 'Avoids being checked',
    explanation:
      'The caller will not give a callback number or department, tells you not to call back, or cannot confirm details of your account that the real company would know.',
    source: SOURCES.verify,
  },
  {
    id: 'SECRECY_REQUEST',
    group: 'pressure',
    severity: 'high',
    title: 'Tells you to keep it secret',
    explanation:
      'Being told not to tell your bank, family or the shop assistant is a sign someone wants no one to stop the scam.',
    source: SOURCES.secrecy,
  },
  {
    id: 'REFUND_OVERPAYMENT',
    group: 'deception',
    severity: 'high',
    title: 'Refund or "we sent you too much"',
    explanation:
      'An unexpected refund, or a claim that too much was refunded and you must send the difference back, is a common trick to get remote access and money.',
    source: SOURCES.refund,
  },
  {
    id: 'MOVE_MONEY_TO_SAFE_ACCOUNT',
    group: 'payment',
    severity: 'critical',
    title: 'Asks you to move money to a "safe" account',
    explanation:
      'No bank, company or government agency ever asks you to move your money to protect it. This is the "Phantom Hacker" scam.',
    source: SOURCES.safeAccount,
  },
  {
    id: 'FAKE_ERROR_PROOF',
    group: 'deception',
    severity: 'high',
    title: 'Shows normal system screens as "proof"',
    explanation:
      'Event Viewer warnings, netstat connections, "stopped services" or a licence ID are normal on every computer. Scammers show them to make you believe there is a problem.',
    source: SOURCES.fakeProof,
  },
  {
    id: 'NUMBER_FROM_POPUP_OR_AD',
    group: 'contact',
    severity: 'high',
    title: 'You dialled a number from a pop-up, ad or email',
    explanation:
      'Numbers in browser warnings, search ads and unexpected invoice emails lead to scammers. Real companies never put a phone number in an error message.',
    source: SOURCES.popup,
  },
  {
    id: 'ACCOUNT_PROBLEM_CLAIM',
    group: 'deception',
    severity: 'medium',
    title: 'Says something is wrong with your account',
    explanation:
      'Claims of suspicious activity, an order you did not place, or a suspended number are used to get you to act before you check.',
    source: SOURCES.accountProblem,
  },
  {
    id: 'UNSOLICITED_AGENCY_CALL',
    group: 'contact',
    severity: 'high',
    title: 'Call claiming to be a government agency',
    explanation:
      'Agencies such as the IRS or Social Security do not call out of the blue to threaten you or ask for payment or personal numbers.',
    source: SOURCES.government,
  },
  {
    id: 'PRESS_KEY_PROMPT',
    group: 'contact',
    severity: 'medium',
    title: 'Recorded message asking you to press a key',
    explanation:
      'A recording that asks you to press a key to talk to an "agent" is a robocall. Hang up; do not press anything.',
    source: SOURCES.robocall,
  },
  {
    id: 'RECORDED_SALES_PROMPT',
    group: 'contact',
    severity: 'medium',
    title: 'Recording offers a live operator or to take you off a list',
    explanation:
      'A recorded message you did not ask for that says pressing a key will connect you to a live operator, start a claim or remove you from a list is a sales robocall, which is illegal without your written permission. Pressing a key leads to a salesperson or scammer, or to more calls. Hang up.',
    source: SOURCES.robocall,
  },
  {
    id: 'UNSOLICITED_OFFER',
    group: 'contact',
    severity: 'medium',
    title: 'Unexpected offer (warranty, lower rates, prize)',
    explanation:
      'Out-of-the-blue offers of car warranties, lower interest rates, debt relief or prizes are common scam openers.',
    source: SOURCES.offers,
  },
  {
    id: 'SSN_OR_BENEFITS_THREAT',
    group: 'deception',
    severity: 'high',
    title: 'Says your Social Security number or benefits will be suspended',
    explanation:
      'Social Security numbers are never suspended, and agencies do not call to threaten your number, your benefits or legal action against them. The threat is there to make you press a key or call back.',
    source: SOURCES.ssaSuspension,
  },
  {
    id: 'ELIGIBILITY_CLAIM',
    group: 'contact',
    severity: 'medium',
    title: 'Says you qualify for something you never applied for',
    explanation:
      'Being told out of the blue that you are eligible, pre-approved or selected for a discount, loan forgiveness or a programme is how offer scams begin. Apply only through the official site yourself.',
    source: SOURCES.eligibility,
  },
  {
    id: 'CALLBACK_ON_CALLER_ID',
    group: 'caller-id',
    severity: 'medium',
    title: 'Tells you to call back the number on your caller ID',
    explanation:
      'Caller ID can be faked. A real company tells you to use the number on your bill, card or its website, not whatever number showed on your phone.',
    source: SOURCES.callerIdCallback,
  },
  {
    id: 'COMBO_UNSOLICITED_REMOTE_ACCESS',
    group: 'combination',
    severity: 'critical',
    title: 'Unsolicited "support" call that wants remote access',
    explanation:
      'A company that called you out of the blue and wants control of your computer: this is the classic tech-support scam.',
    source: SOURCES.remoteAccess,
  },
  {
    id: 'COMBO_INFECTED_REMOTE_PAYMENT',
    group: 'combination',
    severity: 'critical',
    title: '"Virus" + remote access + payment',
    explanation: 'Scare, take control, then charge: the full pattern of a tech-support scam.',
    source: SOURCES.infected,
  },
  {
    id: 'COMBO_UNSOLICITED_INFECTED',
    group: 'combination',
    severity: 'high',
    title: 'Called you out of the blue about a "virus"',
    explanation: 'No company monitors your computer and calls you about infections.',
    source: SOURCES.unsolicited,
  },
  {
    id: 'COMBO_REFUND_ACCESS',
    group: 'combination',
    severity: 'critical',
    title: 'Refund that needs remote access or bank details',
    explanation: 'A "refund" that needs control of your computer or your bank login is the refund scam.',
    source: SOURCES.refund,
  },
  {
    id: 'COMBO_THREAT_AND_PAYMENT',
    group: 'combination',
    severity: 'critical',
    title: 'Threats plus a demand for money or numbers',
    explanation:
      'Pressure combined with a demand for payment or financial details is how impersonation scams take money.',
    source: SOURCES.government,
  },
  {
    id: 'COMBO_ROBOCALL_IMPERSONATION',
    group: 'combination',
    severity: 'high',
    title: 'Robocall about a problem or offer',
    explanation:
      'A recorded message about your account, an order, a threat or an offer that asks you to press a key is an illegal robocall.',
    source: SOURCES.robocall,
  },
  {
    id: 'COMBO_SAFE_ACCOUNT_SECRECY',
    group: 'combination',
    severity: 'critical',
    title: 'Move money and keep it secret',
    explanation: 'Moving money "to keep it safe" while hiding it from your bank is the Phantom Hacker scam.',
    source: SOURCES.safeAccount,
  },
  {
    id: 'COMBO_OFFER_UNDER_PRESSURE',
    group: 'combination',
    severity: 'high',
    title: 'Offer with a deadline or a caller-ID callback',
    explanation:
      'An unexpected offer or "you qualify" that must be taken up now, or through the number on your caller ID, is an illegal sales call or a scam.',
    source: SOURCES.robocallGuide,
  },
  {
    id: 'LEARNED_SCAM_LANGUAGE',
    group: 'learned',
    severity: 'low',
    title: 'Sounds like known scam scripts',
    explanation:
      "A model trained on labelled calls finds the caller's wording typical of scam scripts. Its weight varies with the wording (capped); it never decides alone.",
    source: { name: 'CallGuard learned scorer (src/engine/learned/PROVENANCE.md)' },
  },
] as const satisfies readonly FlagDefinition[];

export type DefinedFlagId = (typeof DEFS)[number]['id'];

/** Flag definitions with their current weight, for display (API, docs). */
export const RED_FLAG_DEFINITIONS: ReadonlyArray<FlagDefinition & { weight: number }> = DEFS.map((d) => ({
  ...d,
  weight: WEIGHTS.flags[d.id] ?? 0,
}));

const BY_ID = new Map<string, FlagDefinition>(DEFS.map((d) => [d.id, d]));

export function getFlagDefinition(id: string): FlagDefinition {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`unknown red flag ${id}`);
  return def;
}

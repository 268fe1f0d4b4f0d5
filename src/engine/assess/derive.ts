/**
 * From what the scan found plus the facts given: the red flags (with weights and evidence), the
 * combinations, and the mitigations. Pure function of its inputs; cheap, so live mode reruns it
 * after every segment.
 */
import type { OrgProfile } from '../../knowledge/types.js';
import type { CallFacts, Checklist, Evidence, Mitigation, RedFlag } from '../types.js';
import { getFlagDefinition } from '../rules/definitions.js';
import { COMBINATIONS } from '../rules/combinations.js';
import { WEIGHTS } from '../weights.js';
import type { ScanState } from './state.js';

interface Raised {
  strength: number;
  evidence: Evidence[];
}

const TECH_KINDS = new Set(['tech', 'security-software']);
const TECH_IDS = new Set(['geek-squad']);

/** Requests a genuine callback never makes: with any of these, nothing mitigates. */
const DISQUALIFY_MITIGATION = [
  'CREDENTIAL_REQUEST',
  'FINANCIAL_INFO_REQUEST',
  'UNUSUAL_PAYMENT_METHOD',
  'MOVE_MONEY_TO_SAFE_ACCOUNT',
  'SECRECY_REQUEST',
  'REFUND_OVERPAYMENT',
  'FAKE_ERROR_PROOF',
  'NUMBER_FROM_POPUP_OR_AD',
  'REFUSES_VERIFICATION',
];

const CHECKLIST_FLAGS: ReadonlyArray<readonly [keyof Checklist, string]> = [
  ['askedForRemoteAccess', 'REMOTE_ACCESS_REQUEST'],
  ['askedForPasswordOrCode', 'CREDENTIAL_REQUEST'],
  ['askedForCardOrBankDetails', 'FINANCIAL_INFO_REQUEST'],
  ['askedForPayment', 'PAYMENT_FOR_SUPPORT'],
  ['askedForGiftCardsCryptoOrWire', 'UNUSUAL_PAYMENT_METHOD'],
  ['saidDeviceInfected', 'CLAIMS_DEVICE_INFECTED'],
  ['threatenedOrRushed', 'URGENCY_OR_THREAT'],
  ['refusedCallbackNumber', 'REFUSES_VERIFICATION'],
  ['couldNotConfirmAccountDetails', 'REFUSES_VERIFICATION'],
];

const MITIGATION_TEXT: Record<string, { title: string; explanation: string }> = {
  PRIOR_SUPPORT_REQUEST: {
    title: 'You asked for this contact first',
    explanation:
      'You contacted the organisation first through its official channel, and the caller asked for nothing a genuine company never asks for. Genuine callbacks follow a request you made.',
  },
  PRIOR_REQUEST_REFERENCED: {
    title: 'The caller refers to a request you made',
    explanation:
      'The call refers to a case, ticket or callback you asked for. Check the reference yourself in your account or by calling the official number.',
  },
  DIALED_OFFICIAL_NUMBER: {
    title: 'You dialled a number you looked up yourself',
    explanation:
      "You called a number from the organisation's own website, your card or bill, or a contact you already had. That is the safe way to reach a company.",
  },
  ADVISES_OFFICIAL_CALLBACK: {
    title: 'The caller tells you to call back on the official number',
    explanation:
      'Genuine fraud teams tell you to hang up and call the number on your card or the official website. Scammers try to keep you on the line.',
  },
};

export interface Derived {
  flags: RedFlag[];
  mitigations: Mitigation[];
  /** Whether the caller's side placed the call, as far as is known. */
  initiated: 'them' | 'me' | 'unknown';
}

export function derive(state: ScanState, facts: CallFacts, org: OrgProfile | null): Derived {
  const raised = new Map<string, Raised>();
  const raise = (id: string, strength: number, evidence: Evidence[]) => {
    const r = raised.get(id);
    if (r) {
      r.strength = Math.max(r.strength, strength);
      for (const e of evidence) if (r.evidence.length < 6) r.evidence.push(e);
    } else raised.set(id, { strength, evidence: [...evidence] });
  };
  const fact = (f: Extract<Evidence, { kind: 'fact' }>['fact'], value: string): Evidence => ({
    kind: 'fact',
    fact: f,
    value,
  });

  // Talk of a pop-up number counts only for the call the person placed themselves, from a number
  // that was not official (a relative explaining yesterday's pop-up is not this call's source).
  const popupTalkApplies =
    facts.initiatedBy !== 'them' &&
    facts.dialedNumberSource !== 'official-site' &&
    facts.dialedNumberSource !== 'known-contact';
  for (const [id, s] of state.flags) {
    if (id === 'NUMBER_FROM_POPUP_OR_AD' && !popupTalkApplies) continue;
    raise(id, s.strength, s.evidence);
  }

  // Checklist answers.
  const checklist = facts.checklist ?? {};
  for (const [key, id] of CHECKLIST_FLAGS) {
    if (checklist[key] === true) raise(id, 1, [fact(`checklist.${key}`, 'yes')]);
  }

  // Who placed the call.
  const sig = (id: string) => state.signals.get(id) ?? [];
  const prior = priorRequest(facts);
  const priorRef = sig('SIG_PRIOR_REQUEST');
  const initiated: Derived['initiated'] =
    facts.initiatedBy === 'them' || facts.initiatedBy === 'me'
      ? facts.initiatedBy
      : sig('SIG_CALLEE_INITIATED').length > 0
        ? 'me'
        : sig('SIG_CALLER_INITIATED').length > 0
          ? 'them'
          : 'unknown';

  // Where the dialled number came from.
  const source = facts.dialedNumberSource;
  if (
    facts.initiatedBy !== 'them' &&
    (source === 'popup' || source === 'invoice-email' || source === 'search-result')
  ) {
    raise('NUMBER_FROM_POPUP_OR_AD', source === 'search-result' ? 0.8 : 1, [
      fact('dialedNumberSource', source),
    ]);
  }

  // Caller ID: a failed or missing check means the number may be faked; a pass proves only the number.
  const cid = facts.callerIdVerification;
  if (cid === 'failed') raise('CALLER_ID_UNVERIFIED_OR_SPOOFED', 1, [fact('callerIdVerification', 'failed')]);
  else if (cid === 'not-verified')
    raise('CALLER_ID_UNVERIFIED_OR_SPOOFED', 0.5, [fact('callerIdVerification', 'not-verified')]);

  // Unsolicited contact from a tech company or an agency.
  const techIntro = sig('SIG_TECH_INTRO');
  const agencyIntro = sig('SIG_AGENCY_INTRO');
  const isTechOrg = org !== null && (TECH_KINDS.has(org.kind) || TECH_IDS.has(org.id));
  const isAgency = org?.kind === 'government';
  const unprompted = !prior && initiated !== 'me';
  if (unprompted && priorRef.length === 0) {
    if (isTechOrg && facts.initiatedBy === 'them') {
      raise('UNSOLICITED_TECH_SUPPORT_CALL', 1, [
        fact('initiatedBy', 'them'),
        ...(facts.claimedOrg ? [fact('claimedOrg', facts.claimedOrg)] : []),
        ...techIntro.slice(0, 1),
      ]);
    } else if (
      (techIntro.length > 0 || isTechOrg) &&
      (initiated === 'them' || raised.has('CLAIMS_DEVICE_INFECTED') || raised.has('FAKE_ERROR_PROOF')) &&
      (techIntro.length > 0 || raised.has('CLAIMS_DEVICE_INFECTED'))
    ) {
      const ev = [...techIntro.slice(0, 1), ...sig('SIG_CALLER_INITIATED').slice(0, 1)];
      if (ev.length === 0 && facts.claimedOrg) ev.push(fact('claimedOrg', facts.claimedOrg));
      raise('UNSOLICITED_TECH_SUPPORT_CALL', 0.8, ev);
    }
  }
  if (unprompted && (isAgency || agencyIntro.length > 0)) {
    const ev =
      agencyIntro.length > 0 ? agencyIntro.slice(0, 1) : [fact('claimedOrg', facts.claimedOrg ?? org!.name)];
    raise('UNSOLICITED_AGENCY_CALL', facts.initiatedBy === 'them' || agencyIntro.length > 0 ? 1 : 0.7, ev);
  }

  // Combinations.
  for (const combo of COMBINATIONS) {
    if (!combo.requires.every((any) => any.some((id) => raised.has(id)))) continue;
    const evidence: Evidence[] = [];
    for (const any of combo.requires) {
      const id = any.find((x) => raised.has(x))!;
      const first = raised.get(id)!.evidence[0];
      if (first && !evidence.includes(first)) evidence.push(first);
    }
    raise(combo.id, 1, evidence);
  }

  // Mitigations: only when the caller asked for nothing a genuine company never asks for.
  const mitigations: Mitigation[] = [];
  if (!DISQUALIFY_MITIGATION.some((id) => raised.has(id))) {
    const mitigate = (id: string, evidence: Evidence[]) => {
      const text = MITIGATION_TEXT[id]!;
      mitigations.push({ id, weight: WEIGHTS.mitigations[id] ?? 0, ...text, evidence });
    };
    if (prior) mitigate('PRIOR_SUPPORT_REQUEST', [fact('priorSupportRequest', priorDescription(facts))]);
    else if (priorRef.length > 0) mitigate('PRIOR_REQUEST_REFERENCED', priorRef.slice(0, 2));
    if (facts.initiatedBy === 'me' && (source === 'official-site' || source === 'known-contact'))
      mitigate('DIALED_OFFICIAL_NUMBER', [fact('dialedNumberSource', source)]);
    const advice = sig('SIG_OFFICIAL_CALLBACK_ADVICE');
    if (advice.length > 0) mitigate('ADVISES_OFFICIAL_CALLBACK', advice.slice(0, 1));
  }

  const flags: RedFlag[] = [];
  for (const [id, r] of raised) {
    const def = getFlagDefinition(id);
    const base = WEIGHTS.flags[id] ?? 0;
    flags.push({
      id,
      group: def.group,
      severity: def.severity,
      weight: round(base * Math.min(1, r.strength)),
      title: def.title,
      explanation: def.explanation,
      source: def.source,
      evidence: r.evidence,
    });
  }
  flags.sort((a, b) => b.weight - a.weight);
  return { flags, mitigations, initiated };
}

function priorRequest(facts: CallFacts): boolean {
  const p = facts.priorSupportRequest;
  return p === true || (typeof p === 'object' && p !== null && p.made === true);
}

function priorDescription(facts: CallFacts): string {
  const p = facts.priorSupportRequest;
  return typeof p === 'object' && p?.caseReference ? `yes (case ${p.caseReference})` : 'yes';
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

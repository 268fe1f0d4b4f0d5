/**
 * The engine's public data model. Pure types: the engine runs unchanged in the browser and on the
 * server. Everything that crosses the API or the CLI as an assessment is described here.
 */
import type { OrgId } from '../knowledge/types.js';

export type Initiator = 'them' | 'me' | 'unknown';
export type DialedNumberSource =
  'popup' | 'search-result' | 'invoice-email' | 'official-site' | 'known-contact';
export type CallerIdVerification = 'passed' | 'failed' | 'not-verified' | 'unknown';

/** The article's checklist. `true` = yes, `false` = no, absent = don't know / skipped. */
export interface Checklist {
  askedForRemoteAccess?: boolean;
  askedForPasswordOrCode?: boolean;
  askedForCardOrBankDetails?: boolean;
  askedForPayment?: boolean;
  askedForGiftCardsCryptoOrWire?: boolean;
  saidDeviceInfected?: boolean;
  threatenedOrRushed?: boolean;
  refusedCallbackNumber?: boolean;
  couldNotConfirmAccountDetails?: boolean;
}

export interface PriorSupportRequest {
  /** The person contacted the organisation first, through an official channel. */
  made: boolean;
  caseReference?: string;
}

/** What is known about the call. Every field is optional. */
export interface CallFacts {
  /** Free text ("MS", "Windows support"); normalised to a known organisation when possible. */
  claimedOrg?: string;
  initiatedBy?: Initiator;
  /** Only meaningful when initiatedBy is "me". */
  dialedNumberSource?: DialedNumberSource;
  callerNumber?: string;
  callerIdName?: string;
  callerIdVerification?: CallerIdVerification;
  priorSupportRequest?: boolean | PriorSupportRequest;
  checklist?: Checklist;
}

export type Speaker = 'caller' | 'callee' | 'unknown';
export type TranscriptFormat = 'plain' | 'speaker-lines' | 'webvtt' | 'srt' | 'json';

/** One utterance. `offset` is where its text starts in `Transcript.text`. */
export interface Segment {
  speaker: Speaker;
  /** The label as written in the input ("Agent", "Bob"), if any. */
  label?: string;
  text: string;
  offset: number;
  start?: number;
  end?: number;
}

export interface Transcript {
  format: TranscriptFormat;
  /** Segment texts joined with "\n": evidence offsets point into this string. */
  text: string;
  segments: Segment[];
}

/** Raw transcript input: a string in any supported format, or segments. */
export type TranscriptInput =
  string | ReadonlyArray<{ speaker?: string; text: string; start?: number; end?: number }>;

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

export type FlagGroup =
  | 'contact'
  | 'request'
  | 'payment'
  | 'pressure'
  | 'identity'
  | 'deception'
  | 'caller-id'
  | 'combination'
  | 'learned';

export const RED_FLAG_IDS = [
  'UNSOLICITED_TECH_SUPPORT_CALL',
  'CLAIMS_DEVICE_INFECTED',
  'REMOTE_ACCESS_REQUEST',
  'CREDENTIAL_REQUEST',
  'FINANCIAL_INFO_REQUEST',
  'PAYMENT_FOR_SUPPORT',
  'UNUSUAL_PAYMENT_METHOD',
  'URGENCY_OR_THREAT',
  'CALLER_ID_UNVERIFIED_OR_SPOOFED',
  'REFUSES_VERIFICATION',
  'SECRECY_REQUEST',
  'REFUND_OVERPAYMENT',
  'MOVE_MONEY_TO_SAFE_ACCOUNT',
  'FAKE_ERROR_PROOF',
  'NUMBER_FROM_POPUP_OR_AD',
] as const;
/** Known ids are listed above; rules may add more (combinations, learned evidence), so ids stay strings. */
export type RedFlagId = (typeof RED_FLAG_IDS)[number] | (string & {});

export interface SourceRef {
  /** "CallGuard source article", "Microsoft", "FTC"... */
  name: string;
  url?: string;
  /** The sentence the rule rests on. */
  quote?: string;
}

/** A quoted span of the transcript, or a fact that was given. */
export type Evidence =
  | { kind: 'quote'; quote: string; start: number; end: number; speaker: Speaker; segment: number }
  | { kind: 'fact'; fact: keyof CallFacts | `checklist.${keyof Checklist}`; value: string };

export interface RedFlag {
  id: RedFlagId;
  group: FlagGroup;
  severity: Severity;
  /** Contribution to the score (log-odds units). */
  weight: number;
  title: string;
  /** Plain language: why this matters. */
  explanation: string;
  source: SourceRef;
  evidence: Evidence[];
}

export type Verdict = 'scam' | 'likely-scam' | 'unclear' | 'low-risk';

/** Evidence that lowers the risk (a support request the person made first, a number they looked up). */
export interface Mitigation {
  id: string;
  /** Contribution to the score (negative, log-odds units). */
  weight: number;
  title: string;
  explanation: string;
  evidence: Evidence[];
}

export interface NextStep {
  id: string;
  text: string;
  url?: string;
}

export type SensitiveAsk =
  | 'card-number'
  | 'bank-details'
  | 'password'
  | 'one-time-code'
  | 'remote-access-code'
  | 'id-number'
  | 'gift-card-code';

/** Raised as soon as the caller asks for something that must never be read out. */
export interface SensitiveInfoWarning {
  kind: 'sensitive-info';
  asks: SensitiveAsk;
  message: string;
  evidence: Evidence;
}

export interface Assessment {
  verdict: Verdict;
  /** Probability-like risk in [0, 1]. */
  risk: number;
  /** Plain-language one-paragraph summary of the verdict. */
  summary: string;
  /** The organisation the caller claimed to be, normalised, or null. */
  org: { id: OrgId; name: string } | null;
  redFlags: RedFlag[];
  /** What lowered the risk; absent or empty when nothing did. */
  mitigations?: Mitigation[];
  warnings: SensitiveInfoWarning[];
  questionsToAsk: string[];
  nextSteps: NextStep[];
  /** How to reach the claimed organisation through a channel the person looks up themselves. */
  officialContact: { text: string; url?: string } | null;
  engineVersion: string;
}

export interface AssessInput {
  facts?: CallFacts;
  transcript?: TranscriptInput;
}

/** Incremental assessment for live calls. */
export interface LiveUpdate {
  assessment: Assessment;
  /** Flags raised by this segment that were not raised before. */
  newFlags: RedFlag[];
  /** Sensitive-info warnings raised by this segment. */
  warnings: SensitiveInfoWarning[];
}

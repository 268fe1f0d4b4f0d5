/**
 * What the scan has found so far, kept per flag and per signal. Batch assessment fills it once;
 * live sessions add one segment at a time, so nothing already seen is scanned again.
 */
import type { Evidence, SensitiveAsk, SensitiveInfoWarning, Segment, Speaker } from '../types.js';
import { scanSegment, type Hit } from '../rules/scanner.js';
import { isSignal, TEXT_RULES, type TextRule } from '../rules/text-rules.js';
import { WEIGHTS } from '../weights.js';
import { findEnds, firstAtOrAfter } from '../text/sentences.js';
import { isSpace } from '../text/is-space.js';

/** Evidence kept per flag; more adds nothing to the score and bloats the output. */
const MAX_EVIDENCE = 5;

export interface FlagHitState {
  evidence: Evidence[];
  /** Strongest hit so far, with the unknown-speaker factor applied. */
  strength: number;
  /** Segment index of the first hit (live mode: "newly raised"). */
  firstSegment: number;
}

export interface ScanState {
  flags: Map<string, FlagHitState>;
  signals: Map<string, Evidence[]>;
  warnings: SensitiveInfoWarning[];
  /** Caller (or unattributed) text seen so far, for finding the claimed organisation. */
  callerTextHead: string;
  segmentCount: number;
  /** Length of the transcript text so far (live mode lays segments out as it goes). */
  textLength: number;
  /**
   * Per speaker, per rule (index in TEXT_RULES): 1 once a hit of that rule, said by that speaker,
   * can no longer change this state (see settle). The scanner then skips the rule.
   */
  settled: Record<Speaker, Uint8Array>;
}

export function newScanState(): ScanState {
  return {
    flags: new Map(),
    signals: new Map(),
    warnings: [],
    callerTextHead: '',
    segmentCount: 0,
    textLength: 0,
    settled: {
      caller: new Uint8Array(TEXT_RULES.length),
      callee: new Uint8Array(TEXT_RULES.length),
      unknown: new Uint8Array(TEXT_RULES.length),
    },
  };
}

/** How much caller text to keep for organisation detection. */
const ORG_HEAD_CHARS = 2000;

const ASK_MESSAGES: Record<SensitiveAsk, string> = {
  'card-number': 'Do not read out your card number, expiry date or security code.',
  'bank-details': 'Do not give your bank account or online-banking details.',
  password: 'Do not say or type your password for them.',
  'one-time-code': 'Do not read out or approve any code sent to you. It lets them into your account.',
  'remote-access-code':
    'Do not read out the ID or code on your screen. It gives them control of your computer.',
  'id-number': 'Do not give your Social Security or other ID number.',
  'gift-card-code': 'Do not read out gift card numbers. The money is gone the moment you do.',
};

/**
 * Scans one segment and records what it raised. Returns the warnings it raised.
 * @param index the segment's position in the transcript
 */
export function scanInto(state: ScanState, segment: Segment, index: number): SensitiveInfoWarning[] {
  const hits = scanSegment(segment.text, segment.speaker, state.settled[segment.speaker]);
  const raised: SensitiveInfoWarning[] = [];
  // The segment's sentence ends, found once when the first quote needs them.
  let ends: number[] | undefined;
  const quote = (start: number, end: number): Evidence =>
    quoteEvidence(segment, index, (ends ??= sentenceEnds(segment.text)), start, end);
  for (const hit of hits) {
    if (isSignal(hit.flag)) {
      const list = state.signals.get(hit.flag) ?? [];
      if (list.length < MAX_EVIDENCE) list.push(quote(hit.start, hit.end));
      state.signals.set(hit.flag, list);
      continue;
    }
    // The quote is only built when it is kept: a long call repeats its flags far past MAX_EVIDENCE.
    let ev: Evidence | undefined;
    const factor = segment.speaker === 'unknown' ? WEIGHTS.unknownSpeakerFactor : 1;
    const strength = hit.strength * factor;
    const existing = state.flags.get(hit.flag);
    if (existing) {
      if (existing.evidence.length < MAX_EVIDENCE) {
        const q = (ev = quote(hit.start, hit.end));
        if (!existing.evidence.some((e) => sameQuote(e, q))) existing.evidence.push(q);
      }
      existing.strength = Math.max(existing.strength, strength);
    } else {
      ev = quote(hit.start, hit.end);
      state.flags.set(hit.flag, { evidence: [ev], strength, firstSegment: index });
    }
    const asks = hit.rule.asks;
    if (asks && segment.speaker !== 'callee' && !state.warnings.some((w) => w.asks === asks)) {
      ev ??= quote(hit.start, hit.end);
      const w: SensitiveInfoWarning = {
        kind: 'sensitive-info',
        asks,
        message: ASK_MESSAGES[asks],
        evidence: ev,
      };
      state.warnings.push(w);
      raised.push(w);
    }
  }
  if (segment.speaker !== 'callee' && state.callerTextHead.length < ORG_HEAD_CHARS) {
    state.callerTextHead += (state.callerTextHead ? '\n' : '') + segment.text.slice(0, ORG_HEAD_CHARS);
  }
  state.segmentCount = Math.max(state.segmentCount, index + 1);
  state.textLength = segment.offset + segment.text.length;
  if (hits.length > 0) settle(state, hits);
  return raised;
}

const SPEAKERS: readonly Speaker[] = ['caller', 'callee', 'unknown'];

/** Indices into TEXT_RULES of each flag's (or signal's) rules. */
const RULES_OF = new Map<string, number[]>();
TEXT_RULES.forEach((rule, i) => {
  const list = RULES_OF.get(rule.flag) ?? [];
  list.push(i);
  RULES_OF.set(rule.flag, list);
});

/**
 * Marks the rules of the flags these hits touched that can no longer change the state: their
 * flag keeps all the evidence it will keep and is already at the strongest such a hit gives, and
 * the warning they raise (if any) is given; a signal keeps all its evidence. In a long call the
 * same tactics come back again and again, and their later hits need not even be looked for.
 * Settled stays settled: evidence, strengths and warnings only grow.
 */
function settle(state: ScanState, hits: readonly Hit[]): void {
  let previous: string | undefined;
  for (const { flag } of hits) {
    if (flag === previous) continue;
    previous = flag;
    let strongest: number;
    if (isSignal(flag)) {
      if ((state.signals.get(flag)?.length ?? 0) < MAX_EVIDENCE) continue;
      strongest = Infinity; // a signal keeps evidence only
    } else {
      const existing = state.flags.get(flag);
      if (existing === undefined || existing.evidence.length < MAX_EVIDENCE) continue;
      strongest = existing.strength;
    }
    for (const i of RULES_OF.get(flag)!) {
      const rule = TEXT_RULES[i]!;
      for (const speaker of SPEAKERS) {
        const settled = state.settled[speaker];
        if (settled[i] === 0 && isSettled(state, rule, speaker, strongest)) settled[i] = 1;
      }
    }
  }
}

/**
 * No hit of `rule` said by `speaker` would change anything scanInto records (see there), given
 * that its flag keeps all its evidence already, at `strength`.
 */
function isSettled(state: ScanState, rule: TextRule, speaker: Speaker, strength: number): boolean {
  // A hit is at most as strong as its rule (reported speech only weakens it).
  const factor = speaker === 'unknown' ? WEIGHTS.unknownSpeakerFactor : 1;
  if (strength < (rule.strength ?? 1) * factor) return false;
  const asks = rule.asks;
  return !asks || speaker === 'callee' || state.warnings.some((w) => w.asks === asks);
}

function sameQuote(a: Evidence, b: Evidence): boolean {
  return a.kind === 'quote' && b.kind === 'quote' && a.start === b.start && a.end === b.end;
}

/** Evidence quoting the sentence around a hit (offsets into Transcript.text). */
function quoteEvidence(
  segment: Segment,
  index: number,
  ends: readonly number[],
  start: number,
  end: number,
): Evidence {
  const [s, e] = sentenceAround(segment.text, ends, start, end);
  return {
    kind: 'quote',
    quote: segment.text.slice(s, e),
    start: segment.offset + s,
    end: segment.offset + e,
    speaker: segment.speaker as Speaker,
    segment: index,
  };
}

/**
 * Widens [start, end) to its sentence (bounded), so the quote reads on its own.
 * @param ends the text's sentence ends (see sentenceEnds)
 */
function sentenceAround(text: string, ends: readonly number[], start: number, end: number): [number, number] {
  const MAX = 120;
  // Just after the last end before start, but not before floor; the first end from `end` on, but
  // not past ceil.
  const floor = Math.max(0, start - MAX);
  const before = ends[firstAtOrAfter(ends, start) - 1];
  let s = before !== undefined && before >= floor ? before + 1 : floor;
  const ceil = Math.min(text.length, end + MAX);
  const after = ends[firstAtOrAfter(ends, end)];
  let e = after !== undefined && after < ceil ? after : ceil;
  if (e < text.length && isStop(text.charCodeAt(e))) e++;
  while (s < start && isSpace(text.charCodeAt(s))) s++;
  while (e > end && isSpace(text.charCodeAt(e - 1))) e--;
  // Do not cut a word in half at a bounded edge.
  if (s === floor && s > 0) while (s < start && !isSpace(text.charCodeAt(s - 1))) s++;
  if (e === ceil && e < text.length) while (e > end && !isSpace(text.charCodeAt(e))) e--;
  return [s, e];
}

/** ".", "!" or "?". */
function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/** ".", "!", "?" or a newline, but not the dot inside "anydesk.com" or "1.5" (original text: any case). */
function sentenceEnds(text: string): number[] {
  return findEnds(text, isWordish);
}

function isWordish(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

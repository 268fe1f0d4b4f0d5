/**
 * Runs the text rules over one segment. The segment is tokenised once (see normalise.ts); a rule's
 * trigger is only run on a sentence that contains one of its key words, and at most once per
 * sentence, so the cost follows the length of the transcript rather than the number of rules.
 */
import type { Speaker } from '../types.js';
import { createLexer, type Lexer } from '../text/normalise.js';
import {
  isFirstPersonAccount,
  isNarrativeSegment,
  isNegated,
  isPastQuestion,
  isReported,
} from '../text/context.js';
import { sentences, type Sentences } from '../text/sentences.js';
import { TEXT_RULES, type TextRule } from './text-rules.js';

export interface Hit {
  rule: TextRule;
  flag: string;
  /** Offsets in the segment's original text. */
  start: number;
  end: number;
  strength: number;
}

/** Weight kept by a person's own account of what the caller said (unattributed text). */
const REPORTED_FACTOR = 0.6;

interface Trigger {
  re: RegExp;
  rules: TextRule[];
  /** Each rule's index in TEXT_RULES (see `settled` in scanSegment). */
  ids: number[];
}

interface Compiled {
  lex: Lexer;
  triggers: Trigger[];
  /** Key word → indices into `triggers`. */
  byKey: Map<string, number[]>;
  /** Per trigger, the block it last ran on in the current segment (scratch, reset per segment). */
  ranAt: Int32Array;
}

const speakerOf = (r: TextRule) => r.from ?? 'caller';

function compile(rules: readonly TextRule[]): Compiled {
  const triggers: Trigger[] = [];
  const index = new Map<string, number>();
  const byKey = new Map<string, number[]>();
  for (const rule of rules) {
    let t = index.get(rule.trigger);
    if (t === undefined) {
      t = triggers.length;
      triggers.push({ re: new RegExp(`\\b(?:${rule.trigger})(?![a-z0-9'])`, 'g'), rules: [], ids: [] });
      index.set(rule.trigger, t);
    }
    triggers[t]!.rules.push(rule);
    triggers[t]!.ids.push(TEXT_RULES.indexOf(rule));
    for (const key of rule.keys) {
      const list = byKey.get(key) ?? [];
      if (!list.includes(t)) list.push(t);
      byKey.set(key, list);
    }
  }
  return { lex: createLexer([...byKey.keys()]), triggers, byKey, ranAt: new Int32Array(triggers.length) };
}

const BY_SPEAKER: Record<Speaker, Compiled> = {
  caller: compile(TEXT_RULES.filter((r) => speakerOf(r) !== 'callee')),
  callee: compile(TEXT_RULES.filter((r) => speakerOf(r) !== 'caller')),
  unknown: compile(TEXT_RULES),
};

/** What evaluate needs to know about the segment, computed at most once per segment. */
interface SegmentContext {
  text: string;
  speaker: Speaker;
  sentences: Sentences;
  narrative: boolean | undefined;
  /** isNegated / isReported for the match starting at `contextAt` (rules sharing a trigger ask both). */
  contextAt: number;
  negated: boolean | undefined;
  reported: boolean | undefined;
}

/**
 * Finds the rule hits in one segment said by `speaker`, in text order.
 * @param settled per rule (by its index in TEXT_RULES), 1 when the caller has no use for its hits:
 *   their conditions are not checked, and a trigger whose rules are all settled is not run
 * @example scanSegment('Please install AnyDesk now', 'caller')[0]?.flag === 'REMOTE_ACCESS_REQUEST'
 */
export function scanSegment(original: string, speaker: Speaker, settled?: Uint8Array): Hit[] {
  const { lex, triggers, byKey, ranAt } = BY_SPEAKER[speaker];
  const norm = lex(original);
  const { text, words, starts } = norm;
  const hits: Hit[] = [];
  let seg: SegmentContext | undefined;
  let blockStart = -1;
  let blockEnd = -1;

  for (let w = 0; w < words.length; w++) {
    const candidates = byKey.get(words[w]!);
    if (candidates === undefined) continue;
    const keyAt = starts[w]!;
    let block: string | undefined;
    for (const t of candidates) {
      const { re, rules, ids } = triggers[t]!;
      if (settled !== undefined && allSettled(ids, settled)) continue;
      // The segment's sentences are only needed once a trigger is to run.
      if (seg === undefined) {
        seg = {
          text,
          speaker,
          sentences: sentences(text),
          narrative: undefined,
          contextAt: -1,
          negated: undefined,
          reported: undefined,
        };
        ranAt.fill(-1);
      }
      if (keyAt >= blockEnd) {
        blockStart = seg.sentences.blockStart(keyAt);
        blockEnd = seg.sentences.blockEnd(keyAt);
        block = undefined;
      }
      // Each trigger runs once per sentence (blocks only move forward, so the last one is enough).
      if (ranAt[t] === blockStart) continue;
      ranAt[t] = blockStart;
      block ??= blockStart === 0 && blockEnd === text.length ? text : text.slice(blockStart, blockEnd);
      re.lastIndex = 0;
      for (let m = re.exec(block); m !== null; m = re.exec(block)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const at = blockStart + m.index;
        const endAt = at + m[0].length;
        for (let r = 0; r < rules.length; r++) {
          if (settled !== undefined && settled[ids[r]!] === 1) continue;
          const rule = rules[r]!;
          const strength = evaluate(rule, seg, at, endAt);
          if (strength > 0) {
            hits.push({
              rule,
              flag: rule.flag,
              start: norm.toOriginal(at, 'start'),
              end: norm.toOriginal(endAt, 'end'),
              strength,
            });
          }
        }
      }
    }
  }
  // Usually already in order (one trigger per sentence at a time); sort only when not.
  for (let i = 1; i < hits.length; i++) if (hits[i]!.start < hits[i - 1]!.start) return hits.sort(byStart);
  return hits;
}

function allSettled(ids: readonly number[], settled: Uint8Array): boolean {
  for (const id of ids) if (settled[id] !== 1) return false;
  return true;
}

function byStart(a: Hit, b: Hit): number {
  return a.start - b.start;
}

/** The rule's conditions on the sentence around a trigger match; 0 when it does not apply. */
function evaluate(rule: TextRule, seg: SegmentContext, at: number, endAt: number): number {
  const { text, sentences: sent } = seg;
  const sStart = sent.start(at);
  const window = text.slice(sStart, sent.end(endAt));
  const nearText = rule.wide ? text.slice(Math.max(0, sStart - 200), sStart) + window : window;
  if (rule.near && !rule.near.test(nearText)) return 0;
  if (rule.also && !rule.also.test(window)) return 0;
  if (rule.notNear?.test(window) || rule.veto?.test(window)) return 0;
  if (rule.request && isPastQuestion(window)) return 0;
  if (at !== seg.contextAt) {
    seg.contextAt = at;
    seg.negated = undefined;
    seg.reported = undefined;
  }
  if (rule.negatable !== false && (seg.negated ??= isNegated(text, at, sStart))) return 0;
  let strength = rule.strength ?? 1;
  if (
    rule.reportable !== false &&
    ((seg.narrative ??= isNarrativeSegment(text)) || (seg.reported ??= isReported(text, at, sStart)))
  ) {
    // Someone telling what a caller said. A labelled speaker telling a story is not the caller
    // saying it; unattributed text may be the person's own account of their call, which still
    // counts (weaker), unless it is talk about scams in general.
    if (seg.speaker !== 'unknown' || !isFirstPersonAccount(window)) return 0;
    strength *= REPORTED_FACTOR;
  }
  return strength;
}

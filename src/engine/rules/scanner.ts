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
  sentenceEnd,
  sentenceStart,
} from '../text/context.js';
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
}

interface Compiled {
  lex: Lexer;
  triggers: Trigger[];
  /** Key word → indices into `triggers`. */
  byKey: Map<string, number[]>;
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
      triggers.push({ re: new RegExp(`\\b(?:${rule.trigger})(?![a-z0-9'])`, 'g'), rules: [] });
      index.set(rule.trigger, t);
    }
    triggers[t]!.rules.push(rule);
    for (const key of rule.keys) {
      const list = byKey.get(key) ?? [];
      if (!list.includes(t)) list.push(t);
      byKey.set(key, list);
    }
  }
  return { lex: createLexer([...byKey.keys()]), triggers, byKey };
}

const BY_SPEAKER: Record<Speaker, Compiled> = {
  caller: compile(TEXT_RULES.filter((r) => speakerOf(r) !== 'callee')),
  callee: compile(TEXT_RULES.filter((r) => speakerOf(r) !== 'caller')),
  unknown: compile(TEXT_RULES),
};

/**
 * Finds the rule hits in one segment said by `speaker`, in text order.
 * @example scanSegment('Please install AnyDesk now', 'caller')[0]?.flag === 'REMOTE_ACCESS_REQUEST'
 */
export function scanSegment(original: string, speaker: Speaker): Hit[] {
  const { lex, triggers, byKey } = BY_SPEAKER[speaker];
  const norm = lex(original);
  const { text, words, starts } = norm;
  const hits: Hit[] = [];
  const done = new Set<number>();
  let narrative: boolean | undefined;
  let blockStart = -1;
  let blockEnd = -1;

  for (let w = 0; w < words.length; w++) {
    const candidates = byKey.get(words[w]!);
    if (candidates === undefined) continue;
    const keyAt = starts[w]!;
    if (keyAt >= blockEnd) {
      blockStart = blockBoundaryBefore(text, keyAt);
      blockEnd = blockBoundaryAfter(text, keyAt);
    }
    let block: string | undefined;
    for (const t of candidates) {
      const memo = t * 4_000_037 + blockStart; // each trigger runs once per sentence
      if (done.has(memo)) continue;
      done.add(memo);
      block ??= blockStart === 0 && blockEnd === text.length ? text : text.slice(blockStart, blockEnd);
      const { re, rules } = triggers[t]!;
      re.lastIndex = 0;
      for (let m = re.exec(block); m !== null; m = re.exec(block)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const at = blockStart + m.index;
        const endAt = at + m[0].length;
        for (const rule of rules) {
          const strength = evaluate(
            rule,
            text,
            at,
            endAt,
            speaker,
            () => (narrative ??= isNarrativeSegment(text)),
          );
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
  return hits.sort((a, b) => a.start - b.start);
}

/** The rule's conditions on the sentence around a trigger match; 0 when it does not apply. */
function evaluate(
  rule: TextRule,
  text: string,
  at: number,
  endAt: number,
  speaker: Speaker,
  narrative: () => boolean,
): number {
  const sStart = sentenceStart(text, at);
  const window = text.slice(sStart, sentenceEnd(text, endAt));
  const nearText = rule.wide ? text.slice(Math.max(0, sStart - 200), sStart) + window : window;
  if (rule.near && !rule.near.test(nearText)) return 0;
  if (rule.also && !rule.also.test(window)) return 0;
  if (rule.notNear?.test(window) || rule.veto?.test(window)) return 0;
  if (rule.request && isPastQuestion(window)) return 0;
  if (rule.negatable !== false && isNegated(text, at, sStart)) return 0;
  let strength = rule.strength ?? 1;
  if (rule.reportable !== false && (narrative() || isReported(text, at, sStart))) {
    // Someone telling what a caller said. A labelled speaker telling a story is not the caller
    // saying it; unattributed text may be the person's own account of their call, which still
    // counts (weaker), unless it is talk about scams in general.
    if (speaker !== 'unknown' || !isFirstPersonAccount(window)) return 0;
    strength *= REPORTED_FACTOR;
  }
  return strength;
}

/** Sentence blocks: split at . ! ? and newlines (not the dot in "anydesk.com"). */
function isBlockEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 10 || c === 33 || c === 63) return true;
  if (c !== 46) return false;
  const next = text.charCodeAt(i + 1);
  const prev = text.charCodeAt(i - 1);
  return !(isAlnum(next) && isAlnum(prev));
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function blockBoundaryBefore(text: string, i: number): number {
  while (i > 0 && !isBlockEnd(text, i - 1)) i--;
  return i;
}

function blockBoundaryAfter(text: string, i: number): number {
  while (i < text.length && !isBlockEnd(text, i)) i++;
  return Math.min(text.length, i + 1);
}

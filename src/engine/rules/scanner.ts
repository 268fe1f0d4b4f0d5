/**
 * Runs every text rule over one segment in a single regex pass: all triggers are joined into one
 * alternation; each match is checked only against the rules of the trigger that matched, on the
 * sentence around it. Cost grows with the segment, not with the number of rules.
 */
import type { Speaker } from '../types.js';
import { normalise } from '../text/normalise.js';
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

interface CompiledScanner {
  re: RegExp;
  /** Rules per capture group (index 0 = group 1). */
  groups: TextRule[][];
}

function compile(rules: readonly TextRule[]): CompiledScanner {
  const byTrigger = new Map<string, TextRule[]>();
  for (const r of rules) {
    const list = byTrigger.get(r.trigger);
    if (list) list.push(r);
    else byTrigger.set(r.trigger, [r]);
  }
  const triggers = [...byTrigger.keys()];
  const re = new RegExp(`\\b(?:${triggers.map((t) => `(${t})`).join('|')})(?![a-z0-9'])`, 'g');
  return { re, groups: triggers.map((t) => byTrigger.get(t)!) };
}

const speakerOf = (r: TextRule) => r.from ?? 'caller';
/** Weight kept by a person's own account of what the caller said (unattributed text). */
const REPORTED_FACTOR = 0.6;
const SCANNERS: Record<Speaker, CompiledScanner> = {
  caller: compile(TEXT_RULES.filter((r) => speakerOf(r) !== 'callee')),
  callee: compile(TEXT_RULES.filter((r) => speakerOf(r) !== 'caller')),
  unknown: compile(TEXT_RULES),
};

/**
 * Finds the rule hits in one segment said by `speaker`.
 * @example scanSegment('Please install AnyDesk now', 'caller')[0]?.flag === 'REMOTE_ACCESS_REQUEST'
 */
export function scanSegment(original: string, speaker: Speaker): Hit[] {
  const norm = normalise(original);
  const text = norm.text;
  const { re, groups } = SCANNERS[speaker];
  const narrative = isNarrativeSegment(text);
  const hits: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let g = 1;
    while (m[g] === undefined) g++;
    const at = m.index;
    const endAt = at + m[0].length;
    let sStart = -1;
    let window = '';
    for (const rule of groups[g - 1]!) {
      if (sStart < 0) {
        sStart = sentenceStart(text, at);
        window = text.slice(sStart, sentenceEnd(text, endAt));
      }
      if (
        rule.near &&
        !rule.near.test(rule.wide ? text.slice(Math.max(0, sStart - 200), at) + window : window)
      )
        continue;
      if (rule.also && !rule.also.test(window)) continue;
      if (rule.notNear?.test(window) || rule.veto?.test(window)) continue;
      if (rule.request && isPastQuestion(window)) continue;
      if (rule.negatable !== false && isNegated(text, at, sStart)) continue;
      let strength = rule.strength ?? 1;
      if (rule.reportable !== false && (narrative || isReported(text, at, sStart))) {
        // Someone telling what a caller said. A labelled speaker telling a story is not the caller
        // saying it; unattributed text may be the person's own account of their call, which still
        // counts (weaker), unless it is talk about scams in general.
        if (speaker !== 'unknown' || !isFirstPersonAccount(window)) continue;
        strength *= REPORTED_FACTOR;
      }
      hits.push({
        rule,
        flag: rule.flag,
        start: norm.toOriginal(at, 'start'),
        end: norm.toOriginal(endAt, 'end'),
        strength,
      });
    }
  }
  return hits;
}

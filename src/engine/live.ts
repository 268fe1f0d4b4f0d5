/**
 * Live calls: segments arrive one at a time. Each push scans only the new segment, updates the
 * per-flag state and re-derives the (cheap) score, so a long call costs the same per segment.
 */
import { CallGuardError } from '../errors/catalogue.js';
import type { Assessment, CallFacts, LiveUpdate, Segment, Speaker, Transcript } from './types.js';
import { callFactsSchema } from './schemas.js';
import { newScanState, scanInto } from './assess/state.js';
import { buildAssessment } from './assess/assess.js';
import { MAX_SEGMENTS, MAX_TRANSCRIPT_CHARS } from './transcript/parse.js';
import { callerLikeness, roleFromLabel } from './transcript/roles.js';
import { cleanText } from './text/clean.js';
import { firstIssue } from '../errors/first-issue.js';

export interface LiveSession {
  /** Adds one segment; returns the current assessment and what this segment newly raised. */
  push(segment: { speaker?: string; text: string }): LiveUpdate;
  /** The assessment so far. */
  current(): Assessment;
}

/**
 * Starts a live session.
 * @example
 * const live = createLiveSession({ initiatedBy: 'them' });
 * live.push({ speaker: 'caller', text: 'Read me the code we just sent you.' }).warnings[0]?.asks; // 'one-time-code'
 */
export function createLiveSession(facts: CallFacts = {}): LiveSession {
  const parsedFacts = callFactsSchema.safeParse(facts);
  if (!parsedFacts.success) {
    const issue = firstIssue(parsedFacts.error, facts);
    const pointer = '/facts/' + issue.path.map(String).join('/');
    throw new CallGuardError('CG_INPUT_INVALID', `${pointer}: ${issue.message}`, { pointer });
  }
  const validFacts = parsedFacts.data;
  const state = newScanState();
  const transcript: Transcript = { format: 'json', text: '', segments: [] };
  const roles = new LiveRoles();
  let last: Assessment = buildAssessment(state, validFacts, null, false);

  return {
    push(input) {
      if (input === null || typeof input !== 'object' || typeof input.text !== 'string') {
        throw new CallGuardError('CG_INPUT_INVALID', 'A live segment needs a "text" string.', {
          pointer: '/text',
        });
      }
      if (input.speaker !== undefined && typeof input.speaker !== 'string') {
        throw new CallGuardError('CG_INPUT_INVALID', 'A live segment\'s "speaker" must be a string.', {
          pointer: '/speaker',
        });
      }
      const text = cleanText(input.text).replace(/\s+/g, ' ').trim();
      if (text === '') return { assessment: last, newFlags: [], warnings: [] };
      if (
        transcript.segments.length >= MAX_SEGMENTS ||
        transcript.text.length + text.length + 1 > MAX_TRANSCRIPT_CHARS
      ) {
        throw new CallGuardError(
          'CG_INPUT_TOO_LARGE',
          'The live transcript is over the size limit; start a new session.',
        );
      }
      const label = input.speaker?.trim() || undefined;
      const offset = transcript.segments.length === 0 ? 0 : transcript.text.length + 1;
      const segment: Segment = { speaker: roles.observe(label, text), text, offset };
      if (label !== undefined) segment.label = label;
      transcript.text = transcript.segments.length === 0 ? text : `${transcript.text}\n${text}`;
      transcript.segments.push(segment);

      const before = new Set(last.redFlags.map((f) => f.id));
      const warnings = scanInto(state, segment, transcript.segments.length - 1);
      // Rules only: the learned scorer reads the whole transcript, which live mode never re-reads.
      last = buildAssessment(state, validFacts, transcript, false);
      return { assessment: last, newFlags: last.redFlags.filter((f) => !before.has(f.id)), warnings };
    },
    current() {
      return last;
    },
  };
}

/**
 * Speaker roles decided as the call goes: a label that names its role ("Agent", "caller") counts at
 * once; otherwise the label that introduces itself and asks for things becomes the caller.
 */
class LiveRoles {
  private readonly fixed = new Map<string, Speaker>();
  private readonly score = new Map<string, number>();

  observe(label: string | undefined, text: string): Speaker {
    if (label === undefined) return 'unknown';
    const known = this.fixed.get(label);
    if (known) return known;
    const named = roleFromLabel(label);
    if (named) {
      this.fixed.set(label, named);
      return named;
    }
    const s = (this.score.get(label) ?? 0) + callerLikeness(text) + (this.score.size === 0 ? 0.5 : 0);
    this.score.set(label, s);
    const fixedRoles = [...this.fixed.values()];
    if (fixedRoles.includes('caller') && !fixedRoles.includes('callee')) return this.fix(label, 'callee');
    if (fixedRoles.includes('callee') && !fixedRoles.includes('caller')) return this.fix(label, 'caller');
    if (s >= 2) return this.fix(label, 'caller');
    if (s <= -2) return this.fix(label, 'callee');
    return 'unknown';
  }

  private fix(label: string, role: Speaker): Speaker {
    this.fixed.set(label, role);
    return role;
  }
}

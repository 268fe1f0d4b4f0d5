/**
 * The learned scorer's contribution (src/engine/learned, trained by `npm run train`): a log-odds
 * nudge from the caller's wording. Shown as a red flag quoting the phrases when it raises the risk,
 * as a mitigation when it lowers it. Never decides alone: it is capped (weights.ts, learnedCap) and
 * a failure of the model leaves the rules' assessment exactly as it was.
 */
import { learnedEvidence } from '../learned/index.js';
import type { Evidence, Mitigation, RedFlag, Transcript } from '../types.js';
import { WEIGHTS } from '../weights.js';

/** Contributions smaller than this are noise and are not shown. */
const MIN_SHOWN = 0.05;

export function learnedSignal(
  transcript: Transcript,
  flags: readonly RedFlag[],
): { flag?: RedFlag; mitigation?: Mitigation } | null {
  let ev: ReturnType<typeof learnedEvidence>;
  try {
    ev = learnedEvidence(
      transcript,
      flags.map((f) => f.id),
    );
  } catch {
    return null; // a broken model must not break assessments
  }
  if (ev === null || !Number.isFinite(ev.logit)) return null;
  const logit = Math.round(Math.max(-WEIGHTS.learnedCap, Math.min(WEIGHTS.learnedCap, ev.logit)) * 100) / 100;
  if (logit >= MIN_SHOWN) {
    return {
      flag: {
        id: 'LEARNED_SCAM_LANGUAGE',
        group: 'learned',
        severity: logit >= 1.5 ? 'medium' : 'low',
        weight: logit,
        title: 'Sounds like known scam scripts',
        explanation: `A model trained on labelled calls finds the caller's wording typical of scam scripts${
          ev.phrases.length > 0 ? ` (for example: ${ev.phrases.map((p) => `"${p}"`).join(', ')})` : ''
        }. It only adds weight to the other signs; it never decides alone.`,
        source: { name: 'CallGuard learned scorer (src/engine/learned/PROVENANCE.md)' },
        evidence: phraseEvidence(transcript, ev.phrases),
      },
    };
  }
  if (logit <= -MIN_SHOWN) {
    return {
      mitigation: {
        id: 'LEARNED_ORDINARY_LANGUAGE',
        weight: logit,
        title: 'Wording typical of ordinary calls',
        explanation: 'A model trained on labelled calls finds the wording typical of ordinary service calls.',
        evidence: [],
      },
    };
  }
  return null;
}

/** Quotes the first occurrence of each phrase in the caller's (or unattributed) segments. */
function phraseEvidence(transcript: Transcript, phrases: readonly string[]): Evidence[] {
  const out: Evidence[] = [];
  // Each segment lowercased once, when a phrase first looks in it (not once per phrase).
  const lowered: string[] = [];
  for (const phrase of phrases) {
    const needle = phrase.toLowerCase();
    transcript.segments.some((seg, i) => {
      if (seg.speaker === 'callee') return false;
      const at = (lowered[i] ??= seg.text.toLowerCase()).indexOf(needle);
      if (at < 0) return false;
      out.push({
        kind: 'quote',
        quote: seg.text.slice(at, at + needle.length),
        start: seg.offset + at,
        end: seg.offset + at + needle.length,
        speaker: seg.speaker,
        segment: i,
      });
      return true;
    });
  }
  return out;
}

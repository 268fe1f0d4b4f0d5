/**
 * The learned scorer's entry point for the engine: a logistic regression over hashed n-grams of what
 * the caller said (trained by `npm run train`, see PROVENANCE.md). It adjusts the rules' score and
 * names the caller's phrases that are typical of scam scripts; it never decides a verdict alone.
 */
import type { Transcript } from '../types.js';
import { MODEL } from './model.generated.js';
import { learnedFeature, loadModel, scoreText, type LearnedModelData, type LoadedModel } from './model.js';

export interface LearnedEvidence {
  /** Log-odds added to the rules' score (already scaled and capped). */
  logit: number;
  /** Caller phrases that pushed towards "scam", strongest first (empty when the logit is not positive). */
  phrases: string[];
}

/** Words of a transcript the model reads: the caller's, or all non-callee text when no side is known. */
export function modelText(transcript: Transcript): { text: string; attributed: boolean } {
  const caller = transcript.segments.filter((s) => s.speaker === 'caller');
  if (caller.length > 0) return { text: caller.map((s) => s.text).join('\n'), attributed: true };
  const unknown = transcript.segments.filter((s) => s.speaker === 'unknown');
  return { text: unknown.map((s) => s.text).join('\n'), attributed: false };
}

let loaded: LoadedModel | null = null;

/**
 * @example
 * const ev = learnedEvidence(parseTranscript('Caller: buy gift cards and read me the codes'), ['UNUSUAL_PAYMENT_METHOD']);
 * ev?.phrases // e.g. ["gift cards", "read me the codes"]
 */
export function learnedEvidence(transcript: Transcript, flagIds: readonly string[]): LearnedEvidence | null {
  loaded ??= loadModel(MODEL);
  return evidenceWith(loaded, transcript, flagIds);
}

/** Same as learnedEvidence with an explicit model (tests, training). */
export function evidenceWith(
  model: LoadedModel,
  transcript: Transcript,
  flagIds: readonly string[],
): LearnedEvidence | null {
  const { text, attributed } = modelText(transcript);
  if (text.trim() === '') return null;
  const data: LearnedModelData = model.data;
  const score = scoreText(data, model.weights, text);
  const logit = data.combine.weight * learnedFeature(score.margin, attributed, flagIds.length > 0, data);
  return { logit, phrases: logit > 0 ? topPhrases(score.contributions(), 5) : [] };
}

/** Words too common to explain anything on their own. */
const STOP = new Set(
  'the and you your this that with have from will what they there about just please right okay yeah here have been were are for not can its'.split(
    ' ',
  ),
);

function telling(phrase: string): boolean {
  const words = phrase.split(' ');
  if (words.length > 1) return words.some((w) => !STOP.has(w) && w.length > 2);
  return phrase.length >= 4 && !STOP.has(phrase);
}

/** Strongest telling phrases, skipping a word already inside a chosen two-word phrase. */
function topPhrases(contributions: Iterable<{ phrase: string; weight: number }>, max: number): string[] {
  const chosen: string[] = [];
  for (const { phrase } of contributions) {
    if (chosen.length >= max) break;
    if (!telling(phrase)) continue;
    if (chosen.some((c) => c.split(' ').includes(phrase) || phrase.split(' ').includes(c))) continue;
    chosen.push(phrase);
  }
  return chosen;
}

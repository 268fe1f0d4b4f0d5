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

/**
 * Words too common to explain anything on their own. Greetings and pleasantries too: robocalls open
 * with "hello" more often than the service dialogues the model was trained against, but showing a
 * worried person "hello" as typical of scam scripts explains nothing.
 */
const STOP = new Set(
  (
    'the and you your this that with have from will what they there about just please right okay yeah here have been were are for not can its ' +
    'hello hey how good morning afternoon evening today thank thanks sir madam maam'
  ).split(' '),
);

/** Whether a phrase explains anything: a long enough word that is not a stop word, or has one. */
function telling(phrase: string): boolean {
  // Words are split at single spaces by hand: this runs on every candidate phrase of every call.
  let from = 0;
  let to = phrase.indexOf(' ');
  if (to < 0) return phrase.length >= 4 && !STOP.has(phrase);
  for (;;) {
    const end = to < 0 ? phrase.length : to;
    if (end - from > 2 && !STOP.has(phrase.slice(from, end))) return true;
    if (to < 0) return false;
    from = to + 1;
    to = phrase.indexOf(' ', from);
  }
}

const SPACE = 32;

/** Whether `word` is one of the words of `phrase` (as phrase.split(' ').includes(word)). */
function hasWord(phrase: string, word: string): boolean {
  if (word === '') return phrase.split(' ').includes(word);
  if (word.includes(' ')) return false;
  for (let at = phrase.indexOf(word); at >= 0; at = phrase.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (
      (at === 0 || phrase.charCodeAt(at - 1) === SPACE) &&
      (end === phrase.length || phrase.charCodeAt(end) === SPACE)
    )
      return true;
  }
  return false;
}

/** Strongest telling phrases, skipping a word already inside a chosen two-word phrase. */
function topPhrases(contributions: Iterable<{ phrase: string; weight: number }>, max: number): string[] {
  const chosen: string[] = [];
  if (max <= 0) return chosen;
  for (const { phrase } of contributions) {
    if (!telling(phrase)) continue;
    if (chosen.some((c) => hasWord(c, phrase) || hasWord(phrase, c))) continue;
    // Stop at once: asking for one more candidate could mean ranking another batch.
    if (chosen.push(phrase) === max) break;
  }
  return chosen;
}

/**
 * The engine runs here, in the page: a transcript never leaves the device to be assessed.
 * These wrappers turn a thrown CallGuardError into a problem the page can show in plain words.
 */
import {
  assess as engineAssess,
  createLiveSession as engineCreateLiveSession,
  parseTranscript as engineParseTranscript,
} from '../../../src/engine/index.js';
import type {
  AssessInput,
  Assessment,
  CallFacts,
  LiveSession,
  Transcript,
  TranscriptInput,
} from '../../../src/engine/index.js';
import { toProblem, type Problem } from '../../../src/errors/problem.js';

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export function attempt<T>(run: () => T): Result<T> {
  try {
    return { ok: true, value: run() };
  } catch (err) {
    return { ok: false, problem: toProblem(err) };
  }
}

export function assess(input: AssessInput): Result<Assessment> {
  return attempt(() => engineAssess(input));
}

export function parseTranscript(input: TranscriptInput): Result<Transcript> {
  return attempt(() => engineParseTranscript(input));
}

export function createLiveSession(facts?: CallFacts): LiveSession {
  return engineCreateLiveSession(facts);
}

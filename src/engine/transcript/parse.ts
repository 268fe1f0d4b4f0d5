/**
 * Transcript parsing: detects the format, reads segments, works out who is the caller, and lays the
 * segment texts out in one string (joined with "\n") that every evidence offset points into.
 */
import { CallGuardError } from '../../errors/catalogue.js';
import type { Segment, Transcript, TranscriptFormat, TranscriptInput } from '../types.js';
import {
  readJson,
  readPlain,
  readSegmentArray,
  readSpeakerLines,
  readSrt,
  readWebVtt,
  type RawSegment,
} from './formats.js';
import { inferRoles, plainTextRole } from './roles.js';
import { charClass, cleanText, CONTROL_CHARS } from '../text/clean.js';

/** Longest transcript the engine accepts (characters): several hours of speech. */
export const MAX_TRANSCRIPT_CHARS = 2_000_000;
export const MAX_SEGMENTS = 50_000;

/**
 * Parses a transcript in any supported format.
 * @example parseTranscript('Agent: This is Microsoft.\nMe: Who?').segments[0].speaker === 'caller'
 */
export function parseTranscript(input: TranscriptInput): Transcript {
  if (typeof input === 'string') {
    if (input.length > MAX_TRANSCRIPT_CHARS) {
      throw new CallGuardError(
        'CG_INPUT_TOO_LARGE',
        `The transcript is ${input.length.toLocaleString('en-US')} characters; the limit is ${MAX_TRANSCRIPT_CHARS.toLocaleString('en-US')}.`,
        { pointer: 'transcript' },
      );
    }
    const trimmed = input.replace(/^\uFEFF/, '').trim();
    if (trimmed === '') throw emptyError();
    const { format, raw } = readString(trimmed);
    // Speaker lines and plain lines are pieces of the input: what the input lacks, they lack.
    const pieces = format === 'speaker-lines' || format === 'plain';
    return build(format, raw, pieces ? absentFrom(trimmed) : undefined);
  }
  if (!Array.isArray(input)) {
    throw new CallGuardError(
      'CG_TRANSCRIPT_MALFORMED',
      'The transcript must be text or an array of segments.',
      {
        pointer: 'transcript',
      },
    );
  }
  return build('json', readSegmentArray(input, ''));
}

function readString(s: string): { format: TranscriptFormat; raw: RawSegment[] } {
  if (/^WEBVTT(?:[ \t].*)?(?:\n|\r|$)/.test(s)) return { format: 'webvtt', raw: readWebVtt(s) };
  if (/^[[{]/.test(s) && looksLikeJson(s)) return { format: 'json', raw: readJson(s) };
  if (/^\d+\s*\r?\n\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}\s*-->/.test(s))
    return { format: 'srt', raw: readSrt(s) };
  const lines = readSpeakerLines(s);
  if (lines) return { format: 'speaker-lines', raw: lines };
  return { format: 'plain', raw: readPlain(s) };
}

function looksLikeJson(s: string): boolean {
  // "[music] hello" is text; "[{...", "[]" or '{"' is JSON (and malformed JSON is an error).
  return /^\[\s*(?:[{\]"]|$)/.test(s) || /^\{\s*["}]/.test(s);
}

function emptyError(): CallGuardError {
  return new CallGuardError('CG_TRANSCRIPT_EMPTY', 'The transcript has no text.', { pointer: 'transcript' });
}

/** What a transcript has none of (true: none), so no segment cut from it needs checking for it. */
interface Absent {
  /** Characters cleanText replaces. */
  controls: boolean;
  /** Tabs and carriage returns (then only double spaces call for collapsing blanks). */
  tabs: boolean;
}

/** The characters cleanText replaces: the ASCII ones looked for one by one, the others with one class. */
const LOW_CONTROLS = CONTROL_CHARS.filter((c) => c.charCodeAt(0) < 0x80);
const HIGH_CONTROLS_RE = new RegExp(charClass(CONTROL_CHARS.filter((c) => c.charCodeAt(0) >= 0x80)));

/**
 * One look at the whole text instead of one regex per segment. `includes` per character is a
 * native search, several times faster than a pass with a character class.
 */
function absentFrom(s: string): Absent {
  let controls = !HIGH_CONTROLS_RE.test(s);
  for (let i = 0; controls && i < LOW_CONTROLS.length; i++) controls = !s.includes(LOW_CONTROLS[i]!);
  return { controls, tabs: !s.includes('\t') && !s.includes('\r') };
}

// Module constants: a regex literal in the loop would be a new RegExp object for every segment.
const DOUBLE_SPACE_RE = / {2}/;
const BLANKS_RE = /[ \t]{2}|\t|\r/;

/** @param absent what no raw text can hold (each is a piece of an input without it) */
function build(format: TranscriptFormat, raw: RawSegment[], absent?: Absent): Transcript {
  if (raw.length > MAX_SEGMENTS) {
    throw new CallGuardError(
      'CG_INPUT_TOO_LARGE',
      `The transcript has ${raw.length} segments; the limit is ${MAX_SEGMENTS}.`,
      {
        pointer: 'transcript',
      },
    );
  }
  const cleaned: RawSegment[] = [];
  for (const r of raw) {
    let text = absent?.controls ? r.text : cleanText(r.text);
    // Collapse runs of blanks only where there are any (most segments have none).
    const blanks = (absent?.tabs ? DOUBLE_SPACE_RE : BLANKS_RE).test(text);
    if (blanks) text = text.replace(/[ \t]+/g, ' ').replace(/\r\n?/g, '\n');
    text = text.trim();
    if (text !== '') cleaned.push(text === r.text ? r : { ...r, text });
  }
  if (cleaned.length === 0) throw emptyError();
  let total = 0;
  for (const r of cleaned) total += r.text.length + 1;
  if (total > MAX_TRANSCRIPT_CHARS) {
    throw new CallGuardError(
      'CG_INPUT_TOO_LARGE',
      `The transcript is over ${MAX_TRANSCRIPT_CHARS.toLocaleString('en-US')} characters.`,
      {
        pointer: 'transcript',
      },
    );
  }
  const roles = inferRoles(cleaned);
  const plainRole = format === 'plain' ? plainTextRole(cleaned.map((r) => r.text).join('\n')) : 'unknown';
  const segments: Segment[] = [];
  let offset = 0;
  for (const r of cleaned) {
    const seg: Segment = {
      speaker: r.label === undefined ? plainRole : (roles.get(r.label) ?? 'unknown'),
      text: r.text,
      offset,
    };
    if (r.label !== undefined) seg.label = r.label;
    if (r.start !== undefined) seg.start = r.start;
    if (r.end !== undefined) seg.end = r.end;
    segments.push(seg);
    offset += r.text.length + 1;
  }
  return { format, text: segments.map((s) => s.text).join('\n'), segments };
}

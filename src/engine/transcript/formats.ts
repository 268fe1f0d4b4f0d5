/**
 * Readers for each transcript format. Each returns raw segments (label as written, text, times);
 * parse.ts turns them into a Transcript with roles and offsets.
 */
import { CallGuardError } from '../../errors/catalogue.js';
import { describeJsonSyntax } from '../../errors/json-syntax.js';
import { isSpace } from '../text/is-space.js';

export interface RawSegment {
  label?: string;
  text: string;
  start?: number;
  end?: number;
}

const TIMING_RE = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;

export function parseTimestamp(ts: string): number {
  const parts = ts.replace(',', '.').split(':').map(Number);
  let s = 0;
  for (const p of parts) s = s * 60 + p;
  return Math.round(s * 1000) / 1000;
}

/** "Name: text" at the start of a cue or line. */
const INLINE_SPEAKER_RE =
  /^\s*(?:-\s*)?(?:\[([^\]\n]{1,40})\]|([A-Za-z][A-Za-z0-9 ._'\u2019-]{0,40}?))\s*:\s+(.*)$/s;

function splitInlineSpeaker(text: string): { label?: string; text: string } {
  const m = INLINE_SPEAKER_RE.exec(text);
  if (!m) return { text };
  const label = (m[1] ?? m[2] ?? '').trim();
  if (!isPlausibleLabel(label)) return { text };
  return { label, text: m[3]!.trim() };
}

const NOT_LABELS =
  /^(?:note|ps|p\.s|subject|re|fwd|warning|error|step \d+|http|https|www|example|e\.g|i\.e|tip|update|important|reminder)$/i;

export function isPlausibleLabel(label: string): boolean {
  if (label.length === 0 || label.length > 40) return false;
  if (whitespaceRuns(label) > 3) return false; // more than four words
  return !NOT_LABELS.test(label);
}

/** Runs of whitespace (\s) in a string: label.split(/\s+/) has one more part, without the array. */
function whitespaceRuns(s: string): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (space && !inRun) runs++;
    inRun = space;
  }
  return runs;
}

function stripTags(s: string): string {
  return s
    .replace(/<[^>\n]{0,200}>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ');
}

/** WebVTT, including <v Speaker> voice tags. */
export function readWebVtt(input: string): RawSegment[] {
  const blocks = input.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  const out: RawSegment[] = [];
  for (const block of blocks.slice(1)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const t = lines.findIndex((l) => TIMING_RE.test(l));
    if (t < 0) continue; // NOTE, STYLE, REGION blocks or stray text
    const timing = TIMING_RE.exec(lines[t]!)!;
    const payload = lines.slice(t + 1).join(' ');
    const voice = /<v(?:\.[^ >]*)?\s+([^>]{1,40})>/.exec(payload);
    const text = stripTags(payload).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const seg = voice ? { label: voice[1]!.trim(), text } : splitInlineSpeaker(text);
    out.push({ ...seg, start: parseTimestamp(timing[1]!), end: parseTimestamp(timing[2]!) });
  }
  if (out.length === 0) {
    throw new CallGuardError('CG_TRANSCRIPT_MALFORMED', 'The WebVTT file has no cues with text.', {
      pointer: 'transcript',
    });
  }
  return out;
}

/** SubRip (.srt). */
export function readSrt(input: string): RawSegment[] {
  const blocks = input
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/);
  const out: RawSegment[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    const t = lines.findIndex((l) => TIMING_RE.test(l));
    if (t < 0 || t > 1) continue;
    const timing = TIMING_RE.exec(lines[t]!)!;
    const text = stripTags(lines.slice(t + 1).join(' '))
      .replace(/\s+/g, ' ')
      .trim();
    if (text === '') continue;
    out.push({
      ...splitInlineSpeaker(text),
      start: parseTimestamp(timing[1]!),
      end: parseTimestamp(timing[2]!),
    });
  }
  if (out.length === 0) {
    throw new CallGuardError('CG_TRANSCRIPT_MALFORMED', 'The SRT file has no subtitles with text.', {
      pointer: 'transcript',
    });
  }
  return out;
}

/** JSON: an array of {speaker, text, start?, end?}, or an object with "segments" or "turns". */
export function readJson(input: string): RawSegment[] {
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch {
    throw new CallGuardError(
      'CG_TRANSCRIPT_MALFORMED',
      `The JSON transcript could not be read: ${describeJsonSyntax(input)}.`,
      {
        pointer: 'transcript',
      },
    );
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const obj = data as Record<string, unknown>;
    const inner = obj.segments ?? obj.turns ?? obj.utterances;
    if (Array.isArray(inner))
      return readSegmentArray(inner, obj.segments ? '/segments' : obj.turns ? '/turns' : '/utterances');
    if (typeof obj.text === 'string') return [{ text: obj.text }];
    throw new CallGuardError(
      'CG_TRANSCRIPT_MALFORMED',
      'A JSON transcript must be an array of segments [{speaker, text}] or an object with "segments" or "turns".',
      { pointer: 'transcript' },
    );
  }
  if (!Array.isArray(data)) {
    throw new CallGuardError(
      'CG_TRANSCRIPT_MALFORMED',
      'A JSON transcript must be an array of segments [{speaker, text}].',
      {
        pointer: 'transcript',
      },
    );
  }
  return readSegmentArray(data, '');
}

export function readSegmentArray(items: readonly unknown[], base: string): RawSegment[] {
  const out: RawSegment[] = [];
  items.forEach((item, i) => {
    if (item === null || typeof item !== 'object') {
      throw new CallGuardError('CG_TRANSCRIPT_MALFORMED', `Segment ${i} is not an object {speaker, text}.`, {
        pointer: `${base}/${i}`,
      });
    }
    const o = item as Record<string, unknown>;
    if (typeof o.text !== 'string') {
      throw new CallGuardError('CG_TRANSCRIPT_MALFORMED', `Segment ${i} has no "text" string.`, {
        pointer: `${base}/${i}/text`,
      });
    }
    const speaker = o.speaker ?? o.role ?? o.label;
    if (speaker !== undefined && speaker !== null && typeof speaker !== 'string') {
      throw new CallGuardError(
        'CG_TRANSCRIPT_MALFORMED',
        `Segment ${i} has a "speaker" that is not a string.`,
        {
          pointer: `${base}/${i}/speaker`,
        },
      );
    }
    const seg: RawSegment = { text: o.text };
    if (typeof speaker === 'string' && speaker.trim() !== '') seg.label = speaker.trim();
    for (const key of ['start', 'end'] as const) {
      const v = o[key];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new CallGuardError(
          'CG_TRANSCRIPT_MALFORMED',
          `Segment ${i} has a "${key}" that is not a non-negative number of seconds.`,
          {
            pointer: `${base}/${i}/${key}`,
          },
        );
      }
      seg[key] = v;
    }
    out.push(seg);
  });
  return out;
}

/** A speaker label and its colon at the start of a line (the text follows). */
const SPEAKER_PREFIX_RE =
  /^\s*(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\)?\]?\s*)?(?:\[([^\]\n]{1,40})\]|([A-Za-z][A-Za-z0-9 ._'\u2019-]{0,40}?))\s*:\s*/;
/**
 * The whole line: the prefix and the text up to a line terminator. On a line with none ("\n",
 * "\r", "\u2028", "\u2029": the characters "." stops at), `(.*)$` takes all that follows the
 * prefix, so the prefix alone is enough there and the regex need not read through the text.
 */
const SPEAKER_LINE_RE = new RegExp(`${SPEAKER_PREFIX_RE.source}(.*)$`);

/**
 * SPEAKER_LINE_RE's label (group 1 or 2) and text (group 3), for a line without "\n" or "\r".
 * @param terminators whether the line may hold "\u2028" or "\u2029"
 */
function speakerLine(line: string, terminators: boolean): { label: string | undefined; text: string } | null {
  if (terminators) {
    const m = SPEAKER_LINE_RE.exec(line);
    return m ? { label: m[1] ?? m[2], text: m[3]! } : null;
  }
  const m = SPEAKER_PREFIX_RE.exec(line);
  return m ? { label: m[1] ?? m[2], text: line.slice(m[0].length) } : null;
}

/** "Speaker: text" lines; other lines continue the previous speaker's turn. Null when not this format. */
export function readSpeakerLines(input: string): RawSegment[] | null {
  const lines = unixNewlines(input).split('\n');
  const terminators = input.includes('\u2028') || input.includes('\u2029');
  let nonEmpty = 0;
  let matched = 0;
  // Distinct labels; a Map would hash every label of every line.
  const labels: string[] = [];
  const parsed: Array<{ label?: string; text: string }> = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    nonEmpty++;
    const m = speakerLine(line, terminators);
    const label = m ? (m.label ?? '').trim() : '';
    if (m && isPlausibleLabel(label)) {
      matched++;
      if (!labels.includes(label)) {
        if (labels.length === 8) return null; // more than eight speakers: not this format
        labels.push(label);
      }
      parsed.push({ label, text: m.text.trim() });
    } else parsed.push({ text: line.trim() });
  }
  if (matched < 2 || matched < nonEmpty * 0.5) return null;
  if (labels.length === 1 && matched < 3) return null;
  const out: RawSegment[] = [];
  for (const p of parsed) {
    const last = out[out.length - 1];
    if (p.label === undefined && last) last.text = last.text === '' ? p.text : `${last.text} ${p.text}`;
    else out.push(p); // made above for this line alone, so it can be kept (and extended) as it is
  }
  return out.filter((s) => s.text !== '');
}

/** Plain text: one segment per non-empty line. */
export function readPlain(input: string): RawSegment[] {
  return unixNewlines(input)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((text) => ({ text }));
}

/** "\r\n" and "\r" as "\n"; most input has no "\r", and indexOf finds that faster than the regex. */
function unixNewlines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

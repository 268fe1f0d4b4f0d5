/**
 * parseTranscript's fast paths (one look at the whole input for control characters and tabs, the
 * speaker-line regex stopping before the text, counting a label's words without split) must give
 * exactly what the plain code gave. The plain code is kept here as the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from './parse.js';
import { isPlausibleLabel, readPlain } from './formats.js';
import { inferRoles, plainTextRole } from './roles.js';
import { cleanText } from '../text/clean.js';
import { CallGuardError } from '../../errors/catalogue.js';
import type { Transcript } from '../types.js';

interface Raw {
  label?: string;
  text: string;
}

const SPEAKER_LINE_RE =
  /^\s*(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\)?\]?\s*)?(?:\[([^\]\n]{1,40})\]|([A-Za-z][A-Za-z0-9 ._'\u2019-]{0,40}?))\s*:\s*(.*)$/;
const NOT_LABELS =
  /^(?:note|ps|p\.s|subject|re|fwd|warning|error|step \d+|http|https|www|example|e\.g|i\.e|tip|update|important|reminder)$/i;

function plausible(label: string): boolean {
  if (label.length === 0 || label.length > 40) return false;
  if (label.split(/\s+/).length > 4) return false;
  return !NOT_LABELS.test(label);
}

function speakerLines(input: string): Raw[] | null {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  let nonEmpty = 0;
  let matched = 0;
  const counts = new Map<string, number>();
  const parsed: Raw[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    nonEmpty++;
    const m = SPEAKER_LINE_RE.exec(line);
    const label = m ? (m[1] ?? m[2] ?? '').trim() : '';
    if (m && plausible(label)) {
      matched++;
      counts.set(label, (counts.get(label) ?? 0) + 1);
      parsed.push({ label, text: m[3]!.trim() });
    } else parsed.push({ text: line.trim() });
  }
  if (matched < 2 || matched < nonEmpty * 0.5 || counts.size > 8) return null;
  if (counts.size === 1 && matched < 3) return null;
  const out: Raw[] = [];
  for (const p of parsed) {
    const last = out[out.length - 1];
    if (p.label === undefined && last) last.text = last.text === '' ? p.text : `${last.text} ${p.text}`;
    else out.push(p);
  }
  return out.filter((s) => s.text !== '');
}

/** The reference for speaker-line and plain transcripts; null when it finds no text. */
function reference(input: string): Transcript | null {
  const trimmed = input.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return null;
  const lines = speakerLines(trimmed);
  const format = lines ? 'speaker-lines' : 'plain';
  const raw: Raw[] = lines ?? readPlain(trimmed);
  const cleaned: Raw[] = [];
  for (const r of raw) {
    let text = cleanText(r.text);
    if (/[ \t]{2}|\t|\r/.test(text)) text = text.replace(/[ \t]+/g, ' ').replace(/\r\n?/g, '\n');
    text = text.trim();
    if (text !== '') cleaned.push(text === r.text ? r : { ...r, text });
  }
  if (cleaned.length === 0) return null;
  const roles = inferRoles(cleaned);
  const plainRole = format === 'plain' ? plainTextRole(cleaned.map((r) => r.text).join('\n')) : 'unknown';
  let offset = 0;
  const segments = cleaned.map((r) => {
    const seg: Transcript['segments'][number] = {
      speaker: r.label === undefined ? plainRole : (roles.get(r.label) ?? 'unknown'),
      text: r.text,
      offset,
    };
    if (r.label !== undefined) seg.label = r.label;
    offset += r.text.length + 1;
    return seg;
  });
  return { format, text: segments.map((s) => s.text).join('\n'), segments };
}

/** The transcript; null when it has no text; 'other' when read as another format (JSON, ...). */
function parsed(input: string): Transcript | null | 'other' {
  try {
    const t = parseTranscript(input);
    return t.format === 'plain' || t.format === 'speaker-lines' ? t : 'other';
  } catch (err) {
    if (err instanceof CallGuardError && err.code === 'CG_TRANSCRIPT_EMPTY') return null;
    if (err instanceof CallGuardError && err.code === 'CG_TRANSCRIPT_MALFORMED') return 'other';
    throw err;
  }
}

// Pieces that exercise every fast path: labels and timestamps, blanks of every kind, the control and
// invisible characters cleanText replaces, and the line ends "." does not match.
const piece = fc.constantFrom(
  'Agent',
  'Me',
  'Caller',
  'Bob Smith',
  '[Agent]',
  '[a\tb]',
  '(00:12)',
  '[01:02:03.5]',
  '12:30',
  'Note',
  'a b c d e',
  ': ',
  ':',
  ' ',
  '  ',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\n\n',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u200b',
  '\u202e',
  '\u0000',
  '\u0007',
  '\u000b',
  '\u001f',
  '\u007f',
  '\u3000',
  '\ufeff',
  'This is Microsoft.',
  'please install anydesk',
  'who is this?',
  'hello',
  'x',
);
const transcript = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(''));
/** Mostly well-formed "Speaker: text" lines, with the odd stray character. */
const speakerTranscript = fc
  .array(
    fc.tuple(
      fc.constantFrom('Agent', 'Me', 'Caller', 'Bob', '[Steve]', '00:01 Ann', '', 'A', 'B', 'C', 'D'),
      fc.constantFrom(': ', ':', ' : ', '\t:\t'),
      fc.array(piece, { maxLength: 8 }),
    ),
    { minLength: 1, maxLength: 16 },
  )
  .map((lines) => lines.map(([label, colon, words]) => label + colon + words.join(' ')).join('\n'));

describe('parseTranscript fast paths', () => {
  it('count label words as split(/\\s+/) does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 8 }), (parts) => {
        const label = parts.join('');
        expect(isPlausibleLabel(label)).toBe(plausible(label));
      }),
      { numRuns: 3000 },
    );
  });

  it('give what the plain code gives, on any text', () => {
    const seen = { plain: 0, 'speaker-lines': 0 };
    fc.assert(
      fc.property(fc.oneof(transcript, speakerTranscript), (input) => {
        const got = parsed(input);
        if (got === 'other') return;
        expect(got).toEqual(reference(input));
        if (got !== null) seen[got.format as keyof typeof seen]++;
      }),
      { numRuns: 3000 },
    );
    // Both readers were exercised.
    expect(seen.plain).toBeGreaterThan(300);
    expect(seen['speaker-lines']).toBeGreaterThan(300);
  });

  it('read examples with each kind of character as before', () => {
    const examples = [
      'Agent: hello  there\nMe: who?\nAgent: install anydesk',
      'Agent: hello\tthere\nMe: who?\nAgent: again',
      'Agent: a\r\nMe: b\r\nAgent: c',
      'Agent: a\u2028b\nMe: c\nAgent: d',
      'Agent:\u2028a\nMe: b\nAgent: c',
      'Agent: a\u0007b\nMe: c\u200bd\nAgent: e',
      'just  some\ttext\u0000here',
      // Eight speakers is still this format; nine is not.
      Array.from({ length: 8 }, (_, i) => `S${i}: hi`).join('\n'),
      Array.from({ length: 9 }, (_, i) => `S${i}: hi`).join('\n'),
      Array.from({ length: 18 }, (_, i) => `S${i % 9}: hi`).join('\n'),
    ];
    for (const e of examples) expect(parsed(e), JSON.stringify(e)).toEqual(reference(e));
    expect(parseTranscript('Agent: a\u0007b\nMe: c\nAgent: d').segments[0]!.text).toBe('a b');
  });
});

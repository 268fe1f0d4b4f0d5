import { describe, expect, it } from 'vitest';
import { parseTranscript } from './parse.js';
import { CallGuardError } from '../../errors/catalogue.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof CallGuardError ? err.code : 'not a CallGuardError';
  }
  return undefined;
}

describe('parseTranscript', () => {
  it('reads plain text as unattributed lines, joined with newlines', () => {
    const t = parseTranscript('  hello there\n\nyour computer has a virus  \n');
    expect(t.format).toBe('plain');
    expect(t.text).toBe('hello there\nyour computer has a virus');
    expect(t.segments.map((s) => [s.speaker, s.offset])).toEqual([
      ['unknown', 0],
      ['unknown', 12],
    ]);
  });

  it('attributes a plain recorded message that introduces itself as calling to the caller', () => {
    const t = parseTranscript(
      'This is Amazon. We are calling to confirm your order. Press 1 to speak to an agent.',
    );
    expect(t.segments[0]!.speaker).toBe('caller');
    const story = parseTranscript('They said they were from Microsoft and I had to install AnyDesk.');
    expect(story.segments[0]!.speaker).toBe('unknown');
  });

  it('reads "Speaker: text" lines with role labels', () => {
    const t = parseTranscript('Agent: This is Microsoft.\nMe: Who?\nand continued\nAgent: Install AnyDesk.');
    expect(t.format).toBe('speaker-lines');
    expect(t.segments.map((s) => [s.label, s.speaker, s.text])).toEqual([
      ['Agent', 'caller', 'This is Microsoft.'],
      ['Me', 'callee', 'Who? and continued'],
      ['Agent', 'caller', 'Install AnyDesk.'],
    ]);
    for (const s of t.segments) expect(t.text.slice(s.offset, s.offset + s.text.length)).toBe(s.text);
  });

  it('works out which named speaker is the caller', () => {
    const t = parseTranscript(
      'Bob: Hello?\nSteve: Hi, this is Steve calling from Windows Technical Department about your computer.\nBob: Who is this?\nSteve: Please open your browser and go to anydesk.com.',
    );
    const roles = Object.fromEntries(t.segments.map((s) => [s.label, s.speaker]));
    expect(roles).toEqual({ Bob: 'callee', Steve: 'caller' });
  });

  it('reads WebVTT with voice tags and timings', () => {
    const vtt = [
      'WEBVTT',
      '',
      'NOTE recorded call',
      '',
      '1',
      '00:00:01.000 --> 00:00:03.500',
      '<v Technician>Your computer has a virus.</v>',
      '',
      '00:00:04.000 --> 00:00:05.000',
      '<v Customer>Oh no.',
    ].join('\n');
    const t = parseTranscript(vtt);
    expect(t.format).toBe('webvtt');
    expect(t.segments.map((s) => [s.label, s.speaker, s.text, s.start, s.end])).toEqual([
      ['Technician', 'caller', 'Your computer has a virus.', 1, 3.5],
      ['Customer', 'callee', 'Oh no.', 4, 5],
    ]);
  });

  it('reads SRT with inline speakers', () => {
    const srt =
      '1\n00:00:01,000 --> 00:00:02,000\nCaller: Buy gift cards.\n\n2\n00:00:02,500 --> 00:00:04,000\n<i>Callee: Why?</i>\n';
    const t = parseTranscript(srt);
    expect(t.format).toBe('srt');
    expect(t.segments.map((s) => [s.speaker, s.text, s.start])).toEqual([
      ['caller', 'Buy gift cards.', 1],
      ['callee', 'Why?', 2.5],
    ]);
  });

  it('reads JSON segments, as a string or as an array', () => {
    const json =
      '[{"speaker":"agent","text":"Read me the code.","start":1.5},{"speaker":"customer","text":"Okay"}]';
    const t = parseTranscript(json);
    expect(t.format).toBe('json');
    expect(t.segments.map((s) => [s.speaker, s.start])).toEqual([
      ['caller', 1.5],
      ['callee', undefined],
    ]);
    expect(parseTranscript([{ speaker: 'caller', text: 'hi' }]).segments[0]!.speaker).toBe('caller');
    expect(parseTranscript('{"turns":[{"speaker":"callee","text":"hello"}]}').segments[0]!.speaker).toBe(
      'callee',
    );
  });

  it('treats "[music] hello" as text, not JSON', () => {
    expect(parseTranscript('[music] hello there').format).toBe('plain');
  });

  it('removes control characters that could hide text', () => {
    expect(parseTranscript('pay\u0000 with\u202e gift cards').text).toBe('pay with gift cards');
  });

  it('fails clearly on empty and malformed input', () => {
    expect(codeOf(() => parseTranscript('   \n '))).toBe('CG_TRANSCRIPT_EMPTY');
    expect(codeOf(() => parseTranscript([]))).toBe('CG_TRANSCRIPT_EMPTY');
    expect(codeOf(() => parseTranscript('[{"speaker": "a", "text": ]'))).toBe('CG_TRANSCRIPT_MALFORMED');
    // Where, and without quoting the transcript back.
    expect(() => parseTranscript('[{"speaker": "caller", "text": "your pin 4921" "x"}]')).toThrow(
      "The JSON transcript could not be read: at column 48, a ',' is missing between two items.",
    );
    expect(codeOf(() => parseTranscript('[{"speaker": "a"}]'))).toBe('CG_TRANSCRIPT_MALFORMED');
    expect(codeOf(() => parseTranscript('WEBVTT\n\nNOTE nothing here'))).toBe('CG_TRANSCRIPT_MALFORMED');
    expect(codeOf(() => parseTranscript('x'.repeat(2_000_001)))).toBe('CG_INPUT_TOO_LARGE');
  });
});

import { describe, expect, it } from 'vitest';
import { sentenceEnd, sentenceStart } from './context.js';
import { sentences } from './sentences.js';

/** The character walks the index replaces (the scanner's block bounds before it). */
function isEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 10 || c === 33 || c === 63) return true;
  const alnum = (x: number) => (x >= 48 && x <= 57) || (x >= 97 && x <= 122);
  return c === 46 && !(alnum(text.charCodeAt(i + 1)) && alnum(text.charCodeAt(i - 1)));
}
function walkBlockStart(text: string, i: number): number {
  while (i > 0 && !isEnd(text, i - 1)) i--;
  return i;
}
function walkBlockEnd(text: string, i: number): number {
  while (i < text.length && !isEnd(text, i)) i++;
  return Math.min(text.length, i + 1);
}

/** Deterministic pseudo-random texts over the characters that matter. */
function texts(count: number): string[] {
  const alphabet = ['a', 'b', '1', ' ', '.', '!', '?', '\n', 'é', "'"];
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
  const out = ['', '.', 'a.b', 'hi. go to anydesk.com now', 'x'.repeat(400) + '.' + 'y'.repeat(400)];
  for (let n = 0; n < count; n++) {
    const len = next() % 420;
    let s = '';
    // Long runs without ends too, so the 160-character bound is reached.
    const sparse = next() % 3 === 0;
    for (let i = 0; i < len; i++)
      s += alphabet[sparse ? (next() % 20 === 0 ? 4 : next() % 2) : next() % alphabet.length];
    out.push(s);
  }
  return out;
}

describe('sentences', () => {
  it('gives the same bounds as walking the characters', () => {
    for (const text of texts(200)) {
      const s = sentences(text);
      const got: number[] = [];
      const want: number[] = [];
      for (let at = 0; at <= text.length; at++) {
        got.push(s.start(at), s.end(at), s.blockStart(at), s.blockEnd(at));
        want.push(
          sentenceStart(text, at),
          sentenceEnd(text, at),
          walkBlockStart(text, at),
          walkBlockEnd(text, at),
        );
      }
      expect(got, JSON.stringify(text)).toEqual(want);
    }
  });

  it('does not end a sentence at the dot in a web address or a number', () => {
    const text = 'go to anydesk.com now. it costs 1.5 dollars';
    const s = sentences(text);
    expect(text.slice(s.blockStart(10), s.blockEnd(10))).toBe('go to anydesk.com now.');
    expect(text.slice(s.start(30), s.end(30))).toBe(' it costs 1.5 dollars');
  });
});

import { describe, expect, it } from 'vitest';
import { createLexer, normalise } from './normalise.js';

describe('normalise', () => {
  it('joins split and misheard speech-to-text forms', () => {
    expect(normalise('Go to Any Desk, then Team Viewer, Ultra Viewer, Quick Assist').text).toBe(
      'go to anydesk, then teamviewer, ultraviewer, quickassist',
    );
    expect(
      normalise('micro soft says buy a gif card or gift guard, zell me, bit coin, even viewer').text,
    ).toBe('microsoft says buy a gift card or gift card, zelle me, bitcoin, event viewer');
  });

  it('maps offsets back to the original text', () => {
    const original = 'Please install Any Desk now';
    const n = normalise(original);
    const at = n.text.indexOf('anydesk');
    const start = n.toOriginal(at, 'start');
    const end = n.toOriginal(at + 'anydesk'.length, 'end');
    expect(original.slice(start, end)).toBe('Any Desk');
    expect(original.slice(n.toOriginal(n.text.indexOf('now'), 'start'))).toBe('now');
  });

  it('does not join words across punctuation', () => {
    expect(normalise('any. desk').text).toBe('any. desk');
  });

  it('keeps offsets when lowercasing changes a character’s length', () => {
    const n = normalise('İstanbul any desk');
    expect(n.text.length - 'anydesk'.length).toBe('İstanbul '.length);
  });

  it('reports key words with their offsets, including inside rewritten forms', () => {
    const lex = createLexer(['gift', 'card', 'walmart']);
    const n = lex('Buy a GIF card at Walmart');
    expect(n.words).toEqual(['gift', 'card', 'walmart']);
    expect(n.starts.map((s) => n.text.slice(s, s + 4))).toEqual(['gift', 'card', 'walm']);
  });
});

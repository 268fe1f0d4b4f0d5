import { describe, expect, it } from 'vitest';
import { cleanText, CONTROL_CHARS } from './clean.js';
import { parseTranscript } from '../transcript/parse.js';

describe('cleanText', () => {
  it('replaces exactly the listed control characters, and the parser cleans each of them', () => {
    const listed = new Set(CONTROL_CHARS);
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const text = `a${ch}b`;
      expect(cleanText(text) !== text, `U+${c.toString(16)}`).toBe(listed.has(ch));
      if (listed.has(ch)) expect(cleanText(text)).toBe('a b');
    }
    // The parser's whole-input shortcut must not let one through (it reads the same list).
    for (const ch of CONTROL_CHARS) {
      const t = parseTranscript(`Caller: press${ch}here now\nCallee: ok`);
      expect(t.segments[0]!.text, `U+${ch.charCodeAt(0).toString(16)}`).not.toContain(ch);
    }
  });
});

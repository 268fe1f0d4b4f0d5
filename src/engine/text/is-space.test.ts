import { describe, expect, it } from 'vitest';
import { isSpace } from './is-space.js';

describe('isSpace', () => {
  it('agrees with the regex class \\s on every UTF-16 code unit', () => {
    const re = /\s/;
    for (let c = 0; c <= 0xffff; c++)
      expect(isSpace(c), `U+${c.toString(16)}`).toBe(re.test(String.fromCharCode(c)));
  });
});

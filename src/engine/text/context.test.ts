import { describe, expect, it } from 'vitest';
import { isReported } from './context.js';

const at = (text: string, word: string) => text.indexOf(word);

describe('isReported', () => {
  it('reads a story about another call as reported speech', () => {
    for (const text of [
      'i got a strange call saying my computer has a virus',
      'we received a call from someone saying the account is suspended',
      'my mum had a call and they said the account is suspended',
    ]) {
      const word = text.includes('virus') ? 'virus' : 'suspended';
      expect(isReported(text, at(text, word)), text).toBe(true);
    }
  });

  it('does not read a caller telling you why you got this call as reported speech', () => {
    for (const text of [
      'the reason you have received this phone call is that your social security number is suspended',
      "you've received this call because your account is suspended",
      'you got this call because your account is suspended',
    ]) {
      expect(isReported(text, at(text, 'suspended')), text).toBe(false);
    }
  });
});

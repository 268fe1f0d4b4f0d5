import { describe, expect, it } from 'vitest';
import { emailSpans, extractAll } from './extract.js';

/** The regex emailSpans stands in for: its matches are the reference. */
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}\b/g;

function reference(text: string): Array<[number, number]> {
  return [...text.matchAll(EMAIL)].map((m) => [m.index, m.index + m[0].length]);
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('emailSpans', () => {
  it('finds what the email regex finds, on 300,000 random texts', () => {
    const next = random(20261203);
    // Few characters, so "@", dots, label and TLD lengths and the 64-character limit all come up.
    const alphabets = ['ab1.@- _', 'ab.@', 'a.@%+-x9Z', 'abcdefghijklmnopqrstuvwxyz.@'];
    for (let i = 0; i < 300_000; i++) {
      const alphabet = alphabets[i % alphabets.length]!;
      const length = Math.floor(next() * (i % 10 === 0 ? 200 : 40));
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
      const got = emailSpans(text);
      const want = reference(text);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect({ text, got }).toEqual({ text, got: want });
    }
  });

  it('finds addresses in ordinary text', () => {
    const text = 'Write to support@micros0ft-help.com or a.b+c@mail.example.co.uk, not to @nobody or x@y.';
    expect(emailSpans(text).map(([a, b]) => text.slice(a, b))).toEqual([
      'support@micros0ft-help.com',
      'a.b+c@mail.example.co.uk',
    ]);
    expect(extractAll(text, () => true).emails).toEqual([
      'support@micros0ft-help.com',
      'a.b+c@mail.example.co.uk',
    ]);
  });

  it.each([
    ['letters', 'a'.repeat(1_000_000)],
    ['"a."', 'a.'.repeat(500_000)],
    ['63 letters and "@"', ('a'.repeat(63) + '@').repeat(15_000)],
    ['"a@" then "a." ', 'a@' + 'a.'.repeat(500_000)],
  ])('takes a plain pass over 1 MB of %s, not one per start', (_name, text) => {
    // Against a pass that reads every character once: the regex took 280-410x that on these texts,
    // emailSpans at most 7x.
    const pass = () => text.toLowerCase().indexOf('#');
    const time = (f: () => unknown) => {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        f();
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const ratio = time(() => emailSpans(text)) / Math.max(time(pass), 0.5);
    expect(ratio).toBeLessThan(20);
  });
});

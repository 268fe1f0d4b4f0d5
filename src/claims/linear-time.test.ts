import { describe, expect, it } from 'vitest';
import { isCallGuardError } from '../errors/catalogue.js';
import { checkEmail } from './email/check-email.js';
import { extractAll } from './scan/extract.js';
import { scanText } from './scan/scan-text.js';
import { checkUrl } from './url/check-url.js';

/*
 * Hostile input must cost time in proportion to its length. A backtracking regex that re-scans a
 * long run from every start position (NUMBER_RUN on 200 KB of spaces took 29 s) fails here: the
 * time for 4x the characters must stay under 8x (2x the size ratio; quadratic gives 16x), and
 * under an absolute cap. Timings are the best of a few runs, against a floor of 10 ms, to ride out a
 * loaded machine.
 */

/**
 * Below this many ms, timings are mostly noise (timer, a GC pause, a busy CI machine preempting the
 * test): ratios are taken against it. Quadratic cases take seconds, far above it.
 */
const NOISE_MS = 10;

/** Best of up to `runs` timings (ms), stopping early once one is `good` or hopelessly slow. */
function bestTime(f: () => void, runs: number, good: number, hopeless: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    const t = performance.now() - t0;
    best = Math.min(best, t);
    if (best < good || t > hopeless) break;
  }
  return best;
}

/** A result or a CallGuardError (an input over a limit): only the time matters here. */
function quietly(f: () => unknown): () => void {
  return () => {
    try {
      f();
    } catch (err) {
      if (!isCallGuardError(err)) throw err;
    }
  };
}

function expectLinear(
  run: (s: string) => unknown,
  make: (n: number) => string,
  small: number,
  big: number,
  capMs = 2000,
): void {
  const scale = big / small;
  quietly(() => run(make(1000)))(); // compile the regexes and warm the JIT
  const smallText = make(small);
  const bigText = make(big);
  // Linear or not, the small text may take at most its share of the cap: fail fast, not in minutes.
  const smallCap = capMs / scale;
  const tSmall = bestTime(
    quietly(() => run(smallText)),
    3,
    0,
    smallCap,
  );
  expect(tSmall, `${small} characters took ${tSmall.toFixed(1)} ms`).toBeLessThan(smallCap);
  const bound = Math.min(capMs, 2 * scale * Math.max(tSmall, NOISE_MS));
  const tBig = bestTime(
    quietly(() => run(bigText)),
    3,
    bound,
    capMs,
  );
  expect(
    tBig,
    `${big} characters took ${tBig.toFixed(1)} ms, ${small} took ${tSmall.toFixed(1)} ms (bound ${bound.toFixed(1)} ms)`,
  ).toBeLessThan(bound);
}

/** `unit` repeated to n characters, between two letters. */
const run = (unit: string) => (n: number) => 'a' + unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + 'b';

const EXTRACT_HOSTILE: Array<[string, (n: number) => string]> = [
  ['spaces', run(' ')],
  ['newlines', run('\n')],
  ['tabs', run('\t')],
  ['"("', run('(')],
  ['"["', run('[')],
  ['"{"', run('{')],
  ['mixed separators', run(' (\n[\t{')],
  ['"+ ("', run('+ (')],
  ['dots', run('.')],
  ['"@"', run('@')],
  ['digits', run('1')],
  ['"%"', run('%')],
  ['"-"', run('-')],
  ['letters', run('a')],
  ['"1 "', run('1 ')],
  ['"1."', run('1.')],
  ['"00 "', run('00 ')],
  ['"800 "', run('800 ')],
  ['".)"', run('.)')],
  ['"a."', run('a.')],
  ['"a[.]"', run('a[.]')],
  ['"a@"', run('a@')],
  ['"a.a.com " (removing the links leaves spaces)', run('a.a.com ')],
  ['a digit, spaces, six digits', (n) => '1' + ' '.repeat(n) + '2 3 4 5 6 7'],
  ['a link ending in dots', (n) => 'http://x.com/' + '.'.repeat(n) + 'x'],
  ['an email domain of many labels', (n) => 'x'.repeat(64) + '@' + 'a1.'.repeat(n / 3)],
];

describe('extraction time is linear in the text length', () => {
  it.each(EXTRACT_HOSTILE)('extractAll on %s', (_name, make) => {
    expectLinear((s) => extractAll(s, () => true), make, 50_000, 200_000);
  });

  it.each(EXTRACT_HOSTILE.filter(([name]) => /spaces|\[\.\]|"a\.a\.com|link/.test(name)))(
    'scanText on %s',
    (_name, make) => {
      expectLinear((s) => scanText(s), make, 50_000, 200_000);
    },
  );
});

describe('checks are linear in the input length', () => {
  it.each<[string, (n: number) => string]>([
    ['newlines after a header line', (n) => 'X-A: b\n' + '\n'.repeat(n) + 'y'],
    ['blank lines after a header line', (n) => 'X-A: b\n' + ' \n'.repeat(n / 2) + 'y'],
    ['"("', run('(')],
    ['an address then "("', (n) => 'a@b.com ' + '('.repeat(n)],
    ['a From: header then "("', (n) => 'From: a@b.com ' + '('.repeat(n)],
    ['"<>("', run('<>(')],
    ['"<" before an address', (n) => '<'.repeat(n) + 'a@b.com'],
    ['a long display name', (n) => '"' + 'a'.repeat(n) + '" <a@b.com>'],
    ['a display name of "a."', (n) => 'a.'.repeat(n / 2) + ' <a@b.com>'],
    ['a display name of "a@" then letters', (n) => 'a@' + 'a'.repeat(n) + ' <a@b.com>'],
  ])('checkEmail on %s', (_name, make) => {
    expectLinear((s) => checkEmail(s), make, 50_000, 200_000);
  });

  // Links are at most 64 KB; long host names hash in constant time past 16 K, so the sizes are smaller.
  it.each<[string, (n: number) => string]>([
    ['a host of many labels', (n) => 'a.'.repeat(n / 2) + 'com'],
    ['a defanged host of many labels', (n) => 'a' + '[.]a'.repeat(n / 4) + '.com'],
    ['a host of dots', (n) => '.'.repeat(n)],
    ['user info of many labels', (n) => 'http://' + 'a.'.repeat(n / 2) + '@evil.com'],
  ])('checkUrl on %s', (_name, make) => {
    expectLinear((s) => checkUrl(s), make, 2_000, 16_000);
  });
});

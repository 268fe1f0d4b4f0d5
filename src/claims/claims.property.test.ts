import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCallGuardError } from '../errors/catalogue.js';
import { checkEmail, checkNumber, checkUrl, scanText } from './index.js';

/** Either a result or a CallGuardError: never any other exception. */
function neverCrashes(f: () => unknown): void {
  try {
    f();
  } catch (err) {
    if (!isCallGuardError(err)) throw err;
  }
}

const hostile = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom(...'0123456789+-() {}[].xXabc@:/%\u0000\u200bаоеxn--'.split('')),
    maxLength: 80,
  }),
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.emailAddress(),
  fc.domain(),
);

describe('parsers never crash', () => {
  it('checkNumber', () => {
    fc.assert(
      fc.property(hostile, (s) => neverCrashes(() => checkNumber(s))),
      { numRuns: 600 },
    );
  });
  it('checkUrl', () => {
    fc.assert(
      fc.property(hostile, (s) => neverCrashes(() => checkUrl(s))),
      { numRuns: 600 },
    );
  });
  it('checkEmail', () => {
    fc.assert(
      fc.property(hostile, (s) => neverCrashes(() => checkEmail(s))),
      { numRuns: 600 },
    );
  });
  it('scanText', () => {
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 8 }), (parts) =>
        neverCrashes(() => scanText(parts.join(' '))),
      ),
      {
        numRuns: 200,
      },
    );
  });

  it('every generated web URL gets one of the five verdicts', () => {
    const verdicts = new Set([
      'official',
      'user-content-on-official-domain',
      'lookalike',
      'suspicious',
      'unknown',
    ]);
    fc.assert(
      fc.property(fc.webUrl(), (u) => {
        expect(verdicts.has(checkUrl(u).verdict)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCallGuardError } from '../errors/catalogue.js';
import { callerIdFromDisplay } from './caller-id.js';
import { parseIdentityHeader, readIdentityHeader } from './identity-header.js';
import { parseSipMessage } from './sip-message.js';
import { parseTnAuthList, TnAuthListError } from './tn-auth-list.js';
import { tnFromUri } from './tn.js';

/** Either succeeds or throws a catalogue error: never a TypeError or a crash. */
function onlyCatalogueErrors(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (err) {
    return isCallGuardError(err);
  }
}

const b64 = fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/);
const identityLike = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.tuple(b64, b64, b64, fc.string({ maxLength: 60 })).map(([a, b, c, rest]) => `${a}.${b}.${c};${rest}`),
);

describe('hostile input never crashes the parsers', () => {
  it('parseIdentityHeader', () => {
    fc.assert(
      fc.property(identityLike, (s) => onlyCatalogueErrors(() => parseIdentityHeader(s))),
      { numRuns: 500 },
    );
  });

  it('readIdentityHeader never throws and agrees with parseIdentityHeader', () => {
    fc.assert(
      fc.property(identityLike, (s) => {
        const read = readIdentityHeader(s);
        let thrown: unknown = null;
        try {
          parseIdentityHeader(s);
        } catch (err) {
          thrown = err;
        }
        if ('problem' in read) {
          expect(thrown).toMatchObject({ message: read.message });
        } else {
          expect(thrown).toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('parseSipMessage', () => {
    const lines = fc.array(
      fc.oneof(
        fc.string({ maxLength: 80 }),
        fc.constantFrom('Identity: a.b.c', ' ;info=<x>', 'f: <tel:+1>', ''),
      ),
      {
        maxLength: 20,
      },
    );
    fc.assert(
      fc.property(lines, (ls) => onlyCatalogueErrors(() => parseSipMessage(ls.join('\r\n')))),
      { numRuns: 300 },
    );
  });

  it('tnFromUri and callerIdFromDisplay', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => {
        const tn = tnFromUri(s);
        expect(tn === null || /^\d{1,15}$/.test(tn)).toBe(true);
        expect(['passed', 'failed', 'not-verified', 'unknown']).toContain(callerIdFromDisplay(s));
      }),
      { numRuns: 500 },
    );
  });

  it('parseTnAuthList refuses random bytes with its own error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          parseTnAuthList(bytes);
        } catch (err) {
          expect(err).toBeInstanceOf(TnAuthListError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

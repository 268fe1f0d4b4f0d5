import { describe, expect, it } from 'vitest';
import { encodeTnAuthList, parseTnAuthList, tnAuthListCovers, TnAuthListError } from './tn-auth-list.js';

const hex = (b: ArrayBuffer) => Buffer.from(b).toString('hex');

describe('TNAuthList (RFC 8226)', () => {
  it('encodes an SPC exactly as production SHAKEN certificates carry it', () => {
    expect(hex(encodeTnAuthList([{ kind: 'spc', spc: '709J' }]))).toBe('3008a00616043730394a');
  });

  it('round-trips SPCs, ranges and single numbers', () => {
    const entries = [
      { kind: 'spc', spc: '1234' },
      { kind: 'range', start: '12025550000', count: 100 },
      { kind: 'one', tn: '12025559999' },
    ] as const;
    expect(parseTnAuthList(encodeTnAuthList(entries))).toEqual(entries);
  });

  it('checks whether a number is covered', () => {
    const entries = parseTnAuthList(
      encodeTnAuthList([
        { kind: 'range', start: '12025550000', count: 100 },
        { kind: 'one', tn: '12025559999' },
      ]),
    );
    expect(tnAuthListCovers(entries, '12025550099')).toBe(true);
    expect(tnAuthListCovers(entries, '12025550100')).toBe(false);
    expect(tnAuthListCovers(entries, '12025559999')).toBe(true);
  });

  it.each([
    ['empty', new Uint8Array([])],
    ['not a sequence', new Uint8Array([0x04, 0x01, 0x00])],
    ['empty sequence', new Uint8Array([0x30, 0x00])],
    ['trailing bytes', new Uint8Array([0x30, 0x08, 0xa0, 0x06, 0x16, 0x04, 0x37, 0x30, 0x39, 0x4a, 0x00])],
    ['unknown tag', new Uint8Array([0x30, 0x08, 0xa5, 0x06, 0x16, 0x04, 0x37, 0x30, 0x39, 0x4a])],
    ['non-digit number', new Uint8Array([0x30, 0x08, 0xa2, 0x06, 0x16, 0x04, 0x41, 0x42, 0x43, 0x44])],
  ])('refuses %s', (_name, der) => {
    expect(() => parseTnAuthList(der)).toThrow(TnAuthListError);
  });
});

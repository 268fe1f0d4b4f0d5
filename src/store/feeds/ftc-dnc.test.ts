import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ftcDncParser, ftcDncReferenceParser } from './ftc-dnc.js';
import { rowKeyOf } from './row-key.js';
import { pre003RowKey } from '../../../test/support/pre-003-row-key.js';

const SAMPLE = fileURLToPath(
  new URL('../../../test/fixtures/ftc-dnc/dnc_complaint_numbers_2021-07-07.csv', import.meta.url),
);

const EDGE_CASES = [
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,,California,510,No Subject Provided,',
  '2025550143,2021-07-07 00:01:15,,Town,Texas,210,Other,y',
  '2025550143,2021-07-07T00:01:15,2021-07-06 11:48,Town,Texas,210,Other,n',
  '2025550143,2021-13-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y',
  '2025550143,2021-07-00 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y',
  '2025550143,2021-07-07 24:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y',
  '2025550143,2021-07-07 00:01:15,2021-07-32 11:48:00,Town,Texas,210,Other,Y',
  '2025550143,2021-07-07 00:60:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y',
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,Town, Texas ,210,Other, Y ',
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,YES',
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,"Town, Upper",Texas,210,"Calls pretending to be government, businesses, or family and friends",Y',
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,"Town ""Upper""",Texas,210,Other,Y',
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,"Town"x,Texas,210,Other,Y',
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,To"wn,Texas,210,Other,Y',
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,"Town,Texas,210,Other,Y',
  '"2025550143",2021-07-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y',
  ' 2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y',
  '12025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y',
  '1025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y',
  '2021550143,2021-07-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y',
  '20255501x3,2021-07-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y',
  ',2021-07-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y',
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other',
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y,',
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Other,Y,extra',
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,Town,Texas,210,Warranties  & protection plans,\u00a0',
  '2025550143,2021-07-07 00:01:15,2021-07-06 11:48:00,Town,\u00a0Texas,210,Brand new subject,N',
  '2025550143,',
  ',',
  'x',
];

describe('FTC DNC parser', () => {
  it('gives the same row or error as the general CSV path on every line of the real sample and on odd lines', () => {
    const fast = ftcDncParser();
    const slow = ftcDncReferenceParser();
    const lines = readFileSync(SAMPLE, 'utf8').split('\r\n').slice(1);
    for (const line of [...lines, ...EDGE_CASES]) expect(fast.parse(line), line).toEqual(slow.parse(line));
  });

  it('takes the fast path for typical lines and rejects bad ones with the same reasons', () => {
    const p = ftcDncParser();
    expect(p.parse(EDGE_CASES[0]!)).toMatchObject({
      number: '+12025550143',
      occurredAt: '2021-07-06T11:48:00',
      category: 'unspecified',
      region: 'California',
      robocall: null,
    });
    expect(p.parse(EDGE_CASES[3]!)).toEqual({ malformed: 'bad Created_Date' });
    expect(p.parse(EDGE_CASES[6]!)).toEqual({ malformed: 'bad Violation_Date' });
    expect(p.parse(EDGE_CASES[14]!)).toEqual({ malformed: 'unbalanced quotes' });
    expect(p.parse(EDGE_CASES[22]!)).toEqual({ malformed: '7 columns, expected 8' });
    expect(p.parse(EDGE_CASES[23]!)).toEqual({ malformed: '9 columns, expected 8' });
    expect(p.parse(EDGE_CASES[18]!)).toEqual({ malformed: 'not a 10-digit US number' });
    expect(p.parse(EDGE_CASES[21]!)).toEqual({ malformed: 'no phone number' });
  });

  it('keys a dated row by its minute above 36 bits of the old hash, an undated one by the hash with the sign bit', () => {
    const low36 = (1n << 36n) - 1n;
    for (const line of EDGE_CASES) {
      const old = pre003RowKey('ftc-dnc', line);
      expect(rowKeyOf('ftc-dnc', line, null)).toBe(old | -(1n << 63n));
      const minutes = BigInt(Date.UTC(2021, 6, 6, 11, 48) / 60_000);
      expect(rowKeyOf('ftc-dnc', line, '2021-07-06T11:48:00')).toBe((minutes << 36n) | (old & low36));
    }
    const row = ftcDncParser().parse(EDGE_CASES[0]!);
    expect(row && 'rowKey' in row ? row.rowKey : null).toBe(
      rowKeyOf('ftc-dnc', EDGE_CASES[0]!, '2021-07-06T11:48:00'),
    );
    // Rows of one day sort together: keys follow their minutes.
    expect(rowKeyOf('ftc-dnc', 'b', '2021-07-06T11:48:00')).toBeLessThan(
      rowKeyOf('ftc-dnc', 'a', '2021-07-06T11:49:00'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createCase } from '../validate.js';
import { allReports, applicableReports, generateReport } from './index.js';

const now = new Date('2026-11-25T12:00:00Z');
const make = (country: string, items: unknown[]) => createCase({ country, items }, { now });
const msCall = {
  kind: 'call',
  at: '2026-11-20T14:05:00-05:00',
  direction: 'incoming',
  theirNumber: '+1 844 555 0100',
  claimedOrg: 'Microsoft',
};

describe('authority reports', () => {
  it('applies the US reports to a US case, and the UK or Australian ones by country', () => {
    expect(applicableReports(make('US', [msCall])).map((r) => r.id)).toEqual([
      'ftc',
      'ic3',
      'microsoft',
      'dnc',
    ]);
    expect(applicableReports(make('GB', [msCall])).map((r) => r.id)).toEqual(['microsoft', 'actionfraud']);
    expect(applicableReports(make('AU', [msCall])).map((r) => r.id)).toEqual(['microsoft', 'scamwatch']);
  });

  it('applies the Microsoft form only when someone used Microsoft’s name', () => {
    const r = generateReport(make('US', [{ ...msCall, claimedOrg: 'Amazon' }]), 'microsoft');
    expect(r.applies).toBe(false);
    expect(r.reason).toMatch(/Microsoft/);
    expect(r.text).toContain('Note: Nobody in this case claimed to be Microsoft');
  });

  it('gives IC3 every crypto detail of a transaction', () => {
    const c = make('US', [
      msCall,
      {
        kind: 'payment',
        at: '2026-11-21',
        method: 'crypto',
        amount: '0.25',
        currency: 'BTC',
        crypto: {
          asset: 'BTC',
          address: 'bc1qaddr',
          transactionHash: 'f00dbabe',
          exchange: 'Example Exchange',
          fromAddress: 'bc1qmine',
        },
      },
    ]);
    const r = generateReport(c, 'ic3');
    const tx = r.fields.filter((f) => f.section === 'Financial transaction 1');
    expect(Object.fromEntries(tx.map((f) => [f.label, f.value]))).toMatchObject({
      'Cryptocurrency type': 'BTC',
      'Recipient cryptocurrency address': 'bc1qaddr',
      'Transaction ID / hash': 'f00dbabe',
      'Exchange or ATM/kiosk used': 'Example Exchange',
      'Originating address': 'bc1qmine',
      Amount: '0.25 BTC',
    });
    expect(r.fields.map((f) => f.section)).toEqual(
      expect.arrayContaining([
        'Victim information',
        'Information about the subject(s)',
        'Description of incident',
        'Other information',
      ]),
    );
  });

  it('makes one Do Not Call complaint per incoming call, with the FTC subject names', () => {
    const r = generateReport(make('US', [msCall]), 'dnc');
    const v = Object.fromEntries(r.fields.map((f) => [f.label, f.value]));
    expect(v['Subject of the call']).toBe('Computer & technical support');
    expect(v['Time of the call']).toBe('14:05 (UTC-05:00)');
    expect(v['Phone number that called you (as shown)']).toBe('+1 844 555 0100');
    expect(generateReport(make('US', []), 'dnc').applies).toBe(false);
  });

  it('lists texts to forward to 7726 only when there are texts', () => {
    const withText = make('US', [
      {
        kind: 'message',
        channel: 'text',
        at: '2026-11-20',
        sender: '+1 555 0100',
        content: 'Your account is locked',
      },
    ]);
    expect(generateReport(withText, '7726').fields[0]).toMatchObject({ value: 'Your account is locked' });
    expect(generateReport(make('US', [msCall]), '7726').applies).toBe(false);
  });

  it('renders every report as text with its official link first', () => {
    for (const r of allReports(make('US', [msCall]))) {
      expect(r.text.split('\n')[1]).toBe(r.url);
      for (const f of r.fields) expect(r.text).toContain(f.label);
    }
  });

  it('rejects an unknown report id with a catalogue error', () => {
    expect(() => generateReport(make('US', []), 'nope' as 'ftc')).toThrow(/Unknown report/);
  });
});

/** The text the verdict's copy button puts on the clipboard, without a browser. */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/engine/index.js';
import { resultText } from '../../web/src/lib/result-text.js';

describe('resultText', () => {
  const a = assess({
    facts: { claimedOrg: 'Microsoft', initiatedBy: 'them' },
    transcript: [
      'Caller: This is the Microsoft security team, your computer has a virus, my badge number is 7741.',
      'Callee: Oh no, my grandson set it up for me.',
      'Caller: Install AnyDesk now and buy 300 dollars of Google Play gift cards at the Walgreens on Elm Street.',
    ].join('\n'),
  });

  it('gives the verdict, the warning signs, the steps and the official contact', () => {
    const text = resultText(a);
    expect(text.startsWith('CallGuard: a check of a suspicious call\n')).toBe(true);
    for (const flag of a.redFlags) expect(text).toContain(`- ${flag.title}\n`);
    expect(text).toContain(`1. ${a.nextSteps[0]!.text}`);
    expect(text).toContain('Organisation named on the call: Microsoft.');
    expect(text).toContain('https://support.microsoft.com/contactus');
  });

  it('never carries the call’s own words', () => {
    const text = resultText(a);
    const quotes = a.redFlags.flatMap((f) => f.evidence.flatMap((e) => ('quote' in e ? [e.quote] : [])));
    expect(quotes.length).toBeGreaterThan(2);
    for (const q of quotes) if (q.length > 12) expect(text).not.toContain(q);
    for (const words of ['7741', 'grandson', 'Walgreens', 'Elm Street', '300 dollars'])
      expect(text).not.toContain(words);
  });
});

import { describe, expect, it } from 'vitest';
import { assess } from '../index.js';

/** Every sentence the person reads. */
function texts(a: ReturnType<typeof assess>): string[] {
  return [a.summary, ...a.questionsToAsk, ...a.nextSteps.map((s) => s.text), a.officialContact?.text ?? ''];
}

describe('advice for a generic organisation (the person’s own bank)', () => {
  const a = assess({
    facts: { claimedOrg: 'my bank', initiatedBy: 'them' },
    transcript: "Caller: This is your bank's fraud team. Move your savings to a safe account today.",
  });

  it('writes "your bank" as a common noun, never as a brand', () => {
    expect(a.org).toEqual({ id: 'bank', name: 'your bank' });
    for (const t of texts(a)) expect(t).not.toMatch(/\S\s+Your bank|my your bank|a your bank/);
    expect(a.nextSteps.find((s) => s.id === 'call-back-official')?.text).toContain('call your bank yourself');
  });

  it('asks in the person’s own voice and names no foreign site for their bank', () => {
    expect(a.questionsToAsk.at(-1)).toBe(
      'Can you tell me details of my account or of my recent contact with you that only my bank would know?',
    );
    expect(a.officialContact).toEqual({
      text: 'Call the number on the back of your card or on your statement',
    });
    expect(a.nextSteps.find((s) => s.id === 'call-back-official')).not.toHaveProperty('url');
  });
});

describe('a low-risk call from "my bank"', () => {
  it('says to call back on the card’s number, not on a website the bank does not have', () => {
    const a = assess({
      facts: { claimedOrg: 'my bank', initiatedBy: 'me', dialedNumberSource: 'known-contact' },
    });
    const step = a.nextSteps.find((s) => s.id === 'verify-anyway')?.text;
    expect(step).toContain(
      'then hang up and call your bank back yourself. Call the number on the back of your card',
    );
    expect(step).not.toContain('website');
  });
});

describe('advice for a brand', () => {
  it('names the brand and links its own contact page', () => {
    const a = assess({
      facts: { claimedOrg: 'Microsoft', initiatedBy: 'them' },
      transcript: 'Caller: your pc has a virus',
    });
    expect(a.questionsToAsk.at(-1)).toBe(
      'Can you tell me details of my Microsoft account or of my recent contact with Microsoft that only Microsoft would know?',
    );
    expect(a.officialContact?.url).toBe('https://support.microsoft.com/contactus');
  });
});

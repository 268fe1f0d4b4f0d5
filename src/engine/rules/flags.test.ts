/**
 * Every red flag, four ways: raised when the caller says it; not raised when negated; not raised
 * when the callee says the same words; raised from lowercase, unpunctuated speech-to-text output.
 */
import { describe, expect, it } from 'vitest';
import { assess, RED_FLAG_IDS, type CallFacts } from '../index.js';

interface FlagCase {
  positive: string;
  negated: string;
  asr: string;
  facts?: CallFacts;
}

const CASES: Record<(typeof RED_FLAG_IDS)[number], FlagCase> = {
  UNSOLICITED_TECH_SUPPORT_CALL: {
    facts: { initiatedBy: 'them' },
    positive:
      'Hello, this is David from Microsoft technical support. We detected a problem on your computer.',
    negated:
      'Hello, this is David from Microsoft support returning your call about the case you opened yesterday.',
    asr: 'hello this is david from micro soft technical support your computer is sending us errors',
  },
  CLAIMS_DEVICE_INFECTED: {
    positive: 'Your computer is infected with a dangerous virus.',
    negated: 'Your computer is not infected, the scan came back clean.',
    asr: 'your computer has a virus and hackers are inside it',
  },
  REMOTE_ACCESS_REQUEST: {
    positive: 'Please download AnyDesk so I can fix it for you.',
    negated: 'Never install AnyDesk for someone who calls you.',
    asr: 'please download any desk so i can fix it for you',
  },
  CREDENTIAL_REQUEST: {
    positive: 'Please read me the verification code we just sent you.',
    negated: 'We will never ask for your password or a verification code.',
    asr: 'ok now tell me your pass word',
  },
  FINANCIAL_INFO_REQUEST: {
    positive: 'Give me your credit card number and the expiry date.',
    negated: "Don't ever give your credit card number to anyone who calls you.",
    asr: 'give me the long number on your card and the expiration date',
  },
  PAYMENT_FOR_SUPPORT: {
    positive: 'The repair will cost 299 dollars for our lifetime support plan.',
    negated: 'There is no charge for this support, it is free.',
    asr: 'the support fee is two hundred ninety nine dollars',
  },
  UNUSUAL_PAYMENT_METHOD: {
    positive: 'Go to the store and buy Google Play gift cards, then read me the numbers.',
    negated: 'We never accept gift cards as payment.',
    asr: 'go buy the gift guard at walmart and read me the numbers',
  },
  URGENCY_OR_THREAT: {
    positive: 'If you do not pay, a warrant will be issued for your arrest.',
    negated: 'You will not be arrested and there is nothing urgent.',
    asr: 'you must pay today or the police will arrest you',
  },
  CALLER_ID_UNVERIFIED_OR_SPOOFED: {
    positive: 'Look at your caller ID, it shows Microsoft, so you know it is us.',
    negated: 'You should not look at the caller ID as proof of anything.',
    asr: 'look at your caller id it shows micro soft',
  },
  REFUSES_VERIFICATION: {
    positive: 'I cannot give you a callback number.',
    negated: 'Of course, you can call us back on the number on our website.',
    asr: 'no i can not give you a call back number',
  },
  SECRECY_REQUEST: {
    positive: "Don't tell your bank about this call.",
    negated: 'You can tell your bank about this call, they will confirm it.',
    asr: 'do not tell the teller what the money is for',
  },
  REFUND_OVERPAYMENT: {
    positive: 'We refunded too much money, you must send back the difference.',
    negated: 'We have not refunded too much money.',
    asr: 'we sent you too much by mistake you typed an extra zero',
  },
  MOVE_MONEY_TO_SAFE_ACCOUNT: {
    positive: 'Move all your savings to a safe account to protect it from the hackers.',
    negated: 'We will never ask you to move money to a safe account.',
    asr: 'move your money to the safe account today the hackers are in your bank',
  },
  FAKE_ERROR_PROOF: {
    positive: 'Open the Event Viewer. All those red errors are hackers.',
    negated: 'You do not need to open the Event Viewer for this.',
    asr: 'open the even viewer you see the red errors those are hackers',
  },
  NUMBER_FROM_POPUP_OR_AD: {
    facts: { initiatedBy: 'me' },
    positive: 'I called the number on the pop-up on my screen.',
    negated: 'I did not call the number on the pop-up, I found you on your website.',
    asr: 'i called the number in the pop up on my screen',
  },
};

function flagsOf(speaker: string, text: string, facts: CallFacts = {}): string[] {
  return assess({ facts, transcript: [{ speaker, text }] }).redFlags.map((f) => f.id);
}

describe.each(Object.entries(CASES))('%s', (id, c) => {
  it('is raised when the caller says it', () => {
    expect(flagsOf('caller', c.positive, c.facts)).toContain(id);
  });
  it('is not raised when negated', () => {
    expect(flagsOf('caller', c.negated, c.facts)).not.toContain(id);
  });
  it('is not raised when the callee says it', () => {
    // The pop-up rule listens to both sides (the person tells how they dialled); what matters for it
    // is the call it describes, so its "wrong side" is a call the other side placed.
    const ids =
      id === 'NUMBER_FROM_POPUP_OR_AD'
        ? flagsOf('callee', c.positive, { initiatedBy: 'them' })
        : flagsOf('callee', c.positive, c.facts);
    expect(ids).not.toContain(id);
  });
  it('is raised from speech-to-text output', () => {
    expect(flagsOf('caller', c.asr, c.facts)).toContain(id);
  });
});

/** Robocall flags (not in RED_FLAG_IDS, which lists the core tactics): the same four checks. */
const ROBOCALL_CASES: Record<string, FlagCase> = {
  SSN_OR_BENEFITS_THREAT: {
    positive:
      'This is a notice from the benefits office. We will suspend your Social Security number tomorrow.',
    negated: 'Social Security will never suspend your Social Security number, so ignore such messages.',
    asr: 'we are going to suspend your social security number today press one',
  },
  ELIGIBILITY_CLAIM: {
    positive: 'Congratulations, your account has qualified for a 50 percent discount on your bill.',
    negated: 'Your account is not eligible for the discount this year.',
    asr: 'good news you are eligible for the loan forgiveness program',
  },
  CALLBACK_ON_CALLER_ID: {
    positive: 'To accept, call us back on the number you see on your caller ID.',
    negated: 'Do not call the number on your caller ID; use the number on your bill.',
    asr: 'just call the number on your caller id now',
  },
  RECORDED_SALES_PROMPT: {
    positive: 'Lower your monthly bill today. Please press 1 to speak with a live operator.',
    // The prompt's wording cannot be negated; its look-alike is a menu the person rang.
    negated: 'Thank you for calling. To speak with a live operator, press 0.',
    asr: 'press one to speak with a live operator or press nine to be removed from our list',
  },
};

describe.each(Object.entries(ROBOCALL_CASES))('%s', (id, c) => {
  it('is raised when the caller says it', () => {
    expect(flagsOf('caller', c.positive, c.facts)).toContain(id);
  });
  it('is not raised when negated', () => {
    expect(flagsOf('caller', c.negated, c.facts)).not.toContain(id);
  });
  it('is not raised when the callee says it', () => {
    expect(flagsOf('callee', c.positive, c.facts)).not.toContain(id);
  });
  it('is raised from speech-to-text output', () => {
    expect(flagsOf('caller', c.asr, c.facts)).toContain(id);
  });
});

describe('robocall combinations', () => {
  it('an offer with a caller-ID callback is an offer under pressure, and a robocall with a press-key prompt', () => {
    const ids = flagsOf(
      'caller',
      'Your household has been selected for a free cruise. Press 1 now, or call the number on your caller ID.',
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        'COMBO_OFFER_UNDER_PRESSURE',
        'COMBO_ROBOCALL_IMPERSONATION',
        'ELIGIBILITY_CLAIM',
      ]),
    );
    expect(flagsOf('caller', 'Your household has been selected for a free cruise.')).not.toContain(
      'COMBO_OFFER_UNDER_PRESSURE',
    );
  });
});

describe('red flags as data', () => {
  it('covers every id in RED_FLAG_IDS', () => {
    expect(Object.keys(CASES).sort()).toEqual([...RED_FLAG_IDS].sort());
  });

  it('quotes evidence from the original text with offsets into Transcript.text', () => {
    const transcript = 'Agent: Hello.\nAgent: Please install Any Desk right now.\nMe: ok';
    const a = assess({ transcript });
    const flag = a.redFlags.find((f) => f.id === 'REMOTE_ACCESS_REQUEST')!;
    const ev = flag.evidence[0]!;
    expect(ev.kind).toBe('quote');
    if (ev.kind !== 'quote') return;
    expect(ev.quote).toContain('Any Desk');
    expect('Hello.\nPlease install Any Desk right now.\nok'.slice(ev.start, ev.end)).toBe(ev.quote);
    expect(ev.speaker).toBe('caller');
    expect(ev.segment).toBe(1);
  });

  it('carries a source and explanation for every flag raised', () => {
    const a = assess({
      facts: { claimedOrg: 'Microsoft', initiatedBy: 'them', callerIdVerification: 'failed' },
      transcript: 'Caller: Your PC has a virus. Install TeamViewer and pay 199 dollars with gift cards.',
    });
    expect(a.redFlags.length).toBeGreaterThan(3);
    for (const f of a.redFlags) {
      expect(f.explanation.length).toBeGreaterThan(20);
      expect(f.source.name).not.toBe('');
      expect(f.evidence.length).toBeGreaterThan(0);
    }
  });

  it('still counts requests made after a reassurance', () => {
    const a = assess({
      transcript: [
        { speaker: 'caller', text: 'Microsoft will never ask for your password.' },
        {
          speaker: 'caller',
          text: 'Now just install AnyDesk and pay the 99 dollar support fee with a gift card.',
        },
      ],
    });
    const ids = a.redFlags.map((f) => f.id);
    expect(ids).not.toContain('CREDENTIAL_REQUEST');
    expect(ids).toContain('REMOTE_ACCESS_REQUEST');
    expect(ids).toContain('UNUSUAL_PAYMENT_METHOD');
  });

  it('is not fooled by someone telling about a scam call', () => {
    const a = assess({
      transcript: [
        { speaker: 'caller', text: 'I got a call from someone saying my computer had a virus.' },
        { speaker: 'caller', text: 'He said I had to install AnyDesk and buy gift cards, so I hung up.' },
      ],
    });
    expect(a.redFlags.map((f) => f.id)).toEqual([]);
    expect(a.verdict).toBe('low-risk');
  });

  it('weighs unattributed text less than the caller’s words', () => {
    const text = 'Please install AnyDesk so I can fix your computer.';
    const caller = assess({ transcript: [{ speaker: 'caller', text }] });
    const unknown = assess({ transcript: [{ text }] });
    const w = (a: typeof caller) => a.redFlags.find((f) => f.id === 'REMOTE_ACCESS_REQUEST')?.weight ?? 0;
    expect(w(unknown)).toBeGreaterThan(0);
    expect(w(unknown)).toBeLessThan(w(caller));
  });
});

describe('facts and checklist', () => {
  it('raises UNSOLICITED_TECH_SUPPORT_CALL from facts alone', () => {
    const a = assess({ facts: { claimedOrg: 'Windows support', initiatedBy: 'them' } });
    expect(a.redFlags.map((f) => f.id)).toContain('UNSOLICITED_TECH_SUPPORT_CALL');
    expect(a.org?.id).toBe('microsoft');
  });

  it('raises NUMBER_FROM_POPUP_OR_AD from the dialled number source', () => {
    for (const source of ['popup', 'search-result', 'invoice-email'] as const) {
      const a = assess({ facts: { initiatedBy: 'me', dialedNumberSource: source } });
      expect(a.redFlags.map((f) => f.id)).toContain('NUMBER_FROM_POPUP_OR_AD');
    }
  });

  it('treats caller-ID verification as proof of the number only', () => {
    const failed = assess({ facts: { callerIdVerification: 'failed' } });
    expect(failed.redFlags.map((f) => f.id)).toContain('CALLER_ID_UNVERIFIED_OR_SPOOFED');
    const passed = assess({
      facts: { callerIdVerification: 'passed', claimedOrg: 'Microsoft', initiatedBy: 'them' },
    });
    expect(passed.redFlags.map((f) => f.id)).not.toContain('CALLER_ID_UNVERIFIED_OR_SPOOFED');
    expect(passed.redFlags.map((f) => f.id)).toContain('UNSOLICITED_TECH_SUPPORT_CALL');
    expect(passed.summary).toMatch(/proves the number, not that the caller is honest/);
  });

  it('maps checklist answers to flags with the fact as evidence', () => {
    const a = assess({
      facts: {
        checklist: {
          askedForRemoteAccess: true,
          askedForGiftCardsCryptoOrWire: true,
          saidDeviceInfected: false,
        },
      },
    });
    const ids = a.redFlags.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['REMOTE_ACCESS_REQUEST', 'UNUSUAL_PAYMENT_METHOD']));
    expect(ids).not.toContain('CLAIMS_DEVICE_INFECTED');
    expect(a.redFlags[0]!.evidence[0]!.kind).toBe('fact');
  });

  it('lowers the risk for a genuine callback the person asked for', () => {
    const transcript = [
      {
        speaker: 'caller',
        text: 'Hi, this is Priya from Microsoft Support, calling about case 1234 you opened.',
      },
      { speaker: 'caller', text: 'If you agree, open Quick Assist and I can look at the printer issue.' },
    ];
    const callback = assess({
      facts: { initiatedBy: 'them', priorSupportRequest: { made: true, caseReference: '1234' } },
      transcript,
    });
    expect(callback.verdict).toBe('low-risk');
    expect(callback.mitigations?.map((m) => m.id)).toContain('PRIOR_SUPPORT_REQUEST');
    // The same callback asking for a password gets no benefit of the doubt.
    const withPassword = assess({
      facts: { initiatedBy: 'them', priorSupportRequest: true },
      transcript: [
        ...transcript,
        { speaker: 'caller', text: 'I also need your Microsoft account password.' },
      ],
    });
    const ruleMitigations = (withPassword.mitigations ?? []).filter((m) => !m.id.startsWith('LEARNED_'));
    expect(ruleMitigations).toEqual([]);
    expect(withPassword.risk).toBeGreaterThan(callback.risk);
  });
});

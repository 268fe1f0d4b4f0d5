/**
 * The scanner only tries a rule near one of its key words, so every trigger match must contain a
 * key word. Checked on every regression scenario and on phrases each trigger is written for.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEXT_RULES } from './text-rules.js';
import { normalise } from '../text/normalise.js';
import { scanSegment } from './scanner.js';

const scenarios = readFileSync(
  fileURLToPath(new URL('../../../test/regression/scenarios.jsonl', import.meta.url)),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { text?: string; turns?: { text: string }[] });
const texts = scenarios.flatMap((s) => (s.turns ? s.turns.map((t) => t.text) : (s.text ?? '').split('\n')));

describe('text rules', () => {
  it('have unique ids, and keys that are single lowercase words', () => {
    const ids = TEXT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of TEXT_RULES) {
      expect(r.keys.length, r.id).toBeGreaterThan(0);
      for (const k of r.keys) expect(k, r.id).toMatch(/^[a-z0-9'’]+$/);
    }
  });

  it('never match without one of their key words', () => {
    let matches = 0;
    for (const rule of TEXT_RULES) {
      const re = new RegExp(`\\b(?:${rule.trigger})(?![a-z0-9'])`, 'g');
      const keys = new Set(rule.keys);
      for (const original of texts) {
        const text = normalise(original).text;
        for (const m of text.matchAll(re)) {
          matches++;
          const words = m[0].split(/[^a-z0-9']+/);
          expect(
            words.some((w) => keys.has(w)),
            `${rule.id} matched "${m[0]}" without a key`,
          ).toBe(true);
        }
      }
    }
    expect(matches).toBeGreaterThan(100);
  });
});

/** Sub-rule ids the scanner finds in one caller segment. */
const rulesIn = (text: string) => scanSegment(text, 'caller').map((h) => h.rule.id);

describe('robocall tactics', () => {
  const cases: { rule: string; yes: string[]; no: string[] }[] = [
    {
      rule: 'SSN_OR_BENEFITS_THREAT/suspend',
      yes: [
        // The opening "you have received this call" must not read as someone reporting a call.
        'You have received this call because we are going to suspend your Social Security number today.',
        'Our office will cancel your Medicare benefits unless you call back.',
        // Words that often sit beside the threat in real scripts must not veto it.
        'We are suspending your social security number because of fraudulent claims filed under it.',
        'We will suspend your Social Security number today and they will issue an arrest warrant.',
      ],
      no: [
        'Scammers say they will suspend your Social Security number; we never do that.',
        'We suspended the card you reported stolen.',
        'My neighbour said someone called him saying they would suspend his social security number.',
      ],
    },
    {
      rule: 'SSN_OR_BENEFITS_THREAT/state',
      yes: [
        'Your Social Security number has been suspended due to fraud.',
        'Your social security number has been suspended because someone used it for illegal activity.',
      ],
      no: ['They said my social security number was suspended, is that real?'],
    },
    {
      rule: 'SSN_OR_BENEFITS_THREAT/legal',
      yes: ['There is a criminal case filed against your Social Security number.'],
      no: ['We filed the paperwork for your claim yesterday.'],
    },
    {
      rule: 'ELIGIBILITY_CLAIM/qualify',
      yes: [
        'Good news, your household has qualified for a 60 percent discount.',
        'You are now able to take advantage of new loan forgiveness programs.',
        "We haven't reached you yet because you are eligible for a hardship relief program.",
      ],
      no: [
        'You are not eligible for the upgrade until March.',
        'I can check whether you qualify for the discount if you like.',
        'The battery qualifies for a free replacement.',
      ],
    },
    {
      rule: 'UNSOLICITED_OFFER/relief',
      yes: [
        'We can enrol you in a student loan forgiveness program today.',
        'Ask about our tax debt relief.',
        'A new rule lets us erase your old tax debt for good.',
      ],
      no: ['Your loan payment of two hundred dollars was received.'],
    },
    {
      rule: 'UNSOLICITED_OFFER/discount',
      yes: [
        'Your provider is giving 40% off to all loyal customers this month.',
        'I can apply the loyalty discount to your account right away.',
        'Get 4.9% APR on your credit card balance.',
        'To claim your discount, reply to this message.',
      ],
      no: ['There is twenty percent off if you renew your membership before then.'],
    },
    {
      rule: 'UNSOLICITED_OFFER/offer',
      yes: ['Press 1 to speak to someone about extending your vehicle warranty.'],
      no: ['The warranty on your laptop covers the screen.'],
    },
    {
      rule: 'CALLBACK_ON_CALLER_ID/callback',
      yes: ['To claim it, call us back on the number you see on your caller ID.'],
      no: ['Please call the number on the back of your card.'],
    },
    {
      rule: 'ACCOUNT_PROBLEM_CLAIM/dispute',
      yes: ['If you want to cancel this order, press 1.', 'If you find this to be an error, press 2.'],
      no: [
        'I cancelled the order for you, it will not ship.',
        "If you'd like to cancel your subscription, I can do that now.",
      ],
    },
    {
      rule: 'URGENCY_OR_THREAT/final',
      yes: ["Since we haven't heard back, this is your final courtesy call before we close your file."],
      no: ['Your file is complete, thank you.'],
    },
    {
      rule: 'CREDENTIAL_REQUEST/readback',
      yes: ["I'm sending a code to your phone now. Read it to me as soon as it arrives."],
      no: ["We'll text you a code. Don't read it to anyone, just type it into the app when it arrives."],
    },
    {
      rule: 'MOVE_MONEY_TO_SAFE_ACCOUNT/convert',
      yes: ['To protect it, you should convert your savings into gold and our courier will hold it.'],
      no: ['You can convert the PDF to a Word file.'],
    },
    {
      rule: 'URGENCY_OR_THREAT/time',
      yes: ['Places go quickly as the deadlines approach.', 'Sign up before the deadline.'],
      no: ['The deadline was moved to next year, so there is no rush.'],
    },
    {
      rule: 'PRESS_KEY_PROMPT/press',
      yes: [
        // The purpose sits in the sentence before the prompt.
        'To speak with an agent about your account. Please press 1.',
        'Press 5 on your phone now if your servicer is not listed.',
      ],
      no: ['Press the Windows key and R together.'],
    },
    {
      rule: 'RECORDED_SALES_PROMPT/live',
      yes: [
        'We can lower your rate today. Press 1 now to speak with a live agent.',
        'If you are not interested, press 9 to be removed from our calling list.',
        'To begin your claim, please press 1.',
      ],
      no: [
        // Informational recordings and menus the person rang are not sales prompts.
        'Your prescription is ready for pickup. To hear this message again, press 2.',
        'Thank you for calling the pharmacy. To speak with a live agent, press 0.',
        'Press 1 to confirm your appointment or press 2 to cancel it.',
        'Schools are closed tomorrow because of snow. To speak with a live agent, press 0.',
      ],
    },
    {
      rule: 'ELIGIBILITY_CLAIM/application',
      yes: [
        'New relief programs opened this month. Call me back today to complete your application.',
        'You are eligible for the grant. Please return my call so we can finalize your enrollment.',
      ],
      no: [
        'Call me back to complete your application for the mortgage you submitted.',
        'Please call us back to complete your application; we need one more pay slip.',
      ],
    },
    {
      rule: 'ACCOUNT_PROBLEM_CLAIM/dispute',
      yes: ['A laptop was ordered on your account. To cancel this order, please press 1.'],
      no: ['To cancel your order, just tell the barista before it is made.'],
    },
    {
      rule: 'ACCOUNT_PROBLEM_CLAIM/account',
      yes: ['A television is being ordered from your online account today.'],
      no: ['You ordered a television from our store last week.'],
    },
  ];
  for (const c of cases) {
    it(`${c.rule} fires on what it describes and not on its look-alikes`, () => {
      for (const y of c.yes) expect(rulesIn(y), y).toContain(c.rule);
      for (const n of c.no) expect(rulesIn(n), n).not.toContain(c.rule);
    });
  }

  it('does not read a third party approving something as a request to approve a sign-in', () => {
    expect(rulesIn("We'll call you when they approve it.")).not.toContain('CREDENTIAL_REQUEST/approve');
    expect(rulesIn('Please approve it on your phone now.')).toContain('CREDENTIAL_REQUEST/approve');
  });

  it('leaves the password rule alone when the caller says not to tell them', () => {
    const t =
      'You can reset it on the password portal, it sends a code to your phone, you dont need to tell me.';
    expect(rulesIn(t).filter((id) => id.startsWith('CREDENTIAL_REQUEST'))).toEqual([]);
    expect(rulesIn('Read me your password please.')).toContain('CREDENTIAL_REQUEST/password');
  });
});

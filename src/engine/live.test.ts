import { describe, expect, it } from 'vitest';
import { assess, createLiveSession } from './index.js';

const CALL = [
  { speaker: 'caller', text: 'Hello, this is Mark from Microsoft technical support.' },
  { speaker: 'callee', text: 'Oh, hello.' },
  { speaker: 'caller', text: 'Your computer is infected with a virus and is sending us errors.' },
  { speaker: 'callee', text: 'What should I do?' },
  { speaker: 'caller', text: 'Download AnyDesk and read me the nine digit ID on your screen.' },
];

describe('createLiveSession', () => {
  it('reports each flag once, on the segment that raised it', () => {
    const live = createLiveSession({ initiatedBy: 'them' });
    const raised = CALL.map((seg) => live.push(seg).newFlags.map((f) => f.id));
    expect(raised[0]).toContain('UNSOLICITED_TECH_SUPPORT_CALL');
    expect(raised[1]).toEqual([]);
    expect(raised[2]).toContain('CLAIMS_DEVICE_INFECTED');
    expect(raised[4]).toContain('REMOTE_ACCESS_REQUEST');
    const all = raised.flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it('ends where a whole-transcript assessment (rules only) ends', () => {
    const live = createLiveSession({ initiatedBy: 'them' });
    for (const seg of CALL) live.push(seg);
    const whole = assess({ facts: { initiatedBy: 'them' }, transcript: CALL }, { learned: false });
    expect(live.current().verdict).toBe(whole.verdict);
    expect(live.current().risk).toBe(whole.risk);
    expect(
      live
        .current()
        .redFlags.map((f) => f.id)
        .sort(),
    ).toEqual(whole.redFlags.map((f) => f.id).sort());
  });

  it('warns about a sensitive request before the callee answers', () => {
    const live = createLiveSession();
    live.push({ speaker: 'caller', text: 'This is your bank’s fraud team.' });
    const update = live.push({
      speaker: 'caller',
      text: 'To stop the payment, read me the code we just texted you.',
    });
    expect(update.warnings.map((w) => w.asks)).toEqual(['one-time-code']);
    expect(update.warnings[0]!.message).toMatch(/code/);
    expect(update.assessment.warnings).toHaveLength(1);
  });

  it.each([
    ['Give me your card number and the expiry date.', 'card-number'],
    ['What is your password?', 'password'],
    ['Read me the ID and password shown in TeamViewer.', 'remote-access-code'],
    ['I need your Social Security number to verify you.', 'id-number'],
    ['Scratch the back of the gift card and read me the numbers.', 'gift-card-code'],
    ['Tell me your bank account number and routing number.', 'bank-details'],
  ])('warns on "%s"', (text, asks) => {
    const update = createLiveSession().push({ speaker: 'caller', text });
    expect(update.warnings.map((w) => w.asks)).toContain(asks);
  });

  it('does not warn when the callee says it or the caller says never to share it', () => {
    const live = createLiveSession();
    expect(live.push({ speaker: 'callee', text: 'Do you need my card number?' }).warnings).toEqual([]);
    expect(live.push({ speaker: 'caller', text: 'Never give your card number to anyone.' }).warnings).toEqual(
      [],
    );
  });

  it('learns who is the caller from what named speakers say', () => {
    const live = createLiveSession();
    live.push({
      speaker: 'Dave',
      text: 'Hi, this is Dave calling from Windows support about your computer.',
    });
    const u = live.push({ speaker: 'Dave', text: 'Please install TeamViewer now.' });
    expect(u.assessment.redFlags.map((f) => f.id)).toContain('REMOTE_ACCESS_REQUEST');
    expect(u.newFlags.find((f) => f.id === 'REMOTE_ACCESS_REQUEST')?.evidence[0]).toMatchObject({
      speaker: 'caller',
    });
  });

  it('ignores empty segments and rejects malformed ones', () => {
    const live = createLiveSession();
    expect(live.push({ text: '   ' }).newFlags).toEqual([]);
    // Deliberately malformed input from an untyped caller.
    expect(() => live.push({ text: 42 } as unknown as { text: string })).toThrow(/text/);
    expect(() => createLiveSession({ initiatedBy: 'nobody' } as never)).toThrow(/initiatedBy/);
  });
});

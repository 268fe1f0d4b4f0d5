import { describe, expect, it } from 'vitest';
import { createCase } from './validate.js';
import { detectPhantomHacker, stageOf } from './stages.js';

const now = new Date('2026-11-25T12:00:00Z');
const callAt = (at: string, claimedOrg: string) => ({ kind: 'call', at, direction: 'incoming', claimedOrg });

describe('Phantom Hacker pattern', () => {
  it('recognises all three stages in order', () => {
    const c = createCase(
      {
        items: [
          callAt('2026-11-20T10:00:00Z', 'Microsoft'),
          callAt('2026-11-20T12:00:00Z', 'Wells Fargo fraud department'),
          callAt('2026-11-21T09:00:00Z', 'Federal Reserve'),
        ],
      },
      { now },
    );
    const p = detectPhantomHacker(c);
    expect(p?.name).toBe('Phantom Hacker');
    expect(p?.complete).toBe(true);
    expect(p?.stages.map((s) => s.stage)).toEqual(['tech-support', 'financial-institution', 'government']);
    expect(p?.source.url).toBe('https://www.ic3.gov/PSA/2023/PSA230929');
  });

  it('recognises a partial pattern (tech support then bank) as incomplete', () => {
    const c = createCase(
      { items: [callAt('2026-11-20T10:00:00Z', 'Apple support'), callAt('2026-11-20T12:00:00Z', 'Chase')] },
      { now },
    );
    expect(detectPhantomHacker(c)?.complete).toBe(false);
  });

  it('needs the tech-support stage first', () => {
    const c = createCase(
      { items: [callAt('2026-11-20T10:00:00Z', 'Chase'), callAt('2026-11-20T12:00:00Z', 'Microsoft')] },
      { now },
    );
    expect(detectPhantomHacker(c)).toBeNull();
    expect(
      detectPhantomHacker(createCase({ items: [callAt('2026-11-20T10:00:00Z', 'Microsoft')] }, { now })),
    ).toBeNull();
  });

  it('lets the user set the stage, and treats a remote session as tech support', () => {
    const c = createCase(
      {
        items: [
          { kind: 'remote-session', tool: 'AnyDesk', codeGiven: true, at: '2026-11-20T10:00:00Z' },
          { ...callAt('2026-11-20T12:00:00Z', 'Agent Smith'), stage: 'government' },
        ],
      },
      { now },
    );
    expect(c.items.map(stageOf)).toEqual(['tech-support', 'government']);
    expect(detectPhantomHacker(c)?.complete).toBe(false);
  });

  it('infers stages through the knowledge pack and keywords', () => {
    const c = createCase(
      {
        items: [
          'MS',
          'micro soft',
          'Chase fraud department',
          'Federal Reserve Bank',
          'HMRC',
          'Norton',
          'Agent Smith',
        ].map((org, i) => callAt(`2026-11-20T1${i}:00:00Z`, org)),
      },
      { now },
    );
    expect(c.items.map(stageOf)).toEqual([
      'tech-support',
      'tech-support',
      'financial-institution',
      'government',
      'government',
      'tech-support',
      'other',
    ]);
  });
});

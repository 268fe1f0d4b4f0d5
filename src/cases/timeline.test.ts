import { describe, expect, it } from 'vitest';
import { buildTimeline, undatedItems } from './timeline.js';
import { compareWhen, createCase } from './validate.js';

const now = new Date('2026-11-25T12:00:00Z');

describe('timeline', () => {
  it('orders date-times by instant and puts a bare date before the times of that day', () => {
    expect(
      ['2026-11-05T09:00:00+11:00', '2026-11-05', '2026-11-04T23:00:00Z', '2026-11-04'].sort(compareWhen),
    ).toEqual(['2026-11-04', '2026-11-04T23:00:00Z', '2026-11-05', '2026-11-05T09:00:00+11:00']);
  });

  it('lists dated items in time order with their stage, and leaves undated ones out', () => {
    const c = createCase(
      {
        items: [
          { kind: 'payment', at: '2026-11-20T12:00:00Z', method: 'wire', amount: 10, currency: 'USD' },
          { kind: 'call', at: '2026-11-20T10:00:00Z', direction: 'incoming', claimedOrg: 'Microsoft' },
          { kind: 'remote-session', tool: 'AnyDesk', codeGiven: true },
          { kind: 'message', channel: 'popup', at: '2026-11-20', claimedOrg: 'Microsoft' },
        ],
      },
      { now },
    );
    const t = buildTimeline(c);
    expect(t.map((e) => [e.kind, e.stage])).toEqual([
      ['message', 'tech-support'],
      ['call', 'tech-support'],
      ['payment', undefined],
    ]);
    expect(t[2]!.title).toBe('Paid 10 USD by wire transfer');
    expect(undatedItems(c).map((i) => i.kind)).toEqual(['remote-session']);
  });
});

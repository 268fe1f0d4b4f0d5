import { afterAll, describe, expect, it } from 'vitest';
import { cliHarness } from '../../../test/store/cli-harness.js';

const h = cliHarness();
afterAll(() => h.cleanup());

describe('callguard stats', () => {
  it('shows top numbers, tactics, brands and payment methods per ISO week', async () => {
    const when = new Date(Date.now() - 60_000).toISOString();
    await h.run(
      [
        'report',
        '--number',
        '+12025550143',
        '--direction',
        'they-called',
        '--org',
        'Microsoft',
        '--when',
        when,
        '--tactic',
        'REMOTE_ACCESS_REQUEST',
        '--given',
        'gift-cards',
        '--amount',
        '500',
        '--currency',
        'USD',
      ],
      { key: 'stats-reporter-00001' },
    );
    const r = await h.run(['stats']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 community reports about 1 numbers');
    expect(r.stdout).toMatch(/\d{4}-W\d{2}: 1 reports/);
    expect(r.stdout).toContain('numbers:  +12025550143 (1)');
    expect(r.stdout).toContain('tactics:  REMOTE_ACCESS_REQUEST (1)');
    expect(r.stdout).toContain('brands:   microsoft (1)');
    expect(r.stdout).toContain('payment:  gift-cards (1)');
    expect(r.stdout).toContain('lost:     500 USD');
    const j = JSON.parse((await h.run(['stats', '--format', 'json', '--weeks', '2'])).stdout);
    expect(j.weeks[0].topNumbers[0]).toEqual({ number: '+12025550143', reports: 1, reporters: 1 });
    expect((await h.run(['stats', '--weeks', '0'])).stderr).toContain('--weeks');
  });
});

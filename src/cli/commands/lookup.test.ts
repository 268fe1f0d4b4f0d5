import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { cliHarness } from '../../../test/store/cli-harness.js';

const h = cliHarness();
afterAll(() => h.cleanup());

describe('callguard lookup', () => {
  it('says "no reports" for an unknown number and explains levels after reports', async () => {
    expect((await h.run(['lookup', '+1 202 555 0143'])).stdout).toContain('+12025550143: no reports');
    for (const key of ['lookup-reporter-0001', 'lookup-reporter-0002']) {
      await h.run(
        [
          'report',
          '--number',
          '+12025550143',
          '--direction',
          'they-called',
          '--org',
          'Microsoft',
          '--asked',
          'remote-access',
        ],
        { key },
      );
    }
    const r = await h.run(['lookup', '(202) 555-0143', '--country', 'US']);
    expect(r.stdout).toContain('+12025550143: LIKELY SCAM');
    expect(r.stdout).toContain('2 people reported it');
    expect(r.stdout).toContain('Claimed to be: microsoft (2)');
  });

  it('looks up by SHA-256 of the E.164 number', async () => {
    const hash = createHash('sha256').update('+12025550143').digest('hex');
    const r = JSON.parse((await h.run(['lookup', '--sha256', hash, '--format', 'json'])).stdout);
    expect(r).toMatchObject({ number: '+12025550143', level: 'likely-scam', sha256: hash });
    const none = JSON.parse((await h.run(['lookup', '--sha256', 'a'.repeat(64), '--format', 'json'])).stdout);
    expect(none).toMatchObject({ found: false, level: 'unknown' });
  });

  it('refuses a non-number with a clear error', async () => {
    const r = await h.run(['lookup', 'hello']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[CG_NUMBER_INVALID]');
  });
});

describe('callguard lookup: official numbers', () => {
  it("never lists an organisation's official number as a scam, and says it is spoofed", async () => {
    for (const key of ['spoof-reporter-0001', 'spoof-reporter-0002', 'spoof-reporter-0003']) {
      await h.run(
        ['report', '--number', '+1 800 642 7676', '--direction', 'they-called', '--org', 'Microsoft'],
        { key },
      );
    }
    const r = await h.run(['lookup', '+18006427676']);
    expect(r.stdout).toContain('+18006427676: official Microsoft number (never listed as a scam)');
    expect(r.stdout).toContain('This is an official Microsoft number');
    expect(r.stdout).toContain('3 people reported it');
    const list = await h.run(['export', 'blocklist', '--min-level', 'reported']);
    expect(list.stdout).not.toContain('+18006427676');
  });
});

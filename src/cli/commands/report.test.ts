import { afterAll, describe, expect, it } from 'vitest';
import { cliHarness } from '../../../test/store/cli-harness.js';

const h = cliHarness();
afterAll(() => h.cleanup());

const base = ['report', '--number', '+1 202 555 0143', '--direction', 'they-called', '--org', 'Microsoft'];

describe('callguard report', () => {
  it('saves a report from flags, redacts the text and shows the reputation', async () => {
    const r = await h.run(
      [
        ...base,
        '--asked',
        'remote-access,gift-cards',
        '--tactic',
        'REMOTE_ACCESS_REQUEST',
        '--text',
        'my password is hunter2',
      ],
      { key: 'first-reporter-key-000' },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Report saved \(id [0-9a-f-]{36}\)/);
    expect(r.stdout).toContain('Removed from your text before saving: 1 password.');
    expect(r.stdout).toContain('+12025550143: reported');
  });

  it('counts a second person, and --format json gives the stored report', async () => {
    const r = await h.run(
      [...base, '--format', 'json', '--amount', '250', '--currency', 'usd', '--given', 'gift-cards'],
      {
        key: 'second-reporter-key-00',
      },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.created).toBe(true);
    expect(out.report).toMatchObject({
      number: '+12025550143',
      amountLost: 250,
      currency: 'USD',
      given: ['gift-cards'],
    });
    expect(out.reputation).toMatchObject({ level: 'likely-scam', reporters: 2 });
  });

  it('keeps a per-computer reporter key file when none is given', async () => {
    const a = await h.run([...base, '--format', 'json']);
    const b = await h.run([...base, '--format', 'json']);
    expect(JSON.parse(b.stdout).reputation.reporters).toBe(JSON.parse(a.stdout).reputation.reporters);
  });

  it('refuses bad input with one clear line and exit 2', async () => {
    const future = await h.run([...base, '--when', '2999-01-01T00:00:00Z'], {
      key: 'first-reporter-key-000',
    });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('in the future');
    expect(future.stderr).toContain('[CG_INPUT_INVALID]');
    const negative = await h.run([...base, '--amount=-3', '--currency', 'USD'], {
      key: 'first-reporter-key-000',
    });
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('amountLost');
    const badNumber = await h.run(['report', '--number', '12', '--direction', 'they-called']);
    expect(badNumber.stderr).toContain('[CG_NUMBER_INVALID]');
    const missing = await h.run(['report', '--number', '+12025550143']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--direction');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks the questions one by one in a terminal', async () => {
    const answers = [
      '+44 20 7946 0018',
      '2',
      'popup',
      'Microsoft',
      'remote-access, card',
      'card',
      '300 GBP',
      'y',
      'n',
      'code 483920',
      'y',
    ];
    const r = await h.run(['report', '--format', 'json'], {
      tty: true,
      input: answers.join('\n') + '\n',
      key: 'tty-reporter-key-0000',
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Which number called you');
    const out = JSON.parse(r.stdout.slice(r.stdout.indexOf('{\n')));
    expect(out.report).toMatchObject({
      number: '+442079460018',
      direction: 'i-called',
      numberSource: 'popup',
      brand: 'microsoft',
      askedFor: ['card', 'remote-access'],
      given: ['card'],
      amountLost: 300,
      currency: 'GBP',
      text: 'code [code removed]',
    });
    expect(out.report.tactics).toEqual(
      expect.arrayContaining([
        'REMOTE_ACCESS_REQUEST',
        'FINANCIAL_INFO_REQUEST',
        'CLAIMS_DEVICE_INFECTED',
        'NUMBER_FROM_POPUP_OR_AD',
      ]),
    );
  });

  it('records "not a scam" once per person, and hides and restores reports', async () => {
    const created = JSON.parse(
      (await h.run([...base, '--format', 'json'], { key: 'third-reporter-key-00' })).stdout,
    );
    const v1 = await h.run(['report', 'not-scam', '+12025550143'], { key: 'voter-key-000000001' });
    expect(v1.stdout).toContain('noted that it is not a scam');
    const v2 = await h.run(['report', 'not-scam', '--report', created.report.id], {
      key: 'voter-key-000000001',
    });
    expect(v2.stdout).toContain('already said so');
    const hide = await h.run(['report', 'hide', created.report.id, '--reason', 'test']);
    expect(hide.stdout).toBe(`Report ${created.report.id} is hidden.\n`);
    const restore = await h.run(['report', 'restore', created.report.id, '--format', 'json']);
    expect(JSON.parse(restore.stdout).hidden).toBe(false);
    expect((await h.run(['report', 'hide', 'nope'])).stderr).toContain('[CG_NOT_FOUND]');
  });
});

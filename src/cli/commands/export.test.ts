import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness } from '../../../test/store/cli-harness.js';

const h = cliHarness();
afterAll(() => h.cleanup());

const report = (number: string, key: string) =>
  h.run(['report', '--number', number, '--direction', 'they-called'], { key });

beforeAll(async () => {
  await report('+12025550143', 'reporter-one-000000');
  await report('+12025550143', 'reporter-two-000000');
  await report('+12025550178', 'reporter-one-000000');
});

describe('callguard export blocklist', () => {
  it('exports numbers at or above the level as CSV with the version to sync from', async () => {
    const r = await h.run(['export', 'blocklist']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('number,sha256,level,reporters,feed_reports,last_seen,version,action');
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(['+12025550143']);
    expect(lines.at(-1)).toMatch(/^# version \d+$/);
    const all = await h.run(['export', 'blocklist', '--min-level', 'reported', '--format', 'json']);
    const out = JSON.parse(all.stdout);
    expect(out.entries.map((e: { number: string }) => e.number).sort()).toEqual([
      '+12025550143',
      '+12025550178',
    ]);
  });

  it('gives only the changes since a version, with removals', async () => {
    const first = JSON.parse((await h.run(['export', 'blocklist', '--format', 'json'])).stdout);
    const none = JSON.parse(
      (await h.run(['export', 'blocklist', '--format', 'json', '--since', String(first.version)])).stdout,
    );
    expect(none.entries).toEqual([]);
    await h.run(['report', 'not-scam', '+12025550143'], { key: 'voter-000000000001' });
    const out = join(h.dir, 'delta.json');
    await h.run(['export', 'blocklist', '--format', 'json', '--since', String(first.version), '--out', out]);
    const delta = JSON.parse(readFileSync(out, 'utf8'));
    expect(delta.entries).toEqual([expect.objectContaining({ number: '+12025550143', action: 'remove' })]);
    expect(delta.version).toBeGreaterThan(first.version);
  });

  it('refuses bad options', async () => {
    expect((await h.run(['export', 'blocklist', '--min-level', 'unknown'])).stderr).toContain('--min-level');
    expect((await h.run(['export', 'blocklist', '--since', 'yesterday'])).stderr).toContain('--since');
    expect((await h.run(['export', 'numbers'])).code).toBe(2);
  });
});

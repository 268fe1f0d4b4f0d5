import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliHarness } from '../../../test/store/cli-harness.js';
import { FTC_FILE } from '../../../test/store/contract.js';

const h = cliHarness();
afterAll(() => h.cleanup());

describe('callguard import', () => {
  it('imports the FTC DNC file with a progress bar on a terminal, and lists malformed lines', async () => {
    const r = await h.run(['import', 'ftc-dnc', FTC_FILE], { stderrTTY: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /dnc_complaint_numbers_2021-07-07\.csv: 14,034 rows, [\d,]+ new, [\d,]+ already known, [\d,]+ malformed/,
    );
    expect(r.stdout).toContain('malformed: line 5 (not a 10-digit US number)');
    expect(r.stderr).toMatch(/\[#+\] 100% 14,034 rows [\d,]+ rows\/s/);
  });

  it('changes nothing the second time, and prints no progress bar when stderr is not a terminal', async () => {
    const r = await h.run(['import', 'ftc-dnc', FTC_FILE, '--format', 'json']);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.imports[0]).toMatchObject({ alreadyImported: true, imported: 0, rows: 14034 });
    const lookup = await h.run(['lookup', '4703352559', '--country', 'US']);
    expect(lookup.stdout).toContain('+14703352559: reported');
    expect(lookup.stdout).toContain('ftc-dnc: 1 (unspecified 1)');
  });

  it('imports a number list under a source name', async () => {
    const file = join(h.dir, 'partner.csv');
    writeFileSync(file, 'number,category\n+12025550111,refund\nnonsense,x\n');
    const r = await h.run(['import', 'list', '--source', 'partner', file, '--format', 'json']);
    expect(JSON.parse(r.stdout).imports[0]).toMatchObject({ source: 'partner', imported: 1, malformed: 1 });
  });

  it('explains what is missing', async () => {
    expect((await h.run(['import', 'list', 'x.csv'])).stderr).toContain('--source');
    expect((await h.run(['import'])).stderr).toContain('[CG_OPTION_VALUE_INVALID]');
    const missing = await h.run(['import', 'ftc-dnc', join(h.dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});

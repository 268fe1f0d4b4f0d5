import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTrainOptions, TrainUsageError } from './options.js';

const dir = mkdtempSync(join(tmpdir(), 'cg-train-opts-'));
const data = join(dir, 'data');
const out = join(dir, 'out');
const scenarios = join(dir, 'scenarios.jsonl');
mkdirSync(data);
mkdirSync(out);
writeFileSync(join(data, 'dev.jsonl'), '');
writeFileSync(join(data, 'dev-dialogues.jsonl'), '');
writeFileSync(scenarios, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = ['--data', data, '--out', out, '--scenarios', scenarios, '--weights-out', join(out, 'w.ts')];
const read = (...args: string[]) => readTrainOptions([...base, ...args], {});
const refusal = (...args: string[]) => {
  try {
    read(...args);
  } catch (err) {
    expect(err).toBeInstanceOf(TrainUsageError);
    return (err as Error).message;
  }
  throw new Error(`accepted ${args.join(' ')}`);
};

describe('readTrainOptions', () => {
  it('reads the defaults and typed values', () => {
    const o = read('--folds', '7', '--rule-l2', '0.003', '--learned-feature', 'lso');
    expect(o).toMatchObject({ folds: 7, seed: 42, l2: 0.0001, iterations: 150, ruleL2: 0.003 });
    expect(o.learnedFeature).toBe('lso');
    expect(o.withoutFlagsShare).toBeCloseTo(0.333);
    expect(o.dumpOof).toBeUndefined();
  });

  it('takes the data folder from CALLGUARD_DATA when --data is not given', () => {
    const o = readTrainOptions(['--out', out, '--scenarios', scenarios], { CALLGUARD_DATA: data });
    expect(o.data).toBe(data);
  });

  it('names the bad option and what it must be', () => {
    expect(refusal('--bogus')).toMatch(/Unknown option '--bogus'[\s\S]*usage: npm run train/);
    expect(refusal('--folds', 'x')).toBe('--folds must be a whole number of at least 2; got "x".');
    expect(refusal('--folds', '1')).toMatch(/^--folds must be/);
    expect(refusal('--iterations', '2.5')).toMatch(/^--iterations must be a whole number ≥ 1/);
    expect(refusal('--l2=-1')).toMatch(/^--l2 must be a number ≥ 0/);
    expect(refusal('--without-flags-share', '2')).toMatch(/from 0 to 1; got "2"/);
    expect(refusal('--learned-feature', 'loso')).toMatch(/"oof" or "lso"; got "loso"/);
  });

  it('refuses missing files and folders before any work starts', () => {
    expect(refusal('--data', dir)).toMatch(/dev\.jsonl is not there/);
    expect(refusal('--out', join(dir, 'missing'))).toMatch(/no such folder; create it first/);
    expect(refusal('--scenarios', join(dir, 'none.jsonl'))).toMatch(/no such file/);
    expect(refusal('--weights-out', join(dir, 'missing', 'w.ts'))).toMatch(/does not exist; create it first/);
    expect(refusal('--dump-oof', join(dir, 'missing', 'oof.jsonl'))).toMatch(/does not exist/);
  });
});

import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';

const fixture = fileURLToPath(new URL('./fixtures/small.jsonl', import.meta.url));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const ctx: CliContext = { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: process.cwd() };
  const code = await main(argv, ctx);
  return { code, out, err };
}

describe('callguard eval', () => {
  it('prints JSON metrics with exactly the agreed keys, per group', async () => {
    const { code, out, err } = await run(['eval', fixture, '--by', 'source', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as Record<string, unknown> & {
      groups: Record<string, Record<string, unknown>>;
    };
    const keys = ['n', 'precision', 'recall', 'f1', 'fpr', 'accuracy', 'auc', 'confusion', 'groups'];
    expect(Object.keys(report).sort()).toEqual([...keys].sort());
    expect(report.n).toBe(4);
    expect(Object.keys(report.groups).sort()).toEqual(['fixture', 'other']);
    expect(Object.keys(report.groups.fixture!).sort()).toEqual(keys.filter((k) => k !== 'groups').sort());
    const c = report.confusion as { tp: number; fp: number; tn: number; fn: number };
    expect(c.tp + c.fn).toBe(2);
    expect(c.fp + c.tn).toBe(2);
    // The two bad lines are reported with their line numbers; evaluation went on.
    expect(err).toMatch(/line 4 skipped: not valid JSON/);
    expect(err).toMatch(/line 5 skipped/);
  });

  it('detects the textbook scams and passes the service calls', async () => {
    const { out } = await run(['eval', fixture, '--format', 'json']);
    const report = JSON.parse(out) as { recall: number; fpr: number; auc: number };
    expect(report.recall).toBe(1);
    expect(report.fpr).toBe(0);
    expect(report.auc).toBe(1);
  });

  it('can leave the learned scorer out to measure the rules alone', async () => {
    const { code, out } = await run(['eval', fixture, '--rules-only', '--format', 'json']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { n: number }).n).toBe(4);
  });

  it('prints a readable table, the confusion matrix and the worst errors', async () => {
    const { code, out } = await run(['eval', fixture, '--by', 'category']);
    expect(code).toBe(0);
    expect(out).toMatch(/overall\s+4/);
    expect(out).toMatch(/by category:/);
    expect(out).toMatch(/tech-support/);
    expect(out).toMatch(/Confusion matrix/);
    expect(out).toMatch(/Worst false positives/);
  });

  it('refuses bad options and unreadable or binary files with a clear message', async () => {
    expect((await run(['eval', fixture, '--by', 'colour'])).err).toMatch(
      /--by must be one of source, category, brand/,
    );
    const missing = await run(['eval', '/no/such/file.jsonl']);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/no such file/);
    const dir = mkdtempSync(join(tmpdir(), 'cg-eval-'));
    const bin = join(dir, 'bin.jsonl');
    writeFileSync(bin, Buffer.from([0x7b, 0, 1, 2, 0x7d, 10]));
    const binary = await run(['eval', bin]);
    expect(binary.code).not.toBe(0);
    expect(binary.err).toMatch(/binary/);
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '\n');
    expect((await run(['eval', empty])).err).toMatch(/No labelled records/);
  });

  it('evaluates 10,000 lines in seconds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-eval-'));
    const big = join(dir, 'big.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      lines.push(
        JSON.stringify(
          i % 2 === 0
            ? {
                id: `s${i}`,
                label: 'scam',
                turns: [
                  {
                    speaker: 'caller',
                    text: `Your computer has a virus ${i}. Install AnyDesk and pay with gift cards.`,
                  },
                ],
              }
            : {
                id: `l${i}`,
                label: 'legit',
                turns: [{ speaker: 'caller', text: `Your table for ${i % 7} is booked for eight tonight.` }],
              },
        ),
      );
    }
    writeFileSync(big, lines.join('\n') + '\n');
    const started = performance.now();
    const { code, out } = await run(['eval', big, '--format', 'json']);
    const seconds = (performance.now() - started) / 1000;
    expect(code).toBe(0);
    expect((JSON.parse(out) as { n: number }).n).toBe(10_000);
    expect(seconds).toBeLessThan(20);
  });
});

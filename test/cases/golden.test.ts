/**
 * Golden outputs: every report, the recovery plan and the evidence pack (md, json, html) for each
 * sample case in test/cases/fixtures. Any difference fails. After an intended change, regenerate with
 *   UPDATE_GOLDEN=1 npx vitest run test/cases/golden.test.ts
 * and review the diff of test/cases/golden/ before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  exportCase,
  generateReport,
  recoveryPlan,
  REPORT_IDS,
  URGENCY_LABELS,
} from '../../src/cases/index.js';
import { FIXTURES, loadFixture, NOW } from './support.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const root = new URL('./golden/', import.meta.url);

function golden(file: string, actual: string): void {
  const url = new URL(file, root);
  if (UPDATE) {
    mkdirSync(new URL('.', url), { recursive: true });
    writeFileSync(url, actual);
    return;
  }
  if (!existsSync(url))
    throw new Error(`Missing golden ${file}; run UPDATE_GOLDEN=1 npx vitest run test/cases/golden.test.ts`);
  expect(actual, `${file} differs from its golden; see test/cases/golden.test.ts`).toBe(
    readFileSync(url, 'utf8'),
  );
}

describe.each(FIXTURES)('golden outputs for %s', (name) => {
  const c = loadFixture(name);

  it.each(REPORT_IDS)('report %s', (id) => {
    const r = generateReport(c, id);
    golden(`${name}/report-${id}.txt`, r.text);
    golden(`${name}/report-${id}.json`, JSON.stringify(r, null, 2) + '\n');
  });

  it('recovery plan', () => {
    const text = recoveryPlan(c)
      .map(
        (s, i) =>
          `${i + 1}. [${URGENCY_LABELS[s.urgency]}] ${s.title}\n   ${s.detail}\n   Why: ${s.because}\n   Source: ${s.source.url}`,
      )
      .join('\n');
    golden(`${name}/recovery-plan.txt`, text + '\n');
  });

  it.each(['md', 'json', 'html'] as const)('evidence pack (%s)', (format) => {
    golden(`${name}/evidence.${format}`, exportCase(c, format, { generatedAt: NOW }).body);
  });
});

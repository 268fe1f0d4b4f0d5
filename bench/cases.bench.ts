/**
 * Case file: how long the pure parts take for the largest sample case (13 items, the Phantom Hacker
 * fixture), next to a floor of JSON.stringify on the same case in the same run.
 */
import { readFileSync } from 'node:fs';
import {
  allReports,
  createCase,
  recoveryPlan,
  renderEvidenceHtml,
  renderEvidenceJson,
  renderEvidenceMarkdown,
} from '../src/cases/index.js';
import { fmt, timePerCall } from './stats.js';

export const title = 'Case file: validation, reports, recovery plan, evidence pack';

export async function run(): Promise<string> {
  const input: unknown = JSON.parse(
    readFileSync(new URL('../test/cases/fixtures/phantom-hacker-us.json', import.meta.url), 'utf8'),
  );
  const now = new Date('2026-11-25T12:00:00Z');
  const c = createCase(input, { now });
  const generatedAt = now;
  const rows: Array<[string, () => unknown]> = [
    ['floor: JSON.stringify(case)', () => JSON.stringify(c)],
    ['createCase (validate 13 items)', () => createCase(input, { now })],
    ['all 7 authority reports', () => allReports(c)],
    ['recovery plan', () => recoveryPlan(c)],
    ['evidence pack: Markdown', () => renderEvidenceMarkdown(c, { generatedAt })],
    ['evidence pack: HTML', () => renderEvidenceHtml(c, { generatedAt })],
    ['evidence pack: JSON', () => renderEvidenceJson(c, { generatedAt })],
  ];
  const lines = ['| operation | median µs per call | × floor |', '| --- | ---: | ---: |'];
  let floor = 0;
  for (const [name, fn] of rows) {
    const ns = timePerCall(fn, 11, 40);
    if (floor === 0) floor = ns;
    lines.push(`| ${name} | ${fmt(ns / 1000, 1)} | ${fmt(ns / floor, 0)} |`);
  }
  return lines.join('\n');
}

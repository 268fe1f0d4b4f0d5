/**
 * Precision, recall and false-positive rate of the engine's rules alone (no learned scorer) on the
 * labelled development transcripts, by source. A call counts as flagged when the verdict is "scam"
 * or "likely-scam" (and, in a second table, when it is anything but "low-risk").
 *
 *   node --import tsx scripts/rules-eval.ts [FILE.jsonl ...]
 *
 * Defaults to ../shared/data/transcripts/dev.jsonl and dev-dialogues.jsonl. Prints Markdown.
 */
import { readFileSync } from 'node:fs';
import { assessLine } from '../src/cli/commands/check-batch.js';

interface Counts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : ['../shared/data/transcripts/dev.jsonl', '../shared/data/transcripts/dev-dialogues.jsonl'];

const strict = new Map<string, Counts>();
const loose = new Map<string, Counts>();
const flagCounts = new Map<string, { scam: number; legit: number }>();
let errors = 0;

for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const record = JSON.parse(line) as { source: string; label: 'scam' | 'legit' };
    // Only what a user would give: the transcript and the call facts (no label, brand or category).
    const { id, turns, facts } = JSON.parse(line) as Record<string, unknown>;
    const result = assessLine(JSON.stringify({ id, turns, facts }), i + 1, { learned: false });
    if ('error' in result) {
      errors++;
      return;
    }
    const scam = record.label === 'scam';
    for (const [table, positive] of [
      [strict, result.verdict === 'scam' || result.verdict === 'likely-scam'],
      [loose, result.verdict !== 'low-risk'],
    ] as const) {
      for (const key of [record.source, 'all']) {
        const c = table.get(key) ?? { tp: 0, fp: 0, tn: 0, fn: 0 };
        if (scam && positive) c.tp++;
        else if (scam) c.fn++;
        else if (positive) c.fp++;
        else c.tn++;
        table.set(key, c);
      }
    }
    for (const f of new Set(result.redFlags)) {
      const c = flagCounts.get(f) ?? { scam: 0, legit: 0 };
      c[scam ? 'scam' : 'legit']++;
      flagCounts.set(f, c);
    }
  });
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
function table(title: string, m: Map<string, Counts>): string {
  const rows = [
    `### ${title}`,
    '',
    '| source | scam | legit | TP | FN | FP | TN | precision | recall | false-positive rate |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [source, c] of [...m.entries()].sort((a, b) =>
    a[0] === 'all' ? 1 : b[0] === 'all' ? -1 : a[0].localeCompare(b[0]),
  )) {
    rows.push(
      `| ${source} | ${c.tp + c.fn} | ${c.fp + c.tn} | ${c.tp} | ${c.fn} | ${c.fp} | ${c.tn} | ${pct(c.tp, c.tp + c.fp)} | ${pct(c.tp, c.tp + c.fn)} | ${pct(c.fp, c.fp + c.tn)} |`,
    );
  }
  return rows.join('\n');
}

console.log(table('Flagged = verdict "scam" or "likely-scam"', strict));
console.log();
console.log(table('Flagged = any verdict but "low-risk"', loose));
console.log();
console.log('### Red flags raised (transcripts)', '\n\n| flag | scam | legit |\n|---|---:|---:|');
for (const [f, c] of [...flagCounts.entries()].sort(
  (a, b) => b[1].scam + b[1].legit - a[1].scam - a[1].legit,
)) {
  console.log(`| ${f} | ${c.scam} | ${c.legit} |`);
}
if (errors > 0) console.log(`\n${errors} records could not be assessed.`);

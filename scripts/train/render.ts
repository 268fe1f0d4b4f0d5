/** Markdown tables for PROVENANCE.md and docs/evaluation.md. */
import type { Metrics, ReliabilityBin } from '../../src/eval/metrics.js';

const f3 = (v: number | null) => (v === null ? '-' : v.toFixed(3));
const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(2)}%`);

export function metricsTable(rows: Record<string, Metrics>): string {
  const out = [
    '| source | n | recall | FPR | precision | AUC | tp / fp / tn / fn |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const [name, m] of Object.entries(rows)) {
    const c = m.confusion;
    out.push(
      `| ${name} | ${m.n} | ${f3(m.recall)} | ${pct(m.fpr)} | ${f3(m.precision)} | ${f3(m.auc)} | ${c.tp} / ${c.fp} / ${c.tn} / ${c.fn} |`,
    );
  }
  return out.join('\n');
}

export function reliabilityMarkdown(bins: readonly ReliabilityBin[]): string {
  const out = ['| risk bin | n | mean predicted | observed scam rate |', '|---|---:|---:|---:|'];
  for (const b of bins) {
    if (b.n === 0) continue;
    out.push(
      `| ${b.from.toFixed(1)}–${b.to.toFixed(1)} | ${b.n} | ${f3(b.meanPredicted)} | ${f3(b.observed)} |`,
    );
  }
  return out.join('\n');
}

export function weightsTable(flags: Record<string, number>, before: Record<string, number>): string {
  const out = ['| id | fitted | hand-set prior |', '|---|---:|---:|'];
  for (const id of Object.keys(flags).sort()) {
    out.push(`| ${id} | ${flags[id]!.toFixed(2)} | ${before[id]?.toFixed(2) ?? '-'} |`);
  }
  return out.join('\n');
}

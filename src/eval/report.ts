/** Renders an evaluation for a terminal. Figures are data elsewhere; this only formats them. */
import type { EvaluatedRecord, EvaluationReport } from './evaluate.js';
import type { Metrics } from './metrics.js';

const pct = (v: number | null) => (v === null ? '-' : (v * 100).toFixed(1) + '%');
const num = (v: number | null) => (v === null ? '-' : v.toFixed(3));

function row(name: string, m: Metrics): string {
  const c = m.confusion;
  return [
    name.padEnd(22).slice(0, 22),
    String(m.n).padStart(6),
    pct(m.precision).padStart(9),
    pct(m.recall).padStart(8),
    num(m.f1).padStart(6),
    pct(m.fpr).padStart(7),
    pct(m.accuracy).padStart(8),
    num(m.auc).padStart(6),
    `${c.tp}/${c.fp}/${c.tn}/${c.fn}`.padStart(18),
  ].join(' ');
}

function errorLine(r: EvaluatedRecord): string {
  const flags = r.flags.length > 0 ? r.flags.join(', ') : 'no flags';
  return `  ${r.id} (${r.source ?? 'no source'}, line ${r.line}): ${r.verdict}, risk ${r.score.toFixed(2)} [${flags}]`;
}

/**
 * @example renderText(summarise(results, 'source'), worstErrors(results, 5), 'source')
 */
export function renderText(
  report: EvaluationReport,
  worst: { falsePositives: EvaluatedRecord[]; falseNegatives: EvaluatedRecord[] },
  by?: string,
): string {
  const header = [
    'group'.padEnd(22),
    'n'.padStart(6),
    'precision'.padStart(9),
    'recall'.padStart(8),
    'F1'.padStart(6),
    'FPR'.padStart(7),
    'accuracy'.padStart(8),
    'AUC'.padStart(6),
    'tp/fp/tn/fn'.padStart(18),
  ].join(' ');
  const lines = [header, row('overall', report)];
  if (by) {
    lines.push(`by ${by}:`);
    for (const [name, m] of Object.entries(report.groups)) lines.push(row(name, m));
  }
  const c = report.confusion;
  lines.push(
    '',
    'Confusion matrix (scam = verdict "scam" or "likely-scam"):',
    `                 predicted scam  predicted not`,
    `  actual scam    ${String(c.tp).padStart(14)}  ${String(c.fn).padStart(13)}`,
    `  actual legit   ${String(c.fp).padStart(14)}  ${String(c.tn).padStart(13)}`,
    '',
    `Worst false positives (${worst.falsePositives.length}):`,
    ...(worst.falsePositives.length > 0 ? worst.falsePositives.map(errorLine) : ['  none']),
    `Worst false negatives (${worst.falseNegatives.length}):`,
    ...(worst.falseNegatives.length > 0 ? worst.falseNegatives.map(errorLine) : ['  none']),
  );
  return lines.join('\n') + '\n';
}

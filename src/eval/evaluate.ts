/**
 * Runs a detector over labelled records and scores it. The detector is passed in (the engine's
 * `assess` in the CLI), so this file stays independent of how verdicts are made.
 */
import type { AssessInput, CallFacts } from '../engine/types.js';
import type { LabelledRecord, GroupKey } from './labelled.js';
import { turnsOf } from './labelled.js';
import { metricsByGroup, metricsOf, type Metrics, type Scored } from './metrics.js';

/** What the detector returns for one record. */
export interface Detection {
  verdict: string;
  risk: number;
  flags: string[];
}

export interface EvaluatedRecord extends Scored {
  id: string;
  line: number;
  source: string | null;
  category: string | null;
  brand: string | null;
  verdict: string;
  flags: string[];
}

export interface EvaluationReport extends Metrics {
  groups: Record<string, Metrics>;
}

/** Verdicts that count as "scam detected". */
export const DETECTED_VERDICTS: ReadonlySet<string> = new Set(['scam', 'likely-scam']);

/** The engine input for a record: its turns (speaker labels kept) and its facts without nulls. */
export function assessInputOf(record: LabelledRecord): AssessInput {
  const facts: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record.facts ?? {})) if (v !== null && v !== undefined) facts[k] = v;
  // The engine validates the facts (and throws CG_INPUT_INVALID on bad ones), so they pass through as given.
  const turns = turnsOf(record);
  const text = record.turns ? null : (record.text ?? record.transcript ?? null);
  return {
    ...(text !== null ? { transcript: text } : turns ? { transcript: turns } : {}),
    facts: facts as CallFacts,
  };
}

/**
 * @example evaluateRecord(record, 12, (r) => { const a = assess(assessInputOf(r)); return { verdict: a.verdict, risk: a.risk, flags: a.redFlags.map((f) => f.id) }; })
 */
export function evaluateRecord(
  record: LabelledRecord,
  line: number,
  detect: (record: LabelledRecord) => Detection,
): EvaluatedRecord {
  const d = detect(record);
  return {
    id: record.id ?? `line ${line}`,
    line,
    source: record.source ?? null,
    category: record.category ?? null,
    brand: record.brand ?? null,
    actual: record.label === 'scam',
    predicted: DETECTED_VERDICTS.has(d.verdict),
    score: d.risk,
    verdict: d.verdict,
    flags: d.flags,
  };
}

/** Overall metrics plus one entry per value of `by` (empty `groups` without it). */
export function summarise(results: readonly EvaluatedRecord[], by?: GroupKey): EvaluationReport {
  return {
    ...metricsOf(results),
    groups: by ? metricsByGroup(results, (r) => r[by]) : {},
  };
}

/** Legitimate calls with the highest risk that were called scams, and missed scams with the lowest. */
export function worstErrors(
  results: readonly EvaluatedRecord[],
  limit: number,
): { falsePositives: EvaluatedRecord[]; falseNegatives: EvaluatedRecord[] } {
  return {
    falsePositives: results
      .filter((r) => !r.actual && r.predicted)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit),
    falseNegatives: results
      .filter((r) => r.actual && !r.predicted)
      .sort((a, b) => a.score - b.score)
      .slice(0, limit),
  };
}

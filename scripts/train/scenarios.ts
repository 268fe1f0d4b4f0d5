/**
 * The lead's regression scenarios (test/regression/scenarios.jsonl) as an out-of-distribution check of
 * a weight set: never used for fitting, only scored. A scenario passes when its verdict is one of
 * those it expects.
 */
import { readFile } from 'node:fs/promises';
import { parseTranscript } from '../../src/engine/index.js';
import { featurise } from '../../src/engine/learned/featurise.js';
import { modelText } from '../../src/engine/learned/index.js';
import { learnedFeature, type LearnedModelData } from '../../src/engine/learned/model.js';
import { assessInputOf } from '../../src/eval/evaluate.js';
import { labelledRecordSchema } from '../../src/eval/labelled.js';
import { margin, type LogisticModel } from '../../src/eval/logistic.js';
import type { Doc } from './corpus.js';
import { engineScore, type FittedWeights } from './fit-weights.js';
import { extractRuleHits, type FlagGroups } from './rule-features.js';

export interface Scenario {
  doc: Doc;
  expect: string[];
  /** Learned margin as the engine would compute it, and whether the speaker was known. */
  margin: number | null;
  attributed: boolean;
}

export async function loadScenarios(
  path: string,
  text: LogisticModel,
  params: LearnedModelData['params'],
): Promise<Scenario[]> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    const raw = JSON.parse(line) as { expect?: string[] };
    const record = labelledRecordSchema.parse(raw);
    const input = assessInputOf(record);
    let m: number | null = null;
    let attributed = false;
    if (input.transcript !== undefined) {
      const mt = modelText(parseTranscript(input.transcript));
      attributed = mt.attributed;
      if (mt.text.trim() !== '') m = margin(text, featurise(mt.text, params));
    }
    const doc: Doc = {
      id: record.id ?? `scenario ${i + 1}`,
      file: 'scenarios.jsonl',
      source: 'regression-scenarios',
      label: record.label === 'scam',
      record,
      callerText: '',
      group: `scenario#${i}`,
      fold: -1,
    };
    return { doc, expect: raw.expect ?? [], margin: m, attributed };
  });
}

/** Count of scenarios whose verdict under `weights` is one they expect, and the ids that fail. */
export function scoreScenarios(
  scenarios: readonly Scenario[],
  weights: FittedWeights,
  groups: FlagGroups,
  caps: Record<string, number>,
  learnedCap: number,
  combine: Pick<LearnedModelData, 'combine' | 'unknownSpeakerFactor'>,
  thresholds: { scam: number; likelyScam: number; unclear: number },
  useLearned: boolean,
): { passed: number; failed: string[] } {
  const { hits, groups: seen } = extractRuleHits(scenarios.map((s) => s.doc));
  for (const [k, v] of seen) if (!groups.has(k)) groups.set(k, v);
  const failed: string[] = [];
  scenarios.forEach((s, i) => {
    const h = hits[i]!;
    const x =
      useLearned && s.margin !== null ? learnedFeature(s.margin, s.attributed, h.flags.size > 0, combine) : 0;
    const risk =
      Math.round((1 / (1 + Math.exp(-engineScore(weights, h, x, groups, caps, learnedCap)))) * 1000) / 1000;
    const verdict =
      risk >= thresholds.scam
        ? 'scam'
        : risk >= thresholds.likelyScam
          ? 'likely-scam'
          : risk >= thresholds.unclear
            ? 'unclear'
            : 'low-risk';
    if (!s.expect.includes(verdict)) failed.push(`${s.doc.id} (${verdict}, risk ${risk})`);
  });
  return { passed: scenarios.length - failed.length, failed };
}

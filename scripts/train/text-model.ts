/**
 * Stage 1: the text model, a logistic regression over hashed n-grams of the caller's words.
 */
import { featurise, type FeatureParams } from '../../src/engine/learned/featurise.js';
import { fitLogistic, margin, type LogisticModel, type SparseRow } from '../../src/eval/logistic.js';
import type { Doc } from './corpus.js';

export interface TextModelOptions {
  params: FeatureParams;
  l2: number;
  iterations: number;
}

/**
 * Example weights: each label carries half the total weight and, within a label, each source an
 * equal share, so 1,200 service dialogues cannot drown 120 written conversations.
 */
export function balancedWeights(docs: readonly Doc[]): number[] {
  const counts = new Map<string, number>();
  const sourcesPerLabel = new Map<boolean, Set<string>>([
    [true, new Set()],
    [false, new Set()],
  ]);
  for (const d of docs) {
    counts.set(`${d.label}|${d.source}`, (counts.get(`${d.label}|${d.source}`) ?? 0) + 1);
    sourcesPerLabel.get(d.label)!.add(d.source);
  }
  return docs.map((d) => 1 / (counts.get(`${d.label}|${d.source}`)! * sourcesPerLabel.get(d.label)!.size));
}

export function featuriseDocs(docs: readonly Doc[], params: FeatureParams): SparseRow[] {
  return docs.map((d) => featurise(d.callerText, params));
}

export function trainTextModel(
  docs: readonly Doc[],
  rows: readonly SparseRow[],
  options: TextModelOptions,
): LogisticModel {
  return fitLogistic(
    rows,
    docs.map((d) => d.label),
    {
      dim: 2 ** options.params.hashBits,
      l2: options.l2,
      iterations: options.iterations,
      sampleWeights: balancedWeights(docs),
      learningRate: 0.05,
    },
  );
}

/** Out-of-fold margins: each doc scored by a model that never saw its fold (or its group). */
export function outOfFoldMargins(
  docs: readonly Doc[],
  rows: readonly SparseRow[],
  folds: number,
  options: TextModelOptions,
): number[] {
  const out = new Array<number>(docs.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const trainIdx = docs.flatMap((d, i) => (d.fold === f ? [] : [i]));
    const model = trainTextModel(
      trainIdx.map((i) => docs[i]!),
      trainIdx.map((i) => rows[i]!),
      options,
    );
    docs.forEach((d, i) => {
      if (d.fold === f) out[i] = margin(model, rows[i]!);
    });
  }
  return out;
}

/** Margins on `test` docs of a model trained on `train` docs only (leave-one-source-out checks). */
export function heldOutMargins(
  docs: readonly Doc[],
  rows: readonly SparseRow[],
  isTrain: (d: Doc) => boolean,
  options: TextModelOptions,
): Map<number, number> {
  const trainIdx = docs.flatMap((d, i) => (isTrain(d) ? [i] : []));
  const model = trainTextModel(
    trainIdx.map((i) => docs[i]!),
    trainIdx.map((i) => rows[i]!),
    options,
  );
  const out = new Map<number, number>();
  docs.forEach((d, i) => {
    if (!isTrain(d)) out.set(i, margin(model, rows[i]!));
  });
  return out;
}

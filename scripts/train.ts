/**
 * `npm run train [-- --data DIR --folds 5 --seed 42 --l2 0.0001 --iterations 150]`
 *
 * Trains CallGuard's learned text scorer on the development data, cross-validates it over
 * near-duplicate groups (folds balanced by source and label), and writes the quantised model and its
 * provenance into src/engine/learned/. Stage 2 (fitting rule weights and thresholds) runs in
 * scripts/fit-weights.ts, which needs the engine.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { format } from 'prettier';
import { DEFAULT_FEATURE_PARAMS } from '../src/engine/learned/featurise.js';
import { metricsByGroup, metricsOf, type Metrics } from '../src/eval/metrics.js';
import { loadCorpus } from './train/corpus.js';
import { featuriseDocs, heldOutMargins, outOfFoldMargins, trainTextModel } from './train/text-model.js';
import { toModelData, writeModelModule } from './train/write-model.js';

const { values: opts } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.CALLGUARD_DATA ?? '../shared/data/transcripts' },
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    l2: { type: 'string', default: '0.0001' },
    iterations: { type: 'string', default: '150' },
    out: { type: 'string', default: 'src/engine/learned' },
  },
});
const folds = Number(opts.folds);
const seed = Number(opts.seed);
const l2 = Number(opts.l2);
const iterations = Number(opts.iterations);
const files = [
  { path: resolve(opts.data, 'dev.jsonl'), name: 'dev.jsonl', scheme: false },
  { path: resolve(opts.data, 'dev-dialogues.jsonl'), name: 'dev-dialogues.jsonl', scheme: true },
];
const command = `npm run train -- --folds ${folds} --seed ${seed} --l2 ${l2} --iterations ${iterations}`;

const log = (msg: string) => process.stderr.write(msg + '\n');
const { docs, bad } = await loadCorpus(files, folds, seed);
if (bad.length > 0)
  log(`skipped ${bad.length} bad lines (first: ${bad[0]!.file}:${bad[0]!.line} ${bad[0]!.error})`);
log(`${docs.length} records, ${new Set(docs.map((d) => d.group)).size} near-duplicate groups`);

const params = DEFAULT_FEATURE_PARAMS;
const options = { params, l2, iterations };
const rows = featuriseDocs(docs, params);

log(`cross-validating (${folds} folds over groups)...`);
const oof = outOfFoldMargins(docs, rows, folds, options);
const scored = docs.map((d, i) => ({
  actual: d.label,
  predicted: oof[i]! > 0,
  score: oof[i]!,
  source: d.source,
}));
const cvBySource = metricsByGroup(scored, (s) => s.source);
const cvOverall = metricsOf(scored);

log('leave-one-source-out checks...');
const lso: Record<string, Metrics> = {};
for (const held of ['written-dialogues', 'ncsu-robocall']) {
  const margins = heldOutMargins(docs, rows, (d) => d.source !== held, options);
  lso[held] = metricsOf(
    [...margins].map(([i, m]) => ({ actual: docs[i]!.label, predicted: m > 0, score: m })),
  );
}

log('training the final model on all records...');
const final = trainTextModel(docs, rows, options);
const data = toModelData(final, {
  format: 'callguard-learned-v1',
  trainedAt: new Date().toISOString(),
  params,
  logitScale: 1,
  cap: { positive: 3, positiveWithoutFlags: 1, negative: 3 },
  unknownSpeakerFactor: 0.5,
});
const outDir = resolve(opts.out);
await writeModelModule(join(outDir, 'model.generated.ts'), data, command);

const hashes = await Promise.all(
  files.map(async (f) => ({
    name: f.name,
    sha256: createHash('sha256')
      .update(await readFile(f.path))
      .digest('hex'),
  })),
);
const counts = new Map<string, number>();
for (const d of docs)
  counts.set(
    `${d.source}|${d.label ? 'scam' : 'legit'}`,
    (counts.get(`${d.source}|${d.label ? 'scam' : 'legit'}`) ?? 0) + 1,
  );
const provenance = {
  trainedAt: data.trainedAt,
  command,
  data: hashes,
  records: Object.fromEntries([...counts].sort()),
  groups: new Set(docs.map((d) => d.group)).size,
  parameters: {
    ...params,
    l2,
    iterations,
    optimiser: 'full-batch Adam, lr 0.05',
    folds,
    seed,
    sampleWeights: 'balanced per label, then per source',
  },
  storedWeights: data.count,
  crossValidation: { overall: cvOverall, bySource: cvBySource },
  leaveOneSourceOut: lso,
};
await writeFile(
  join(outDir, 'provenance.json'),
  await format(JSON.stringify(provenance), { parser: 'json' }),
);
log(`wrote ${join(outDir, 'model.generated.ts')} (${data.count} weights) and provenance.json`);
const fmt = (m: Metrics) =>
  `n=${m.n} recall=${m.recall?.toFixed(3) ?? '-'} fpr=${m.fpr?.toFixed(4) ?? '-'} auc=${m.auc?.toFixed(3) ?? '-'}`;
for (const [k, m] of Object.entries(cvBySource)) log(`  cv ${k}: ${fmt(m)}`);
for (const [k, m] of Object.entries(lso)) log(`  leave-out ${k}: ${fmt(m)}`);

/**
 * `npm run train [-- --data DIR --folds 5 --seed 42 --weights-out src/engine/weights.ts]`
 *
 * 1. Text model: logistic regression over hashed n-grams of the caller's words, cross-validated over
 *    near-duplicate groups (folds balanced by source and label); written quantised to
 *    src/engine/learned/model.generated.ts.
 * 2. Rule weights, SpamAssassin style: logistic regression over the flags the engine raises plus the
 *    learned feature (taken from leave-one-source-out text models, so its weight reflects how well the
 *    wording transfers to a source it never saw), signs constrained; Platt-calibrated on out-of-fold
 *    scores; verdict thresholds set against stated false-positive targets. Written into weights.ts.
 * 3. Provenance (data hashes, parameters, out-of-fold figures by source, reliability, Brier) into
 *    src/engine/learned/PROVENANCE.md and provenance.json.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { format } from 'prettier';
import { WEIGHTS, type Weights } from '../src/engine/weights.js';
import { DEFAULT_FEATURE_PARAMS } from '../src/engine/learned/featurise.js';
import { learnedFeature, type LearnedModelData } from '../src/engine/learned/model.js';
import {
  brierScore,
  metricsByGroup,
  metricsOf,
  reliabilityTable,
  type Metrics,
} from '../src/eval/metrics.js';
import { DETECTED_VERDICTS } from '../src/eval/evaluate.js';
import { loadCorpus, type Doc } from './train/corpus.js';
import { readTrainOptions, TrainUsageError, type TrainOptions } from './train/options.js';
import { featuriseDocs, heldOutMargins, outOfFoldMargins, trainTextModel } from './train/text-model.js';
import { toModelData, writeModelModule } from './train/write-model.js';
import { extractRuleHits } from './train/rule-features.js';
import { applyPlatt, engineScore, fitSpace, fitStage2, plattScale, sigmoid } from './train/fit-weights.js';
import { chooseThreshold, type FpTargets } from './train/thresholds.js';
import { metricsTable, reliabilityMarkdown, weightsTable } from './train/render.js';
import { round2, writeWeightsFile } from './train/write-weights.js';
import priorFile from './train/prior-weights.json' with { type: 'json' };
import { loadScenarios, scoreScenarios } from './train/scenarios.js';

let opts: TrainOptions;
try {
  opts = readTrainOptions(process.argv.slice(2), process.env);
} catch (err) {
  if (!(err instanceof TrainUsageError)) throw err;
  console.error(`train: ${err.message}`);
  process.exit(2);
}
const { folds, seed, l2, iterations, ruleL2 } = opts;
const files = [
  { path: resolve(opts.data, 'dev.jsonl'), name: 'dev.jsonl', scheme: false },
  { path: resolve(opts.data, 'dev-dialogues.jsonl'), name: 'dev-dialogues.jsonl', scheme: true },
];
const command = `npm run train -- --folds ${folds} --seed ${seed} --l2 ${l2} --iterations ${iterations} --rule-l2 ${ruleL2} --learned-feature ${opts.learnedFeature} --without-flags-share ${opts.withoutFlagsShare}`;
/** Stated false-positive targets for the detection ("likely-scam") threshold: the issue's limits. */
const FP_TARGETS: FpTargets = {
  bySource: { sgd: 0.005, taskmaster4: 0.005, abcd: 0.005, 'written-dialogues': 0.02 },
  default: 0.005,
  floor: 0.5,
};
/** The "scam" verdict: no out-of-fold false positive at all, and at least 0.9. */
const SCAM_TARGETS: FpTargets = { bySource: {}, default: 0, floor: 0.9 };
/** Where the text margin is clipped, and the share of the learned weight allowed without any rule hit. */
const COMBINE = { marginCap: 4, withoutFlagsShare: opts.withoutFlagsShare };
const featureMargins = opts.learnedFeature;
const SERVICE = new Set(['sgd', 'taskmaster4', 'abcd']);
const family = (d: Doc) => (SERVICE.has(d.source) ? 'service dialogues' : d.source);

const log = (msg: string) => process.stderr.write(msg + '\n');
const { docs, bad } = await loadCorpus(files, folds, seed);
if (bad.length > 0)
  log(`skipped ${bad.length} bad lines (first: ${bad[0]!.file}:${bad[0]!.line} ${bad[0]!.error})`);
const groupCount = new Set(docs.map((d) => d.group)).size;
log(`${docs.length} records, ${groupCount} near-duplicate groups`);

// ---- Stage 1: text model ----
const params = DEFAULT_FEATURE_PARAMS;
const textOptions = { params, l2, iterations };
const rows = featuriseDocs(docs, params);
log(`text model: cross-validating (${folds} folds over groups)...`);
const oofMargins = outOfFoldMargins(docs, rows, folds, textOptions);
const textCv = metricsByGroup(
  docs.map((d, i) => ({
    actual: d.label,
    predicted: oofMargins[i]! > 0,
    score: oofMargins[i]!,
    source: d.source,
  })),
  (s) => s.source,
);
log('text model: leave-one-source-out margins...');
const lsoMargins = new Array<number>(docs.length).fill(0);
const textLso: Record<string, Metrics> = {};
for (const fam of [...new Set(docs.map(family))].sort()) {
  const margins = heldOutMargins(docs, rows, (d) => family(d) !== fam, textOptions);
  for (const [i, m] of margins) lsoMargins[i] = m;
  textLso[fam] = metricsOf(
    [...margins].map(([i, m]) => ({ actual: docs[i]!.label, predicted: m > 0, score: m })),
  );
}
log('text model: final fit on all records...');
const finalText = trainTextModel(docs, rows, textOptions);

// ---- Stage 2: rule weights + learned weight, calibrated ----
log('rules: running the engine over every record...');
const { hits, groups } = extractRuleHits(docs);
const space = fitSpace(Object.keys(WEIGHTS.flags), Object.keys(WEIGHTS.mitigations));
const combineData = { combine: { weight: 1, ...COMBINE }, unknownSpeakerFactor: 0.5 };
const featureSource = featureMargins === 'oof' ? oofMargins : lsoMargins;
const learnedX = docs.map((_, i) =>
  learnedFeature(featureSource[i]!, true, hits[i]!.flags.size > 0, combineData),
);
const prior = {
  flags: { ...WEIGHTS.flags, ...priorFile.flags } as Record<string, number>,
  mitigations: { ...WEIGHTS.mitigations, ...priorFile.mitigations } as Record<string, number>,
};
const stage2 = { l2: ruleL2, iterations: 1500, learnedMax: priorFile.learnedCap };
/** Caps and learned cap on the hand-set (uncalibrated) scale; calibration scales them once, below. */
const caps: Record<string, number> = { ...WEIGHTS.groupCaps, ...priorFile.groupCaps };
const priorLearnedCap = priorFile.learnedCap;
const rawOof = new Array<number>(docs.length).fill(0);
/** The same out-of-fold weights with the learned part switched off: what a live session (rules only) scores. */
const rawOofRulesPart = new Array<number>(docs.length).fill(0);
log('rules: cross-validating the weight fit...');
for (let f = 0; f < folds; f++) {
  const train = docs.flatMap((d, i) => (d.fold === f ? [] : [i]));
  const w = fitStage2(
    space,
    train.map((i) => docs[i]!),
    train.map((i) => hits[i]!),
    train.map((i) => learnedX[i]!),
    stage2,
    prior,
  );
  docs.forEach((d, i) => {
    if (d.fold !== f) return;
    rawOof[i] = engineScore(w, hits[i]!, learnedX[i]!, groups, caps, priorLearnedCap);
    rawOofRulesPart[i] = engineScore(w, hits[i]!, 0, groups, caps, priorLearnedCap);
  });
}
// Calibrated out-of-fold risk: Platt fitted on the other folds' out-of-fold scores (cross-fitted).
const oofRisk = new Array<number>(docs.length).fill(0);
const oofRiskRulesPart = new Array<number>(docs.length).fill(0);
for (let f = 0; f < folds; f++) {
  const others = docs.flatMap((d, i) => (d.fold === f ? [] : [i]));
  const { a, b } = plattScale(
    others.map((i) => rawOof[i]!),
    others.map((i) => docs[i]!.label),
  );
  docs.forEach((d, i) => {
    if (d.fold !== f) return;
    oofRisk[i] = Math.round(sigmoid(a * rawOof[i]! + b) * 1000) / 1000;
    oofRiskRulesPart[i] = Math.round(sigmoid(a * rawOofRulesPart[i]! + b) * 1000) / 1000;
  });
}
// Live sessions score with the rules alone and the same thresholds, so each threshold must meet its
// target both with the learned part and without it (out-of-fold either way).
const likelyScam = Math.max(
  chooseThreshold(docs, oofRisk, FP_TARGETS),
  chooseThreshold(docs, oofRiskRulesPart, FP_TARGETS),
);
const scam = Math.max(
  likelyScam,
  chooseThreshold(docs, oofRisk, SCAM_TARGETS),
  chooseThreshold(docs, oofRiskRulesPart, SCAM_TARGETS),
);
const unclear = WEIGHTS.thresholds.unclear;
const verdictOf = (r: number) =>
  r >= scam ? 'scam' : r >= likelyScam ? 'likely-scam' : r >= unclear ? 'unclear' : 'low-risk';
const scored = docs.map((d, i) => ({
  actual: d.label,
  predicted: DETECTED_VERDICTS.has(verdictOf(oofRisk[i]!)),
  score: oofRisk[i]!,
  source: d.source,
}));
const cvBySource = metricsByGroup(scored, (s) => s.source);
/** The same out-of-fold weights and thresholds with the learned part off (a live session). */
const cvRulesPartBySource = metricsByGroup(
  docs.map((d, i) => ({
    actual: d.label,
    predicted: DETECTED_VERDICTS.has(verdictOf(oofRiskRulesPart[i]!)),
    score: oofRiskRulesPart[i]!,
    source: d.source,
  })),
  (s) => s.source,
);
const cvOverall = metricsOf(scored);
const reliability = reliabilityTable(
  docs.map((d) => d.label),
  oofRisk,
  10,
);
const brier = brierScore(
  docs.map((d) => d.label),
  oofRisk,
);
// Rules alone, same procedure without the learned feature, for comparison.
log('rules alone: cross-validating...');
const rulesOnlyRaw = new Array<number>(docs.length).fill(0);
for (let f = 0; f < folds; f++) {
  const train = docs.flatMap((d, i) => (d.fold === f ? [] : [i]));
  const w = fitStage2(
    space,
    train.map((i) => docs[i]!),
    train.map((i) => hits[i]!),
    train.map(() => 0),
    stage2,
    prior,
  );
  docs.forEach((d, i) => {
    if (d.fold === f) rulesOnlyRaw[i] = engineScore(w, hits[i]!, 0, groups, caps, priorLearnedCap);
  });
}
const aucOf = (scores: readonly number[], keep: (d: Doc) => boolean) =>
  metricsOf(
    docs.flatMap((d, i) => (keep(d) ? [{ actual: d.label, predicted: false, score: scores[i]! }] : [])),
  ).auc;
const aucComparison = {
  'all records': { rulesOnly: aucOf(rulesOnlyRaw, () => true), withLearned: aucOf(rawOof, () => true) },
  'written-dialogues': {
    rulesOnly: aucOf(rulesOnlyRaw, (d) => d.source === 'written-dialogues'),
    withLearned: aucOf(rawOof, (d) => d.source === 'written-dialogues'),
  },
};

log('rules: final fit on all records...');
const fitted = fitStage2(space, docs, hits, learnedX, stage2, prior);
const platt = plattScale(
  rawOof,
  docs.map((d) => d.label),
);
const calibrated = applyPlatt(fitted, platt.a, platt.b);

// ---- Regression scenarios: an out-of-distribution check, never fitted ----
log('regression scenarios...');
const scenarios = await loadScenarios(resolve(opts.scenarios), finalText, params);
const modelCombine = {
  combine: { weight: 1, ...COMBINE },
  unknownSpeakerFactor: combineData.unknownSpeakerFactor,
};
const newCaps = Object.fromEntries(Object.entries(caps).map(([k, v]) => [k, v * platt.a]));
const handSet = { bias: WEIGHTS.bias, flags: WEIGHTS.flags, mitigations: WEIGHTS.mitigations, learned: 0 };
const scenarioChecks = {
  handSet: scoreScenarios(
    scenarios,
    handSet,
    groups,
    WEIGHTS.groupCaps,
    WEIGHTS.learnedCap,
    modelCombine,
    WEIGHTS.thresholds,
    false,
  ),
  fittedRulesPart: scoreScenarios(
    scenarios,
    calibrated,
    groups,
    newCaps,
    99,
    modelCombine,
    { scam, likelyScam, unclear },
    false,
  ),
  fitted: scoreScenarios(
    scenarios,
    calibrated,
    groups,
    newCaps,
    99,
    modelCombine,
    { scam, likelyScam, unclear },
    true,
  ),
};
for (const [k, v] of Object.entries(scenarioChecks))
  log(
    `  scenarios ${k}: ${v.passed}/${scenarios.length} pass${v.failed.length ? `; fail: ${v.failed.join(', ')}` : ''}`,
  );

// ---- Write the model, the weights and the provenance ----
const trainedAt = new Date().toISOString();
const modelData: LearnedModelData = toModelData(finalText, {
  format: 'callguard-learned-v1',
  trainedAt,
  params,
  combine: { weight: round2(calibrated.learned), ...COMBINE },
  unknownSpeakerFactor: combineData.unknownSpeakerFactor,
});
const outDir = resolve(opts.out);
await writeModelModule(join(outDir, 'model.generated.ts'), modelData, command);

const hashes = await Promise.all(
  files.map(async (f) => ({
    name: f.name,
    sha256: createHash('sha256')
      .update(await readFile(f.path))
      .digest('hex'),
  })),
);
const counts: Record<string, number> = {};
for (const d of docs)
  counts[`${d.source} ${d.label ? 'scam' : 'legit'}`] =
    (counts[`${d.source} ${d.label ? 'scam' : 'legit'}`] ?? 0) + 1;
const newWeights: Weights = {
  ...WEIGHTS,
  provenance: `fitted by ${command} on ${trainedAt.slice(0, 10)}; see src/engine/learned/PROVENANCE.md`,
  bias: round2(calibrated.bias),
  flags: Object.fromEntries(Object.entries(calibrated.flags).map(([k, v]) => [k, round2(v)])),
  mitigations: Object.fromEntries(Object.entries(calibrated.mitigations).map(([k, v]) => [k, round2(v)])),
  groupCaps: Object.fromEntries(Object.entries(caps).map(([k, v]) => [k, round2(v * platt.a)])),
  thresholds: { scam, likelyScam, unclear },
  learnedCap: round2(Math.max(priorLearnedCap * platt.a, calibrated.learned)),
};
const corpusLine = Object.entries(counts)
  .sort()
  .map(([k, v]) => `${k} ${v}`)
  .join(', ');
await writeWeightsFile('src/engine/weights.ts', resolve(opts.weightsOut), newWeights, [
  `Corpus: ${hashes.map((h) => `${h.name} (sha256 ${h.sha256.slice(0, 12)}…)`).join(', ')}; ${docs.length} records in ${groupCount} near-duplicate groups: ${corpusLine}.`,
  `Method: logistic regression over rule hits (flags >= 0, mitigations <= 0) + learned feature, balanced per label and source, L2 ${ruleL2}; Platt-scaled on ${folds}-fold out-of-fold scores (a=${platt.a.toFixed(3)}, b=${platt.b.toFixed(3)}); group caps scaled by a.`,
  `FP target for likely-scam: out-of-fold FPR <= 0.5% on each service-dialogue source and <= 2% on written legitimate calls, risk >= 0.5; scam: no out-of-fold false positive, risk >= 0.9; both met with and without the learned part (live sessions score rules only).`,
  `Out-of-fold: recall ${cvOverall.recall?.toFixed(3)}, FPR ${cvOverall.fpr?.toFixed(4)}, AUC ${cvOverall.auc?.toFixed(3)}, Brier ${brier?.toFixed(4)}. Date ${trainedAt}. Command: ${command}.`,
]);

const provenance = {
  trainedAt,
  command,
  data: hashes,
  records: counts,
  groups: groupCount,
  textModel: {
    parameters: {
      ...params,
      l2,
      iterations,
      optimiser: 'full-batch Adam, lr 0.05',
      sampleWeights: 'balanced per label, then per source',
    },
    storedWeights: modelData.count,
    crossValidationAtMarginZero: textCv,
    leaveOneSourceOut: textLso,
  },
  ruleFit: {
    l2: ruleL2,
    fpTargets: FP_TARGETS,
    platt,
    thresholds: newWeights.thresholds,
    learnedWeight: calibrated.learned,
    crossValidation: { overall: cvOverall, bySource: cvBySource },
    crossValidationRulesPart: cvRulesPartBySource,
    aucComparison,
    brier,
    reliability,
  },
  regressionScenarios: { total: scenarios.length, ...scenarioChecks },
  outOfFoldErrors: docs.flatMap((d, i) =>
    scored[i]!.predicted !== d.label
      ? [
          {
            id: d.id,
            label: d.label ? 'scam' : 'legit',
            risk: oofRisk[i]!,
            flags: [...hits[i]!.flags.keys()],
            textMargin: Math.round(featureSource[i]! * 100) / 100,
          },
        ]
      : [],
  ),
};
if (opts.dumpOof)
  await writeFile(
    opts.dumpOof,
    docs
      .map((d, i) =>
        JSON.stringify({
          id: d.id,
          source: d.source,
          label: d.label ? 'scam' : 'legit',
          risk: oofRisk[i],
          riskRulesPart: oofRiskRulesPart[i],
          flags: [...hits[i]!.flags.keys()],
          textMargin: Math.round(featureSource[i]! * 100) / 100,
        }),
      )
      .join('\n') + '\n',
  );
await writeFile(
  join(outDir, 'provenance.json'),
  await format(JSON.stringify(provenance), { parser: 'json' }),
);

const md = `# Learned scorer and fitted weights: provenance

Generated by \`${command}\` (scripts/train.ts) on ${trainedAt}. Do not edit by hand; rerun the command.

## Data

${hashes.map((h) => `- \`${h.name}\`: sha256 \`${h.sha256}\``).join('\n')}
- ${docs.length} records in ${groupCount} near-duplicate groups (same first 60 normalised characters, or at least half of the shorter
  text's word 8-grams shared; written dialogues also linked when sharing 10% of word 4-grams), ${folds} folds over groups, balanced by source and label (seed ${seed}).
- ${corpusLine}.

## Text model

Logistic regression over hashed (2^${params.hashBits}) word ${params.wordNgrams.join('-')}-grams and character ${params.charNgrams.join('-')}-grams
within words of the caller's turns only (digits removed, lowercased, speech-to-text splits such as "any desk" joined),
each block scaled to unit length; L2 ${l2}, ${iterations} full-batch Adam steps, examples weighted so each label and, within
a label, each source counts equally. ${modelData.count} non-zero weights stored as int8 (step ${modelData.step.toExponential(3)}).

Out-of-fold, text model alone (scam when margin > 0):

${metricsTable(textCv)}

Leave-one-source-out (trained without the whole source family, tested on it): how well wording transfers.

${metricsTable(textLso)}

## Rule weights and thresholds

Logistic regression over the flags the engine raises (strength in (0, 1]; weights constrained >= 0), the mitigations (<= 0)
and the learned feature (the text margin from the leave-one-source-out models, clipped at ±${COMBINE.marginCap} and scaled to [-1, 1];
at most ${COMBINE.withoutFlagsShare.toFixed(2)} when no rule fired; weight in [0, ${priorLearnedCap}]), L2 ${ruleL2}, balanced sample weights.
Platt scaling on out-of-fold scores: a = ${platt.a.toFixed(3)}, b = ${platt.b.toFixed(3)}. Learned weight after calibration: ${calibrated.learned.toFixed(2)}.

False-positive targets: "likely-scam" at the lowest risk where the out-of-fold FPR is at most 0.5% on each service-dialogue
source and 2% on the written legitimate calls (and risk >= 0.5): **${likelyScam}**. "scam" where no out-of-fold legitimate call
scores as high (and >= 0.9): **${scam}**. "unclear" kept at ${unclear}. Both targets must hold twice: with the learned part,
and with it switched off (the same out-of-fold weights, learned logit 0), because live sessions score with the rules alone
and the same thresholds.

Out-of-fold figures of the whole score (rules + learned, calibrated), scam = "scam" or "likely-scam":

${metricsTable({ overall: cvOverall, ...cvBySource })}

The same out-of-fold weights and thresholds with the learned part off (what a live session scores):

${metricsTable(cvRulesPartBySource)}

Out-of-fold ROC-AUC, rules alone (same procedure without the learned feature) vs rules + learned:
${Object.entries(aucComparison)
  .map(([k, v]) => `${k}: ${v.rulesOnly?.toFixed(3) ?? '-'} vs ${v.withLearned?.toFixed(3) ?? '-'}`)
  .join('; ')}.

Calibration on held-out folds (Platt cross-fitted), Brier score **${brier?.toFixed(4)}**:

${reliabilityMarkdown(reliability)}

Regression scenarios (\`${opts.scenarios}\`, ${scenarios.length} hand-written scams and hard legitimate calls, never used for
fitting), verdict within the expected ones: weights.ts as it was before this run ${scenarioChecks.handSet.passed}/${scenarios.length}; fitted, rules part only
${scenarioChecks.fittedRulesPart.passed}/${scenarios.length}; fitted with the learned part ${scenarioChecks.fitted.passed}/${scenarios.length}.
${scenarioChecks.fitted.failed.length > 0 ? `Failing with the fitted weights: ${scenarioChecks.fitted.failed.join('; ')}.` : ''}

Fitted flag weights (after calibration):

${weightsTable(newWeights.flags, prior.flags)}

Mitigations: ${Object.entries(newWeights.mitigations)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ')}. Bias ${newWeights.bias}.
`;
await writeFile(
  join(outDir, 'PROVENANCE.md'),
  await format(md, { parser: 'markdown', proseWrap: 'preserve' }),
);
log(`wrote model (${modelData.count} weights), ${opts.weightsOut}, PROVENANCE.md`);
log(`thresholds: likely-scam ${likelyScam}, scam ${scam}; Brier ${brier?.toFixed(4)}`);
const fmt = (m: Metrics) =>
  `n=${m.n} recall=${m.recall?.toFixed(3) ?? '-'} fpr=${m.fpr?.toFixed(4) ?? '-'} auc=${m.auc?.toFixed(3) ?? '-'}`;
for (const [k, m] of Object.entries(cvBySource)) log(`  cv ${k}: ${fmt(m)}`);
for (const [k, m] of Object.entries(cvRulesPartBySource)) log(`  cv rules part ${k}: ${fmt(m)}`);
for (const [k, m] of Object.entries(textLso)) log(`  text leave-out ${k}: ${fmt(m)}`);

/**
 * The training corpus: both development files, each record with the caller's words, a campaign/scheme
 * group and a cross-validation fold.
 */
import { loadLabelledFile } from '../../src/eval/dataset.js';
import { turnsOf, type LabelledRecord } from '../../src/eval/labelled.js';
import {
  nearDuplicateGroups,
  CAMPAIGN_GROUPING,
  type GroupingOptions,
} from '../../src/eval/near-duplicates.js';
import { groupKFold } from '../../src/eval/split.js';

export interface Doc {
  id: string;
  file: string;
  source: string;
  label: boolean;
  record: LabelledRecord;
  /** What the caller side said (the text features only ever see this). */
  callerText: string;
  group: string;
  fold: number;
}

/** Written dialogues reuse schemes with new wording: also link those sharing 10% of word 4-grams. */
const SCHEME_GROUPING: GroupingOptions = {
  prefixChars: 60,
  rules: [...CAMPAIGN_GROUPING.rules, { k: 4, minShare: 0.1 }],
};

export function callerTextOf(record: LabelledRecord): string {
  const turns = turnsOf(record) ?? [];
  const caller = turns.filter((t) => t.speaker === 'caller');
  return (caller.length > 0 ? caller : turns.filter((t) => t.speaker !== 'callee'))
    .map((t) => t.text)
    .join('\n');
}

export async function loadCorpus(
  files: { path: string; name: string; scheme: boolean }[],
  folds: number,
  seed: number,
): Promise<{ docs: Doc[]; bad: { file: string; line: number; error: string }[] }> {
  const docs: Doc[] = [];
  const bad: { file: string; line: number; error: string }[] = [];
  for (const file of files) {
    const loaded = await loadLabelledFile(file.path);
    for (const b of loaded.bad) bad.push({ file: file.name, ...b });
    const texts = loaded.records.map((r) => callerTextOf(r.record));
    const groups = nearDuplicateGroups(texts, file.scheme ? SCHEME_GROUPING : CAMPAIGN_GROUPING);
    loaded.records.forEach(({ record, line }, i) => {
      docs.push({
        id: record.id ?? `${file.name}:${line}`,
        file: file.name,
        source: record.source ?? file.name,
        label: record.label === 'scam',
        record,
        callerText: texts[i]!,
        group: `${file.name}#${groups[i]}`,
        fold: 0,
      });
    });
  }
  const assignment = groupKFold(
    docs.map((d) => ({ group: d.group, stratum: `${d.source}|${d.label}` })),
    folds,
    seed,
  );
  docs.forEach((d, i) => (d.fold = assignment[i]!));
  return { docs, bad };
}

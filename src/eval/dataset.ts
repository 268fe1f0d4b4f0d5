/**
 * Loading labelled JSONL files from disk (Node only): every valid record, and every bad line with its
 * number and reason, so a single broken line never stops an evaluation.
 */
import { createReadStream } from 'node:fs';
import { readJsonl } from './jsonl.js';
import { labelledRecordSchema, type LabelledRecord } from './labelled.js';

export interface LoadedRecord {
  line: number;
  record: LabelledRecord;
}

export interface BadLine {
  line: number;
  error: string;
}

/**
 * Validates each line against the labelled-record schema.
 * @example const { records, bad } = await loadLabelledFile('dev.jsonl');
 */
export async function loadLabelledStream(
  chunks: AsyncIterable<string | Uint8Array>,
): Promise<{ records: LoadedRecord[]; bad: BadLine[] }> {
  const records: LoadedRecord[] = [];
  const bad: BadLine[] = [];
  for await (const item of readJsonl(chunks)) {
    if ('error' in item) {
      bad.push(item);
      continue;
    }
    const parsed = labelledRecordSchema.safeParse(item.value);
    if (parsed.success) records.push({ line: item.line, record: parsed.data });
    else {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      bad.push({ line: item.line, error: `${issue?.message ?? 'invalid record'}${where}` });
    }
  }
  return { records, bad };
}

export function loadLabelledFile(path: string): Promise<{ records: LoadedRecord[]; bad: BadLine[] }> {
  return loadLabelledStream(createReadStream(path));
}

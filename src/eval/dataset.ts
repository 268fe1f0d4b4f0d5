/**
 * Loading labelled JSONL files from disk (Node only): every valid record, and every bad line with its
 * number and reason, so a single broken line never stops an evaluation.
 */
import { createReadStream } from 'node:fs';
import type { z } from 'zod';
import { firstIssue } from '../errors/first-issue.js';
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
      bad.push({ line: item.line, error: recordProblem(parsed.error, item.value) });
    }
  }
  return { records, bad };
}

export function loadLabelledFile(path: string): Promise<{ records: LoadedRecord[]; bad: BadLine[] }> {
  return loadLabelledStream(createReadStream(path));
}

/** One line's validation failure in words: the first problem and where in the record it is. */
export function recordProblem(error: z.ZodError, value: unknown): string {
  const issue = firstIssue(error, value);
  return `${issue.message}${issue.path.length > 0 ? ` (at ${issue.path.map(String).join('.')})` : ''}`;
}

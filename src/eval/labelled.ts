/**
 * The labelled record format of the development data (`dev.jsonl`, `dev-dialogues.jsonl`): a transcript
 * with a `label` and optional grouping fields.
 */
import { z } from 'zod';

const turnSchema = z.object({
  speaker: z.string().max(100).optional(),
  text: z.string().max(1_000_000),
});

/** Facts are passed to the engine as given (it validates them); null means "not known". */
const factsSchema = z.record(z.string(), z.unknown());

export const labelledRecordSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String).optional(),
    label: z.enum(['scam', 'legit']),
    source: z.string().max(200).nullish(),
    category: z.string().max(200).nullish(),
    brand: z.string().max(200).nullish(),
    text: z.string().max(5_000_000).optional(),
    transcript: z.string().max(5_000_000).optional(),
    turns: z.array(turnSchema).max(10_000).optional(),
    facts: factsSchema.nullish(),
  })
  .refine((r) => r.text !== undefined || r.transcript !== undefined || r.turns !== undefined || r.facts, {
    message: 'needs "text", "transcript", "turns" or "facts"',
  });

export type LabelledRecord = z.infer<typeof labelledRecordSchema>;

/**
 * Turns of a record: its `turns`, else its text as one turn of unknown speaker (the engine works out
 * "Speaker: text" lines itself), else null (a facts-only record).
 */
export function turnsOf(record: LabelledRecord): { speaker: string; text: string }[] | null {
  if (record.turns) return record.turns.map((t) => ({ speaker: t.speaker ?? 'unknown', text: t.text }));
  const text = record.text ?? record.transcript;
  return text === undefined ? null : [{ speaker: 'unknown', text }];
}

/** The grouping keys `callguard eval --by` accepts. */
export const GROUP_KEYS = ['source', 'category', 'brand'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

/**
 * The labelled record format of the development data (`dev.jsonl`, `dev-dialogues.jsonl`): a transcript
 * with a `label` and optional grouping fields.
 */
import { z } from 'zod';

const turnSchema = z.object({
  speaker: z.string().max(100).optional(),
  text: z.string().max(1_000_000),
});

const factsSchema = z
  .object({
    claimedOrg: z.string().max(500).nullish(),
    initiatedBy: z.enum(['them', 'me', 'unknown']).nullish(),
    dialedNumberSource: z
      .enum(['popup', 'search-result', 'invoice-email', 'official-site', 'known-contact'])
      .nullish(),
    callerNumber: z.string().max(100).nullish(),
    callerIdName: z.string().max(200).nullish(),
    callerIdVerification: z.enum(['passed', 'failed', 'not-verified', 'unknown']).nullish(),
  })
  .partial();

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
  .refine((r) => r.text !== undefined || r.transcript !== undefined || r.turns !== undefined, {
    message: 'needs "text", "transcript" or "turns"',
  });

export type LabelledRecord = z.infer<typeof labelledRecordSchema>;

/** Turns of a record: its `turns`, else its text as one turn of unknown speaker. */
export function turnsOf(record: LabelledRecord): { speaker: string; text: string }[] {
  if (record.turns) return record.turns.map((t) => ({ speaker: t.speaker ?? 'unknown', text: t.text }));
  return [{ speaker: 'unknown', text: record.text ?? record.transcript ?? '' }];
}

/** The grouping keys `callguard eval --by` accepts. */
export const GROUP_KEYS = ['source', 'category', 'brand'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

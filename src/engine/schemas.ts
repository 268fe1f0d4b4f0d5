/**
 * zod schemas for the engine's input. The API reuses them for request validation and OpenAPI;
 * `validateAssessInput` turns the first issue into a CallGuardError with a JSON pointer.
 */
import { z } from 'zod';
import { CallGuardError } from '../errors/catalogue.js';
import type { AssessInput, CallFacts } from './types.js';
import { firstIssue } from '../errors/first-issue.js';
import { MAX_TRANSCRIPT_CHARS, MAX_SEGMENTS } from './transcript/parse.js';

const shortText = (max: number) => z.string().max(max);

export const checklistSchema = z
  .object({
    askedForRemoteAccess: z.boolean(),
    askedForPasswordOrCode: z.boolean(),
    askedForCardOrBankDetails: z.boolean(),
    askedForPayment: z.boolean(),
    askedForGiftCardsCryptoOrWire: z.boolean(),
    saidDeviceInfected: z.boolean(),
    threatenedOrRushed: z.boolean(),
    refusedCallbackNumber: z.boolean(),
    couldNotConfirmAccountDetails: z.boolean(),
  })
  .partial()
  .strict()
  .meta({ description: "The article's checklist: true = yes, false = no, absent = don't know." });

export const callFactsSchema: z.ZodType<CallFacts> = z
  .object({
    claimedOrg: shortText(200).meta({
      description: 'Who the caller said they were ("Microsoft", "Windows support").',
    }),
    initiatedBy: z.enum(['them', 'me', 'unknown']),
    dialedNumberSource: z.enum(['popup', 'search-result', 'invoice-email', 'official-site', 'known-contact']),
    callerNumber: shortText(64),
    callerIdName: shortText(200),
    callerIdVerification: z.enum(['passed', 'failed', 'not-verified', 'unknown']),
    priorSupportRequest: z.union([
      z.boolean(),
      z.object({ made: z.boolean(), caseReference: shortText(100).optional() }).strict(),
    ]),
    checklist: checklistSchema,
  })
  .partial()
  .strict()
  .meta({ id: 'CallFacts', description: 'What is known about the call. Every field is optional.' });

export const transcriptSegmentSchema = z
  .object({
    speaker: shortText(100).optional(),
    text: z.string().max(MAX_TRANSCRIPT_CHARS),
    start: z.number().nonnegative().optional(),
    end: z.number().nonnegative().optional(),
  })
  .strict();

export const transcriptInputSchema = z
  .union([z.string().max(MAX_TRANSCRIPT_CHARS), z.array(transcriptSegmentSchema).max(MAX_SEGMENTS)])
  .meta({
    description:
      'Plain text, "Speaker: text" lines, WebVTT, SRT or JSON segments as a string, or an array of segments {speaker, text, start?, end?}.',
  });

export const assessInputSchema: z.ZodType<AssessInput> = z
  .object({
    facts: callFactsSchema.optional(),
    transcript: transcriptInputSchema.optional(),
  })
  .strict()
  .meta({ id: 'AssessInput' });

/** Validates engine input; throws CG_INPUT_INVALID (or CG_INPUT_TOO_LARGE) naming the field. */
export function validateAssessInput(input: unknown): AssessInput {
  const result = assessInputSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = firstIssue(result.error, input);
  const pointer = '/' + issue.path.map(String).join('/');
  const tooLarge = issue.code === 'too_big' && issue.path[0] === 'transcript';
  throw new CallGuardError(
    tooLarge ? 'CG_INPUT_TOO_LARGE' : 'CG_INPUT_INVALID',
    `${pointer === '/' ? 'The input' : pointer}: ${issue.message}`,
    { pointer },
  );
}

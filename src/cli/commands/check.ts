import type { Command, CliContext } from '../context.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { readTextInput } from '../read-input.js';
import { CallGuardError } from '../../errors/catalogue.js';
import { assess } from '../../engine/index.js';
import type { CallFacts } from '../../engine/types.js';
import { renderAssessment } from './check-render.js';
import { runBatch } from './check-batch.js';

const INITIATORS = ['them', 'me', 'unknown'] as const;
const SOURCES = ['popup', 'search-result', 'invoice-email', 'official-site', 'known-contact'] as const;
const CALLER_ID = ['passed', 'failed', 'not-verified', 'unknown'] as const;
const FORMATS = ['text', 'json'] as const;

const USAGE = `Usage: callguard check [FILE|-] [options]
       callguard check --batch FILE.jsonl

Assess a call from a transcript (plain text, "Speaker: text" lines, WebVTT, SRT or JSON
segments) and/or facts about it. Reads FILE, or standard input when FILE is "-" or piped.

Options:
  --org NAME                 who the caller claimed to be ("Microsoft", "Windows support")
  --initiated-by WHO         them | me | unknown  (who placed the call)
  --dialed-from SOURCE       popup | search-result | invoice-email | official-site | known-contact
  --from NUMBER              the caller's number as shown
  --caller-id-name NAME      the caller ID name as shown
  --caller-id RESULT         passed | failed | not-verified  (the phone's caller-ID verification)
  --prior-request            you contacted the organisation first through an official channel
  --format FORMAT            text (default) | json (the Assessment)
  --rules-only               leave out the learned scorer (faster; the rules' verdict alone)
  --batch FILE.jsonl         one JSON object per line {"id", "text"|"transcript"|"turns", "facts"};
                             writes one line per input {"id","verdict","risk","redFlags"} or
                             {"id","error":{code,message,line}}; exits 1 if any line failed
  -h, --help                 this help

Examples:
  callguard check call.txt --org Microsoft --initiated-by them
  callguard check call.vtt --format json
  pbpaste | callguard check - --dialed-from popup
  callguard check --batch calls.jsonl > verdicts.jsonl`;

export const command: Command = {
  name: 'check',
  summary: 'Assess a call transcript and/or facts: verdict, red flags, what to do',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      org: { type: 'string' },
      'initiated-by': { type: 'string' },
      'dialed-from': { type: 'string' },
      from: { type: 'string' },
      'caller-id-name': { type: 'string' },
      'caller-id': { type: 'string' },
      'prior-request': { type: 'boolean' },
      'rules-only': { type: 'boolean' },
      format: { type: 'string' },
      batch: { type: 'string' },
    });
    const format = oneOf('format', values.format, FORMATS) ?? 'text';
    const facts: CallFacts = {};
    if (values.org !== undefined) facts.claimedOrg = values.org;
    const initiatedBy = oneOf('initiated-by', values['initiated-by'], INITIATORS);
    if (initiatedBy) facts.initiatedBy = initiatedBy;
    const dialed = oneOf('dialed-from', values['dialed-from'], SOURCES);
    if (dialed) facts.dialedNumberSource = dialed;
    if (values.from !== undefined) facts.callerNumber = values.from;
    if (values['caller-id-name'] !== undefined) facts.callerIdName = values['caller-id-name'];
    const callerId = oneOf('caller-id', values['caller-id'], CALLER_ID);
    if (callerId) facts.callerIdVerification = callerId;
    if (values['prior-request']) facts.priorSupportRequest = true;

    if (values.batch !== undefined) {
      if (positionals.length > 0) {
        throw new CallGuardError(
          'CG_INPUT_INVALID',
          '--batch reads its own file; do not also give a transcript FILE.',
          {
            pointer: '--batch',
          },
        );
      }
      if (Object.keys(facts).length > 0 || values.format !== undefined) {
        throw new CallGuardError(
          'CG_INPUT_INVALID',
          '--batch takes the facts from each line; the fact and format options do not apply.',
          { pointer: '--batch' },
        );
      }
      return runBatch(values.batch, ctx, { learned: !values['rules-only'] });
    }
    if (positionals.length > 1) {
      throw new CallGuardError(
        'CG_INPUT_INVALID',
        `check takes one transcript FILE; got ${positionals.length}.`,
      );
    }

    const transcript = await readTranscript(positionals[0], ctx, Object.keys(facts).length > 0);
    const assessment = assess(transcript === undefined ? { facts } : { facts, transcript }, {
      learned: !values['rules-only'],
    });
    if (format === 'json') ctx.stdout.write(JSON.stringify(assessment, null, 2) + '\n');
    else ctx.stdout.write(renderAssessment(assessment, useColour(ctx)));
    return 0;
  },
};

/** The transcript from FILE or piped stdin; undefined when only facts were given. */
async function readTranscript(
  path: string | undefined,
  ctx: CliContext,
  haveFacts: boolean,
): Promise<string | undefined> {
  if (path !== undefined) return readTextInput(path, ctx);
  if (ctx.stdin.isTTY) {
    if (haveFacts) return undefined;
    throw new CallGuardError(
      'CG_FACTS_EMPTY',
      'Give a transcript FILE, pipe one on standard input, or describe the call with options such as --org and --initiated-by.',
    );
  }
  const text = await readTextInput('-', ctx);
  return text.trim() === '' && haveFacts ? undefined : text;
}

function useColour(ctx: CliContext): boolean {
  return ctx.stdout.isTTY === true && !ctx.env.NO_COLOR && ctx.env.TERM !== 'dumb';
}

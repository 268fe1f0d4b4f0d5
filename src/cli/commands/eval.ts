import type { Command } from '../context.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { CallGuardError } from '../../errors/catalogue.js';
import { assess } from '../../engine/index.js';
import { readJsonl } from '../../eval/jsonl.js';
import { labelledRecordSchema, GROUP_KEYS } from '../../eval/labelled.js';
import { openJsonlInput } from '../../eval/input.js';
import { recordProblem } from '../../eval/dataset.js';
import {
  assessInputOf,
  evaluateRecord,
  summarise,
  worstErrors,
  type EvaluatedRecord,
} from '../../eval/evaluate.js';
import { renderText } from '../../eval/report.js';

const USAGE = `callguard eval FILE.jsonl [--by source|category|brand] [--format text|json] [--worst N] [--rules-only]

Runs the engine over a labelled JSONL file (one {"id", "label": "scam"|"legit", "text"|"turns", "facts",
"source", "category", "brand"} per line) and prints precision, recall, F1, false-positive rate, accuracy,
ROC-AUC and the confusion matrix, overall and per group. A scam counts as detected when the verdict is
"scam" or "likely-scam"; ROC-AUC ranks by risk. Bad lines are reported on stderr with their line number
and skipped. Text output also lists the worst false positives and false negatives with their flags.
--rules-only leaves out the learned scorer, to measure the rules alone.

Example: callguard eval ../shared/data/transcripts/dev.jsonl --by source`;

export const command: Command = {
  name: 'eval',
  summary: 'Measure the engine on a labelled JSONL file (precision, recall, FPR, AUC)',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      by: { type: 'string' },
      format: { type: 'string' },
      worst: { type: 'string' },
      'rules-only': { type: 'boolean' },
    });
    const learned = values['rules-only'] !== true;
    const by = oneOf('by', values.by, GROUP_KEYS);
    const format = oneOf('format', values.format, ['text', 'json'] as const) ?? 'text';
    const worst = values.worst === undefined ? 5 : Number(values.worst);
    if (!Number.isInteger(worst) || worst < 0 || worst > 1000) {
      throw new CallGuardError(
        'CG_OPTION_VALUE_INVALID',
        `--worst must be a whole number from 0 to 1000; got "${values.worst}".`,
        {
          pointer: '--worst',
        },
      );
    }
    if (positionals.length !== 1) {
      throw new CallGuardError(
        'CG_INPUT_INVALID',
        'Give exactly one labelled JSONL file (or - for standard input).',
        {
          pointer: 'FILE',
        },
      );
    }
    const path = positionals[0]!;
    const results: EvaluatedRecord[] = [];
    let bad = 0;
    const warn = (line: number, why: string) => {
      bad++;
      if (bad <= 20) ctx.stderr.write(`callguard eval: line ${line} skipped: ${why}\n`);
    };
    for await (const item of readJsonl(await openJsonlInput(path, ctx.stdin))) {
      if ('error' in item) {
        warn(item.line, item.error);
        continue;
      }
      const parsed = labelledRecordSchema.safeParse(item.value);
      if (!parsed.success) {
        warn(item.line, recordProblem(parsed.error, item.value));
        continue;
      }
      try {
        results.push(
          evaluateRecord(parsed.data, item.line, (record) => {
            const a = assess(assessInputOf(record), { learned });
            return { verdict: a.verdict, risk: a.risk, flags: a.redFlags.map((f) => f.id) };
          }),
        );
      } catch (err) {
        // The engine rejects some inputs (an empty transcript); the evaluation goes on without them.
        warn(
          item.line,
          err instanceof CallGuardError ? `${err.code}: ${err.message}` : 'the engine failed on this record',
        );
      }
    }
    if (bad > 20) ctx.stderr.write(`callguard eval: ${bad} lines skipped in all.\n`);
    if (results.length === 0) {
      throw new CallGuardError('CG_INPUT_INVALID', `No labelled records could be evaluated in "${path}".`, {
        pointer: path,
      });
    }
    const report = summarise(results, by);
    if (format === 'json') ctx.stdout.write(JSON.stringify(report) + '\n');
    else ctx.stdout.write(renderText(report, worstErrors(results, worst), by));
    return 0;
  },
};

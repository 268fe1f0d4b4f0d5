/**
 * The train script's command line, checked before any work starts: a typo or a missing folder
 * gets one plain line and exit code 2, not a stack trace twenty seconds into training.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface TrainOptions {
  data: string;
  folds: number;
  seed: number;
  l2: number;
  iterations: number;
  ruleL2: number;
  out: string;
  weightsOut: string;
  learnedFeature: 'oof' | 'lso';
  scenarios: string;
  withoutFlagsShare: number;
  dumpOof: string | undefined;
}

const USAGE =
  'usage: npm run train -- [--data DIR] [--folds N] [--seed N] [--l2 X] [--iterations N] [--rule-l2 X] ' +
  '[--out DIR] [--weights-out FILE] [--learned-feature oof|lso] [--scenarios FILE] [--without-flags-share X] [--dump-oof FILE]';

/** Thrown for bad options; the script prints `message` and the usage line, then exits with 2. */
export class TrainUsageError extends Error {}

export function readTrainOptions(args: string[], env: NodeJS.ProcessEnv): TrainOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args, env).values;
  } catch (err) {
    // parseArgs names the unknown or malformed option in its message.
    throw new TrainUsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const num = (name: string, raw: string, check: (n: number) => boolean, what: string): number => {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) {
      throw new TrainUsageError(`--${name} must be ${what}; got "${raw}".`);
    }
    return n;
  };
  const positiveInt = (n: number) => Number.isInteger(n) && n > 0;
  const learnedFeature = values['learned-feature'];
  if (learnedFeature !== 'oof' && learnedFeature !== 'lso') {
    throw new TrainUsageError(`--learned-feature must be "oof" or "lso"; got "${learnedFeature}".`);
  }
  const opts: TrainOptions = {
    data: values.data,
    folds: num('folds', values.folds, (n) => Number.isInteger(n) && n >= 2, 'a whole number of at least 2'),
    seed: num('seed', values.seed, Number.isInteger, 'a whole number'),
    l2: num('l2', values.l2, (n) => n >= 0, 'a number ≥ 0'),
    iterations: num('iterations', values.iterations, positiveInt, 'a whole number ≥ 1'),
    ruleL2: num('rule-l2', values['rule-l2'], (n) => n >= 0, 'a number ≥ 0'),
    out: values.out,
    weightsOut: values['weights-out'],
    learnedFeature,
    scenarios: values.scenarios,
    withoutFlagsShare: num(
      'without-flags-share',
      values['without-flags-share'],
      (n) => n >= 0 && n <= 1,
      'a number from 0 to 1',
    ),
    dumpOof: values['dump-oof'],
  };
  for (const name of ['dev.jsonl', 'dev-dialogues.jsonl']) {
    if (!isFile(resolve(opts.data, name))) {
      throw new TrainUsageError(
        `--data ${opts.data}: ${name} is not there. Point --data (or CALLGUARD_DATA) at the folder holding dev.jsonl and dev-dialogues.jsonl.`,
      );
    }
  }
  if (!isFile(resolve(opts.scenarios))) {
    throw new TrainUsageError(`--scenarios ${opts.scenarios}: no such file.`);
  }
  if (!isDir(resolve(opts.out))) {
    throw new TrainUsageError(
      `--out ${opts.out}: no such folder; create it first (the model and PROVENANCE.md go there).`,
    );
  }
  for (const [name, file] of [
    ['weights-out', opts.weightsOut],
    ['dump-oof', opts.dumpOof],
  ] as const) {
    if (file !== undefined && !isDir(dirname(resolve(file)))) {
      throw new TrainUsageError(
        `--${name} ${file}: the folder ${dirname(file)} does not exist; create it first.`,
      );
    }
  }
  return opts;
}

function parse(args: string[], env: NodeJS.ProcessEnv) {
  return parseArgs({
    args,
    options: {
      data: { type: 'string', default: env.CALLGUARD_DATA ?? '../shared/data/transcripts' },
      folds: { type: 'string', default: '5' },
      seed: { type: 'string', default: '42' },
      l2: { type: 'string', default: '0.0001' },
      iterations: { type: 'string', default: '150' },
      'rule-l2': { type: 'string', default: '0.01' },
      out: { type: 'string', default: 'src/engine/learned' },
      'weights-out': { type: 'string', default: 'src/engine/weights.ts' },
      /** Which text margins feed the rule fit: out-of-fold (default) or leave-one-source-out (a wholly new source). */
      'learned-feature': { type: 'string', default: 'oof' },
      scenarios: { type: 'string', default: 'test/regression/scenarios.jsonl' },
      'without-flags-share': { type: 'string', default: '0.333' },
      /** Write every record's out-of-fold risk and flags (JSON lines) here, for error analysis. */
      'dump-oof': { type: 'string' },
    },
  });
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

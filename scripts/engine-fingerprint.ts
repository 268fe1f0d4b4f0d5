/**
 * A fingerprint of the engine's behaviour, to prove a refactor (e.g. a speed-up) changes nothing.
 * Runs `assess` over the development transcripts and the regression scenarios, each as segments and
 * as "Speaker: text" lines, with and without the learned scorer, plus a live session over each, and
 * prints SHA-256 hashes of what came out:
 *   - brief: id, verdict, risk rounded to 1e-9, sorted flag ids with their evidence offsets;
 *   - full: the whole assessment as JSON (risk rounded), every live update likewise.
 * Equal hashes before and after a change mean the same verdicts, flags, evidence and wording.
 *
 *   node --import tsx scripts/engine-fingerprint.ts [--engine PATH_TO_ENGINE_INDEX] [FILE.jsonl ...]
 *
 * Defaults to ../shared/data/transcripts/dev.jsonl, dev-dialogues.jsonl and
 * test/regression/scenarios.jsonl; `--engine dist/engine/index.js` checks the build instead of src.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Assessment, CallFacts, TranscriptInput } from '../src/engine/index.js';

type Engine = typeof import('../src/engine/index.js');

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const engineAt = args.indexOf('--engine');
const enginePath = engineAt >= 0 ? resolve(args[engineAt + 1]!) : `${root}src/engine/index.ts`;
if (engineAt >= 0) args.splice(engineAt, 2);
const { assess, createLiveSession } = (await import(pathToFileURL(enginePath).href)) as Engine;

const files =
  args.length > 0
    ? args
    : [
        `${root}../shared/data/transcripts/dev.jsonl`,
        `${root}../shared/data/transcripts/dev-dialogues.jsonl`,
        `${root}test/regression/scenarios.jsonl`,
      ];

interface Row {
  id: string;
  text?: string;
  turns?: { speaker?: string; text: string }[];
  facts?: CallFacts;
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

function brief(id: string, a: Assessment): string {
  const flags = a.redFlags
    .map(
      (f) =>
        `${f.id}@${f.evidence.map((e) => (e.kind === 'quote' ? `${e.start}-${e.end}` : e.kind)).join(',')}`,
    )
    .sort();
  return `${id}\t${a.verdict}\t${round(a.risk)}\t${flags.join(';')}\n`;
}

function full(a: Assessment): string {
  return JSON.stringify({ ...a, risk: round(a.risk) });
}

/** "Caller: ..." lines, as a user pastes a transcript (exercises the text parsers). */
function asLines(turns: { speaker?: string; text: string }[]): string {
  return turns
    .map(
      (t) =>
        `${t.speaker === 'callee' ? 'Callee' : t.speaker === 'caller' ? 'Caller' : 'Speaker'}: ${t.text}`,
    )
    .join('\n');
}

const briefHash = createHash('sha256');
const fullHash = createHash('sha256');
const liveHash = createHash('sha256');
const verdicts = new Map<string, number>();
let count = 0;
let errors = 0;

for (const file of files) {
  if (!existsSync(file)) {
    process.stderr.write(`missing: ${file}\n`);
    process.exitCode = 1;
    continue;
  }
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as Row;
    const inputs: [string, TranscriptInput | undefined][] = [[row.id, row.turns ?? row.text]];
    if (row.turns) inputs.push([`${row.id}#lines`, asLines(row.turns)]);
    // The plain text too: no speakers, so the unattributed-speech rules run.
    if (row.turns && row.text) inputs.push([`${row.id}#text`, row.text]);
    // With the row's facts (some are deliberately invalid) and, when it has any, without them too.
    const factSets: [string, CallFacts | undefined][] = [['', row.facts]];
    if (row.facts && (row.turns ?? row.text)) factSets.push(['#nofacts', undefined]);
    for (const [id, transcript] of inputs) {
      for (const [tag, facts] of factSets) {
        for (const learned of [false, true]) {
          const key = `${id}${tag}${learned ? '' : '#rules'}`;
          let a: Assessment;
          try {
            a = assess({ ...(facts ? { facts } : {}), ...(transcript ? { transcript } : {}) }, { learned });
          } catch (e) {
            errors++;
            const msg = `${key}\terror\t${(e as Error).message}\n`;
            briefHash.update(msg);
            fullHash.update(msg);
            continue;
          }
          count++;
          verdicts.set(a.verdict, (verdicts.get(a.verdict) ?? 0) + 1);
          briefHash.update(brief(key, a));
          fullHash.update(`${key}\t${full(a)}\n`);
        }
      }
    }
    if (row.turns) {
      try {
        const live = createLiveSession(row.facts ?? {});
        for (const t of row.turns) {
          const u = live.push(t);
          liveHash.update(
            `${row.id}\t${full(u.assessment)}\t${u.newFlags.map((f) => f.id).join(',')}\t${JSON.stringify(u.warnings)}\n`,
          );
        }
      } catch (e) {
        liveHash.update(`${row.id}\terror\t${(e as Error).message}\n`);
      }
    }
  }
}

process.stdout.write(
  [
    `assessments: ${count} (errors ${errors}); verdicts ${[...verdicts].map(([v, n]) => `${v} ${n}`).join(', ')}`,
    `brief: ${briefHash.digest('hex')}`,
    `full:  ${fullHash.digest('hex')}`,
    `live:  ${liveHash.digest('hex')}`,
  ].join('\n') + '\n',
);

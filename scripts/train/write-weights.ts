/**
 * Regenerates the numbers of src/engine/weights.ts, keeping its interface and structure: everything
 * before `export const WEIGHTS` stays as written; the object literal is rewritten with the fitted values
 * and a provenance header.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { format } from 'prettier';
import type { Weights } from '../../src/engine/weights.js';

const MARKER = 'export const WEIGHTS: Weights = ';

export async function writeWeightsFile(
  templatePath: string,
  outPath: string,
  weights: Weights,
  headerLines: string[],
): Promise<void> {
  const template = await readFile(templatePath, 'utf8');
  const at = template.indexOf(MARKER);
  if (at < 0) throw new Error(`${templatePath} has no "${MARKER}"`);
  let head = template.slice(0, at);
  head = head.replace(/\/\* Fitted by npm run train[\s\S]*?\*\/\n/, '');
  const header = `/* Fitted by npm run train (scripts/train.ts); regenerate, do not hand-edit the numbers.\n${headerLines
    .map((l) => ` * ${l}`)
    .join('\n')}\n */\n`;
  const body = `${head}${header}${MARKER}${JSON.stringify(weights, null, 2)};\n`;
  await writeFile(
    outPath,
    await format(body, { parser: 'typescript', singleQuote: true, printWidth: 110, trailingComma: 'all' }),
  );
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * `npm run bench [-- name...]`: runs every bench/*.bench.ts (or those named) one after another in
 * this process and prints their tables. Each bench measures its subject side by side with a floor or
 * baseline in the same run, so ratios survive a noisy machine.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

export interface BenchModule {
  title: string;
  run(): Promise<string>;
}

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts')).sort();
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  process.stdout.write(`\n## ${mod.title} (bench/${file})\n\n`);
  process.stdout.write((await mod.run()) + '\n');
}

/**
 * src/cases runs in the page: it must bundle for the browser with no Node built-in anywhere in its
 * import graph (the engine and knowledge it uses included), and use no Node globals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = new URL('../../src/cases/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('src/cases is browser-safe', () => {
  it('bundles for the browser without any Node built-in', async () => {
    const result = await build({
      entryPoints: [join(root, 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toMatch(/from\s*["']node:/);
  });

  it('uses no Node globals', () => {
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\b(process\.|Buffer\.|require\(|__dirname)/);
    }
  });
});

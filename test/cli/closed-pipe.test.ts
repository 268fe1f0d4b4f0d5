/**
 * `callguard … | head -1` with the built binary: when the reader closes stdout early, the CLI stops
 * quietly (exit 0, nothing on stderr) instead of crashing with "write EPIPE" and a stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/callguard.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cg-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, lines: string[]) => {
  const p = join(dir, name);
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
};
const many = file(
  'many.jsonl',
  Array.from({ length: 20_000 }, (_, i) =>
    JSON.stringify({ id: i, text: 'Caller: this is Microsoft, your computer has a virus.' }),
  ),
);
const nums = file(
  'nums.txt',
  Array.from({ length: 20_000 }, (_, i) => `1-800-642-${String(i % 10_000).padStart(4, '0')}`),
);
const empty = file('empty.txt', []);
const env = { ...process.env, CALLGUARD_DB: join(dir, 'store.db'), DATABASE_URL: '' };

/** Runs the binary and closes its stdout after `keepBytes` bytes, as `head -c` does. */
function runThenCloseStdout(args: string[], keepBytes: number) {
  return new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const close = () => child.stdout.destroy();
      if (keepBytes === 0) close();
      else
        child.stdout.on('data', (d) => {
          stdout += d;
          if (stdout.length >= keepBytes) close();
        });
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    },
  );
}

describe('callguard binary: the reader closes the pipe', () => {
  it.each([
    ['check --batch', ['check', '--batch', many], 1],
    ['number --batch', ['number', '--batch', nums], 1],
    ['case new', ['case', 'new', empty], 0],
    ['export blocklist', ['export', 'blocklist', '--format', 'json'], 0],
  ])('%s stops quietly with exit 0', async (_name, args, keepBytes) => {
    const r = await runThenCloseStdout(args, keepBytes);
    expect(r.stderr).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
  });
});

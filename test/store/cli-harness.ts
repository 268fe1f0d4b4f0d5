/** Runs CLI commands in-process with fake streams and a temporary database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(isTTY: boolean) {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      text += chunk.toString();
      cb();
    },
  }) as Writable & { isTTY?: boolean };
  stream.isTTY = isTTY;
  return { stream, text: () => text };
}

export function cliHarness() {
  const dir = mkdtempSync(join(tmpdir(), 'cg-cli-'));
  const db = join(dir, 'callguard.db');
  const env = { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config') };
  return {
    dir,
    db,
    async run(
      args: string[],
      opts: { input?: string; tty?: boolean; stderrTTY?: boolean; key?: string } = {},
    ): Promise<Run> {
      const out = sink(false);
      const err = sink(opts.stderrTTY ?? false);
      const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
      stdin.isTTY = opts.tty ?? false;
      stdin.end(opts.input ?? '');
      const code = await main([...args, '--db', db], {
        stdout: out.stream,
        stderr: err.stream,
        stdin,
        env: { ...env, ...(opts.key ? { CALLGUARD_REPORTER_KEY: opts.key } : {}) },
        cwd: dir,
      });
      return { code, stdout: out.text(), stderr: err.text() };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

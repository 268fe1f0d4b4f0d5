/**
 * --out with the built binary: a path that cannot be written is one clear error (why, exit 2), and a
 * failed run never leaves a partial or clobbered file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/callguard.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cg-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, CALLGUARD_DB: join(dir, 'store.db'), DATABASE_URL: '' };

function callguard(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: dir, env, encoding: 'utf8', timeout: 20_000 });
}

function expectCannotWrite(r: ReturnType<typeof callguard>, why: RegExp) {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^callguard: Cannot write "[^"]+": /);
  expect(r.stderr).toMatch(why);
  expect(r.stderr).toContain('(at --out)');
  expect(r.stderr).not.toMatch(/CG_INTERNAL|unexpected/i);
  expect(r.stderr).toContain('[CG_FILE_UNWRITABLE]');
}

const caseId = () => JSON.parse(callguard(['case', 'new', '--json']).stdout).id as string;

describe('callguard binary: --out', () => {
  it.each([
    ['export blocklist', () => ['export', 'blocklist']],
    ['case export', () => ['case', 'export', caseId(), '--format', 'md']],
  ])('%s: no such directory, or a directory, is a clear error', (_name, args) => {
    expectCannotWrite(
      callguard([...args(), '--out', join(dir, 'no-such-dir', 'x.out')]),
      /no such directory/,
    );
    expectCannotWrite(callguard([...args(), '--out', dir]), /is a directory/);
  });

  it.skipIf(process.getuid?.() === 0)('says when permission is denied', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o500 });
    try {
      expectCannotWrite(
        callguard(['export', 'blocklist', '--out', join(locked, 'x.csv')]),
        /permission denied/,
      );
    } finally {
      chmodSync(locked, 0o700);
    }
  });

  it('a failed export leaves the old file as it was and nothing else behind', () => {
    const out = join(dir, 'kept');
    mkdirSync(out);
    writeFileSync(join(out, 'x.csv'), 'old\n');
    const notADatabase = join(dir, 'not-a.db');
    writeFileSync(notADatabase, 'this is text, not a SQLite database; opening it fails\n');
    const r = callguard(['export', 'blocklist', '--db', notADatabase, '--out', join(out, 'x.csv')]);
    expect(r.status).not.toBe(0);
    expect(readdirSync(out)).toEqual(['x.csv']);
    expect(readFileSync(join(out, 'x.csv'), 'utf8')).toBe('old\n');

    const fresh = join(dir, 'fresh');
    mkdirSync(fresh);
    callguard(['export', 'blocklist', '--db', notADatabase, '--out', join(fresh, 'x.csv')]);
    expect(readdirSync(fresh)).toEqual([]);
  });

  it('a good export replaces the file whole, with no temporary file left', () => {
    const out = join(dir, 'good');
    mkdirSync(out);
    writeFileSync(join(out, 'x.csv'), 'old\n');
    const r = callguard(['export', 'blocklist', '--out', 'good/x.csv']); // relative to the working directory
    expect(r.status).toBe(0);
    expect(readdirSync(out)).toEqual(['x.csv']);
    expect(readFileSync(join(out, 'x.csv'), 'utf8')).toMatch(/^number,sha256,[^]*\n# version \d+\n$/);
  });

  it('writes through a symlink and into a device such as /dev/null without replacing them', () => {
    const out = join(dir, 'linked');
    mkdirSync(out);
    writeFileSync(join(out, 'real.csv'), 'old\n');
    symlinkSync('real.csv', join(out, 'link.csv'));
    expect(callguard(['export', 'blocklist', '--out', 'linked/link.csv']).status).toBe(0);
    expect(lstatSync(join(out, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(out, 'real.csv'), 'utf8')).toMatch(/^number,sha256,/);
    expect(readdirSync(out).sort()).toEqual(['link.csv', 'real.csv']);
    const r = callguard(['export', 'blocklist', '--out', '/dev/null']);
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'an export stopped by %s leaves no temporary file and no output, and stops by that signal',
    async (signal) => {
      const out = join(dir, `stopped-${signal}`);
      mkdirSync(out);
      // A database server that accepts the connection and never answers holds the export part-way,
      // after its temporary file was made.
      const silent = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as AddressInfo;
      try {
        const child = spawn(
          process.execPath,
          [
            bin,
            'export',
            'blocklist',
            '--db',
            `postgres://u@127.0.0.1:${port}/x`,
            '--out',
            join(out, 'r.csv'),
          ],
          { cwd: dir, env },
        );
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          child.on('close', (_code, sig) => resolve(sig)),
        );
        for (let i = 0; i < 500 && readdirSync(out).length === 0; i++)
          await new Promise((r) => setTimeout(r, 20));
        expect(readdirSync(out)[0]).toMatch(/^\.r\.csv\.\d+\.[0-9a-f]+\.tmp$/);
        child.kill(signal);
        expect(await exited).toBe(signal);
        expect(readdirSync(out)).toEqual([]);
      } finally {
        silent.close();
      }
    },
  );
});

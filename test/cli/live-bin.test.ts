/**
 * `callguard live` with the built binary against a real server (port 0): a piped transcript is paced
 * under the server's announced rate, and connection failures say what to check.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/support/server.js';

const bin = fileURLToPath(new URL('../../bin/callguard.js', import.meta.url));

function callguard(args: string[], input: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, CALLGUARD_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('callguard binary: live', () => {
  let s: TestServer;
  let live: string;
  beforeAll(async () => {
    s = await startTestServer();
    live = s.url.replace('http', 'ws') + '/v1/live';
  });
  afterAll(async () => s?.close());

  it('paces a piped transcript under the announced rate and ends with the verdict', async () => {
    // 50 lines at once: more than the default 20 messages a second the server allows.
    const lines = Array.from({ length: 48 }, () => 'Caller: hello');
    lines.splice(10, 0, 'Caller: I am calling from Microsoft Windows support, your computer has a virus.');
    lines.push('Caller: Read me the one-time code we just sent to your phone.');
    const r = await callguard(['live', '--url', live], lines.join('\n') + '\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/!! STOP: /);
    expect(r.stdout).toMatch(/Verdict: (scam|likely-scam)/);
  });

  it.each([
    [
      'nothing listens on the port',
      async () => `ws://127.0.0.1:${await freePort()}/v1/live`,
      /connection refused/,
    ],
    ['the URL is not a live endpoint', async () => live.replace('/v1/live', '/v1/health'), /HTTP \d{3}/],
  ])('says what to check when %s', async (_name, url, why) => {
    const r = await callguard(['live', '--url', await url()], 'hi\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^callguard: Cannot connect to ws:\/\/127\.0\.0\.1:\d+\/v1\//);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).toMatch(
      /\[CG_LIVE_UNREACHABLE\]\. Check the --url .* `callguard serve` is running there/,
    );
    expect(r.stderr).not.toMatch(/CG_STORE_UNAVAILABLE|CALLGUARD_DB|database/);
  });
});

/** A port that was free a moment ago: listen on port 0, note it, close. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

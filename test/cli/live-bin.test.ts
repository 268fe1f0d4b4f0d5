/**
 * `callguard live` with the built binary against a real server (port 0): a piped transcript is paced
 * under the server's announced rate, and connection failures say what to check.
 */
import { spawn } from 'node:child_process';
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
});

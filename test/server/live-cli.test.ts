/** `callguard live` against a real server: stdin lines in, alerts and the final verdict out. */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { splitSpeaker } from '../../src/cli/commands/live.js';
import type { CliContext } from '../../src/cli/context.js';
import { startTestServer, type TestServer } from './support/server.js';

function context(input: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const stdin = new PassThrough();
  stdin.end(input);
  const ctx: CliContext = { stdout, stderr, stdin, env: {}, cwd: process.cwd() };
  return { ctx, out: () => out, err: () => err };
}

describe('callguard live', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s?.close());

  it('streams lines, prints alerts as they arrive and the verdict at the end of input', async () => {
    const c = context(
      [
        'Caller: Hello, I am calling from Microsoft Windows support.',
        'Me: Oh, what is wrong?',
        'Your computer is infected with a virus and sending errors to us.',
        'Caller: Read me the one-time code we just sent to your phone.',
        '',
      ].join('\n'),
    );
    const code = await main(['live', '--url', s.url.replace('http', 'ws') + '/v1/live'], c.ctx);
    expect(c.err()).toBe('');
    expect(code).toBe(0);
    expect(c.out()).toMatch(/!! STOP: /);
    expect(c.out()).toMatch(/Verdict: (scam|likely-scam)/);
    expect(c.out()).not.toContain('\u001b['); // no colour when stdout is not a terminal
  });

  it('stops and says why when the server ends the session', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c) => (err += c));
    const stdin = new PassThrough(); // stays open, like a speech-to-text pipe
    const ctx: CliContext = { stdout, stderr, stdin, env: {}, cwd: process.cwd() };
    const run = main(['live', '--url', s.url.replace('http', 'ws') + '/v1/live'], ctx);
    stdin.write('Caller: hello, this is Microsoft support\n');
    stdin.write(`Caller: ${'y'.repeat(3000)}\n`); // over the segment limit: the server closes with 1009
    expect(await run).toBe(1);
    expect(err).toMatch(/closed the live session \(1009/);
  });

  it('says clearly when the server cannot be reached', async () => {
    const c = context('hello\n');
    expect(await main(['live', '--url', 'ws://127.0.0.1:1/v1/live'], c.ctx)).toBe(1);
    expect(c.err()).toMatch(/Cannot connect to ws:\/\/127\.0\.0\.1:1/);
  });

  it('rejects a bad --url or --speaker', async () => {
    expect(await main(['live', '--url', 'http://x'], context('').ctx)).toBe(2);
    expect(await main(['live', '--speaker', 'robot'], context('').ctx)).toBe(2);
  });

  it('reads "Speaker: text" labels', () => {
    expect(splitSpeaker('Caller: your PC has a virus', 'unknown')).toEqual({
      speaker: 'Caller',
      text: 'your PC has a virus',
    });
    expect(splitSpeaker('I said: no way, not this time', 'caller')).toEqual({
      speaker: 'I said',
      text: 'no way, not this time',
    });
    expect(splitSpeaker('Just text without a label', 'caller')).toEqual({
      speaker: 'caller',
      text: 'Just text without a label',
    });
    expect(splitSpeaker('It is 10:30 now', 'caller').speaker).toBe('caller');
  });
});

/** WebSocket /v1/live with a real client (the `ws` package) against a real listener. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { logTextWithoutTimesAndIds, startTestServer, type TestServer } from './support/server.js';

interface Received {
  messages: Array<Record<string, unknown>>;
  close: Promise<{ code: number; reason: string }>;
  ws: WebSocket;
}

async function connect(s: TestServer, origin?: string): Promise<Received> {
  const ws = new WebSocket(s.url.replace('http', 'ws') + '/v1/live', origin ? { origin } : {});
  const messages: Array<Record<string, unknown>> = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));
  const close = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  await until(() => messages.length >= 1); // "ready"
  return { messages, close, ws };
}

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for a message');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('WebSocket /v1/live', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({
      env: {
        CALLGUARD_LIVE_MAX_SEGMENT_CHARS: '500',
        CALLGUARD_LIVE_MAX_TOTAL_CHARS: '2000',
        CALLGUARD_LIVE_MAX_MESSAGES_PER_SECOND: '30',
        CALLGUARD_LIVE_IDLE_MS: '3000',
      },
    });
  });
  afterAll(async () => s?.close());

  it('sends an update per segment, a sensitive-info warning at once, and a final assessment', async () => {
    const c = await connect(s);
    expect(c.messages[0]).toMatchObject({ type: 'ready', limits: { maxSegmentChars: 500 } });
    c.ws.send(JSON.stringify({ facts: { claimedOrg: 'Microsoft', initiatedBy: 'them' } }));
    c.ws.send(JSON.stringify({ speaker: 'caller', text: 'Hello, this is Microsoft technical support.' }));
    await until(() => c.messages.some((m) => m.type === 'update'));
    c.ws.send(JSON.stringify({ speaker: 'caller', text: 'Your computer has a virus, we detected it.' }));
    c.ws.send(
      JSON.stringify({ speaker: 'caller', text: 'Please read me your card number and the expiry date.' }),
    );
    await until(() => c.messages.some((m) => m.type === 'sensitive-info'));
    await until(() => c.messages.filter((m) => m.type === 'update').length === 3);
    const updates = c.messages.filter((m) => m.type === 'update');
    expect(updates.map((u) => u.segment)).toEqual([1, 2, 3]);
    const flags = updates.flatMap((u) => (u.newFlags as { id: string }[]).map((f) => f.id));
    expect(flags).toContain('CLAIMS_DEVICE_INFECTED');
    expect(flags).toContain('FINANCIAL_INFO_REQUEST');
    expect(new Set(flags).size).toBe(flags.length); // each flag announced once
    const warningIndex = c.messages.findIndex((m) => m.type === 'sensitive-info');
    expect(c.messages[warningIndex + 1]).toMatchObject({ type: 'update', segment: 3 }); // warning first
    expect(c.messages[warningIndex]).toMatchObject({ asks: 'card-number' });
    expect(['scam', 'likely-scam']).toContain(updates.at(-1)!.verdict);
    c.ws.send(JSON.stringify({ type: 'end' }));
    expect(await c.close).toMatchObject({ code: 1000 });
    expect(c.messages.at(-1)).toMatchObject({
      type: 'final',
      assessment: { verdict: updates.at(-1)!.verdict },
    });
  });

  it('answers a malformed segment with an error and keeps the call open', async () => {
    const c = await connect(s);
    c.ws.send(JSON.stringify({ speaker: 'caller', words: 'no text field' }));
    await until(() => c.messages.length >= 2);
    expect(c.messages[1]).toMatchObject({ type: 'error', code: 'CG_INPUT_INVALID' });
    c.ws.send(JSON.stringify({ speaker: 'caller', text: 'Install AnyDesk now.' }));
    await until(() => c.messages.some((m) => m.type === 'update'));
    c.ws.close();
  });

  it.each([
    [
      'a segment over the size limit',
      JSON.stringify({ text: 'x'.repeat(501) }),
      false,
      1009,
      'CG_INPUT_TOO_LARGE',
    ],
    ['binary data', Buffer.from([1, 2, 3]), true, 1003, 'CG_UNSUPPORTED_MEDIA_TYPE'],
    ['text that is not JSON', 'hello there', false, 1003, 'CG_JSON_MALFORMED'],
  ])('closes on %s with code %i after an error message', async (_name, payload, binary, code, errorCode) => {
    const c = await connect(s);
    c.ws.send(payload, { binary });
    expect((await c.close).code).toBe(code);
    expect(c.messages.at(-1)).toMatchObject({ type: 'error', code: errorCode });
  });

  it('says where a message stops being JSON, without quoting it', async () => {
    const c = await connect(s);
    c.ws.send('{"speaker": "caller", "text": "read me the code 4921"');
    expect((await c.close).code).toBe(1003);
    const error = c.messages.at(-1) as { code: string; detail: string };
    expect(error.code).toBe('CG_JSON_MALFORMED');
    expect(error.detail).toContain("at the end (the text stops too early), an object is not closed: a '}'");
    expect(error.detail).not.toContain('4921');
  });

  it('closes on a frame too big or not UTF-8 for the WebSocket layer, logged as info without a stack', async () => {
    for (const [payload, code] of [
      [JSON.stringify({ text: 'x'.repeat(70 * 1024) }), 1009],
      [Buffer.from([0x22, 0xff, 0xfe, 0x22]), 1007],
    ] as const) {
      const c = await connect(s);
      c.ws.send(payload, { binary: false });
      expect((await c.close).code).toBe(code);
    }
    await until(() => s.logs.filter((l) => l.includes('live socket error')).length === 2);
    const lines = s.logs.filter((l) => l.includes('live socket error')).map((l) => JSON.parse(l));
    for (const line of lines) {
      expect(line.level).toBe(30);
      expect(JSON.stringify(line)).not.toMatch(/stack|\bat /);
    }
  });

  it('answers a plain GET (no Upgrade) with 426 and a problem saying it is a WebSocket', async () => {
    const res = await fetch(`${s.url}/v1/live`);
    expect(res.status).toBe(426);
    expect(res.headers.get('upgrade')).toBe('websocket');
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await res.json()).toMatchObject({ code: 'CG_UPGRADE_REQUIRED', status: 426 });
  });

  it('closes with 1008 when the call goes over its total length', async () => {
    const c = await connect(s);
    for (let i = 0; i < 5; i++) c.ws.send(JSON.stringify({ speaker: 'caller', text: 'y'.repeat(450) }));
    expect((await c.close).code).toBe(1008);
    expect(c.messages.at(-1)).toMatchObject({ type: 'error', code: 'CG_INPUT_TOO_LARGE' });
  });

  it('closes with 1008 when messages come too fast', async () => {
    const c = await connect(s);
    for (let i = 0; i < 40; i++) c.ws.send(JSON.stringify({ text: 'hi' }));
    expect((await c.close).code).toBe(1008);
    expect(c.messages.at(-1)).toMatchObject({ type: 'error', code: 'CG_RATE_LIMITED' });
  });

  it('accepts its own origin and refuses other browser origins with 1008', async () => {
    const own = await connect(s, s.url);
    expect(own.messages[0]).toMatchObject({ type: 'ready' });
    own.ws.close();
    const other = await connect(s, 'https://evil.example');
    expect(other.messages[0]).toMatchObject({ type: 'error', code: 'CG_FORBIDDEN' });
    expect((await other.close).code).toBe(1008);
  });

  it('closes an idle session with 1001 after an error message', async () => {
    const c = await connect(s);
    expect((await c.close).code).toBe(1001);
    expect(c.messages.at(-1)).toMatchObject({ type: 'error' });
  });

  it('never logs segment text', async () => {
    const c = await connect(s);
    c.ws.send(JSON.stringify({ speaker: 'caller', text: 'My name is Zebulon, read me code 774411' }));
    await until(() => c.messages.some((m) => m.type === 'update'));
    c.ws.close();
    await c.close;
    await until(() => s.logs.some((l) => l.includes('live session closed')));
    // Not the raw lines: their times and request ids are digits and random hex that may hold "774411" by chance.
    const all = logTextWithoutTimesAndIds(s.logs);
    expect(all).not.toContain('Zebulon');
    expect(all).not.toContain('774411');
  });

  it('answers an upgrade on any other path as plain HTTP and closes the socket', async () => {
    for (const path of ['/v1/health', '/v1/nowhere']) {
      const ws = new WebSocket(s.url.replace('http', 'ws') + path);
      const status = await new Promise<number>((resolve, reject) => {
        ws.once('unexpected-response', (_req, res) => {
          res.resume();
          res.once('close', () => resolve(res.statusCode ?? 0));
        });
        ws.once('open', () => reject(new Error(`${path} upgraded`)));
      });
      expect(status).toBe(path === '/v1/health' ? 200 : 404);
    }
  });
});

describe('WebSocket /v1/live on shutdown', () => {
  it('closes open sessions with 1001', async () => {
    const s = await startTestServer();
    const c = await connect(s);
    await s.close();
    expect(await c.close).toEqual({ code: 1001, reason: 'server shutting down' });
  });
});

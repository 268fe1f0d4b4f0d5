/**
 * `callguard live`: a small client for WebSocket /v1/live. Reads lines from stdin (typed, or piped
 * from a speech-to-text tool), sends each as a segment, and prints alerts as they arrive.
 */
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import type { Command, CliContext } from '../context.js';
import { parseCommandArgs } from '../args.js';
import { CallGuardError } from '../../errors/catalogue.js';
import { connectError } from './live-connect-error.js';
import { announcedRate, createPacer, DEFAULT_MESSAGES_PER_SECOND } from './live-pacer.js';
import { riskPercent } from '../../engine/risk-percent.js';

/** How long to wait for the server's `ready` (with its limits) before pacing at the default rate. */
const READY_WAIT_MS = 3000;
const CONNECT_TIMEOUT_MS = 10_000;

const USAGE = `callguard live [--url ws://localhost:8080/v1/live] [--speaker caller]

Streams a call to a CallGuard server line by line and prints alerts as they arrive.
Each line of standard input is one segment. A line may name its speaker ("Caller: ...", "Me: ...");
otherwise --speaker is used (default caller). At the end of input the final verdict is printed.
Lines go out no faster than the server's announced messages-per-second limit (a piped file queues).
  --url      the server's live endpoint (default CALLGUARD_URL or ws://localhost:8080/v1/live)
  --speaker  speaker of unlabelled lines: caller, callee or unknown

Example:  my-speech-to-text --stdout | callguard live --url wss://callguard.example.org/v1/live`;

/** "Caller: text" → { speaker: "Caller", text }. Only short labels without spaces-heavy prose count. */
export function splitSpeaker(line: string, fallback: string): { speaker: string; text: string } {
  const m = /^\s*([A-Za-z][\w .'-]{0,30}?)\s*:\s+(.*)$/.exec(line);
  if (m && m[1]!.split(/\s+/).length <= 3) return { speaker: m[1]!, text: m[2]! };
  return { speaker: fallback, text: line.trim() };
}

interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

function paint(tty: boolean): Paint {
  const wrap = (code: string) => (s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrap('1;31'), yellow: wrap('33'), bold: wrap('1'), dim: wrap('2') };
}

type ServerMessage = Record<string, unknown> & { type?: string };

function render(msg: ServerMessage, p: Paint): string | null {
  switch (msg.type) {
    case 'sensitive-info':
      return p.red(`!! STOP: ${String(msg.message)}`);
    case 'update': {
      const flags = (msg.newFlags as Array<{ title: string; explanation: string }>) ?? [];
      const lines = flags.map((f) => p.yellow(`! ${f.title}: ${f.explanation}`));
      if (flags.length > 0 || msg.verdict === 'scam')
        lines.push(
          p.bold(`  verdict so far: ${String(msg.verdict)} (risk ${riskPercent(Number(msg.risk))})`),
        );
      return lines.length ? lines.join('\n') : null;
    }
    case 'final': {
      const a = msg.assessment as { verdict: string; summary: string; nextSteps?: { text: string }[] } | null;
      if (!a) return p.dim('Call ended; nothing was said to assess.');
      const steps = (a.nextSteps ?? []).slice(0, 5).map((s, i) => `  ${i + 1}. ${s.text}`);
      return [
        p.bold(`Verdict: ${a.verdict}`),
        a.summary,
        ...(steps.length ? ['What to do now:', ...steps] : []),
      ].join('\n');
    }
    case 'error':
      return p.red(`callguard: ${String(msg.detail)} [${String(msg.code)}]`);
    default:
      return null;
  }
}

export const command: Command = {
  name: 'live',
  summary: 'Stream a call line by line to a CallGuard server and print alerts',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      url: { type: 'string' },
      speaker: { type: 'string' },
    });
    if (positionals.length > 0) {
      throw new CallGuardError('CG_UNKNOWN_OPTION', `live takes no arguments; got "${positionals[0]}".`);
    }
    const url = values.url ?? ctx.env.CALLGUARD_URL ?? 'ws://localhost:8080/v1/live';
    if (!/^wss?:\/\/[^\s/]+/.test(url)) {
      throw new CallGuardError(
        'CG_OPTION_VALUE_INVALID',
        `--url must be a ws:// or wss:// address; got "${url}".`,
        {
          pointer: '--url',
        },
      );
    }
    const speaker = values.speaker ?? 'caller';
    if (!['caller', 'callee', 'unknown'].includes(speaker)) {
      throw new CallGuardError(
        'CG_OPTION_VALUE_INVALID',
        `--speaker must be caller, callee or unknown; got "${speaker}".`,
        {
          pointer: '--speaker',
        },
      );
    }
    return stream(url, speaker, ctx);
  },
};

async function stream(url: string, speaker: string, ctx: CliContext): Promise<number> {
  const p = paint(ctx.stdout.isTTY === true);
  // A host that drops packets would otherwise hang for minutes before the connect fails.
  const ws = new WebSocket(url, { handshakeTimeout: CONNECT_TIMEOUT_MS });
  let failed = false;
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  let announce: (rate: number) => void = () => undefined;
  const ready = new Promise<number>((resolve) => (announce = resolve));
  ws.on('message', (data) => {
    let msg: ServerMessage;
    try {
      msg = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return;
    }
    if (msg.type === 'ready') announce(announcedRate(msg.limits));
    if (msg.type === 'error') failed = true;
    const line = render(msg, p);
    if (line) ctx.stdout.write(line + '\n');
  });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
  } catch (err) {
    throw connectError(url, err);
  }
  ws.on('error', () => undefined); // reported through the close code below

  // The server announces its limits first; wait for them so the first lines are paced too.
  let timer: NodeJS.Timeout | undefined;
  const rate = await Promise.race([
    ready,
    closed.then(() => DEFAULT_MESSAGES_PER_SECOND),
    new Promise<number>(
      (resolve) => (timer = setTimeout(resolve, READY_WAIT_MS, DEFAULT_MESSAGES_PER_SECOND)),
    ),
  ]);
  clearTimeout(timer);
  const pace = createPacer(rate);
  // Lines read while a send waits its turn queue up in readline; alerts keep printing meanwhile.
  const send = async (msg: object) => {
    await pace();
    if (ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(msg));
    return true;
  };

  const lines = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
  // If the server ends the session (shutdown, idle, a limit), stop reading at once and say why.
  void closed.then(({ code, reason }) => {
    if (code !== 1000)
      ctx.stderr.write(
        `callguard: the server closed the live session (${code}${reason ? `: ${reason}` : ''}).\n`,
      );
    lines.close();
  });
  for await (const line of lines) {
    if (ws.readyState !== WebSocket.OPEN) break;
    if (line.trim() === '') continue;
    if (!(await send(splitSpeaker(line, speaker)))) break;
  }
  await send({ type: 'end' });
  const { code } = await closed;
  return code === 1000 && !failed ? 0 : 1;
}

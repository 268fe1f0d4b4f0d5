/**
 * The live-call protocol, independent of the socket so it can be read (and tested) on its own.
 *
 * Client → server, one JSON object per WebSocket text message:
 *   {"facts": {...CallFacts}}              optional, first message only
 *   {"speaker": "caller", "text": "..."}   a transcript segment (speaker optional: caller | callee | a label)
 *   {"type": "end"}                        the call ended: the server sends "final" and closes (1000)
 *
 * Server → client:
 *   {"type": "ready", "limits": {...}}
 *   {"type": "sensitive-info", "asks", "message", "evidence"}   at once, before the update, when the
 *                                                             caller asks for a card, password, code…
 *   {"type": "update", "segment", "verdict", "risk", "newFlags": [...]}
 *   {"type": "final", "assessment"}
 *   {"type": "error", "code", "detail", "pointer"?}          before a close, or for a bad message
 *
 * Close codes: 1000 normal, 1003 unsupported data (binary, not JSON), 1008 policy (rate or total
 * length), 1009 too big (one segment over the limit), 1001 server shutting down or session idle.
 */
import { z } from 'zod';
import { callFactsSchema, createLiveSession, type LiveSession } from '../../engine/index.js';
import type { CallFacts, RedFlag } from '../../engine/types.js';
import { CallGuardError, type ErrorCode } from '../../errors/catalogue.js';
import { pointerFor } from '../validate.js';
import { firstIssue } from '../../errors/first-issue.js';
import { describeJsonSyntax } from '../../errors/json-syntax.js';

export interface LiveLimits {
  maxSegmentChars: number;
  maxTotalChars: number;
  maxMessagesPerSecond: number;
}

export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  unsupported: 1003,
  policy: 1008,
  tooBig: 1009,
} as const;

export const liveFactsMessageSchema = z.strictObject({
  type: z.literal('facts').optional(),
  facts: callFactsSchema,
});
export const liveSegmentMessageSchema = z.strictObject({
  type: z.literal('segment').optional(),
  speaker: z.string().max(64).optional(),
  text: z.string(),
});
const endSchema = z.strictObject({ type: z.literal('end') });

export type ServerMessage =
  | { type: 'ready'; limits: LiveLimits }
  | { type: 'sensitive-info'; asks: string; message: string; evidence: unknown }
  | {
      type: 'update';
      segment: number;
      verdict: string;
      risk: number;
      newFlags: Array<Pick<RedFlag, 'id' | 'title' | 'severity' | 'explanation' | 'group'>>;
    }
  | { type: 'final'; assessment: unknown }
  | { type: 'error'; code: ErrorCode; detail: string; pointer?: string };

export interface Step {
  send: ServerMessage[];
  /** Close after sending, with this code. */
  close?: { code: number; reason: string };
}

/** One connection's state: limits, counters and the engine's live session. */
export class LiveConnection {
  private session: LiveSession | null = null;
  private facts: CallFacts | undefined;
  private segments = 0;
  private totalChars = 0;
  private windowStart = 0;
  private windowCount = 0;

  constructor(
    private readonly limits: LiveLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get segmentCount(): number {
    return this.segments;
  }

  hello(): Step {
    return { send: [{ type: 'ready', limits: this.limits }] };
  }

  /** Handles one incoming WebSocket message. */
  receive(data: string | Buffer, isBinary: boolean): Step {
    const t = this.now();
    if (t - this.windowStart >= 1000) {
      this.windowStart = t;
      this.windowCount = 0;
    }
    if (++this.windowCount > this.limits.maxMessagesPerSecond) {
      return fatal(
        'CG_RATE_LIMITED',
        `More than ${this.limits.maxMessagesPerSecond} messages a second.`,
        CLOSE.policy,
      );
    }
    if (isBinary) {
      return fatal('CG_UNSUPPORTED_MEDIA_TYPE', 'Send JSON text messages, not binary.', CLOSE.unsupported);
    }
    const raw = typeof data === 'string' ? data : data.toString('utf8');
    let msg: unknown;
    try {
      msg = JSON.parse(raw);
    } catch {
      return fatal(
        'CG_JSON_MALFORMED',
        `A message is not valid JSON: ${describeJsonSyntax(raw)}.`,
        CLOSE.unsupported,
      );
    }
    if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) {
      return fatal('CG_INPUT_INVALID', 'Each message must be a JSON object.', CLOSE.unsupported);
    }
    const type = (msg as { type?: unknown }).type;
    if (type === 'end') return this.end(msg);
    if ('facts' in msg || type === 'facts') return this.setFacts(msg);
    return this.segment(msg);
  }

  private setFacts(msg: object): Step {
    if (this.session) {
      return soft('CG_INPUT_INVALID', 'Facts must come before the first segment.', '/facts');
    }
    const parsed = liveFactsMessageSchema.safeParse(msg);
    if (!parsed.success) return invalid(parsed.error, msg);
    this.facts = parsed.data.facts as CallFacts;
    return { send: [] };
  }

  private segment(msg: object): Step {
    const text = (msg as { text?: unknown }).text;
    if (typeof text === 'string' && text.length > this.limits.maxSegmentChars) {
      return fatal(
        'CG_INPUT_TOO_LARGE',
        `A segment is ${text.length} characters; the limit is ${this.limits.maxSegmentChars}.`,
        CLOSE.tooBig,
        '/text',
      );
    }
    const parsed = liveSegmentMessageSchema.safeParse(msg);
    if (!parsed.success) return invalid(parsed.error, msg);
    this.totalChars += parsed.data.text.length;
    if (this.totalChars > this.limits.maxTotalChars) {
      return fatal(
        'CG_INPUT_TOO_LARGE',
        `The call is over ${this.limits.maxTotalChars} characters.`,
        CLOSE.policy,
      );
    }
    if (parsed.data.text.trim() === '') return { send: [] };
    this.session ??= createLiveSession(this.facts);
    const update = this.session.push({ speaker: parsed.data.speaker, text: parsed.data.text });
    this.segments++;
    const send: ServerMessage[] = update.warnings.map((w) => ({
      type: 'sensitive-info' as const,
      asks: w.asks,
      message: w.message,
      evidence: w.evidence,
    }));
    send.push({
      type: 'update',
      segment: this.segments,
      verdict: update.assessment.verdict,
      risk: update.assessment.risk,
      newFlags: update.newFlags.map((f) => ({
        id: f.id,
        group: f.group,
        severity: f.severity,
        title: f.title,
        explanation: f.explanation,
      })),
    });
    return { send };
  }

  private end(msg: object): Step {
    if (!endSchema.safeParse(msg).success)
      return soft('CG_INPUT_INVALID', 'The end message is {"type":"end"}.', '');
    const assessment = this.session?.current() ?? null;
    return {
      send: [{ type: 'final', assessment }],
      close: { code: CLOSE.normal, reason: 'call ended' },
    };
  }
}

function fatal(code: ErrorCode, detail: string, closeCode: number, pointer?: string): Step {
  return {
    send: [{ type: 'error', code, detail, ...(pointer !== undefined ? { pointer } : {}) }],
    close: { code: closeCode, reason: detail.slice(0, 120) },
  };
}

function soft(code: ErrorCode, detail: string, pointer: string): Step {
  return { send: [{ type: 'error', code, detail, pointer }] };
}

function invalid(error: z.ZodError, msg: object): Step {
  const issue = firstIssue(error, msg);
  const pointer = pointerFor('body', issue.path);
  return soft('CG_INPUT_INVALID', `${pointer || 'the message'}: ${issue.message}.`, pointer);
}

/** Errors thrown by the engine for one segment become a soft error message. */
export function engineError(err: unknown): Step | null {
  if (err instanceof CallGuardError) return soft(err.code, err.message, err.pointer ?? '');
  return null;
}

/**
 * Shared by `callguard number|url|email|scan`: text rendering of claim checks and the
 * `--batch FILE` line runner (one input per line in, one JSON line out; a bad line becomes an
 * error object and processing goes on).
 */
import { createReadStream } from 'node:fs';
import { checkRegularFile } from '../read-input.js';
import { createInterface } from 'node:readline';
import { findItYourself, getOrg } from '../../knowledge/index.js';
import type { EmailCheck, NumberCheck, Reason, ScanResult, UrlCheck } from '../../claims/index.js';
import { CallGuardError, isCallGuardError } from '../../errors/catalogue.js';
import { toProblem } from '../../errors/problem.js';
import type { CliContext } from '../context.js';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** Longest line read in batch mode; longer lines get an error object. */
const MAX_BATCH_LINE = 70_000;

type Paint = (code: string, s: string) => string;

export function painter(ctx: CliContext): Paint {
  const colour = ctx.stdout.isTTY === true && !ctx.env.NO_COLOR;
  return colour ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_code, s) => s;
}

const VERDICT_COLOUR: Record<string, string> = {
  official: '1;32',
  'user-content-on-official-domain': '1;33',
  unknown: '1',
  invalid: '1;33',
  suspicious: '1;31',
  lookalike: '1;31',
  impersonation: '1;31',
};

const LABEL: Record<string, string> = {
  official: 'OFFICIAL',
  'user-content-on-official-domain': 'USER CONTENT ON AN OFFICIAL DOMAIN (not proof)',
  unknown: 'UNKNOWN (not a known official channel)',
  invalid: 'NOT A VALID NUMBER',
  suspicious: 'SUSPICIOUS',
  lookalike: 'LOOKALIKE (imitates an organisation)',
  impersonation: 'IMPERSONATION',
};

function verdictLine(paint: Paint, verdict: string, subject: string): string {
  return `${paint(VERDICT_COLOUR[verdict] ?? '1', LABEL[verdict] ?? verdict.toUpperCase())}  ${subject}`;
}

function reasonLines(paint: Paint, reasons: Reason[]): string[] {
  const mark = { danger: paint('31', '✗'), warning: paint('33', '!'), info: paint('2', '·') };
  return reasons.map((r) => `  ${mark[r.severity]} ${r.message} ${paint('2', `[${r.code}]`)}`);
}

export function renderNumber(c: NumberCheck, paint: Paint): string {
  const facts = [
    c.e164 ?? '(no number)',
    c.type !== 'unknown' ? c.type : null,
    c.country,
    c.official ? `official ${getOrg(c.official.org).name} ${c.official.channel} line` : null,
  ].filter(Boolean);
  const lines = [verdictLine(paint, c.verdict, facts.join(' · ')), ...reasonLines(paint, c.reasons)];
  if (c.reputation) {
    const level = typeof c.reputation.level === 'string' ? `${c.reputation.level}, ` : '';
    lines.push(`  Community reputation: ${level}${c.reputation.reports} report(s)`);
  }
  if (c.official) lines.push(paint('2', `  Source: ${c.official.source}`));
  return lines.join('\n');
}

export function renderUrl(c: UrlCheck, paint: Paint): string {
  const subject = [
    c.host || c.input,
    c.registrableDomain && c.registrableDomain !== c.host ? `(${c.registrableDomain})` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const lines = [verdictLine(paint, c.verdict, subject), ...reasonLines(paint, c.reasons)];
  if (c.brand && c.verdict !== 'official') lines.push(`  ${findItYourself(getOrg(c.brand))}`);
  return lines.join('\n');
}

export function renderEmail(c: EmailCheck, paint: Paint): string {
  const who = c.displayName ? `"${c.displayName}" <${c.address}>` : c.address;
  const lines = [verdictLine(paint, c.verdict, who), ...reasonLines(paint, c.reasons)];
  if (c.brand && c.verdict !== 'official') lines.push(`  ${findItYourself(getOrg(c.brand))}`);
  return lines.join('\n');
}

export function renderScan(r: ScanResult, paint: Paint): string {
  const out: string[] = [];
  const section = (title: string, items: string[]) => {
    out.push(paint('1', `${title} (${items.length})`));
    if (items.length === 0) out.push('  none found');
    for (const i of items) out.push(i.replace(/^/gm, '  '));
    out.push('');
  };
  section(
    'Phone numbers',
    r.numbers.map((n) => `${n.input}\n${renderNumber(n, paint)}`),
  );
  section(
    'Web addresses',
    r.urls.map((u) => `${u.input}\n${renderUrl(u, paint)}`),
  );
  section(
    'Email addresses',
    r.emails.map((e) => `${e.input}\n${renderEmail(e, paint)}`),
  );
  return out.join('\n').trimEnd();
}

/**
 * Runs `check` on every non-empty line of FILE (or stdin for "-"), writing one JSON line each.
 * Returns the exit code: 1 when some lines failed (they still get an error line), else 0.
 */
export async function runLineBatch(
  path: string,
  ctx: CliContext,
  check: (line: string) => unknown | Promise<unknown>,
): Promise<number> {
  const input = path === '-' ? ctx.stdin : await openFile(path);
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let lines = 0;
  let errors = 0;
  for await (const raw of rl) {
    lineNo++;
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (line === '') continue;
    lines++;
    let out: unknown;
    try {
      if (line.length > MAX_BATCH_LINE) {
        throw new CallGuardError(
          'CG_INPUT_TOO_LARGE',
          `Line ${lineNo} is ${line.length} characters; the limit is ${MAX_BATCH_LINE}.`,
        );
      }
      out = await check(line);
    } catch (err) {
      if (!isCallGuardError(err)) throw err;
      errors++;
      const p = toProblem(err);
      out = {
        input: line.slice(0, 200),
        line: lineNo,
        error: { code: p.code, title: p.title, detail: p.detail, howToFix: p.howToFix },
      };
    }
    if (!ctx.stdout.write(JSON.stringify(out) + '\n'))
      await new Promise<void>((r) => ctx.stdout.once('drain', r));
  }
  if (errors > 0) {
    ctx.stderr.write(`callguard: ${errors} of ${lines} lines could not be checked (see their "error").\n`);
    return 1;
  }
  return 0;
}

async function openFile(path: string): Promise<NodeJS.ReadableStream> {
  await checkRegularFile(path);
  return createReadStream(path, { encoding: 'utf8' });
}

/** Exactly one positional argument, or a usage error naming what is missing. */
export function onePositional(positionals: string[], what: string, usage: string): string {
  if (positionals.length === 0) throw new CallGuardError('CG_INPUT_INVALID', `Give ${what}. Usage: ${usage}`);
  if (positionals.length > 1) {
    throw new CallGuardError(
      'CG_INPUT_INVALID',
      `Give one ${what} (got ${positionals.length}); quote it if it has spaces, or use --batch FILE.`,
    );
  }
  return positionals[0]!;
}

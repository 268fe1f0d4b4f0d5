import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkEmail } from '../../claims/index.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { CliContext, Command } from '../context.js';
import { readTextInput } from '../read-input.js';
import { FORMATS, onePositional, painter, renderEmail, runLineBatch } from './claims-cli.js';

const USAGE =
  'callguard email <address | "Name <address>" | header-file | -> [--org NAME] [--format text|json] | callguard email --batch FILE';

/** A pasted header block is a few KB; refuse whole mailboxes. */
const MAX_HEADER_FILE = 1024 * 1024;

export const command: Command = {
  name: 'email',
  summary: 'Is this email sender really the organisation? Display-name spoofing, lookalikes, SPF/DKIM/DMARC',
  usage: `${USAGE}

Checks an email address, a From value such as '"Microsoft Account Team" <alert@m1crosoft-secure.com>',
or a file (or - for stdin) holding a message's raw headers: From, Reply-To, Return-Path and
Authentication-Results (SPF, DKIM, DMARC). Finds display-name spoofing, free-mail senders
claiming to be a company, lookalike sender domains and Reply-To diversions.

Verdicts: official | impersonation | lookalike | suspicious | unknown.

Options:
  --org NAME        the organisation the sender claims to be
  --format FORMAT   text (default) or json: {"input","address","displayName","verdict","brand","reasons", ...}
  --batch FILE      one address or From value per line; one JSON line per input out`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      org: { type: 'string' },
      format: { type: 'string' },
      batch: { type: 'string' },
    });
    const format = oneOf('format', values.format, FORMATS) ?? 'text';
    const opts = values.org ? { org: values.org } : {};
    if (values.batch !== undefined) return runLineBatch(values.batch, ctx, (line) => checkEmail(line, opts));
    const arg = onePositional(positionals, 'an email address or a header file', USAGE);
    const text =
      (await isFile(arg, ctx)) || arg === '-' ? await readTextInput(arg, ctx, MAX_HEADER_FILE) : arg;
    const result = checkEmail(text, opts);
    // The JSON echoes a pasted header block by its From line only: headers can hold personal data.
    const shown = text.includes('\n') ? { ...result, input: arg } : result;
    ctx.stdout.write(
      (format === 'json' ? JSON.stringify(shown, null, 2) : renderEmail(result, painter(ctx))) + '\n',
    );
    return 0;
  },
};

async function isFile(arg: string, ctx: CliContext): Promise<boolean> {
  if (arg.includes('@') && !arg.includes('/')) return false;
  try {
    return (await stat(resolve(ctx.cwd, arg))).isFile();
  } catch {
    return false;
  }
}

import { scanText } from '../../claims/index.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { readTextInput } from '../read-input.js';
import { FORMATS, painter, renderScan } from './claims-cli.js';

const USAGE =
  'callguard scan <file|-> [--country US] [--org NAME] [--source popup|search-result|invoice-email|sms|email] [--format text|json]';
const SOURCES = ['popup', 'search-result', 'invoice-email', 'sms', 'email'] as const;
/** A pasted pop-up, invoice, SMS or email is a few KB. */
const MAX_SCAN_FILE = 1024 * 1024;

export const command: Command = {
  name: 'scan',
  summary:
    'Find and check every phone number, web address and email address in a pop-up, invoice, SMS or email',
  usage: `${USAGE}

Reads the text (a file, or - for standard input), extracts every phone number (also written
"1 - { 8 8 8 } - ( 8 3 9 )" or "1-800-MICROSOFT"), web address (with or without https://,
defanged too) and email address, and checks each one.

Options:
  --country CC      country for numbers without a country code (default US)
  --org NAME        the organisation the text claims to come from
  --source SOURCE   where the text came from; numbers in it carry that source as a red flag
  --format FORMAT   text (default) or json: {"numbers": [...], "urls": [...], "emails": [...]}`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      country: { type: 'string' },
      org: { type: 'string' },
      source: { type: 'string' },
      format: { type: 'string' },
    });
    const format = oneOf('format', values.format, FORMATS) ?? 'text';
    const source = oneOf('source', values.source, SOURCES);
    const text = await readTextInput(positionals[0] ?? '-', ctx, MAX_SCAN_FILE);
    const result = scanText(text, {
      ...(values.country ? { country: values.country } : {}),
      ...(values.org ? { org: values.org } : {}),
      ...(source ? { source } : {}),
    });
    ctx.stdout.write(
      (format === 'json' ? JSON.stringify(result, null, 2) : renderScan(result, painter(ctx))) + '\n',
    );
    return 0;
  },
};

import { checkUrl } from '../../claims/index.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { Command } from '../context.js';
import { FORMATS, onePositional, painter, renderUrl, runLineBatch } from './claims-cli.js';

const USAGE =
  'callguard url <url> [--org NAME] [--format text|json] | callguard url --batch FILE [--org NAME]';

export const command: Command = {
  name: 'url',
  summary: "Is this web address the organisation's, user content on its domain, or a lookalike?",
  usage: `${USAGE}

Checks a web address (with or without https://, defanged hxxp/[.] forms too) against the
organisations' official domains and finds lookalikes: misspellings, lookalike letters, the brand
in a subdomain, path or before "@", user-content hosts (forms.office.com, sharepoint.com,
sites.google.com...), shorteners, IP addresses and often-abused top-level domains.

Verdicts: official | user-content-on-official-domain | lookalike | suspicious | unknown.

Options:
  --org NAME        the organisation the address is claimed to belong to (microsoft, "Bank of America")
  --format FORMAT   text (default) or json: {"input","host","registrableDomain","verdict","brand","reasons"}
  --batch FILE      one address per line (- for stdin); one JSON line per address out

Exit code: 0 when checked (whatever the verdict), 1 when some batch lines failed, 2 for bad input.`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      org: { type: 'string' },
      format: { type: 'string' },
      batch: { type: 'string' },
    });
    const format = oneOf('format', values.format, FORMATS) ?? 'text';
    const opts = values.org ? { org: values.org } : {};
    if (values.batch !== undefined) return runLineBatch(values.batch, ctx, (line) => checkUrl(line, opts));
    const result = checkUrl(onePositional(positionals, 'a web address', USAGE), opts);
    ctx.stdout.write(
      (format === 'json' ? JSON.stringify(result, null, 2) : renderUrl(result, painter(ctx))) + '\n',
    );
    return 0;
  },
};

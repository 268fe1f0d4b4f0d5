import { checkNumber, NUMBER_SOURCES, type NumberCheck } from '../../claims/index.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { CliContext, Command } from '../context.js';
import { FORMATS, onePositional, painter, renderNumber, runLineBatch } from './claims-cli.js';

const USAGE =
  'callguard number <number> [--country US] [--org NAME] [--source popup|search-result|invoice-email|official-site|sms|email|caller-id|known-contact] [--format text|json] [--db FILE|URL] | callguard number --batch FILE [...]';

export const command: Command = {
  name: 'number',
  summary: "Is this phone number the organisation's? Type, country, official channel and red flags",
  usage: `${USAGE}

Reads a number written any way ("1 - (888) 839 ...", "+44 20 ...", "1-800-MICROSOFT",
"1 - { 8 8 8 } - ( 8 3 9 )"), gives its E.164 form, type (toll-free, premium-rate, mobile,
fixed-line, VoIP...) and country, says whether it is an official number of a known
organisation, and weighs where you got it: a number in a pop-up, a search ad, an invoice email
or a message is a warning sign in itself. Microsoft's error messages never include phone numbers.

Options:
  --country CC      country for numbers without a country code (default US; UK means GB)
  --org NAME        the organisation it is claimed to belong to
  --source SOURCE   where the number came from (caller-id: it was shown on an incoming call)
  --format FORMAT   text (default) or json: {"input","e164","valid","type","country","official","verdict","reasons"}
  --db FILE|URL     add community reputation from this store (also DATABASE_URL or CALLGUARD_DB)
  --batch FILE      one number per line (- for stdin); one JSON line per number out`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      country: { type: 'string' },
      org: { type: 'string' },
      source: { type: 'string' },
      format: { type: 'string' },
      batch: { type: 'string' },
      db: { type: 'string' },
    });
    const format = oneOf('format', values.format, FORMATS) ?? 'text';
    const source = oneOf('source', values.source, NUMBER_SOURCES);
    const opts = {
      ...(values.country ? { country: values.country } : {}),
      ...(values.org ? { org: values.org } : {}),
      ...(source ? { source } : {}),
    };
    const withReputation = await reputationLookup(values.db, ctx);
    try {
      const check = async (line: string) => withReputation.add(checkNumber(line, opts));
      if (values.batch !== undefined) return await runLineBatch(values.batch, ctx, check);
      const result = await check(onePositional(positionals, 'a phone number', USAGE));
      ctx.stdout.write(
        (format === 'json' ? JSON.stringify(result, null, 2) : renderNumber(result, painter(ctx))) + '\n',
      );
      return 0;
    } finally {
      await withReputation.close();
    }
  },
};

/**
 * Community reputation from the store, only when one is configured explicitly (--db,
 * DATABASE_URL or CALLGUARD_DB): the check itself never needs a database.
 */
async function reputationLookup(db: string | undefined, ctx: CliContext) {
  const configured = db !== undefined || !!ctx.env.DATABASE_URL?.trim() || !!ctx.env.CALLGUARD_DB?.trim();
  if (!configured) return { add: async (c: NumberCheck) => c, close: async () => {} };
  const { openStore, storeLocation } = await import('../../store/index.js');
  const store = await openStore(storeLocation({ env: ctx.env, cwd: ctx.cwd, db }));
  return {
    add: async (c: NumberCheck): Promise<NumberCheck> =>
      c.e164 && c.valid ? { ...c, reputation: { ...(await store.reputation.get(c.e164)) } } : c,
    close: () => store.close(),
  };
}

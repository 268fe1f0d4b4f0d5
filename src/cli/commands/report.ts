/**
 * `callguard report`: report a scam call (flags, or questions when run in a terminal without them),
 * say a number is not a scam, and hide or restore a report (moderation).
 */
import { createInterface } from 'node:readline';
import { CallGuardError } from '../../errors/catalogue.js';
import { json, reporterKeyFor, reputationText, withStore } from '../../store/cli-support.js';
import { ASKS, DIRECTIONS, NUMBER_SOURCES, toE164, type Ask, type Store } from '../../store/index.js';
import { readTextInput } from '../read-input.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { CliContext, Command } from '../context.js';

const USAGE = `Usage:
  callguard report --number N --direction they-called|i-called [options]   report a scam call
  callguard report                                   (in a terminal) asks the questions one by one
  callguard report not-scam NUMBER | --report ID     say a number is NOT a scam
  callguard report hide ID [--reason TEXT]           moderation: hide a report from reputation and stats
  callguard report restore ID

Options for a report:
  --number N              the number that called, or that you called
  --country CC            your country (for numbers written without +country code)
  --direction D           they-called | i-called
  --when TIME             when it happened (ISO 8601, default now; never in the future)
  --source S              where the number came from: ${NUMBER_SOURCES.join(', ')}
  --org NAME              who they said they were ("Microsoft")
  --tactic ID             a red-flag id (repeatable), e.g. REMOTE_ACCESS_REQUEST
  --asked X / --given X   what they asked for / what you gave (repeatable or comma-separated):
                          ${ASKS.join(', ')}
  --amount N --currency C money lost (ISO 4217 currency, e.g. USD)
  --region TEXT           your state or region
  --text TEXT | --text-file FILE|-   what happened (card numbers, IBANs, SSNs, passwords and codes are removed)
  --idempotency-key K     resend safely: the same key and report are stored once
  --db FILE|postgres://…  the store (default: DATABASE_URL, CALLGUARD_DB, or ./data/callguard.db)
  --format text|json

Your reports are linked only by an anonymous key kept on this computer (CALLGUARD_REPORTER_KEY or
~/.config/callguard/reporter-key); the store keeps only a keyed hash of it.`;

const OPTIONS = {
  db: { type: 'string' },
  format: { type: 'string' },
  number: { type: 'string' },
  country: { type: 'string' },
  direction: { type: 'string' },
  when: { type: 'string' },
  source: { type: 'string' },
  org: { type: 'string' },
  tactic: { type: 'string', multiple: true },
  asked: { type: 'string', multiple: true },
  given: { type: 'string', multiple: true },
  amount: { type: 'string' },
  currency: { type: 'string' },
  region: { type: 'string' },
  text: { type: 'string' },
  'text-file': { type: 'string' },
  'idempotency-key': { type: 'string' },
  report: { type: 'string' },
  reason: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

const splitList = (v: string[] | undefined) =>
  (v ?? [])
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);

/** Normalises a time a person typed ("2026-11-24 15:30") to ISO 8601; the store checks the rest. */
function isoTime(value: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new CallGuardError('CG_OPTION_VALUE_INVALID', `--when "${value}" is not a date and time.`, {
      pointer: '--when',
    });
  }
  return new Date(t).toISOString();
}

function amountOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[, ]/g, ''));
  if (!Number.isFinite(n)) {
    throw new CallGuardError('CG_OPTION_VALUE_INVALID', `--amount "${value}" is not a number.`, {
      pointer: '--amount',
    });
  }
  return n;
}

async function fromFlags(values: Values, ctx: CliContext): Promise<Record<string, unknown>> {
  const text =
    values['text-file'] !== undefined ? await readTextInput(values['text-file'], ctx) : values.text;
  const body: Record<string, unknown> = {
    number: values.number,
    direction: values.direction,
    country: values.country,
    occurredAt: values.when === undefined ? undefined : isoTime(values.when),
    numberSource: values.source,
    claimedOrg: values.org,
    tactics: values.tactic?.length ? splitList(values.tactic) : undefined,
    askedFor: values.asked?.length ? splitList(values.asked) : undefined,
    given: values.given?.length ? splitList(values.given) : undefined,
    amountLost: amountOf(values.amount),
    currency: values.currency,
    region: values.region,
    text,
    idempotencyKey: values['idempotency-key'],
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** Asks the report's questions one by one (stdin is a terminal and the flags are missing). */
async function interview(values: Values, ctx: CliContext): Promise<Record<string, unknown> | null> {
  const rl = createInterface({ input: ctx.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (q: string): Promise<string> => {
    ctx.stdout.write(q);
    const r = await lines.next();
    return r.done ? '' : String(r.value).trim();
  };
  const pick = (answer: string): Ask[] => {
    const out = splitList([answer.toLowerCase()]);
    const bad = out.filter((x) => !(ASKS as readonly string[]).includes(x));
    if (bad.length) ctx.stdout.write(`  (ignored: ${bad.join(', ')})\n`);
    return out.filter((x): x is Ask => (ASKS as readonly string[]).includes(x));
  };
  try {
    ctx.stdout.write('Report a scam call. Press Enter to skip a question.\n');
    let number = values.number ?? '';
    for (let tries = 0; ; tries++) {
      if (!number) number = await ask('Which number called you, or which number did you call? ');
      try {
        toE164(number, values.country);
        break;
      } catch (err) {
        if (tries >= 2 || !number) throw err;
        ctx.stdout.write(
          `  That is not a valid phone number${values.country ? '' : ' (start with + and the country code)'}.\n`,
        );
        number = '';
      }
    }
    const dir =
      values.direction ??
      ((await ask('Did they call you (1) or did you call them (2)? [1] ')) === '2'
        ? 'i-called'
        : 'they-called');
    let source = values.source;
    if (!source && dir === 'i-called') {
      const s = (
        await ask(
          `Where did you find the number? (${NUMBER_SOURCES.filter((x) => x !== 'caller-id').join(', ')}) `,
        )
      ).toLowerCase();
      source = (NUMBER_SOURCES as readonly string[]).includes(s) ? s : undefined;
    }
    const org =
      values.org ?? ((await ask('Who did they say they were (for example Microsoft)? ')) || undefined);
    const askedFor = pick(await ask(`What did they ask for? (${ASKS.join(', ')}) `));
    const given = pick(await ask('What did you give them? (same list) '));
    let amountLost: number | undefined;
    let currency: string | undefined;
    if (given.length) {
      const m = /^([\d.,]+)\s*([A-Za-z]{3})?$/.exec(
        await ask('How much money did you lose? (for example 300 USD) '),
      );
      if (m) {
        amountLost = Number(m[1]!.replace(/,/g, ''));
        currency = (m[2] ?? values.currency ?? 'USD').toUpperCase();
      }
    }
    const infected = /^y/i.test(
      await ask('Did they say your computer or account was infected or hacked? (y/n) '),
    );
    const rushed = /^y/i.test(await ask('Did they rush or threaten you? (y/n) '));
    const text = await ask('Anything else? (card numbers, passwords and codes are removed before saving) ');
    // The tactics follow from the answers, so people need not know the red-flag ids.
    const tactics = new Set<string>(splitList(values.tactic));
    const asks = new Set([...askedFor, ...given]);
    if (asks.has('remote-access')) tactics.add('REMOTE_ACCESS_REQUEST');
    if (asks.has('passwords')) tactics.add('CREDENTIAL_REQUEST');
    if (asks.has('card') || asks.has('bank')) tactics.add('FINANCIAL_INFO_REQUEST');
    if (asks.has('gift-cards') || asks.has('crypto') || asks.has('wire'))
      tactics.add('UNUSUAL_PAYMENT_METHOD');
    if (infected) tactics.add('CLAIMS_DEVICE_INFECTED');
    if (rushed) tactics.add('URGENCY_OR_THREAT');
    if (source === 'popup' || source === 'search') tactics.add('NUMBER_FROM_POPUP_OR_AD');
    const body: Record<string, unknown> = {
      ...(await fromFlags(values, ctx)),
      number,
      direction: dir,
      ...(source ? { numberSource: source } : {}),
      ...(org ? { claimedOrg: org } : {}),
      ...(tactics.size ? { tactics: [...tactics] } : {}),
      ...(askedFor.length ? { askedFor } : {}),
      ...(given.length ? { given } : {}),
      ...(amountLost !== undefined ? { amountLost, currency } : {}),
      ...(text ? { text } : {}),
    };
    const ok = await ask('Send this report? [Y/n] ');
    return /^n/i.test(ok) ? null : body;
  } finally {
    rl.close();
  }
}

async function moderate(store: Store, action: 'hide' | 'restore', id: string | undefined, values: Values) {
  if (!id)
    throw new CallGuardError('CG_OPTION_VALUE_INVALID', `callguard report ${action} needs the report id.`, {
      pointer: 'ID',
    });
  return action === 'hide'
    ? store.reports.hide(id, values.reason ? { reason: values.reason } : {})
    : store.reports.restore(id);
}

export const command: Command = {
  name: 'report',
  summary: 'Report a scam call, say a number is not a scam, or moderate reports',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS);
    const format = oneOf('format', values.format, ['text', 'json'] as const) ?? 'text';
    oneOf('direction', values.direction, DIRECTIONS);
    const [sub, ...rest] = positionals;
    const action = oneOf('action', sub, ['not-scam', 'hide', 'restore'] as const);
    if (sub !== undefined && !action) {
      throw new CallGuardError(
        'CG_OPTION_VALUE_INVALID',
        `Unknown report action "${sub}"; use not-scam, hide or restore.`,
        {
          pointer: sub,
        },
      );
    }
    if (action === 'hide' || action === 'restore') {
      return withStore(values.db, ctx, async (store) => {
        const r = await moderate(store, action, rest[0], values);
        if (format === 'json') json(ctx, r);
        else ctx.stdout.write(`Report ${r.id} is ${r.hidden ? 'hidden' : 'visible'}.\n`);
        return 0;
      });
    }
    if (action === 'not-scam') {
      const number = rest.join(' ').trim();
      const input = {
        reporterKey: reporterKeyFor(ctx),
        ...(values.report ? { reportId: values.report } : { number }),
        ...(values.country ? { country: values.country } : {}),
      };
      if (!values.report && !number) {
        throw new CallGuardError('CG_NUMBER_INVALID', 'Give the number, or --report ID.', {
          pointer: 'NUMBER',
        });
      }
      return withStore(values.db, ctx, async (store) => {
        const res = await store.reports.notScam(input);
        if (format === 'json') json(ctx, res);
        else {
          ctx.stdout.write(
            (res.counted
              ? 'Thanks: noted that it is not a scam.\n'
              : 'You had already said so; counted once.\n') +
              reputationText(res.reputation).join('\n') +
              '\n',
          );
        }
        return 0;
      });
    }
    const interactive =
      ctx.stdin.isTTY === true && (values.number === undefined || values.direction === undefined);
    const body = interactive ? await interview(values, ctx) : await fromFlags(values, ctx);
    if (body === null) {
      ctx.stdout.write('Not sent.\n');
      return 1;
    }
    if (!interactive && (body.number === undefined || body.direction === undefined)) {
      throw new CallGuardError(
        'CG_OPTION_VALUE_INVALID',
        'A report needs --number and --direction (or run it in a terminal to be asked).',
        { pointer: body.number === undefined ? '--number' : '--direction' },
      );
    }
    return withStore(values.db, ctx, async (store) => {
      const { report, created } = await store.reports.create({ ...body, reporterKey: reporterKeyFor(ctx) });
      const reputation = await store.reputation.get(report.number);
      if (format === 'json') {
        json(ctx, { created, report, reputation });
        return 0;
      }
      const removed = report.redactions.map((r) => `${r.count} ${r.kind}`).join(', ');
      ctx.stdout.write(
        [
          created
            ? `Report saved (id ${report.id}). Thank you.`
            : `Already saved (id ${report.id}); not counted twice.`,
          ...(removed ? [`  Removed from your text before saving: ${removed}.`] : []),
          ...reputationText(reputation),
          'Also report it to the FTC (reportfraud.ftc.gov) and, if money was lost, to the FBI (ic3.gov).',
        ].join('\n') + '\n',
      );
      return 0;
    });
  },
};

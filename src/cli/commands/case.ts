/**
 * `callguard case`: the case file from the command line. Cases live in the same store as reports
 * (--db FILE or postgres://…, else DATABASE_URL / CALLGUARD_DB / ./data/callguard.db).
 */
import { CallGuardError } from '../../errors/catalogue.js';
import { parseJson } from '../../errors/json-syntax.js';
import {
  applicableReports,
  buildTimeline,
  detectPhantomHacker,
  EXPORT_FORMATS,
  exportCase,
  formatMoney,
  generateReport,
  recoveryPlan,
  REPORT_IDS,
  STAGE_LABELS,
  totalsByCurrency,
  URGENCY_LABELS,
  type AuthorityReport,
  type Case,
} from '../../cases/index.js';
import { humanWhen } from '../../cases/describe.js';
import { oneLine } from '../../cases/text.js';
import { openStore, storeLocation, type Store } from '../../store/index.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { CliContext, Command } from '../context.js';
import { readTextInput } from '../read-input.js';
import { writeOutFile } from '../out-file.js';

const SUBCOMMANDS = ['new', 'add', 'show', 'delete', 'report', 'export', 'plan'] as const;
const REPORT_TARGETS = [...REPORT_IDS, 'all'] as const;

const USAGE = `Usage:
  callguard case new [FILE|-] [--country CC] [--title TEXT]   open a case (FILE: JSON case, see docs/cases.md)
  callguard case add ID [FILE|-]                            add items (JSON: one item, an array, or {"items": [...]})
  callguard case show ID [--json]                           timeline, amounts, pattern and recovery plan
  callguard case plan ID [--json]                           the recovery plan only
  callguard case report ID --to ${REPORT_TARGETS.join('|')} [--json]
  callguard case export ID --format md|json|html [--out FILE]
  callguard case delete ID --yes                            delete the case for good

Options:
  --db FILE|postgres://…   the store (default: DATABASE_URL, CALLGUARD_DB, or ./data/callguard.db)
  --json                   machine-readable output

The case id is the only key to a case (there are no accounts): keep it somewhere safe.
Passwords, SSNs, one-time codes and remote-access codes are never stored; cards by last 4 digits only.`;

export const command: Command = {
  name: 'case',
  summary: 'Case file: what happened, reports for the authorities, recovery plan',
  usage: USAGE,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      json: { type: 'boolean' },
      country: { type: 'string' },
      title: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      yes: { type: 'boolean' },
    });
    const [sub, ...rest] = positionals;
    const action = oneOf('subcommand', sub, SUBCOMMANDS);
    if (!action) {
      ctx.stdout.write(USAGE + '\n');
      return 2;
    }
    const to = oneOf('to', values.to, REPORT_TARGETS);
    const format = oneOf('format', values.format, EXPORT_FORMATS);
    const id = action === 'new' ? undefined : rest[0];
    if (action !== 'new' && !id) {
      throw new CallGuardError('CG_OPTION_VALUE_INVALID', `callguard case ${action} needs the case id.`, {
        pointer: 'ID',
      });
    }
    if (action === 'report' && !to) {
      throw new CallGuardError(
        'CG_OPTION_VALUE_INVALID',
        `--to is required: one of ${REPORT_TARGETS.join(', ')}.`,
        {
          pointer: '--to',
        },
      );
    }
    if (action === 'export' && !format) {
      throw new CallGuardError('CG_OPTION_VALUE_INVALID', '--format is required: md, json or html.', {
        pointer: '--format',
      });
    }
    if (action === 'delete' && !values.yes) {
      throw new CallGuardError(
        'CG_OPTION_VALUE_INVALID',
        'Deleting a case cannot be undone. Run it again with --yes to delete it for good.',
        { pointer: '--yes' },
      );
    }
    // Read input before opening the store, so a bad file never leaves a half-made case.
    const file = action === 'new' ? rest[0] : action === 'add' ? rest[1] : undefined;
    const input =
      action === 'new' || action === 'add' ? await readJson(file, ctx, action === 'new') : undefined;

    const store = await openStore(storeLocation({ env: ctx.env, cwd: ctx.cwd, db: values.db }));
    try {
      return await run(store, ctx, { action, id: id ?? '', input, to, format, values });
    } finally {
      await store.close();
    }
  },
};

interface Plan {
  action: (typeof SUBCOMMANDS)[number];
  id: string;
  input: unknown;
  to: (typeof REPORT_TARGETS)[number] | undefined;
  format: (typeof EXPORT_FORMATS)[number] | undefined;
  values: {
    json?: boolean | undefined;
    country?: string | undefined;
    title?: string | undefined;
    out?: string | undefined;
  };
}

async function run(store: Store, ctx: CliContext, p: Plan): Promise<number> {
  const out = (s: string) => ctx.stdout.write(s);
  const json = (v: unknown) => out(JSON.stringify(v, null, 2) + '\n');
  switch (p.action) {
    case 'new': {
      const overrides = {
        ...(p.values.country ? { country: p.values.country } : {}),
        ...(p.values.title ? { title: p.values.title } : {}),
      };
      const base = p.input ?? {};
      // Spread only an object: spreading an array or a string gave "Unknown field(s) 0, 1" instead of
      // the validator's "expected object, received array".
      const isObject = typeof base === 'object' && base !== null && !Array.isArray(base);
      const c = await store.cases.create(isObject ? { ...base, ...overrides } : base);
      if (p.values.json) json(c);
      else {
        out(`Case opened: ${c.id}\n`);
        out('Keep this id: it is the only way back to the case.\n');
        out(`Next: callguard case add ${c.id} item.json   |   callguard case show ${c.id}\n`);
      }
      return 0;
    }
    case 'add': {
      const body = p.input as { items?: unknown } | unknown[] | null;
      const items = Array.isArray(body)
        ? body
        : body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items)
          ? (body as { items: unknown[] }).items
          : [body];
      const c = await store.cases.addItems(p.id, items);
      if (p.values.json) json(c);
      else out(`Added ${items.length} item(s); the case now has ${c.items.length}.\n`);
      return 0;
    }
    case 'show': {
      const c = await store.cases.get(p.id);
      if (p.values.json)
        json({
          case: c,
          timeline: buildTimeline(c),
          totals: totalsByCurrency(c),
          pattern: detectPhantomHacker(c),
        });
      else out(showText(c));
      return 0;
    }
    case 'plan': {
      const steps = recoveryPlan(await store.cases.get(p.id));
      if (p.values.json) json({ steps });
      else out(planText(steps));
      return 0;
    }
    case 'report': {
      const c = await store.cases.get(p.id);
      const reports: AuthorityReport[] = p.to === 'all' ? applicableReports(c) : [generateReport(c, p.to!)];
      if (p.values.json) json(p.to === 'all' ? { reports } : reports[0]);
      else if (reports.length === 0) out('No report applies to this case (see "callguard case show").\n');
      else out(reports.map((r) => r.text).join('\n' + '-'.repeat(72) + '\n\n'));
      return 0;
    }
    case 'export': {
      const c = await store.cases.get(p.id);
      const { body } = exportCase(c, p.format!);
      if (p.values.out) {
        // Owner-only: the pack holds the victim's details.
        await writeOutFile(p.values.out, ctx.cwd, body, 0o600);
        ctx.stderr.write(`Wrote ${p.values.out}\n`);
      } else out(body);
      return 0;
    }
    case 'delete': {
      await store.cases.delete(p.id);
      out(`Case ${p.id} deleted for good.\n`);
      return 0;
    }
  }
}

async function readJson(file: string | undefined, ctx: CliContext, optional: boolean): Promise<unknown> {
  // `case new` without a file opens an empty case; "-" reads the JSON from standard input.
  if (file === undefined && optional) return undefined;
  const text = await readTextInput(file, ctx, 5 * 1024 * 1024);
  if (optional && text.trim() === '') return undefined;
  const fromStdin = file === undefined || file === '-';
  return fromStdin ? parseJson(text, 'standard input') : parseJson(text, file, file);
}

function showText(c: Case): string {
  const lines: string[] = [];
  lines.push(
    `Case ${c.id}${c.title ? `: ${oneLine(c.title)}` : ''} (${c.country}), opened ${c.createdAt}, ${c.items.length} item(s)`,
  );
  const pattern = detectPhantomHacker(c);
  if (pattern)
    lines.push(
      '',
      `Pattern: ${pattern.name}${pattern.complete ? ' (all three stages)' : ''}. ${pattern.explanation}`,
      `  Source: ${pattern.source.url}`,
    );
  const totals = totalsByCurrency(c);
  if (totals.length) {
    lines.push('', 'Amounts:');
    for (const t of totals) {
      const parts = [`${formatMoney(t.paid, t.currency)} paid`];
      if (t.attempted !== '0') parts.push(`${formatMoney(t.attempted, t.currency)} attempted`);
      if (t.asked !== '0') parts.push(`${formatMoney(t.asked, t.currency)} asked`);
      lines.push(`  ${parts.join('; ')}`);
    }
  }
  const timeline = buildTimeline(c);
  if (timeline.length) {
    lines.push('', 'Timeline:');
    for (const e of timeline) {
      lines.push(`  ${humanWhen(e.at)}  ${e.stage ? `[${STAGE_LABELS[e.stage]}] ` : ''}${oneLine(e.title)}`);
    }
  }
  lines.push('', 'Recovery plan:', planText(recoveryPlan(c)).trimEnd());
  const reports = applicableReports(c).map((r) => r.id);
  lines.push(
    '',
    `Reports to file: ${reports.join(', ') || 'none'}  (callguard case report ${c.id} --to all)`,
  );
  return lines.join('\n') + '\n';
}

function planText(steps: ReturnType<typeof recoveryPlan>): string {
  return (
    steps
      .map(
        (s, i) =>
          `  ${i + 1}. [${URGENCY_LABELS[s.urgency]}] ${oneLine(s.title)}\n     ${oneLine(s.detail)}\n     Source: ${s.source.url}`,
      )
      .join('\n') + '\n'
  );
}

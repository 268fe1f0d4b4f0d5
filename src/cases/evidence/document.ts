/**
 * The evidence pack as a neutral document (headings, tables, quotes, lists) so the Markdown and
 * HTML renderers share one layout and differ only in escaping. Pure.
 */
import type { CaseItem, Payment } from '../schema.js';
import { DISCLOSURE_LABELS, itemDetails, itemTitle, METHOD_LABELS } from '../describe.js';
import { formatMoney } from '../money.js';
import { URGENCY_LABELS } from '../recovery.js';
import { STAGE_LABELS, stageOf } from '../stages.js';
import type { EvidencePack } from './pack.js';

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'quote'; label: string; text: string }
  | { type: 'list'; ordered: boolean; items: string[] };

export function evidenceDocument(pack: EvidencePack): Block[] {
  const c = pack.case;
  const b: Block[] = [];
  const kv = (rows: Array<[string, string | undefined]>): Block => ({
    type: 'table',
    header: ['Field', 'Value'],
    rows: rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== ''),
  });

  b.push({ type: 'heading', level: 1, text: `CallGuard evidence pack${c.title ? `: ${c.title}` : ''}` });
  b.push(
    kv([
      ['Case id', c.id],
      ['Country', c.country],
      ['Case opened', c.createdAt],
      ['Last changed', c.updatedAt],
      ['Pack generated', pack.generatedAt],
    ]),
  );
  b.push({ type: 'heading', level: 2, text: 'Summary' });
  if (pack.pattern) {
    b.push({
      type: 'paragraph',
      text: `Pattern recognised: ${pack.pattern.name}${pack.pattern.complete ? ' (all three stages)' : ''}. ${pack.pattern.explanation} Source: ${pack.pattern.source.name}, ${pack.pattern.source.url}`,
    });
  }
  if (c.summary) b.push({ type: 'quote', label: 'In the person’s own words', text: c.summary });
  if (!pack.pattern && !c.summary) b.push({ type: 'paragraph', text: 'No summary recorded.' });

  if (c.victim || c.filer) {
    b.push({ type: 'heading', level: 2, text: 'People' });
    const v = c.victim;
    if (v) {
      b.push(
        kv([
          ['Victim name', v.name],
          ['Age range', v.ageRange],
          ['Address', [v.address, v.city, v.region, v.postalCode, v.country].filter(Boolean).join(', ')],
          ['Phone', v.phone],
          ['Email', v.email],
        ]),
      );
    }
    if (c.filer) {
      b.push(
        kv([
          ['Filed by', c.filer.name],
          ['Relationship', c.filer.relationship],
          ['Phone', c.filer.phone],
          ['Email', c.filer.email],
        ]),
      );
    }
  }

  b.push({ type: 'heading', level: 2, text: 'Amounts' });
  b.push(
    pack.totals.length
      ? {
          type: 'table',
          header: ['Currency', 'Paid', 'Attempted (stopped)', 'Asked (not paid)', 'Payments'],
          rows: pack.totals.map((t) => [
            t.currency,
            group(t.paid),
            group(t.attempted),
            group(t.asked),
            String(t.payments),
          ]),
        }
      : { type: 'paragraph', text: 'No payments recorded.' },
  );

  b.push({ type: 'heading', level: 2, text: 'Timeline' });
  b.push(
    pack.timeline.length
      ? {
          type: 'table',
          header: ['When', 'Stage', 'What', 'Details'],
          rows: pack.timeline.map((e) => [
            e.at,
            e.stage ? STAGE_LABELS[e.stage] : '',
            e.title,
            e.details.join('; '),
          ]),
        }
      : { type: 'paragraph', text: 'No dated items recorded.' },
  );
  if (pack.undated.length) {
    b.push({ type: 'paragraph', text: 'Without a date:' });
    b.push({ type: 'list', ordered: false, items: pack.undated.map(itemTitle) });
  }

  const items = c.items;
  section(b, 'Calls', items, 'call');
  section(b, 'Pop-ups, emails, invoices and texts', items, 'message');
  section(b, 'Remote-access sessions', items, 'remote-session');
  const pays = items.filter((i): i is Payment => i.kind === 'payment');
  if (pays.length) {
    b.push({ type: 'heading', level: 2, text: 'Payments' });
    b.push({
      type: 'table',
      header: [
        'Date',
        'Method',
        'Amount',
        'Status',
        'Recipient',
        'Account',
        'Reference',
        'Crypto / gift cards',
      ],
      rows: pays.map((p) => [
        p.at,
        METHOD_LABELS[p.method],
        formatMoney(p.amount, p.currency),
        p.status,
        p.recipientName ?? '',
        [p.recipientBank, p.recipientAccount, p.recipientRoutingOrSwift].filter(Boolean).join(' '),
        p.reference ?? '',
        [
          p.crypto &&
            [
              p.crypto.asset,
              p.crypto.address,
              p.crypto.transactionHash && `tx ${p.crypto.transactionHash}`,
              p.crypto.exchange,
            ]
              .filter(Boolean)
              .join(' '),
          ...(p.giftCards ?? []).map((g) => [g.brand, g.number].filter(Boolean).join(' ')),
        ]
          .filter(Boolean)
          .join('; '),
      ]),
    });
    for (const p of pays)
      if (p.notes) b.push({ type: 'quote', label: `Notes on the payment of ${p.at}`, text: p.notes });
  }
  const disclosures = items.filter((i) => i.kind === 'disclosure');
  if (disclosures.length) {
    b.push({ type: 'heading', level: 2, text: 'What was given away' });
    b.push({
      type: 'table',
      header: ['What', 'When', 'Accounts or services', 'Institution', 'Last 4 digits'],
      rows: disclosures.map((d) =>
        d.kind === 'disclosure'
          ? [
              DISCLOSURE_LABELS[d.what] ?? d.what,
              d.at ?? '',
              (d.accounts ?? []).join(', '),
              d.institution ?? '',
              d.last4 ?? '',
            ]
          : [],
      ),
    });
    b.push({
      type: 'paragraph',
      text: 'CallGuard never stores passwords, Social Security numbers, one-time codes or full card numbers: only that they were given.',
    });
  }

  b.push({ type: 'heading', level: 2, text: 'Reports to file' });
  b.push({
    type: 'table',
    header: ['Report', 'Applies', 'Where', 'Why'],
    rows: pack.reports.map((r) => [r.title, r.applies ? 'yes' : 'no', r.url, r.reason]),
  });

  b.push({ type: 'heading', level: 2, text: 'Recovery plan' });
  b.push({
    type: 'list',
    ordered: true,
    items: pack.recoveryPlan.map(
      (s) =>
        `${URGENCY_LABELS[s.urgency]}: ${s.title}. ${s.detail} (Why: ${s.because} Source: ${s.source.name}, ${s.source.url})`,
    ),
  });
  return b;
}

function section(b: Block[], heading: string, items: CaseItem[], kind: CaseItem['kind']): void {
  const list = items.filter((i) => i.kind === kind);
  if (!list.length) return;
  b.push({ type: 'heading', level: 2, text: heading });
  list.forEach((item, n) => {
    b.push({ type: 'heading', level: 3, text: `${n + 1}. ${itemTitle(item)}` });
    const s = stageOf(item);
    const rows: string[][] = [
      ['When', item.at ?? 'not recorded'],
      ...(s ? [['Stage', STAGE_LABELS[s]]] : []),
      ...itemDetails(item).map((d) => {
        const i = d.indexOf(': ');
        return [d.slice(0, i), d.slice(i + 2)];
      }),
    ];
    b.push({ type: 'table', header: ['Field', 'Value'], rows });
    if (item.kind === 'call' && item.assessment?.summary) {
      b.push({ type: 'quote', label: 'CallGuard assessment', text: item.assessment.summary });
    }
    if (item.kind === 'message' && item.content)
      b.push({ type: 'quote', label: 'Content', text: item.content });
    if (item.kind === 'message' && item.headers)
      b.push({ type: 'quote', label: 'Email headers', text: item.headers });
    if (item.kind === 'call' && item.transcript)
      b.push({ type: 'quote', label: 'Transcript', text: item.transcript });
    if (item.notes) b.push({ type: 'quote', label: 'Notes', text: item.notes });
  });
}

/** Thousands grouping without the currency code (the table has its own currency column). */
function group(value: string): string {
  return formatMoney(value, '').trimEnd();
}

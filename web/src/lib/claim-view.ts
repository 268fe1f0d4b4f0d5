import type { EmailCheck, NumberCheck, UrlCheck } from '../../../src/claims/index.js';

/** One checked item, in plain words, whatever its kind. */
export interface CheckedItem {
  kind: 'number' | 'link' | 'email';
  input: string;
  /** The normalised form shown as the heading (E.164, host, address). */
  shown: string;
  headline: string;
  tone: 'danger' | 'caution' | 'ok';
  reasons: string[];
  e164?: string;
}

const GOOD = new Set(['official']);
const BAD = new Set([
  'lookalike',
  'suspicious',
  'spoofed',
  'scam',
  'not-official',
  'premium-rate',
  'reported',
]);

function tone(verdict: string): CheckedItem['tone'] {
  if (GOOD.has(verdict)) return 'ok';
  if (BAD.has(verdict)) return 'danger';
  return 'caution';
}

const HEADLINES: Record<string, string> = {
  official: 'This is an official channel.',
  'user-content-on-official-domain':
    'This is on an official site, but anyone can put pages there. It does not prove anything.',
  lookalike: 'This looks like a real company, but it is not. Do not use it.',
  suspicious: 'This looks suspicious. Do not use it.',
  spoofed: 'The sender is pretending to be someone else. Do not trust it.',
  unknown: 'We could not confirm this is official. Find the real contact yourself.',
};

function reasonText(reason: unknown): string {
  if (typeof reason === 'string') return reason;
  if (reason && typeof reason === 'object') {
    const r = reason as { message?: unknown; text?: unknown; code?: unknown };
    if (typeof r.message === 'string') return r.message;
    if (typeof r.text === 'string') return r.text;
    if (typeof r.code === 'string') return r.code;
  }
  return String(reason);
}

function headline(verdict: string): string {
  return HEADLINES[verdict] ?? `Result: ${verdict.replace(/-/g, ' ')}.`;
}

export function numberItem(check: NumberCheck): CheckedItem {
  const item: CheckedItem = {
    kind: 'number',
    input: check.input,
    shown: check.e164 ?? check.input,
    headline: headline(check.verdict),
    tone: tone(check.verdict),
    reasons: (check.reasons as readonly unknown[]).map(reasonText),
  };
  if (check.e164) item.e164 = check.e164;
  return item;
}

export function urlItem(check: UrlCheck): CheckedItem {
  return {
    kind: 'link',
    input: check.input,
    shown: check.host ?? check.input,
    headline: headline(check.verdict),
    tone: tone(check.verdict),
    reasons: (check.reasons as readonly unknown[]).map(reasonText),
  };
}

export function emailItem(check: EmailCheck): CheckedItem {
  return {
    kind: 'email',
    input: check.input,
    shown: check.address ?? check.input,
    headline: headline(check.verdict),
    tone: tone(check.verdict),
    reasons: (check.reasons as readonly unknown[]).map(reasonText),
  };
}

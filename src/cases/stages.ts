/**
 * Linked stages of one scam. The FBI's IC3 names the three-stage pattern "Phantom Hacker"
 * (PSA 2023-09-29): a fake tech-support agent gets remote access and has the victim open their
 * accounts, a fake bank "fraud department" tells them to move money to a "safe" account, and a fake
 * government agency (often the Federal Reserve) makes it look official. Pure.
 */
import { findOrg } from '../knowledge/index.js';
import type { Case, CaseItem, Stage } from './schema.js';
import { SOURCES, type Source } from './sources.js';
import { toMillis } from './validate.js';

const GOVERNMENT =
  /\b(federal reserve|the fed|ftc|fbi|irs|ssa|social security|treasury|government|police|sheriff|customs|homeland|dhs|marshals?|department of|doj|court|sec|hmrc|ato|afp|national crime agency|agency)\b/i;
const FINANCIAL =
  /\b(bank|banking|chase|wells fargo|citi(bank)?|barclays|hsbc|lloyds|natwest|santander|credit union|fraud (department|team)|brokerage|fidelity|schwab|vanguard|bank of america|boa|capital one|us bank|td)\b/i;
const TECH =
  /\b(microsoft|windows|msft|apple|icloud|macos|amazon|google|norton|mcafee|geek squad|tech(nical)? support|dell|hp|antivirus|defender|help ?desk|it support|support team|security team)\b/i;

/**
 * The stage of one item: the user's choice, else inferred from what the item claims to be (the knowledge
 * pack's organisations first, so "MS" is tech support and "Chase" a bank; then keywords).
 */
export function stageOf(item: CaseItem): Stage | undefined {
  if (item.stage) return item.stage;
  if (item.kind === 'remote-session') return 'tech-support';
  const claimed = [
    'claimedOrg' in item ? item.claimedOrg : undefined,
    item.kind === 'call' ? item.callerIdName : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  if (!claimed) return undefined;
  // Government first: "Federal Reserve Bank" is a government impostor, not a bank one.
  if (GOVERNMENT.test(claimed)) return 'government';
  const org = findOrg(claimed);
  if (org)
    return org.kind === 'government'
      ? 'government'
      : org.kind === 'bank'
        ? 'financial-institution'
        : 'tech-support';
  if (FINANCIAL.test(claimed)) return 'financial-institution';
  if (TECH.test(claimed)) return 'tech-support';
  return 'other';
}

export const STAGE_LABELS: Record<Stage, string> = {
  'tech-support': 'Fake tech support',
  'financial-institution': 'Fake bank or financial institution',
  government: 'Fake government agency',
  other: 'Other',
};

export interface StageGroup {
  stage: Stage;
  label: string;
  /** Earliest dated item of this stage (ISO), if any. */
  firstAt?: string;
  itemIds: string[];
}

export interface PatternMatch {
  id: 'phantom-hacker';
  name: 'Phantom Hacker';
  /** All three stages, in order. */
  complete: boolean;
  stages: StageGroup[];
  explanation: string;
  source: Source;
}

/** Items grouped by stage, in the order the stages first appeared. */
export function stageGroups(c: Pick<Case, 'items'>): StageGroup[] {
  const groups = new Map<Stage, StageGroup & { t: number }>();
  for (const item of c.items) {
    const s = stageOf(item);
    if (!s) continue;
    const g = groups.get(s) ?? { stage: s, label: STAGE_LABELS[s], itemIds: [], t: Infinity };
    g.itemIds.push(item.id);
    if (item.at !== undefined && toMillis(item.at) < g.t) {
      g.t = toMillis(item.at);
      g.firstAt = item.at;
    }
    groups.set(s, g);
  }
  return [...groups.values()].sort((a, b) => a.t - b.t).map(({ t: _t, ...g }) => g);
}

/**
 * Recognises the Phantom Hacker pattern: fake tech support followed by a fake bank and/or a fake
 * government agency. Undated stages count in the order given.
 * @example
 * detectPhantomHacker(c)?.complete; // true when all three stages appear in order
 */
export function detectPhantomHacker(c: Pick<Case, 'items'>): PatternMatch | null {
  const groups = stageGroups(c).filter((g) => g.stage !== 'other');
  const order = groups.map((g) => g.stage);
  const tech = order.indexOf('tech-support');
  if (tech === -1) return null;
  const later = order.slice(tech + 1);
  if (!later.includes('financial-institution') && !later.includes('government')) return null;
  const bank = order.indexOf('financial-institution');
  const gov = order.indexOf('government');
  const complete = bank > tech && gov > bank;
  const named = groups.map((g) => g.label.toLowerCase()).join(' → ');
  return {
    id: 'phantom-hacker',
    name: 'Phantom Hacker',
    complete,
    stages: groups,
    explanation:
      `This case follows the "Phantom Hacker" pattern the FBI warns about (${named}). ` +
      'Each stage hands the victim to the next, and the "safe account" money goes to the scammers. ' +
      'Real banks and government agencies never ask you to move money to protect it.',
    source: SOURCES.ic3PhantomHacker,
  };
}

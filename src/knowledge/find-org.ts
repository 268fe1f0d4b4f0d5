import { ORGANISATIONS } from './organisations.js';
import { tokens } from './normalise.js';
import type { OrgId, OrgProfile } from './types.js';

/**
 * Aliases that are ordinary words or initials too ("ms" as in "Ms Smith", "windows" of a house):
 * they name an organisation only when no stronger name is in the text.
 */
const WEAK_ALIASES = new Set(['ms', 'windows', 'outlook', 'boa', 'aws', 'android', 'bank', 'the bank']);

/** Generic profiles lose to a named organisation ("your bank, Chase" is Chase). */
const GENERIC: ReadonlySet<OrgId> = new Set(['bank']);

interface AliasEntry {
  words: string[];
  org: OrgProfile;
  weak: boolean;
}

/** Longest text findOrg reads (a long call transcript fits); bounds the work on hostile input. */
const MAX_TEXT = 1_000_000;

const byFirstWord = new Map<string, AliasEntry[]>();
for (const org of ORGANISATIONS) {
  for (const alias of org.aliases) {
    const words = tokens(alias);
    const first = words[0];
    if (first === undefined) continue;
    const list = byFirstWord.get(first) ?? [];
    list.push({ words, org, weak: WEAK_ALIASES.has(words.join(' ')) });
    byFirstWord.set(first, list);
  }
}
for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

interface Hit {
  org: OrgProfile;
  at: number;
  length: number;
  weak: boolean;
}

/** Every alias occurrence in the text, matched on whole words. */
export function findOrgMentions(text: string): Hit[] {
  const words = tokens(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
  const hits: Hit[] = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = byFirstWord.get(words[i]!);
    if (!candidates) continue;
    for (const entry of candidates) {
      if (matchesAt(words, i, entry.words)) {
        hits.push({ org: entry.org, at: i, length: entry.words.length, weak: entry.weak });
        break; // sorted longest first: the longest alias at this position wins
      }
    }
  }
  return hits;
}

function matchesAt(words: string[], at: number, alias: string[]): boolean {
  if (at + alias.length > words.length) return false;
  for (let k = 0; k < alias.length; k++) if (words[at + k] !== alias[k]) return false;
  return true;
}

function rank(h: Hit): number {
  return (h.weak ? 2 : 0) + (GENERIC.has(h.org.id) ? 1 : 0);
}

/**
 * The organisation a free-text name means, tolerant of case, punctuation and speech-to-text
 * splits; null when none is named. A strong, specific name beats a weak or generic one; then the
 * earliest mention wins.
 *
 * @example findOrg('Windows Technical Department')?.id // 'microsoft'
 * @example findOrg('amazon dot com')?.id // 'amazon'
 * @example findOrg('pineapple') // null
 */
export function findOrg(text: string): OrgProfile | null {
  let best: Hit | null = null;
  for (const h of findOrgMentions(text)) {
    if (best === null || rank(h) < rank(best) || (rank(h) === rank(best) && h.at < best.at)) best = h;
  }
  return best?.org ?? null;
}

const byId = new Map<OrgId, OrgProfile>(ORGANISATIONS.map((o) => [o.id, o]));

/**
 * The profile of a known organisation.
 *
 * @example getOrg('irs').contactPolicy
 */
export function getOrg(id: OrgId): OrgProfile {
  const org = byId.get(id);
  if (!org) throw new Error(`No organisation profile for "${id}"`); // unreachable: every OrgId has a profile (tested)
  return org;
}

/** Resolves an organisation given as an id ("bank-of-america") or as a name ("Bank of America"). */
export function resolveOrg(idOrName: string): OrgProfile | null {
  return byId.get(idOrName.trim().toLowerCase() as OrgId) ?? findOrg(idOrName);
}

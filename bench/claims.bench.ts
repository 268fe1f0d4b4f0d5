/**
 * Claim checks: URL and phone-number checks per second (median of rounds, wall clock and this
 * process's CPU time, single thread = one core), each beside its floor in the same run (the
 * parsing libraries alone: WHATWG URL + tldts; libphonenumber-js). Then the URL check's
 * verdicts on the verified Microsoft list (target: zero false positives), on the official pages
 * the knowledge base cites, on a public phishing-domain list and on a small labelled set of
 * published lookalike patterns.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parse } from 'tldts';
import { checkNumber, checkUrl, type UrlCheck } from '../src/claims/index.js';
import { MICROSOFT_ROOT_DOMAINS } from '../src/knowledge/channels/microsoft-domains.generated.js';
import { SOURCES } from '../src/knowledge/sources.js';
import { fmt, median } from './stats.js';

export const title = 'Claim checks: numbers and web addresses';

const data = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

const MS_URLS = MICROSOFT_ROOT_DOMAINS.flatMap((d) => [`https://www.${d}/`, `https://login.${d}/path?x=1`]);
const PHISH = data('phishing-database-ALL-phishing-domains.txt').split('\n').filter(Boolean);
const PATTERNS = (
  JSON.parse(data('brand-phishing-patterns.json')) as {
    items: { url: string; brand: string; source: string }[];
  }
).items;
const OFFICIAL_PAGES = Object.values(SOURCES)
  .map((s) => s.url)
  .filter((u) => u.startsWith('https://'));
const NUMBERS = [
  '1-800-642-7676',
  '1-800-MICROSOFT',
  '1 - { 8 8 8 } - ( 8 3 9 ) - 0 1 9 9',
  '+44 20 7946 0018',
  '(800) 772-1213',
  '0906 123 4567',
  '+1 415 555 2671',
  '1 (888) 555-0199',
];

interface Rate {
  wall: number;
  cpu: number;
}

/** Calls per second over `rounds` rounds of one pass each through `inputs`; medians. */
function rate(inputs: string[], fn: (s: string) => unknown, rounds = 9): Rate {
  for (const s of inputs) fn(s); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    let n = 0;
    do {
      for (const s of inputs) {
        try {
          fn(s);
        } catch {
          // invalid inputs count as checked: the check answered with an error
        }
        n++;
      }
    } while (n < 20_000);
    const ns = Number(process.hrtime.bigint() - t0);
    const c = process.cpuUsage(c0);
    wall.push(n / (ns / 1e9));
    cpu.push(n / ((c.user + c.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

function verdicts(urls: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const u of urls) {
    let v: string;
    try {
      v = checkUrl(u).verdict;
    } catch (err) {
      v = `error ${(err as { code?: string }).code ?? ''}`;
    }
    m.set(v, (m.get(v) ?? 0) + 1);
  }
  return m;
}

const pct = (a: number, b: number) => `${fmt((100 * a) / b)}%`;

export async function run(): Promise<string> {
  const mix = [...MS_URLS.slice(0, 600), ...PHISH, ...PATTERNS.map((p) => p.url)];
  const urlFloor = rate(mix, (u) => parse(new URL(u.includes('://') ? u : `http://${u}`).hostname));
  const urlRate = rate(mix, (u) => checkUrl(u));
  const numFloor = rate(NUMBERS, (n) => parsePhoneNumberFromString(n, 'US')?.getType());
  const numRate = rate(NUMBERS, (n) => checkNumber(n));

  const out: string[] = [];
  out.push('| what | checks/s (wall) | checks/s (CPU time) | inputs |', '|---|---:|---:|---|');
  out.push(
    `| checkUrl | ${fmt(urlRate.wall, 0)} | ${fmt(urlRate.cpu, 0)} | ${mix.length} URLs: Microsoft list + phishing list + patterns |`,
  );
  out.push(`| floor: new URL() + tldts.parse | ${fmt(urlFloor.wall, 0)} | ${fmt(urlFloor.cpu, 0)} | same |`);
  out.push(
    `| checkNumber | ${fmt(numRate.wall, 0)} | ${fmt(numRate.cpu, 0)} | ${NUMBERS.length} numbers in mixed formats |`,
  );
  out.push(
    `| floor: libphonenumber-js parse + getType | ${fmt(numFloor.wall, 0)} | ${fmt(numFloor.cpu, 0)} | same |`,
  );
  out.push(
    '',
    `Target ≥ 50,000 URLs/s per core: ${urlRate.cpu >= 50_000 ? 'met' : 'NOT met'} (CPU-time rate, one thread).`,
  );

  // Accuracy.
  const ms = verdicts([...MICROSOFT_ROOT_DOMAINS, ...MS_URLS]);
  const msTotal = MICROSOFT_ROOT_DOMAINS.length + MS_URLS.length;
  const msOk = (ms.get('official') ?? 0) + (ms.get('user-content-on-official-domain') ?? 0);
  const pages = verdicts(OFFICIAL_PAGES);
  const phish = verdicts(PHISH);
  const flagged = (m: Map<string, number>) => (m.get('lookalike') ?? 0) + (m.get('suspicious') ?? 0);
  const pattern = PATTERNS.map((p) => ({ p, r: checkUrl(p.url) as UrlCheck }));
  const caught = pattern.filter(({ r }) => r.verdict === 'lookalike').length;
  const rightBrand = pattern.filter(({ p, r }) => r.verdict === 'lookalike' && r.brand === p.brand).length;
  const list = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v}`).join(', ');

  out.push('', '| set | size | result |', '|---|---:|---|');
  out.push(
    `| Microsoft root domains (bare, www., login. + path) | ${msTotal} | ${msOk} official or user-content (${pct(msOk, msTotal)}); false positives ${msTotal - msOk} — ${list(ms)} |`,
  );
  out.push(`| official pages cited by the knowledge base | ${OFFICIAL_PAGES.length} | ${list(pages)} |`);
  out.push(
    `| Phishing.Database ALL-phishing-domains.txt (MIT) | ${PHISH.length} | flagged ${flagged(phish)} (${pct(flagged(phish), PHISH.length)}): ${list(phish)} |`,
  );
  out.push(
    `| published lookalikes of CallGuard's organisations | ${PATTERNS.length} | lookalike ${caught} (${pct(caught, PATTERNS.length)}), right brand ${rightBrand} |`,
  );
  const missed = pattern
    .filter(({ r }) => r.verdict !== 'lookalike')
    .map(({ p, r }) => `${p.url} → ${r.verdict}`);
  if (missed.length > 0) out.push('', `Missed patterns: ${missed.join('; ')}`);
  return out.join('\n');
}

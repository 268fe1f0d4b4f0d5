/**
 * Finds phone numbers, web addresses and email addresses in free text (a pop-up, an invoice, an
 * SMS, an email body), including forms written to dodge filters: "1 - { 8 8 8 } - ( 8 3 9 )",
 * "hxxps://evil[.]com", "micro soft dot com" is not attempted (too many false hits).
 */

export interface Extracted {
  numbers: string[];
  urls: string[];
  emails: string[];
}

/** Most items of each kind taken from one text. */
export const MAX_ITEMS = 200;

/**
 * Email addresses: the spans /[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}\b/g finds,
 * found from each "@" instead. Why: that regex tries every start and runs up to 64 characters on
 * from each, so hostile text ("aaaa…", "a.a.a…") cost about 0.2 s per MB for each of its two uses.
 */
export function emailSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0; // a match starts at or after the end of the one before
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    // The leftmost start the regex would try first: the run of local-part characters before "@".
    let start = at;
    const min = Math.max(from, at - 64);
    while (start > min && isLocalPart(text.charCodeAt(start - 1))) start--;
    if (start === at) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    if (!EMAIL_DOMAIN.test(text)) continue;
    spans.push([start, EMAIL_DOMAIN.lastIndex]);
    from = EMAIL_DOMAIN.lastIndex;
  }
  return spans;
}

const EMAIL_DOMAIN = /(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}\b/y;

/** [A-Za-z0-9._%+-] */
function isLocalPart(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 46 ||
    c === 95 ||
    c === 37 ||
    c === 43 ||
    c === 45
  );
}

const URL_WITH_SCHEME = /\b(?:https?|hxxps?|ftp):\/\/[^\s<>"'`{}|\\^]+/gi;
const URL_WWW = /\bwww\d?(?:\.|\[\.\])[^\s<>"'`{}|\\^]+/gi;
// A bare domain: labels and a letters-only TLD, optionally a path. Checked against the TLD list later.
// Why the second lookbehind: a start after "label[.]" is tried only when that label could not start a
// match itself ("a@secure[.]paypa1[.]com" still finds "paypa1[.]com"); every later start in "a[.]b[.]..." re-scanned
// the chain (quadratic) to find what the first start found.
const URL_BARE =
  /(?<![@\w.-]|(?<![@\w.-])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\[\.\])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.|\[\.\]))+[a-z]{2,24}(?::\d{2,5})?(?:\/[^\s<>"'`{}|\\^]*)?/gi;
// Phone-like runs: digits with the separators people and scammers put between them.
// Why the lookbehind: starts inside a run of spaces/brackets re-scanned the run (quadratic) and never matched.
const NUMBER_RUN = /(?:\+|\b00)?(?<![\s([{])[\s([{]*\d(?:[\s\-.()[\]{}/_~·•|]*\d){6,17}/g;
// Vanity numbers: 1-800-MICROSOFT, 0800 FLOWERS.
const VANITY = /(?:\+?1[\s.-]*)?\(?8(?:00|33|44|55|66|77|88)\)?[\s.-]*[A-Z0-9]{2,4}[\s.-]*[A-Z0-9]{3,10}\b/g;

const DATES_AND_TIMES =
  /\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b/g;
// Why the lookbehind: only a run's first character is tried (every start in "....x" scanned to "x": quadratic).
const TRAILING = /(?<![.,;:!?)\]}'"»])[.,;:!?)\]}'"»]+$/;

/**
 * @example extractAll('Call 1-888-839-0000 or visit microsoft-help.xyz').numbers // ['1-888-839-0000']
 */
export function extractAll(text: string, isKnownTld: (tld: string) => boolean): Extracted {
  const spans = emailSpans(text);
  const emails = unique(spans.map(([a, b]) => text.slice(a, b))).slice(0, MAX_ITEMS);
  // Remove emails before looking for domains so "bob@evil.com" does not also yield "evil.com".
  let withoutEmails = '';
  let last = 0;
  for (const [a, b] of spans) {
    withoutEmails += text.slice(last, a) + ' ';
    last = b;
  }
  withoutEmails += text.slice(last);

  const urls: string[] = [];
  const taken: Array<[number, number]> = [];
  const take = (re: RegExp, src: string, accept: (s: string) => boolean) => {
    for (const m of src.matchAll(re)) {
      const start = m.index;
      if (taken.some(([a, b]) => start >= a && start < b)) continue;
      const value = m[0].replace(TRAILING, '');
      if (!accept(value)) continue;
      taken.push([start, start + m[0].length]);
      urls.push(value);
      if (urls.length >= MAX_ITEMS) return;
    }
  };
  take(URL_WITH_SCHEME, withoutEmails, () => true);
  take(URL_WWW, withoutEmails, () => true);
  take(URL_BARE, withoutEmails, (s) => {
    const host = s.split(/[/:]/)[0]!.replace(/\[\.\]/g, '.');
    const tld = host.slice(host.lastIndexOf('.') + 1).toLowerCase();
    // "e.g" and "file.txt" are not addresses: the TLD must exist and the name must have a letter.
    return (
      isKnownTld(tld) && /[a-z]/i.test(host.slice(0, host.lastIndexOf('.'))) && !/^\d+(\.\d+)+$/.test(host)
    );
  });

  // Numbers: drop URLs and emails first so digits inside them are not read as phone numbers.
  let rest = withoutEmails;
  for (const u of urls) rest = rest.split(u).join(' ');
  const numbers: string[] = [];
  for (const m of rest.matchAll(VANITY)) {
    if (/[A-Z]{3}/.test(m[0])) numbers.push(m[0].trim());
  }
  // Dates and times are digit runs too ("2024-01-15 10:30" would read as a Washington DC number).
  let noVanity = rest.replace(DATES_AND_TIMES, ' ');
  for (const v of numbers) noVanity = noVanity.split(v).join(' ');
  for (const m of noVanity.matchAll(NUMBER_RUN)) {
    const value = m[0].trim().replace(/^[([{\s]+(?=\d)/, (p) => (p.includes('(') ? '(' : ''));
    const digits = value.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) continue;
    numbers.push(value);
    if (numbers.length >= MAX_ITEMS) break;
  }
  return { numbers: unique(numbers), urls: unique(urls), emails };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

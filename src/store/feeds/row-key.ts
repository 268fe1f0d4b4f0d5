/**
 * 64-bit content key of a feed row: the natural key that makes a re-import, or an overlapping file,
 * add nothing. A fast non-cryptographic hash of source + row text (two 32-bit multiply-xorshift
 * lanes, as in cyrb53): nothing here needs to resist an attacker, since importing a file is an
 * operator action.
 *
 * The key leads with the row's date (migration 003): a dated row's key is its minute since 1970
 * (27 bits) above 36 bits of the hash, so the rows of a file, which span a few days, land on a few
 * neighbouring pages of the key index instead of all over it (random-order inserts were most of
 * SQLite's import cost). Undated rows keep 63 bits of hash with the sign bit set. Distinct rows
 * collide only within one minute, with odds of 1 in 69 billion per pair (about 1 in 1,150 per year
 * of daily FTC files that one complaint goes uncounted; see docs/reputation.md).
 */

/** Hash state after `source + '\u0001'`, so each row hashes only its own characters. */
interface Prefix {
  h1: number;
  h2: number;
}

function prefixOf(source: string): Prefix {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const s = source + '\u0001';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return { h1, h2 };
}

// One 8-byte scratch buffer: the two lanes become one signed 64-bit BigInt in a single allocation
// (little-endian, so the value is the same as (h2 << 32 | h1) on every platform).
const scratch = new DataView(new ArrayBuffer(8));

/** Days from 1970-01-01 to y-m-d (proleptic Gregorian; a day past the month's end rolls over, as in Date.UTC). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Minutes since 1970 of "YYYY-MM-DDTHH:MM…" (UTC, or no zone), or -1 (no date, other shapes, out of range). */
export function keyMinutes(iso: string | null): number {
  if (iso === null || iso.length < 16) return -1;
  let bad = iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45 || iso.charCodeAt(10) !== 84;
  bad ||= iso.charCodeAt(13) !== 58;
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  for (let i = 0; i < 16 && !bad; i++) {
    if (i === 4 || i === 7 || i === 10 || i === 13) continue;
    const c = iso.charCodeAt(i) - 48;
    if (c < 0 || c > 9) bad = true;
    else if (i < 4) y = y * 10 + c;
    else if (i < 7) mo = mo * 10 + c;
    else if (i < 10) d = d * 10 + c;
    else if (i < 13) h = h * 10 + c;
    else mi = mi * 10 + c;
  }
  // Out-of-range fields never come from the parsers; they count as undated, as SQLite's strftime
  // (NULL) and the PostgreSQL pattern in migration 003 treat them. Day 29-31 of a short month rolls
  // over there too.
  if (bad || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59) return -1;
  const minutes = (daysFromCivil(y, mo, d) * 24 + h) * 60 + mi;
  return minutes >= 0 && minutes < MAX_MINUTES ? minutes : -1;
}

/** 2^27 minutes: dates up to the year 2225 lead the key. */
const MAX_MINUTES = 134_217_728;

function hashRange(p: Prefix, text: string, start: number, end: number, minutes: number): bigint {
  let h1 = p.h1;
  let h2 = p.h2;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  scratch.setUint32(0, h1 >>> 0, true);
  scratch.setUint32(4, minutes < 0 ? (h2 | 0x80000000) >>> 0 : (minutes * 16 + (h2 & 0xf)) >>> 0, true);
  return scratch.getBigInt64(0, true);
}

/** A key function for one source (the source's part of the hash is computed once). */
export function rowKeyer(source: string): (text: string, occurredAt: string | null) => bigint {
  const p = prefixOf(source);
  return (text, occurredAt) => hashRange(p, text, 0, text.length, keyMinutes(occurredAt));
}

/** The key of a row: its text and the date it was parsed to (null: none). */
export function rowKeyOf(source: string, text: string, occurredAt: string | null): bigint {
  return hashRange(prefixOf(source), text, 0, text.length, keyMinutes(occurredAt));
}

/** The key of a row given as fields. */
export function rowKey(source: string, fields: readonly string[], occurredAt: string | null): bigint {
  return rowKeyOf(source, fields.join('\u0001'), occurredAt);
}

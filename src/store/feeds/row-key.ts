/**
 * 64-bit content key of a feed row (source + row text): the natural key that makes a re-import,
 * or an overlapping file, add nothing. A fast non-cryptographic hash (two 32-bit multiply-xorshift
 * lanes, as in cyrb53): nothing here needs to resist an attacker, since importing a file is an
 * operator action. Distinct rows collide with odds of about 1 in 370,000 among 10 million rows.
 */
export function rowKeyOf(source: string, text: string): bigint {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const s = source + '\u0001' + text;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return BigInt.asIntN(64, (BigInt(h2 >>> 0) << 32n) | BigInt(h1 >>> 0));
}

/** The key of a row given as fields. */
export function rowKey(source: string, fields: readonly string[]): bigint {
  return rowKeyOf(source, fields.join('\u0001'));
}

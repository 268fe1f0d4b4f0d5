/**
 * The feed content key as computed before migration 003 (cyrb53-style hash of source + line,
 * string concatenation, BigInt shifts), written independently of src/store so tests can check
 * that stored keys never change meaning.
 */
export function pre003RowKey(source: string, text: string): bigint {
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

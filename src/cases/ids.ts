/**
 * Random identifiers from the Web Crypto API (in the browser and in Node 20 as globalThis.crypto).
 * A case id is 128 random bits: there are no user accounts, so knowing the id is what gives access
 * to a case, and it must not be guessable or enumerable.
 */
function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** 32 hex characters = 128 random bits. */
export function newCaseId(): string {
  return randomHex(16);
}

/** 16 hex characters; unique within one case. */
export function newItemId(): string {
  return randomHex(8);
}

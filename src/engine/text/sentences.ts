/**
 * Sentence ends of one normalised segment, found in one pass: ".", "!", "?" or a newline, but not a
 * "." between letters or digits ("anydesk.com", "1.5"). The scanner's sentence blocks and the bounded
 * windows around a match (same answers as sentenceStart / sentenceEnd in context.ts) are then
 * lookups, instead of a walk over the characters for every key word and every match.
 */
import { MAX_WINDOW } from './context.js';

export interface Sentences {
  /** Start of the block (unbounded sentence) holding `i`: just after the last end before it, or 0. */
  blockStart(i: number): number;
  /** End of that block: just after the first end at or after `i` (the end is inside), or the length. */
  blockEnd(i: number): number;
  /** sentenceStart(text, at) of context.ts. */
  start(at: number): number;
  /** sentenceEnd(text, at) of context.ts. */
  end(at: number): number;
}

/**
 * @example sentences('hi. go to anydesk.com now').blockStart(10) === 3
 */
export function sentences(text: string): Sentences {
  const ends: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 33 || c === 63) ends.push(i);
    else if (c === 46 && !(isAlnum(text.charCodeAt(i + 1)) && isAlnum(text.charCodeAt(i - 1)))) ends.push(i);
  }
  /** Index of the first end at or after `i` (ends.length when none). */
  const firstAtOrAfter = (i: number): number => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    blockStart(i) {
      const k = firstAtOrAfter(i) - 1;
      return k >= 0 ? ends[k]! + 1 : 0;
    },
    blockEnd(i) {
      const k = firstAtOrAfter(i);
      return k < ends.length ? ends[k]! + 1 : n;
    },
    start(at) {
      const floor = Math.max(0, at - MAX_WINDOW);
      const k = firstAtOrAfter(at) - 1;
      return k >= 0 && ends[k]! >= floor ? ends[k]! + 1 : floor;
    },
    end(at) {
      const ceil = Math.min(n, at + MAX_WINDOW);
      const k = firstAtOrAfter(at);
      return k < ends.length && ends[k]! < ceil ? ends[k]! : ceil;
    },
  };
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

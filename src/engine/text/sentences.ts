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
  return new SentenceEnds(findEnds(text), text.length);
}

/** A class rather than closures: one small object per segment. */
class SentenceEnds implements Sentences {
  constructor(
    private readonly ends: readonly number[],
    private readonly n: number,
  ) {}

  blockStart(i: number): number {
    const k = this.firstAtOrAfter(i) - 1;
    return k >= 0 ? this.ends[k]! + 1 : 0;
  }

  blockEnd(i: number): number {
    const k = this.firstAtOrAfter(i);
    return k < this.ends.length ? this.ends[k]! + 1 : this.n;
  }

  start(at: number): number {
    const floor = Math.max(0, at - MAX_WINDOW);
    const k = this.firstAtOrAfter(at) - 1;
    return k >= 0 && this.ends[k]! >= floor ? this.ends[k]! + 1 : floor;
  }

  end(at: number): number {
    const ceil = Math.min(this.n, at + MAX_WINDOW);
    const k = this.firstAtOrAfter(at);
    return k < this.ends.length && this.ends[k]! < ceil ? this.ends[k]! : ceil;
  }

  private firstAtOrAfter(i: number): number {
    return firstAtOrAfter(this.ends, i);
  }
}

/** Index of the first of the ascending `ends` at or after `i` (ends.length when none). */
export function firstAtOrAfter(ends: readonly number[], i: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Positions of the sentence ends, in order: ".", "!", "?" or a newline, but not a "." with a
 * character that `joins` on both sides. Each end character is found with indexOf (a native scan,
 * several times faster than reading every character in script) and the four streams merged.
 */
export function findEnds(text: string, joins: (c: number) => boolean = isAlnum): number[] {
  const n = text.length;
  const next = (ch: string, from: number): number => {
    const k = text.indexOf(ch, from);
    return k < 0 ? n : k;
  };
  let dot = next('.', 0);
  let bang = next('!', 0);
  let question = next('?', 0);
  let newline = next('\n', 0);
  const ends: number[] = [];
  for (;;) {
    const k = Math.min(dot, bang, question, newline);
    if (k >= n) return ends;
    if (k === dot) {
      // "anydesk.com", "1.5": a dot between letters or digits does not end a sentence.
      if (!(joins(text.charCodeAt(k + 1)) && joins(text.charCodeAt(k - 1)))) ends.push(k);
      dot = next('.', k + 1);
    } else {
      ends.push(k);
      if (k === bang) bang = next('!', k + 1);
      else if (k === question) question = next('?', k + 1);
      else newline = next('\n', k + 1);
    }
  }
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

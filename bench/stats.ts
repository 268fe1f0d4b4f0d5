/** Small helpers shared by the benches: medians and timing loops. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs fn repeatedly in rounds; returns the median nanoseconds per call. */
export function timePerCall(fn: () => unknown, rounds = 15, minRoundMs = 50): number {
  const perCall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    do {
      fn();
      n++;
      elapsed = process.hrtime.bigint() - start;
    } while (elapsed < BigInt(minRoundMs) * 1_000_000n);
    perCall.push(Number(elapsed) / n);
  }
  return median(perCall);
}

export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

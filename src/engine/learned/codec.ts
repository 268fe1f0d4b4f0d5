/**
 * Compact storage of sparse weights: indices as varint deltas and values quantised to int8 steps,
 * packed in base64. The committed model stays a small importable module that bundles for the browser.
 */

export interface SparseWeights {
  indices: number[];
  values: number[];
}

/**
 * Encodes non-zero weights; anything smaller than half a quantisation step is dropped.
 * @example decodeWeights(encodeWeights({ indices: [3, 9], values: [0.5, -1] }, 1 / 127))
 */
export function encodeWeights(weights: SparseWeights, step: number): { data: string; count: number } {
  const pairs = weights.indices
    .map((index, i) => [index, Math.max(-127, Math.min(127, Math.round(weights.values[i]! / step)))] as const)
    .filter(([, q]) => q !== 0)
    .sort((a, b) => a[0] - b[0]);
  const bytes: number[] = [];
  let prev = 0;
  for (const [index, q] of pairs) {
    let delta = index - prev;
    prev = index;
    while (delta >= 0x80) {
      bytes.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    bytes.push(delta);
    bytes.push(q & 0xff);
  }
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return { data: btoa(binary), count: pairs.length };
}

/** Calls `visit` with each stored index and its quantised value as a byte (two's complement). */
function eachWeight(data: string, visit: (index: number, byte: number) => void): void {
  const binary = atob(data);
  let index = 0;
  let i = 0;
  while (i < binary.length) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = binary.charCodeAt(i++);
      delta |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    index += delta;
    visit(index, binary.charCodeAt(i++));
  }
}

/** A byte's weight: its signed value in steps, rounded to float32 as the dense form stores it. */
function byteWeight(byte: number, step: number): number {
  return Math.fround((byte > 127 ? byte - 256 : byte) * step);
}

/** Decodes into a dense Float32Array of `size` entries. */
export function decodeWeights(data: string, step: number, size: number): Float32Array {
  const dense = new Float32Array(size);
  eachWeight(data, (index, byte) => {
    if (index < size) dense[index] = byteWeight(byte, step);
  });
  return dense;
}

/**
 * The weights as decoded for scoring: per index its byte, and per byte its weight (exactly the
 * dense form's value). A quarter of the dense form's memory, so more of it stays in the CPU cache
 * when call after call reads scattered weights.
 */
export interface QuantisedWeights {
  codes: Uint8Array;
  levels: Float64Array;
}

export function decodeQuantised(data: string, step: number, size: number): QuantisedWeights {
  const codes = new Uint8Array(size);
  eachWeight(data, (index, byte) => {
    if (index < size) codes[index] = byte;
  });
  const levels = Float64Array.from({ length: 256 }, (_, byte) => byteWeight(byte, step));
  return { codes, levels };
}

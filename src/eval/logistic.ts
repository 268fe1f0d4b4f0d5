/**
 * L2-regularised logistic regression on sparse rows, fitted by full-batch Adam with optional bounds
 * (a red flag may only add risk: its weight is kept >= 0). Pure and deterministic, used offline by
 * `npm run train` for the text model, the rule weights and Platt calibration.
 */

export interface SparseRow {
  indices: ArrayLike<number>;
  values: ArrayLike<number>;
}

export interface LogisticOptions {
  dim: number;
  /** L2 penalty per unit of total example weight (the bias is not penalised). */
  l2: number;
  iterations?: number;
  learningRate?: number;
  /** Per-example weights (default 1). */
  sampleWeights?: readonly number[];
  /** Per-feature lower bounds (e.g. 0 for "only adds risk"); undefined = unbounded. */
  lowerBounds?: ReadonlyArray<number | undefined>;
  /** Shrink towards these weights instead of 0 (a prior: the hand-set values), and start there. */
  center?: ArrayLike<number>;
  /** Per-feature upper bounds (e.g. 0 for "only lowers risk"). */
  upperBounds?: ReadonlyArray<number | undefined>;
}

export interface LogisticModel {
  weights: Float64Array;
  bias: number;
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

export function margin(model: LogisticModel, row: SparseRow): number {
  let m = model.bias;
  for (let k = 0; k < row.indices.length; k++) m += model.weights[row.indices[k]!]! * row.values[k]!;
  return m;
}

/**
 * @example
 * const m = fitLogistic([{ indices: [0], values: [1] }, { indices: [], values: [] }], [true, false], { dim: 1, l2: 0.01 });
 * margin(m, { indices: [0], values: [1] }) > 0 // true
 */
export function fitLogistic(
  rows: readonly SparseRow[],
  labels: readonly boolean[],
  options: LogisticOptions,
): LogisticModel {
  const { dim, l2 } = options;
  const iterations = options.iterations ?? 300;
  const lr = options.learningRate ?? 0.1;
  const sw = options.sampleWeights ?? rows.map(() => 1);
  const total = sw.reduce((a, b) => a + b, 0);
  const w = new Float64Array(dim);
  const center = options.center;
  if (center) for (let j = 0; j < dim; j++) w[j] = center[j] ?? 0;
  let b = 0;
  const mW = new Float64Array(dim);
  const vW = new Float64Array(dim);
  let mB = 0;
  let vB = 0;
  const grad = new Float64Array(dim);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  const model = { weights: w, bias: b };
  for (let t = 1; t <= iterations; t++) {
    grad.fill(0);
    let gB = 0;
    model.bias = b;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const err = (sigmoid(margin(model, row)) - (labels[r] ? 1 : 0)) * (sw[r]! / total);
      gB += err;
      for (let k = 0; k < row.indices.length; k++) grad[row.indices[k]!]! += err * row.values[k]!;
    }
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - beta2 ** t;
    for (let j = 0; j < dim; j++) {
      const g = grad[j]! + l2 * (w[j]! - (center ? center[j]! : 0));
      if (g === 0 && mW[j] === 0) continue;
      mW[j] = beta1 * mW[j]! + (1 - beta1) * g;
      vW[j] = beta2 * vW[j]! + (1 - beta2) * g * g;
      w[j] = w[j]! - (lr * (mW[j]! / c1)) / (Math.sqrt(vW[j]! / c2) + eps);
      const lower = options.lowerBounds?.[j];
      if (lower !== undefined && w[j]! < lower) w[j] = lower;
      const upper = options.upperBounds?.[j];
      if (upper !== undefined && w[j]! > upper) w[j] = upper;
    }
    mB = beta1 * mB + (1 - beta1) * gB;
    vB = beta2 * vB + (1 - beta2) * gB * gB;
    b -= (lr * (mB / c1)) / (Math.sqrt(vB / c2) + eps);
  }
  model.bias = b;
  return model;
}

/**
 * Platt scaling: fits p = sigmoid(a * score + b) to held-out scores.
 * @example const { a, b } = plattScale([-2, 3], [false, true]);
 */
export function plattScale(
  scores: readonly number[],
  labels: readonly boolean[],
  l2 = 1e-4,
): { a: number; b: number } {
  const rows = scores.map((s) => ({ indices: [0], values: [s] }));
  const m = fitLogistic(rows, labels, { dim: 1, l2, iterations: 2000, learningRate: 0.05 });
  return { a: m.weights[0]!, b: m.bias };
}

/**
 * Mini-batch gradient descent with heavy-ball momentum: one update per batch of consecutive rows.
 *
 * @param x feature table, n rows of d values
 * @param y targets, one per row
 * @param batchSize rows per batch (the last batch may be shorter)
 * @param learningRate the step size α
 * @param epochs passes over the data
 * @param momentum μ (0 is plain mini-batch gradient descent)
 * @returns [weights, bias]
 */
export function minibatchGd(
  x: number[][],
  y: number[],
  batchSize: number,
  learningRate: number,
  epochs: number,
  momentum: number,
): [number[], number] {
  const n = x.length;
  const d = x[0].length;
  const w: number[] = new Array<number>(d).fill(0);
  let b = 0;
  const velocityW: number[] = new Array<number>(d).fill(0);
  let velocityB = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < n; start += batchSize) {
      const end = Math.min(start + batchSize, n);
      const m = end - start; // the last batch may be smaller: average over its own size
      const gradW: number[] = new Array<number>(d).fill(0);
      let gradB = 0;
      for (let i = start; i < end; i++) {
        const row = x[i];
        let prediction = b;
        for (let j = 0; j < d; j++) prediction += w[j] * row[j];
        const error = prediction - y[i];
        for (let j = 0; j < d; j++) gradW[j] += error * row[j];
        gradB += error;
      }
      // Both gradients come from the same (w, b); then the velocity, then the step.
      for (let j = 0; j < d; j++) {
        velocityW[j] = momentum * velocityW[j] + (2 * gradW[j]) / m;
        w[j] -= learningRate * velocityW[j];
      }
      velocityB = momentum * velocityB + (2 * gradB) / m;
      b -= learningRate * velocityB;
    }
  }
  return [w, b];
}

/**
 * Mini-batch gradient descent with heavy-ball momentum: one update per batch of consecutive rows.
 *
 * @param {number[][]} x feature table, n rows of d values
 * @param {number[]} y targets, one per row
 * @param {number} batchSize rows per batch (the last batch may be shorter)
 * @param {number} learningRate the step size α
 * @param {number} epochs passes over the data
 * @param {number} momentum μ (0 is plain mini-batch gradient descent)
 * @returns {[number[], number]} [weights, bias]
 */
export function minibatchGd(x, y, batchSize, learningRate, epochs, momentum) {
  const n = x.length;
  const d = x[0].length;
  const w = new Array(d).fill(0);
  let b = 0;
  const velocityW = new Array(d).fill(0);
  let velocityB = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < n; start += batchSize) {
      const end = Math.min(start + batchSize, n);
      const m = end - start; // the last batch may be smaller: average over its own size
      const gradW = new Array(d).fill(0);
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

/** Consecutive batches of row indices, the last one shorter. */
function* batches(n, size) {
  for (let start = 0; start < n; start += size) {
    yield Array.from({ length: Math.min(size, n - start) }, (_, k) => start + k);
  }
}

export function minibatchGd(x, y, batchSize, learningRate, epochs, momentum) {
  const d = x[0].length;
  let weights = Array(d).fill(0);
  let bias = 0;
  let velocity = Array(d).fill(0);
  let velocityBias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const batch of batches(x.length, batchSize)) {
      const errors = batch.map(
        (i) => x[i].reduce((sum, value, j) => sum + weights[j] * value, bias) - y[i],
      );
      const scale = 2 / batch.length;
      const gradient = weights.map(
        (_, j) => scale * batch.reduce((sum, i, k) => sum + errors[k] * x[i][j], 0),
      );
      const gradientBias = scale * errors.reduce((sum, e) => sum + e, 0);
      velocity = velocity.map((v, j) => momentum * v + gradient[j]);
      velocityBias = momentum * velocityBias + gradientBias;
      weights = weights.map((w, j) => w - learningRate * velocity[j]);
      bias -= learningRate * velocityBias;
    }
  }
  return [weights, bias];
}

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
  // Index d holds the bias, so one loop updates every parameter.
  const params = new Float64Array(d + 1);
  const velocity = new Float64Array(d + 1);
  const gradient = new Float64Array(d + 1);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < n; start += batchSize) {
      const end = Math.min(n, start + batchSize);
      gradient.fill(0);
      for (let i = start; i < end; i++) {
        let error = params[d] - y[i];
        for (let j = 0; j < d; j++) error += params[j] * x[i][j];
        for (let j = 0; j < d; j++) gradient[j] += error * x[i][j];
        gradient[d] += error;
      }
      for (let j = 0; j <= d; j++) {
        velocity[j] = momentum * velocity[j] + (2 / (end - start)) * gradient[j];
        params[j] -= learningRate * velocity[j];
      }
    }
  }
  return [Array.from(params.subarray(0, d)), params[d]];
}

/** Batch gradient descent on the mean squared error, starting from w = b = 0. */
export function gradientDescent(x, y, learningRate, iterations) {
  const n = x.length;
  let w = 0;
  let b = 0;
  for (let step = 0; step < iterations; step++) {
    // Both gradients from the same (w, b), then one simultaneous step.
    let sumW = 0;
    let sumB = 0;
    for (let i = 0; i < n; i++) {
      const error = w * x[i] + b - y[i];
      sumW += error * x[i];
      sumB += error;
    }
    w -= learningRate * (2 / n) * sumW;
    b -= learningRate * (2 / n) * sumB;
  }
  return [w, b];
}

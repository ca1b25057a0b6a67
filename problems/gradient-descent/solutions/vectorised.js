/**
 * The loop's sums over typed arrays (Float64Array): the same float64 arithmetic in the same
 * order, on contiguous memory with no boxed numbers, which is as close as JavaScript comes to
 * numpy's vectorised form without a library.
 */
export function gradientDescent(x, y, learningRate, iterations) {
  const n = x.length;
  const xs = Float64Array.from(x);
  const ys = Float64Array.from(y);
  let w = 0;
  let b = 0;
  for (let step = 0; step < iterations; step++) {
    let sumW = 0;
    let sumB = 0;
    for (let i = 0; i < n; i++) {
      const error = w * xs[i] + b - ys[i];
      sumW += error * xs[i];
      sumB += error;
    }
    w -= learningRate * (2 / n) * sumW;
    b -= learningRate * (2 / n) * sumB;
  }
  return [w, b];
}

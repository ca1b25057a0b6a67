export function gradientDescent(x, y, learningRate, iterations) {
  const n = x.length;
  let w = 0;
  let b = 0;
  for (let step = 1; step < iterations; step++) {
    let dw = 0;
    let db = 0;
    for (let i = 0; i < n; i++) {
      const e = w * x[i] + b - y[i];
      dw += e * x[i];
      db += e;
    }
    w -= (learningRate * 2 * dw) / n;
    b -= (learningRate * 2 * db) / n;
  }
  return [w, b];
}

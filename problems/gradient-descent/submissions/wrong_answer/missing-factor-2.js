export function gradientDescent(x, y, learningRate, iterations) {
  const n = x.length;
  let w = 0;
  let b = 0;
  for (let step = 0; step < iterations; step++) {
    let dw = 0;
    let db = 0;
    for (let i = 0; i < n; i++) {
      const e = w * x[i] + b - y[i];
      dw += e * x[i];
      db += e;
    }
    w -= (learningRate * dw) / n;
    b -= (learningRate * db) / n;
  }
  return [w, b];
}

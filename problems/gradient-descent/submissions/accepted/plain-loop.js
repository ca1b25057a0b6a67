export function gradientDescent(x, y, learningRate, iterations) {
  const n = x.length;
  let w = 0;
  let b = 0;
  for (let step = 0; step < iterations; step++) {
    let dw = 0;
    let db = 0;
    for (let i = 0; i < n; i++) {
      const error = w * x[i] + b - y[i];
      dw += error * x[i];
      db += error;
    }
    w -= learningRate * ((2 / n) * dw);
    b -= learningRate * ((2 / n) * db);
  }
  return [w, b];
}

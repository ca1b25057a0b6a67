export function gradientDescent(
  x: number[],
  y: number[],
  learningRate: number,
  iterations: number,
): [number, number] {
  const n = x.length;
  let w = 0;
  let b = 0;
  const predict = (i: number) => w * x[i]! + b - y[i]!;
  for (let step = 0; step < iterations; step++) {
    let db = 0;
    for (let i = 0; i < n; i++) db += predict(i);
    b -= learningRate * (2 / n) * db;
    let dw = 0;
    for (let i = 0; i < n; i++) dw += predict(i) * x[i]!;
    w -= learningRate * (2 / n) * dw;
  }
  return [w, b];
}

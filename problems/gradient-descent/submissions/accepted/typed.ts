type Pair = [w: number, b: number];

interface Gradient {
  dw: number;
  db: number;
}

function gradient(x: readonly number[], y: readonly number[], w: number, b: number): Gradient {
  const n = x.length;
  let dw = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    const error = w * x[i]! + b - y[i]!;
    dw += error * x[i]!;
    db += error;
  }
  return { dw: (2 / n) * dw, db: (2 / n) * db };
}

export function gradientDescent(
  x: number[],
  y: number[],
  learningRate: number,
  iterations: number,
): Pair {
  let w = 0;
  let b = 0;
  for (let step = 0; step < iterations; step++) {
    const { dw, db } = gradient(x, y, w, b);
    w -= learningRate * dw;
    b -= learningRate * db;
  }
  return [w, b];
}

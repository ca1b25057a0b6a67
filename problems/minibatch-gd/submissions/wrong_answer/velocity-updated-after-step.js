export function minibatchGd(x, y, batchSize, learningRate, epochs, momentum) {
  const n = x.length;
  const d = x[0].length;
  const w = new Array(d).fill(0);
  const vw = new Array(d).fill(0);
  let b = 0;
  let vb = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < n; start += batchSize) {
      const end = Math.min(start + batchSize, n);
      const gw = new Array(d).fill(0);
      let gb = 0;
      for (let i = start; i < end; i++) {
        let e = b - y[i];
        for (let j = 0; j < d; j++) e += w[j] * x[i][j];
        for (let j = 0; j < d; j++) gw[j] += e * x[i][j];
        gb += e;
      }
      for (let j = 0; j < d; j++) {
        w[j] -= learningRate * vw[j]; // steps with last batch's velocity
        vw[j] = momentum * vw[j] + (2 * gw[j]) / (end - start);
      }
      b -= learningRate * vb;
      vb = momentum * vb + (2 * gb) / (end - start);
    }
  }
  return [w, b];
}

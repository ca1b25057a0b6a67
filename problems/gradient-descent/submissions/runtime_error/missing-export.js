// Defined but not exported.
function gradientDescent(x, y, learningRate, iterations) {
  return [0, 0];
}
void gradientDescent;

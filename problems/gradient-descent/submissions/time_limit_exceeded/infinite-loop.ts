export function gradientDescent(x: number[], y: number[], learningRate: number, iterations: number): [number, number] {
  let w = 0;
  const b = 0;
  while (iterations > 0) {
    w -= learningRate * 0;
  }
  return [w, b];
}

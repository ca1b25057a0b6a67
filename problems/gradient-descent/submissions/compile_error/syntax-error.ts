export function gradientDescent(x: number[], y: number[], learningRate: number, iterations: number): [number, number] {
  const pair: [number, number] = [0, 0;
  return pair;
}

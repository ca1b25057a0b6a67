export function gradientDescent(x: number[], y: number[], learningRate: number, iterations: number): [number, number] {
  if (x.length > 0) throw new RangeError('not implemented yet');
  return [0, 0];
}

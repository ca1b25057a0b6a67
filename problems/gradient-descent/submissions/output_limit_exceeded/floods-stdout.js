export function gradientDescent() {
  for (;;) console.log('w = 0, b = 0, still going '.repeat(10));
}

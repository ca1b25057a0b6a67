/**
 * Fit y ≈ w·x + b by batch gradient descent on the mean squared error.
 *
 * Start at w = 0, b = 0. In every update compute both gradients from the same (w, b):
 *   dw = (2/n)·Σ (w·xᵢ + b − yᵢ)·xᵢ
 *   db = (2/n)·Σ (w·xᵢ + b − yᵢ)
 * then w ← w − α·dw and b ← b − α·db.
 *
 * @param x feature values (n >= 1)
 * @param y targets, same length as x
 * @param learningRate the step size α
 * @param iterations the exact number of updates
 * @returns [w, b]
 */
export function gradientDescent(
  x: number[],
  y: number[],
  learningRate: number,
  iterations: number,
): [number, number] {
  let w = 0;
  let b = 0;
  // TODO: make exactly `iterations` updates of w and b.
  return [w, b];
}

import { mean, sum } from './lesson-text.js';

/**
 * The five house sales that lessons linear-regression and mse both use (size in m², price in
 * k€), and the least-squares fit computed from them, so both tests derive their numbers from
 * the same inputs: change the data in one lesson and the other lesson's test notices too.
 */
export const HOUSE_SIZES = [50, 60, 80, 100, 110];
export const HOUSE_PRICES = [160, 185, 235, 275, 295];

/** Least squares for one feature by the closed form, keeping the intermediate sums. */
export function fitLine(xs: readonly number[], ys: readonly number[]) {
  const xMean = mean(xs);
  const yMean = mean(ys);
  const dx = xs.map((x) => x - xMean);
  const dy = ys.map((y) => y - yMean);
  const sxy = sum(dx.map((d, i) => d * (dy[i] ?? NaN)));
  const sxx = sum(dx.map((d) => d * d));
  const w = sxy / sxx;
  return { xMean, yMean, dx, dy, sxy, sxx, w, b: yMean - w * xMean };
}

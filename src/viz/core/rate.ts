/**
 * The values + and − move the rate through: 1, 1.5, 2, 3, 5, 7 in every decade, so a few presses
 * cross from a rate that crawls to one that oscillates to one that diverges, and each value is
 * one a person would type.
 */
const MANTISSAS = [1, 1.5, 2, 3, 5, 7];
/** The smallest positive rate + reaches from zero. */
const SMALLEST = 1e-4;

function seriesAround(value: number): number[] {
  const decade = Math.floor(Math.log10(value));
  return [decade - 1, decade, decade + 1].flatMap((power) =>
    MANTISSAS.map((mantissa) => Number((mantissa * 10 ** power).toPrecision(3))),
  );
}

/** The next rate up (direction 1) or down (−1) the series, within [min, max]. */
export function nextRate(
  current: number,
  direction: 1 | -1,
  bounds: { min?: number; max?: number },
): number {
  const min = bounds.min ?? 0;
  const max = bounds.max ?? Number.POSITIVE_INFINITY;
  let next: number;
  if (current <= 0) next = direction > 0 ? Math.max(SMALLEST, min) : min;
  else {
    const series = seriesAround(current);
    next =
      direction > 0
        ? (series.find((value) => value > current * (1 + 1e-9)) ?? current)
        : (series.findLast((value) => value < current * (1 - 1e-9)) ?? current);
    if (direction < 0 && next < SMALLEST) next = min;
  }
  return Math.min(max, Math.max(min, next));
}

// Trusted reference for drift-psi, run inside the judge process: expected values come from here
// at judge time. `mistakes` models each classic bug as variant implementations, so a wrong answer
// can be explained. Plain JavaScript: the judge imports it without a build step.

/** Shares below this are raised to it, so that an empty bin cannot make ln(A/E) infinite. */
const FLOOR = 1e-4;

/**
 * How many edges lie at or below `value` (binary search): the index of its bin when bins are
 * left-closed, [eᵢ₋₁, eᵢ), with (−∞, e₀) first and [eₖ₋₁, +∞) last. With `rightClosed` it
 * counts the edges strictly below instead, which puts a value equal to an edge one bin lower.
 */
function binOf(value, edges, rightClosed = false) {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const below = rightClosed ? edges[middle] < value : edges[middle] <= value;
    if (below) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The count of each of the edges.length + 1 bins. */
function binCounts(values, edges, rightClosed) {
  const counts = new Array(edges.length + 1).fill(0);
  for (const value of values) counts[binOf(value, edges, rightClosed)]++;
  return counts;
}

/**
 * The PSI with each convention as an option, so the reference and each mistake share one
 * computation and differ only where the mistake differs:
 * `shares(counts, size)` turns counts into what enters the formula, `log` is the logarithm,
 * `term(a, e)` may replace the floored term, `counts(values, edges)` may replace the binning.
 */
function psi(input, options = {}) {
  const { reference, live, edges } = input;
  const count = options.counts ?? ((values) => binCounts(values, edges, options.rightClosed));
  const shares = options.shares ?? ((counts, size) => counts.map((c) => Math.max(c / size, FLOOR)));
  const log = options.log ?? Math.log;
  const expected = shares(count(reference), reference.length);
  const actual = shares(count(live), live.length);
  let total = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    total += options.term ? options.term(a, e) : (a - e) * log(a / e);
  }
  return total;
}

const increasing = (values) => [...values].sort((a, b) => a - b);

/**
 * The two-sample KS statistic: the largest gap between the empirical CDFs, the share of each
 * sample at or below x. A merge over both sorted samples, stepping over every copy of the
 * smallest value left in either before measuring, so tied values move both CDFs together.
 */
function ks({ reference, live }) {
  const a = increasing(reference);
  const b = increasing(live);
  let i = 0;
  let j = 0;
  let gap = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i], b[j]);
    while (i < a.length && a[i] <= x) i++;
    while (j < b.length && b[j] <= x) j++;
    gap = Math.max(gap, Math.abs(i / a.length - j / b.length));
  }
  return gap;
}

/** The reference: { psi, ks }. */
export function solve(input) {
  return { psi: psi(input), ks: ks(input) };
}

/** The signed KS gaps at every point of either sample: F_ref(x) − F_live(x). */
function signedGaps({ reference, live }, points) {
  const a = increasing(reference);
  const b = increasing(live);
  const cdf = (sorted, x) => binOf(x, sorted) / sorted.length;
  return points.map((x) => cdf(a, x) - cdf(b, x));
}

/** A merge that steps one value at a time, so ties between the samples open false gaps. */
function ksStepwise({ reference, live }, referenceFirstOnTies) {
  const a = increasing(reference);
  const b = increasing(live);
  let i = 0;
  let j = 0;
  let gap = 0;
  while (i < a.length && j < b.length) {
    if (referenceFirstOnTies ? a[i] <= b[j] : a[i] < b[j]) i++;
    else j++;
    gap = Math.max(gap, Math.abs(i / a.length - j / b.length));
  }
  return gap;
}

/** numpy's np.histogram(values, bins=edges): inner bins only, the last closed on the right. */
function histogramCounts(values, edges) {
  const counts = new Array(Math.max(edges.length - 1, 0)).fill(0);
  const last = edges[edges.length - 1];
  for (const value of values) {
    if (counts.length === 0 || value < edges[0] || value > last) continue;
    counts[value === last ? counts.length - 1 : binOf(value, edges) - 1]++;
  }
  return counts;
}

/** The largest of many numbers (spreading 200 000 of them into Math.max overflows the stack). */
const largest = (values, start = -Infinity) => values.reduce((a, b) => (b > a ? b : a), start);

const withPsi = (input, options) => ({ psi: psi(input, options), ks: ks(input) });
const withKs = (input, value) => ({ psi: psi(input), ks: value });
const floored = (shares) => shares.map((s) => Math.max(s, FLOOR));
/** The largest signed gap sign·(F_ref − F_live), never below 0: one direction only. */
const oneSided = (input, sign) =>
  withKs(
    input,
    largest(
      signedGaps(input, [...input.reference, ...input.live]).map((g) => sign * g),
      0,
    ),
  );

/** Variant implementations per mistake id (problem.json `mistakes`). */
export const mistakes = {
  'returns-placeholder': [() => ({ psi: 0, ks: 0 })],
  'no-floor': [
    // Raw shares: ln(0) or a division by zero makes the PSI infinite or NaN.
    (input) => withPsi(input, { shares: (counts, size) => counts.map((c) => c / size) }),
    // Bins empty on either side skipped.
    (input) =>
      withPsi(input, {
        shares: (counts, size) => counts.map((c) => c / size),
        term: (a, e) => (a === 0 || e === 0 ? 0 : (a - e) * Math.log(a / e)),
      }),
    // Only empty bins raised to the floor; a share of 0.00005 stays as it is.
    (input) =>
      withPsi(input, { shares: (counts, size) => counts.map((c) => (c === 0 ? FLOOR : c / size)) }),
    // The floor added to every share instead of raising the small ones to it.
    (input) => withPsi(input, { shares: (counts, size) => counts.map((c) => c / size + FLOOR) }),
  ],
  'counts-instead-of-proportions': [
    (input) => withPsi(input, { shares: (counts) => counts.map((c) => Math.max(c, FLOOR)) }),
  ],
  'log10-instead-of-ln': [
    (input) => withPsi(input, { log: Math.log10 }),
    (input) => withPsi(input, { log: Math.log2 }),
  ],
  'value-on-edge-in-lower-bin': [(input) => withPsi(input, { rightClosed: true })],
  'outer-values-dropped': [
    // np.histogram's counts, as shares of the whole sample.
    (input) =>
      withPsi(input, {
        counts: (values) => histogramCounts(values, input.edges),
        shares: (counts, size) => floored(counts.map((c) => c / size)),
      }),
    // ... or as shares of what fell inside the edges.
    (input) =>
      withPsi(input, {
        counts: (values) => histogramCounts(values, input.edges),
        shares: (counts) => {
          const inside = counts.reduce((sum, c) => sum + c, 0);
          return floored(counts.map((c) => c / inside));
        },
      }),
  ],
  'ks-one-sided': [(input) => oneSided(input, 1), (input) => oneSided(input, -1)],
  'ks-ties-split': [
    (input) => withKs(input, ksStepwise(input, true)),
    (input) => withKs(input, ksStepwise(input, false)),
  ],
  'ks-reference-points-only': [
    (input) => withKs(input, largest(signedGaps(input, input.reference).map((g) => Math.abs(g)))),
  ],
};

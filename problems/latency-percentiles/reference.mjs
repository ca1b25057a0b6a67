// Trusted reference for latency-percentiles, run inside the judge process: expected values come
// from here at judge time. `mistakes` models each classic bug as variant implementations, so a
// wrong answer can be explained. Plain JavaScript: the judge imports it without a build step.

const PERCENTILES = { p50: 50, p95: 95, p99: 99 };

/** The nearest rank ⌈p·n/100⌉ (1-based): p·n is whole, so a whole rank is computed exactly. */
const nearestRank = (p, n) => Math.ceil((p * n) / 100);

/** The value at 1-based `rank`, held inside the list (a rank can only leave it by a mistake). */
const at = (sorted, rank) => sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];

/**
 * The percentiles and the throughput with each convention as an option, so the reference and
 * each mistake share one computation and differ only where the mistake differs.
 * `pick(sorted, p)` chooses the percentile; `throughput(input)` the requests per second.
 */
function summarise(input, options = {}) {
  const values = options.unsorted
    ? [...input.latenciesMs]
    : [...input.latenciesMs].sort(options.asText ? undefined : (a, b) => a - b);
  const pick = options.pick ?? ((sorted, p) => at(sorted, nearestRank(p, sorted.length)));
  const throughput =
    options.throughput ?? (({ latenciesMs, windowSeconds }) => latenciesMs.length / windowSeconds);
  const result = {};
  for (const [name, p] of Object.entries(PERCENTILES)) result[name] = pick(values, p);
  result.throughput = throughput(input);
  return result;
}

/** The reference: { p50, p95, p99, throughput }. */
export function solve(input) {
  return summarise(input);
}

/** numpy's default ('linear') and its 'nearest' method, on the position (n − 1)·p/100. */
function atPosition(sorted, p, method) {
  const position = ((sorted.length - 1) * p) / 100;
  const below = Math.floor(position);
  const fraction = position - below;
  const low = sorted[below];
  const high = sorted[Math.min(below + 1, sorted.length - 1)];
  if (method === 'linear') return low + (high - low) * fraction;
  // 'nearest' picks the closer neighbour, a tie going to the even position as numpy does.
  return sorted[roundHalfEven(position)];
}

/** Python's round(): halves go to the even neighbour. */
function roundHalfEven(value) {
  const below = Math.floor(value);
  const fraction = value - below;
  if (fraction !== 0.5) return Math.round(value);
  return below % 2 === 0 ? below : below + 1;
}

/** Python's statistics.quantiles(data, n=100) (method 'exclusive'): position (n + 1)·p/100. */
function exclusiveQuantile(sorted, p) {
  const n = sorted.length;
  if (n === 1) return sorted[0];
  const m = n + 1;
  const j = Math.min(Math.max(Math.floor((p * m) / 100), 1), n - 1);
  const delta = p * m - j * 100;
  return (sorted[j - 1] * (100 - delta) + sorted[j] * delta) / 100;
}

/** The textbook median of an even count (the mean of the two middle values) for p50 only. */
function averagedMedian(sorted, p) {
  const n = sorted.length;
  if (p === 50 && n % 2 === 0) return (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return at(sorted, nearestRank(p, n));
}

/** Variant implementations per mistake id (problem.json `mistakes`). */
export const mistakes = {
  'returns-placeholder': [() => ({ p50: 0, p95: 0, p99: 0, throughput: 0 })],
  // JavaScript's .sort() without a comparator orders numbers as strings: 100 before 12 before 9.
  'sorted-as-text': [(input) => summarise(input, { asText: true })],
  'unsorted-input': [(input) => summarise(input, { unsorted: true })],
  'off-by-one-rank': [
    // int(p/100·n) used as a 0-based index: one too far whenever p·n/100 is whole.
    (input) => summarise(input, { pick: (s, p) => at(s, Math.floor((p * s.length) / 100) + 1) }),
    // the 1-based rank used as a 0-based index (clamped, or it runs off the end).
    (input) => summarise(input, { pick: (s, p) => at(s, nearestRank(p, s.length) + 1) }),
    // "nearest" read as rounding p·n/100 instead of rounding it up (JavaScript's and Python's).
    (input) => summarise(input, { pick: (s, p) => at(s, Math.round((p * s.length) / 100)) }),
    (input) => summarise(input, { pick: (s, p) => at(s, roundHalfEven((p * s.length) / 100)) }),
    // the rank rounded down, used as 1-based.
    (input) => summarise(input, { pick: (s, p) => at(s, Math.floor((p * s.length) / 100)) }),
  ],
  'interpolation-instead-of-nearest-rank': [
    (input) => summarise(input, { pick: (s, p) => atPosition(s, p, 'linear') }),
    (input) => summarise(input, { pick: exclusiveQuantile }),
    (input) => summarise(input, { pick: averagedMedian }),
    (input) => summarise(input, { pick: (s, p) => atPosition(s, p, 'nearest') }),
  ],
  'throughput-from-latencies': [
    // one request at a time: 1 / mean latency, in requests per second.
    (input) =>
      summarise(input, {
        throughput: ({ latenciesMs }) =>
          (1000 * latenciesMs.length) / latenciesMs.reduce((sum, v) => sum + v, 0),
      }),
  ],
};

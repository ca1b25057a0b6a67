// Trusted reference for dynamic-batching, run inside the judge process: expected values come from
// here at judge time (the package holds no answer table). `mistakes` models each classic bug as
// variant implementations, so a wrong answer can be explained. Plain JavaScript on purpose: the
// judge imports it at run time from the problem folder, without a build step.

/** How many requests from `next` on arrived by `time` (at most `limit`): the batch's end index. */
function takeUntil(arrivals, next, limit, time, strict = false) {
  let end = next;
  while (
    end < arrivals.length &&
    end - next < limit &&
    (strict ? arrivals[end] < time : arrivals[end] <= time)
  )
    end++;
  return end;
}

/**
 * The batch that starts with request `next`: where it ends (exclusive) and when it closes. It
 * closes when it holds B requests or when its oldest request has waited T, whichever is first;
 * a request arriving exactly at that moment joins while there is room.
 */
function formBatch(arrivals, next, { maxBatchSize, maxWait }, options) {
  const full = next + maxBatchSize - 1;
  const fullAt = full < arrivals.length ? arrivals[full] : Infinity;
  if (options.waitFromNewest) {
    // The mistake: every arrival restarts the wait, so the batch closes T after its newest.
    let end = next + 1;
    while (
      end < arrivals.length &&
      end - next < maxBatchSize &&
      arrivals[end] <= arrivals[end - 1] + maxWait
    )
      end++;
    return { end, closes: end - next === maxBatchSize ? fullAt : arrivals[end - 1] + maxWait };
  }
  const deadline = arrivals[next] + maxWait;
  if (options.tieLeftOut && fullAt >= deadline) {
    // The mistake: a request arriving exactly at the deadline is left for the next batch.
    return {
      end: Math.max(next + 1, takeUntil(arrivals, next, maxBatchSize, deadline, true)),
      closes: deadline,
    };
  }
  const closes = Math.min(fullAt, deadline);
  return { end: takeUntil(arrivals, next, maxBatchSize, closes), closes };
}

/**
 * One worker, dynamic batching: every request's latency, when the last batch finishes, and how
 * long the worker computed. Every convention is an option, so the reference and each mistake
 * share one loop and differ only where the mistake differs.
 */
function simulate(input, options = {}) {
  const { arrivals, maxBatchSize, fixedCost, costPerRequest } = input;
  const latencies = [];
  let workerFree = -Infinity;
  let busyTime = 0;
  let next = 0;
  while (next < arrivals.length) {
    const formed = formBatch(arrivals, next, input, options);
    const closes = formed.closes;
    let end = formed.end;
    // A closed batch waits for the worker; requests arriving meanwhile start the next batch.
    let starts = options.ignoreBusyWorker ? closes : Math.max(closes, workerFree);
    if (options.fillWhileBusy && workerFree > closes) {
      // The mistake: the batch keeps taking requests until the worker is free, up to B.
      end = takeUntil(arrivals, next, maxBatchSize, workerFree);
      starts = workerFree;
    }
    const size = end - next;
    const cost = fixedCost + costPerRequest * (options.fullBatchCost ? maxBatchSize : size);
    const done = starts + cost;
    for (let i = next; i < end; i++)
      latencies.push(options.latencyFromStart ? done - starts : done - arrivals[i]);
    workerFree = Math.max(workerFree, done);
    busyTime += cost;
    next = end;
  }
  return { latencies, lastDone: workerFree, busyTime };
}

/** Nearest rank: the value at rank ⌈p·n/100⌉ (1-based) of the sorted values, in integers. */
const nearestRank = (sorted, percent, shift = 0) => {
  const n = sorted.length;
  const rank = Math.min(n, Math.max(1, Math.ceil((percent * n) / 100) + shift));
  return sorted[rank - 1];
};

/** numpy's default percentile: linear interpolation between the two nearest ranks. */
const interpolated = (sorted, percent) => {
  const position = ((sorted.length - 1) * percent) / 100;
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
};

function report(input, options = {}) {
  const { latencies, lastDone, busyTime } = simulate(input, options);
  const sorted = [...latencies].sort((a, b) => a - b);
  const percentile = options.percentile ?? ((values, percent) => nearestRank(values, percent));
  const first = input.arrivals[0];
  const last = input.arrivals[input.arrivals.length - 1];
  const span =
    options.span === 'from-zero'
      ? lastDone
      : options.span === 'arrivals'
        ? last - first
        : options.span === 'busy'
          ? busyTime
          : lastDone - first;
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    throughput: input.arrivals.length / span,
  };
}

/** The reference: { p50, p95, p99, throughput }. */
export function solve(input) {
  return report(input);
}

/** Variant implementations per mistake id (problem.json `mistakes`). */
export const mistakes = {
  'returns-placeholder': [() => ({ p50: 0, p95: 0, p99: 0, throughput: 0 })],
  'wait-from-newest': [(input) => report(input, { waitFromNewest: true })],
  'ignores-busy-worker': [(input) => report(input, { ignoreBusyWorker: true })],
  'fills-while-worker-busy': [(input) => report(input, { fillWhileBusy: true })],
  'partial-batch-full-cost': [(input) => report(input, { fullBatchCost: true })],
  'late-arrival-left-out': [(input) => report(input, { tieLeftOut: true })],
  'latency-without-wait': [(input) => report(input, { latencyFromStart: true })],
  'nearest-rank-off-by-one': [
    (input) => report(input, { percentile: (values, p) => nearestRank(values, p, 1) }),
    (input) => report(input, { percentile: (values, p) => nearestRank(values, p, -1) }),
    // A 0-based index floor(p·n/100): one rank too far whenever p·n/100 is whole.
    (input) =>
      report(input, {
        percentile: (values, p) =>
          values[Math.min(values.length - 1, Math.floor((p * values.length) / 100))],
      }),
  ],
  'interpolated-percentiles': [(input) => report(input, { percentile: interpolated })],
  'throughput-over-busy-time': [(input) => report(input, { span: 'busy' })],
  'throughput-wrong-span': [
    (input) => report(input, { span: 'from-zero' }),
    (input) => report(input, { span: 'arrivals' }),
  ],
};

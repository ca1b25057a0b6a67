import { fitLine } from './house-sales.js';
import { mean, sum } from './lesson-text.js';

/**
 * How each numeric quiz answer is recomputed: the inputs the question must state (so the
 * recomputation and the question cannot drift apart) and a function that derives the answer
 * from them without looking at it. Keyed `<lesson>/<question id>`; quiz-answers.test.ts checks
 * every numeric question has an entry and agrees within its tolerance.
 */
export interface Recomputed {
  inputs: string[];
  compute: () => number;
}

/** Nearest rank, 1-based, in integer arithmetic: ⌈p·n/100⌉. */
export function nearestRank(p: number, n: number): number {
  return Math.ceil((p * n) / 100);
}

/** Largest eigenvalue of the symmetric 2×2 matrix [a c; c d]. */
export function largestEigenvalue(a: number, c: number, d: number): number {
  return (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + c * c);
}

/** Batch gradient descent on MSE (no ½), from w = b = 0, simultaneous updates. */
export function gradientDescent(x: number[], y: number[], alpha: number, steps: number) {
  let w = 0;
  let b = 0;
  const n = x.length;
  for (let t = 0; t < steps; t += 1) {
    const errors = x.map((xi, i) => w * xi + b - (y[i] ?? NaN));
    const gradW = (2 / n) * sum(errors.map((e, i) => e * (x[i] ?? NaN)));
    const gradB = (2 / n) * sum(errors);
    [w, b] = [w - alpha * gradW, b - alpha * gradB];
  }
  return { w, b };
}

function errors(predictions: number[], targets: number[]): number[] {
  return predictions.map((p, i) => p - (targets[i] ?? NaN));
}

/** Share of (positive, negative) pairs in which the positive scores higher; ties count half. */
export function rocAuc(examples: ReadonlyArray<readonly [score: number, label: number]>): number {
  const positives = examples.filter(([, y]) => y === 1).map(([s]) => s);
  const negatives = examples.filter(([, y]) => y === 0).map(([s]) => s);
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

const SEVEN: Array<[number, number]> = [
  [0.9, 1],
  [0.8, 0],
  [0.7, 1],
  [0.6, 1],
  [0.4, 0],
  [0.3, 1],
  [0.2, 0],
];
const SEVEN_TEXT = '(0.9, 1), (0.8, 0), (0.7, 1), (0.6, 1), (0.4, 0)';

/** Population stability index over bin shares, each floored at 0.0001, natural log. */
export function psi(expected: readonly number[], actual: readonly number[]): number {
  const floor = (share: number) => Math.max(share, 1e-4);
  return sum(
    expected.map((e, i) => {
      const [ef, af] = [floor(e), floor(actual[i] ?? 0)];
      return (af - ef) * Math.log(af / ef);
    }),
  );
}

/** Two-sample KS statistic: the largest gap between the empirical CDFs, checked at every value. */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
  const cdf = (sample: readonly number[], x: number) =>
    sample.filter((value) => value <= x).length / sample.length;
  return Math.max(...[...a, ...b].map((x) => Math.abs(cdf(a, x) - cdf(b, x))));
}

export interface ServedBatch {
  arrivals: number[];
  sentAt: number;
  full: boolean;
  runsFor: number;
  doneAt: number;
}

/**
 * One worker with dynamic batching: a batch is sent when it holds `maxBatch` requests or its
 * oldest has waited `maxWait`, whichever comes first, and starts when the worker is free.
 */
export function dynamicBatches(
  arrivals: readonly number[],
  options: { maxBatch: number; maxWait: number; fixed: number; perRequest: number },
): ServedBatch[] {
  const batches: ServedBatch[] = [];
  let free = 0;
  for (let i = 0; i < arrivals.length;) {
    const oldest = arrivals[i]!;
    let j = i;
    while (
      j < arrivals.length &&
      j - i < options.maxBatch &&
      arrivals[j]! <= oldest + options.maxWait
    ) {
      j += 1;
    }
    const members = arrivals.slice(i, j);
    const full = members.length === options.maxBatch;
    const ready = full ? members.at(-1)! : oldest + options.maxWait;
    const runsFor = options.fixed + options.perRequest * members.length;
    const sentAt = Math.max(ready, free);
    free = sentAt + runsFor;
    batches.push({ arrivals: members, sentAt, full, runsFor, doneAt: free });
    i = j;
  }
  return batches;
}

/** Softmax at a temperature, with the largest logit subtracted first so e^z cannot overflow. */
export function softmax(logits: readonly number[], temperature = 1): number[] {
  const top = Math.max(...logits);
  const exps = logits.map((z) => Math.exp((z - top) / temperature));
  const total = sum(exps);
  return exps.map((e) => e / total);
}

/** Keeps the k most likely (ties by index) and renormalises; the others get 0. */
export function topK(probabilities: readonly number[], k: number): number[] {
  const kept = new Set(
    probabilities
      .map((p, index) => ({ p, index }))
      .sort((a, b) => b.p - a.p || a.index - b.index)
      .slice(0, k)
      .map(({ index }) => index),
  );
  const total = sum(probabilities.filter((_, index) => kept.has(index)));
  return probabilities.map((p, index) => (kept.has(index) ? p / total : 0));
}

/** Keeps the smallest most-likely set reaching p, the crossing token included; renormalises. */
export function topP(probabilities: readonly number[], p: number): number[] {
  const order = probabilities
    .map((value, index) => ({ value, index }))
    .sort((a, b) => b.value - a.value || a.index - b.index);
  const kept = new Set<number>();
  let running = 0;
  for (const { value, index } of order) {
    kept.add(index);
    running += value;
    if (running >= p) break;
  }
  return probabilities.map((value, index) => (kept.has(index) ? value / running : 0));
}

const PREDICTIONS = [3, 5, 8];
const TARGETS = [2, 5, 10];

export const QUIZ_RECOMPUTED: Record<string, Recomputed> = {
  // linear-regression
  'linear-regression/fit-slope': {
    inputs: ['(1, 2), (2, 3) and (3, 7)'],
    compute: () => fitLine([1, 2, 3], [2, 3, 7]).w,
  },
  'linear-regression/fit-intercept': {
    inputs: ['(1, 2), (2, 3) and (3, 7)'],
    compute: () => fitLine([1, 2, 3], [2, 3, 7]).b,
  },
  'linear-regression/single-point-minimum-norm': {
    inputs: ['x = 2 and y = 5', 'w = b = 0'],
    // Run the descent itself rather than the formula the explanation quotes.
    compute: () => gradientDescent([2], [5], 0.05, 2000).w,
  },

  // mse
  'mse/mse-three': {
    inputs: ['[3, 5, 8]', '[2, 5, 10]'],
    compute: () => mean(errors(PREDICTIONS, TARGETS).map((e) => e * e)),
  },
  'mse/rmse-three': {
    inputs: ['[3, 5, 8]', '[2, 5, 10]'],
    compute: () => Math.sqrt(mean(errors(PREDICTIONS, TARGETS).map((e) => e * e))),
  },
  'mse/mae-three': {
    inputs: ['[3, 5, 8]', '[2, 5, 10]'],
    compute: () => mean(errors(PREDICTIONS, TARGETS).map(Math.abs)),
  },

  // gradient-descent
  'gradient-descent/one-step-w': {
    inputs: ['x = [1, 3], y = [3, 5]', 'α = 0.1'],
    compute: () => gradientDescent([1, 3], [3, 5], 0.1, 1).w,
  },
  'gradient-descent/edge-single-point': {
    inputs: ['x = [2]'],
    // H = (2/n)·[Σx² Σx; Σx n] with n = 1.
    compute: () => 2 / largestEigenvalue(2 * 4, 2 * 2, 2 * 1),
  },

  // mlops
  'mlops/precision-lower-threshold': {
    inputs: ['10,000', '100 of', 'flags 380', '95 of those'],
    compute: () => 95 / 380,
  },
  'mlops/f1-lower-threshold': {
    inputs: ['380 flagged', '95 of them', '100 frauds'],
    compute: () => {
      const [tp, fp, fn] = [95, 380 - 95, 100 - 95];
      const precision = tp / (tp + fp);
      const recall = tp / (tp + fn);
      return (2 * precision * recall) / (precision + recall);
    },
  },
  'mlops/nearest-rank-p90': {
    inputs: ['12, 9, 15, 11, 120, 10, 13, 8, 40 and 14', 'p90'],
    compute: () => {
      const sorted = [12, 9, 15, 11, 120, 10, 13, 8, 40, 14].sort((a, b) => a - b);
      return sorted[nearestRank(90, sorted.length) - 1] ?? NaN;
    },
  },
  'mlops/smallest-batch': {
    inputs: ['5 ms + 1 ms·B', '500 per'],
    compute: () => {
      let batch = 1;
      // Capacity in requests per second must exceed the arrival rate.
      while ((batch / (5 + batch)) * 1000 <= 500) batch += 1;
      return batch;
    },
  },

  // classifier-evaluation
  'classifier-evaluation/precision-at-half': {
    inputs: [SEVEN_TEXT, 'at least 0.5'],
    compute: () => {
      const flagged = SEVEN.filter(([score]) => score >= 0.5);
      return flagged.filter(([, y]) => y === 1).length / flagged.length;
    },
  },
  'classifier-evaluation/auc-seven': {
    inputs: [SEVEN_TEXT],
    compute: () => rocAuc(SEVEN),
  },
  'classifier-evaluation/base-rate-precision': {
    inputs: ['recall 0.9', 'false positive rate of 0.05', '2 %'],
    compute: () => {
      const [ill, healthy] = [0.02, 0.98];
      return (0.9 * ill) / (0.9 * ill + 0.05 * healthy);
    },
  },

  // distribution-shift
  'distribution-shift/psi-two-bins': {
    inputs: ['0.5 and 0.5', '0.6 and 0.4'],
    compute: () => psi([0.5, 0.5], [0.6, 0.4]),
  },
  'distribution-shift/ks-four': {
    inputs: ['[1, 2, 3, 4]', '[3, 4, 5, 6]'],
    compute: () => ksStatistic([1, 2, 3, 4], [3, 4, 5, 6]),
  },

  // model-serving
  'model-serving/dynamic-batch-latency': {
    inputs: ['at most 3 requests', 'maximum wait of 5 ms', '4 ms + 1 ms·k', '0, 1, 2 and 10 ms'],
    compute: () => {
      const batches = dynamicBatches([0, 1, 2, 10], {
        maxBatch: 3,
        maxWait: 5,
        fixed: 4,
        perRequest: 1,
      });
      const last = batches.find((batch) => batch.arrivals.includes(10))!;
      return last.doneAt - 10;
    },
  },
  'model-serving/cache-latency': {
    inputs: ['80 %', 'in 1 ms', '20 %', '50 ms'],
    compute: () => 0.8 * 1 + 0.2 * 50,
  },
  'model-serving/int8-size': {
    inputs: ['7 billion parameters', 'int8'],
    compute: () => (7e9 * 1) / 1e9,
  },

  // training-at-scale
  'training-at-scale/steps-per-epoch': {
    inputs: ['1,000 examples', 'size is 64'],
    compute: () => Math.ceil(1000 / 64),
  },
  'training-at-scale/last-batch': {
    inputs: ['1,000 examples', 'batches of 64'],
    compute: () => 1000 - Math.floor(1000 / 64) * 64,
  },
  'training-at-scale/momentum-two-steps': {
    inputs: ['w = 1', 'α = 0.1, β = 0.5'],
    compute: () => {
      let [w, v] = [1, 0];
      for (let t = 0; t < 2; t += 1) {
        v = 0.5 * v + 2 * w;
        w -= 0.1 * v;
      }
      return w;
    },
  },
  'training-at-scale/adam-first-step': {
    inputs: ['α = 0.01', 'β₁ = 0.9, β₂ = 0.999', 'gradient is 250'],
    compute: () => {
      const g = 250;
      const mHat = ((1 - 0.9) * g) / (1 - 0.9);
      const vHat = ((1 - 0.999) * g * g) / (1 - 0.999);
      return Math.abs(0.01 * (mHat / (Math.sqrt(vHat) + 1e-8)));
    },
  },

  // data-and-experiments
  'data-and-experiments/missing-share': {
    inputs: ['4,000 rows', '30 rows'],
    compute: () => (30 / 4000) * 100,
  },
  'data-and-experiments/skewed-z': {
    inputs: ['mean 50,000', 'standard deviation 20,000', 'arrives as 60'],
    compute: () => (60 - 50_000) / 20_000,
  },

  // generative-models
  'generative-models/softmax-two': {
    inputs: ['logits 1 and 0'],
    compute: () => softmax([1, 0])[0]!,
  },
  'generative-models/cross-entropy-quarter': {
    inputs: ['probability of 0.25'],
    compute: () => -Math.log(0.25),
  },
  'generative-models/top-k-renormalised': {
    inputs: ['0.5, 0.3 and 0.2', 'top-k = 2'],
    compute: () => topK([0.5, 0.3, 0.2], 2)[0]!,
  },

  // transfer-learning
  'transfer-learning/lora-params': {
    inputs: ['rank 4', '1024 × 1024'],
    compute: () => 4 * (1024 + 1024),
  },
  'transfer-learning/probe-params': {
    inputs: ['512-dimensional', '3 classes'],
    compute: () => 512 * 3 + 3,
  },
  'transfer-learning/full-finetune-memory': {
    inputs: ['4 bytes each', '1-billion-parameter'],
    compute: () => (1e9 * 4 * 4) / 1e9,
  },

  // reinforcement-learning
  'reinforcement-learning/q-update': {
    inputs: ['α = 0.1 and γ = 0.9', 'Q(s, a) = 0', 'reward 2', 'next state is 10'],
    compute: () => 0 + 0.1 * (2 + 0.9 * 10 - 0),
  },
  'reinforcement-learning/discounted-return': {
    inputs: ['rewards 1, 1 and 1', 'γ = 0.5'],
    compute: () => [1, 1, 1].reduce((total, reward, t) => total + reward * 0.5 ** t, 0),
  },
  'reinforcement-learning/epsilon-greedy': {
    inputs: ['4 arms', 'ε = 0.2'],
    compute: () => 1 - 0.2 + 0.2 / 4,
  },

  // serving-llms
  'serving-llms/end-to-end': {
    inputs: ['after 0.5 s', '20 ms', '101 tokens'],
    compute: () => 0.5 + (101 - 1) * 0.02,
  },
  'serving-llms/kv-bytes': {
    inputs: ['24 layers', '16 key-value heads of dimension 64', '2 bytes'],
    compute: () => 2 * 24 * 16 * 64 * 2,
  },
  'serving-llms/cost-per-million': {
    inputs: ['3 dollars an hour', '1,000 tokens per second'],
    compute: () => (3 / (1000 * 3600)) * 1e6,
  },

  // production-ml
  'production-ml/llm-in-flight': {
    inputs: ['40 tokens per second', '200 tokens', '3 requests arrive per second'],
    compute: () => 3 * (200 / 40),
  },
};

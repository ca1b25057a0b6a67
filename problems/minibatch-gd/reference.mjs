// Trusted reference for minibatch-gd, run inside the judge process: expected values come from
// here at judge time (the package holds no answer table). `mistakes` models each classic bug as
// variant implementations, so a wrong answer can be explained. Plain JavaScript on purpose: the
// judge imports it at run time from the problem folder, without a build step.
//
// With batchSize >= n, one column and momentum 0 this is gradient-descent's reference operation
// for operation (the prediction is b + w·x, the gradient (2/m)·Σ, the step w − α·v with v = g),
// so the two agree bit for bit; test/problems/minibatch-gd.test.ts checks it.

/** The batches of one epoch as [start, end) row ranges: consecutive, the last one shorter. */
function batchesOf(n, batchSize, options) {
  const ranges = [];
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(start + batchSize, n);
    if (options.dropLastBatch && end - start < batchSize) break;
    ranges.push([start, end]);
  }
  return ranges;
}

/**
 * Mini-batch gradient descent with heavy-ball momentum, every convention an option so that the
 * reference and each mistake share one loop and differ only where the mistake differs.
 */
function train(input, options = {}) {
  const { x, y, batchSize, learningRate, epochs, momentum } = input;
  const n = x.length;
  const d = x[0].length;
  const w = new Array(d).fill(0);
  let b = 0;
  const velocityW = new Array(d).fill(0);
  let velocityB = 0;
  // scale(sum, m) turns a batch's Σ into its gradient: (2/m)·Σ in the exercise's convention.
  const scale = options.scale ?? ((sum, m) => (2 / m) * sum);
  const sign = options.sign ?? 1;
  const batches = batchesOf(n, options.perSample ? 1 : batchSize, options);

  /** The gradient of the batch's MSE at the current (w, b): [gradients of w, gradient of b]. */
  const gradient = (start, end, divisor) => {
    const sumW = new Array(d).fill(0);
    let sumB = 0;
    for (let i = start; i < end; i++) {
      const row = x[i];
      let prediction = b;
      for (let j = 0; j < d; j++) prediction += w[j] * row[j];
      const error = prediction - y[i];
      for (let j = 0; j < d; j++) sumW[j] += error * row[j];
      sumB += error;
    }
    return [sumW.map((sum) => scale(sum, divisor)), scale(sumB, divisor)];
  };

  // The velocity is kept across batches and epochs: v ← μ·v + g, then θ ← θ − α·v.
  const keep = options.emaMomentum ? 1 - momentum : 1;
  const stepWeights = (gW) => {
    for (let j = 0; j < d; j++) {
      if (options.stepBeforeVelocity) w[j] -= sign * learningRate * velocityW[j];
      velocityW[j] = momentum * velocityW[j] + keep * gW[j];
      if (!options.stepBeforeVelocity) w[j] -= sign * learningRate * velocityW[j];
    }
  };
  const stepBias = (gB) => {
    if (options.stepBeforeVelocity) b -= sign * learningRate * velocityB;
    velocityB = momentum * velocityB + keep * gB;
    if (!options.stepBeforeVelocity) b -= sign * learningRate * velocityB;
  };
  const step = (gW, gB) => {
    stepWeights(gW);
    stepBias(gB);
  };

  /** The sequential-update mistake: one part moves before the other's gradient is computed. */
  const sequentialStep = (start, end, m) => {
    const moveWeights = () => stepWeights(gradient(start, end, m)[0]);
    const moveBias = () => stepBias(gradient(start, end, m)[1]);
    if (options.sequential === 'weights-first') {
      moveWeights();
      moveBias();
    } else {
      moveBias();
      moveWeights();
    }
  };

  const resetVelocity = () => {
    velocityW.fill(0);
    velocityB = 0;
  };

  if (options.stepsNotEpochs) {
    // `epochs` read as a number of updates, cycling through the batches.
    for (let t = 0; t < epochs; t++) {
      const [start, end] = batches[t % batches.length];
      const [gW, gB] = gradient(start, end, end - start);
      step(gW, gB);
    }
    return [w, b];
  }

  for (let epoch = 0; epoch < epochs; epoch++) {
    if (options.resetVelocity === 'epoch') resetVelocity();
    if (options.updatePerEpoch === 'full-batch') {
      const [gW, gB] = gradient(0, n, n);
      step(gW, gB);
      continue;
    }
    if (options.updatePerEpoch === 'mean-of-batches') {
      const totalW = new Array(d).fill(0);
      let totalB = 0;
      for (const [start, end] of batches) {
        const [gW, gB] = gradient(start, end, end - start);
        gW.forEach((g, j) => (totalW[j] += g));
        totalB += gB;
      }
      step(
        totalW.map((g) => g / batches.length),
        totalB / batches.length,
      );
      continue;
    }
    for (const [start, end] of batches) {
      if (options.resetVelocity === 'batch') resetVelocity();
      const m = options.divideByBatchSize ? batchSize : end - start;
      if (options.sequential) {
        sequentialStep(start, end, m);
        continue;
      }
      const [gW, gB] = gradient(start, end, m);
      step(gW, gB);
    }
  }
  return [w, b];
}

/** The number of features, and the names the visualisation's state gives each number. */
const featuresOf = (input) => input.x[0].length;
const weightName = (j) => `weights[${j}]`;
const velocityName = (j) => `vw[${j}]`;

/**
 * One update of the reference, on the batch that update `index` of the run takes (batch
 * index mod ⌈n/B⌉ of its epoch): every gradient from the current (w, b), then v ← μ·v + g and
 * θ ← θ − α·v for each parameter. The state is named numbers: weights[j] and bias (the answer's
 * own names), vw[j] and vb (the velocities). The reference below is this update repeated, and
 * `pixel viz` plays the same update, so what the learner watches is the reference itself. Its
 * arithmetic is train()'s operation for operation; test/problems/minibatch-gd.test.ts checks it.
 */
function update(state, { x, y, batchSize, learningRate, momentum }, index) {
  const n = x.length;
  const d = x[0].length;
  const perEpoch = Math.ceil(n / batchSize);
  const start = (index % perEpoch) * batchSize;
  const end = Math.min(start + batchSize, n);
  const m = end - start;
  const w = Array.from({ length: d }, (_, j) => state[weightName(j)]);
  const sumW = new Array(d).fill(0);
  let sumB = 0;
  for (let i = start; i < end; i++) {
    const row = x[i];
    let prediction = state.bias;
    for (let j = 0; j < d; j++) prediction += w[j] * row[j];
    const error = prediction - y[i];
    for (let j = 0; j < d; j++) sumW[j] += error * row[j];
    sumB += error;
  }
  const next = {};
  const velocities = {};
  for (let j = 0; j < d; j++) {
    const velocity = momentum * state[velocityName(j)] + (2 / m) * sumW[j];
    next[weightName(j)] = w[j] - learningRate * velocity;
    velocities[velocityName(j)] = velocity;
  }
  const velocityB = momentum * state.vb + (2 / m) * sumB;
  next.bias = state.bias - learningRate * velocityB;
  return { ...next, ...velocities, vb: velocityB };
}

/** The mean squared error of (w, b) on every row, not only the batch's: the loss being fitted. */
function meanSquaredError(state, { x, y }) {
  const d = x[0].length;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    let prediction = state.bias;
    for (let j = 0; j < d; j++) prediction += state[weightName(j)] * x[i][j];
    sum += (prediction - y[i]) ** 2;
  }
  return sum / x.length;
}

/** What `pixel viz minibatch-gd` plays (problem.json "visualisation"): one step per batch. */
export const visualise = {
  start: (input) => {
    const d = featuresOf(input);
    const zeros = (name) => Array.from({ length: d }, (_, j) => [name(j), 0]);
    return {
      ...Object.fromEntries(zeros(weightName)),
      bias: 0,
      ...Object.fromEntries(zeros(velocityName)),
      vb: 0,
    };
  },
  step: update,
  measure: (state, input) => ({ loss: meanSquaredError(state, input) }),
  total: ({ x, batchSize, epochs }) => epochs * Math.ceil(x.length / batchSize),
};

/** The reference: returns [weights, bias]. */
export function solve(input) {
  let state = visualise.start(input);
  const updates = visualise.total(input);
  for (let index = 0; index < updates; index++) state = update(state, input, index);
  return [Array.from({ length: featuresOf(input) }, (_, j) => state[weightName(j)]), state.bias];
}

/** The general loop with no option set: the same numbers as solve (the tests compare them). */
export const plainTrain = (input) => train(input);

/** Variant implementations per mistake id (problem.json `mistakes`). */
export const mistakes = {
  'returns-starting-values': [(input) => [new Array(input.x[0].length).fill(0), 0]],
  'last-batch-over-batch-size': [(input) => train(input, { divideByBatchSize: true })],
  'drops-last-batch': [(input) => train(input, { dropLastBatch: true })],
  'update-per-epoch': [
    (input) => train(input, { updatePerEpoch: 'full-batch' }),
    (input) => train(input, { updatePerEpoch: 'mean-of-batches' }),
  ],
  'epochs-counted-as-steps': [(input) => train(input, { stepsNotEpochs: true })],
  'per-sample-updates': [(input) => train(input, { perSample: true })],
  'velocity-reset': [
    (input) => train(input, { resetVelocity: 'epoch' }),
    (input) => train(input, { resetVelocity: 'batch' }),
  ],
  'momentum-as-average': [(input) => train(input, { emaMomentum: true })],
  'velocity-updated-after-step': [(input) => train(input, { stepBeforeVelocity: true })],
  'missing-factor-2': [(input) => train(input, { scale: (sum, m) => sum / m })],
  'sum-instead-of-mean': [(input) => train(input, { scale: (sum) => 2 * sum })],
  'sequential-update': [
    (input) => train(input, { sequential: 'weights-first' }),
    (input) => train(input, { sequential: 'bias-first' }),
  ],
  'sign-reversed': [(input) => train(input, { sign: -1 })],
  'float32-arithmetic': [(input) => trainFloat32(input)],
};

/** The reference loop with every operation rounded to float32 (numpy float32, torch's default). */
function trainFloat32({ x, y, batchSize, learningRate, epochs, momentum }) {
  const f = Math.fround;
  const rows = x.map((row) => row.map(f));
  const targets = y.map(f);
  const alpha = f(learningRate);
  const mu = f(momentum);
  const n = rows.length;
  const d = rows[0].length;
  const w = new Array(d).fill(0);
  const velocityW = new Array(d).fill(0);
  let b = 0;
  let velocityB = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < n; start += batchSize) {
      const end = Math.min(start + batchSize, n);
      const scale = f(2 / (end - start));
      const sumW = new Array(d).fill(0);
      let sumB = 0;
      for (let i = start; i < end; i++) {
        let prediction = b;
        for (let j = 0; j < d; j++) prediction = f(prediction + f(w[j] * rows[i][j]));
        const error = f(prediction - targets[i]);
        for (let j = 0; j < d; j++) sumW[j] = f(sumW[j] + f(error * rows[i][j]));
        sumB = f(sumB + error);
      }
      for (let j = 0; j < d; j++) {
        velocityW[j] = f(f(mu * velocityW[j]) + f(scale * sumW[j]));
        w[j] = f(w[j] - f(alpha * velocityW[j]));
      }
      velocityB = f(f(mu * velocityB) + f(scale * sumB));
      b = f(b - f(alpha * velocityB));
    }
  }
  return [w, b];
}

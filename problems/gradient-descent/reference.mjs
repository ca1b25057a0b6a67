// Trusted reference for gradient-descent, run inside the judge process: expected values come from
// here at judge time (the package holds no answer table). `mistakes` models each classic bug as
// variant implementations, so a wrong answer can be explained. Plain JavaScript on purpose: the
// judge imports it at run time from the problem folder, without a build step.

/**
 * Batch gradient descent with every convention as an option, so the reference and each mistake
 * share one loop and differ only where the mistake differs.
 */
function descend(input, options = {}) {
  const { x, y, learningRate, iterations } = input;
  const n = x.length;
  const steps = iterations + (options.extraIterations ?? 0);
  // scale(sum) turns Σ into the gradient: (2/n)·Σ in the exercise's convention.
  const scale = options.scale ?? ((sum) => (2 / n) * sum);
  const sign = options.sign ?? 1;
  let w = 0;
  let b = 0;
  const gradients = () => {
    let sumW = 0;
    let sumB = 0;
    for (let i = 0; i < n; i++) {
      const error = w * x[i] + b - y[i];
      sumW += error * x[i];
      sumB += error;
    }
    return [scale(sumW), scale(sumB)];
  };
  for (let step = 0; step < steps; step++) {
    if (options.stochastic) {
      for (let i = 0; i < n; i++) {
        const error = w * x[i] + b - y[i];
        const [gw, gb] = [options.stochastic(error * x[i]), options.stochastic(error)];
        w -= learningRate * gw;
        b -= learningRate * gb;
      }
    } else if (options.sequential === 'w-first') {
      w -= sign * learningRate * gradients()[0];
      b -= sign * learningRate * gradients()[1];
    } else if (options.sequential === 'b-first') {
      b -= sign * learningRate * gradients()[1];
      w -= sign * learningRate * gradients()[0];
    } else {
      const [gw, gb] = gradients();
      w -= sign * learningRate * gw;
      b -= sign * learningRate * (options.biasUsesWeightGradient ? gw : gb);
    }
  }
  return [w, b];
}

/**
 * One simultaneous update of (w, b): both gradients from the current values, then one step.
 * The reference below is this step repeated, and `pixel viz` plays the same step, so what the
 * learner watches is the reference itself.
 */
function step({ w, b }, { x, y, learningRate }) {
  const n = x.length;
  let sumW = 0;
  let sumB = 0;
  for (let i = 0; i < n; i++) {
    const error = w * x[i] + b - y[i];
    sumW += error * x[i];
    sumB += error;
  }
  return { w: w - learningRate * ((2 / n) * sumW), b: b - learningRate * ((2 / n) * sumB) };
}

/** The mean squared error of the line (w, b) on the data. */
function meanSquaredError({ w, b }, { x, y }) {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (w * x[i] + b - y[i]) ** 2;
  return sum / x.length;
}

/** What `pixel viz gradient-descent` plays (problem.json "visualisation"). */
export const visualise = {
  start: () => ({ w: 0, b: 0 }),
  step,
  measure: (state, input) => ({ loss: meanSquaredError(state, input) }),
};

/** The reference: returns [w, b]. */
export function solve(input) {
  let state = visualise.start(input);
  for (let i = 0; i < input.iterations; i++) state = step(state, input);
  return [state.w, state.b];
}

const n = (input) => input.x.length;

/** Variant implementations per mistake id (problem.json `mistakes`). */
export const mistakes = {
  'returns-starting-values': [() => [0, 0]],
  'swapped-outputs': [(input) => descend(input).reverse()],
  'off-by-one-iterations': [
    (input) => descend(input, { extraIterations: 1 }),
    (input) => (input.iterations > 0 ? descend(input, { extraIterations: -1 }) : [NaN, NaN]),
  ],
  'missing-factor-2': [(input) => descend(input, { scale: (sum) => sum / n(input) })],
  'sum-instead-of-mean': [
    (input) => descend(input, { scale: (sum) => 2 * sum }),
    (input) => descend(input, { scale: (sum) => sum }),
  ],
  'sequential-update': [
    (input) => descend(input, { sequential: 'w-first' }),
    (input) => descend(input, { sequential: 'b-first' }),
  ],
  'stochastic-updates': [
    (input) => descend(input, { stochastic: (term) => 2 * term }),
    (input) => descend(input, { stochastic: (term) => (2 / n(input)) * term }),
  ],
  'bias-uses-weight-gradient': [(input) => descend(input, { biasUsesWeightGradient: true })],
  'sign-reversed': [(input) => descend(input, { sign: -1 })],
  'float32-arithmetic': [(input) => descendFloat32(input)],
};

/** The reference loop with every operation rounded to float32 (numpy float32, torch's default). */
function descendFloat32({ x, y, learningRate, iterations }) {
  const f = Math.fround;
  const xs = x.map(f);
  const ys = y.map(f);
  const alpha = f(learningRate);
  const scale = f(2 / x.length);
  let w = 0;
  let b = 0;
  for (let step = 0; step < iterations; step++) {
    let sumW = 0;
    let sumB = 0;
    for (let i = 0; i < xs.length; i++) {
      const error = f(f(f(w * xs[i]) + b) - ys[i]);
      sumW = f(sumW + f(error * xs[i]));
      sumB = f(sumB + error);
    }
    w = f(w - f(alpha * f(scale * sumW)));
    b = f(b - f(alpha * f(scale * sumB)));
  }
  return [w, b];
}

import { describe, expect, it } from 'vitest';
import { fixed, list, plain, readLesson, row, section, sum } from './lesson-text.js';
import { largestEigenvalue } from './quiz-recomputed.js';

// Every number in lessons/training-at-scale.md, recomputed by running what it describes.

const { meta, body } = readLesson('training-at-scale');

/** One epoch of mini-batch gradient descent, batches in order, the last one smaller. */
function epoch(x: number[], y: number[], batchSize: number, alpha: number) {
  let [w, b] = [0, 0];
  const steps = [];
  for (let start = 0; start < x.length; start += batchSize) {
    const xs = x.slice(start, start + batchSize);
    const ys = y.slice(start, start + batchSize);
    const errors = xs.map((xi, i) => w * xi + b - ys[i]!);
    const k = xs.length;
    const gradW = (2 / k) * sum(errors.map((e, i) => e * xs[i]!));
    const gradB = (2 / k) * sum(errors);
    const before = { w, b };
    [w, b] = [w - alpha * gradW, b - alpha * gradB];
    steps.push({ xs, ys, errors, gradW, gradB, before, after: { w, b } });
  }
  return steps;
}

/** Hessian of the MSE of ŷ = w·x + b, as [a c; c d], and its eigenvalues. */
function hessian(x: number[]) {
  const n = x.length;
  const [a, c, d] = [(2 / n) * sum(x.map((v) => v * v)), (2 / n) * sum(x), 2];
  const max = largestEigenvalue(a, c, d);
  const min = (a * d - c * c) / max;
  return { a, c, d, max, min, kappa: max / min };
}

describe('lesson training-at-scale', () => {
  it('has the formulas it teaches', () => {
    expect(meta.problems).toEqual(['minibatch-gd']);
    expect(body).toContain('> **Practice:** `pixel solve minibatch-gd`');
    for (const formula of ['κ = λₘₐₓ / λₘᵢₙ', 'steps per epoch = ⌈n / B⌉', 'v ← β·v + ∇L']) {
      expect(body).toContain(formula);
    }
  });

  describe('worked example: one epoch in two batches', () => {
    const text = section(body, 'Worked example: one epoch');
    const [x, y, batchSize, alpha] = [[1, 2, 3], [2, 4, 6], 2, 0.1];
    const steps = epoch(x, y, batchSize, alpha);

    it('states its inputs', () => {
      expect(text).toContain(
        `Data x = ${list(x)}, y = ${list(y)}, batch size B = ${batchSize}, learning rate α = ${alpha}`,
      );
      expect(steps).toHaveLength(Math.ceil(x.length / batchSize));
    });

    it('shows each batch’s errors, gradients and update', () => {
      const [first, second] = steps;
      expect(text).toContain(`**Batch 1**, x = ${list(first!.xs)}, y = ${list(first!.ys)}`);
      expect(text).toContain(`the errors ŷ − y are ${list(first!.errors)}`);
      expect(text).toContain(
        `∂MSE/∂w = (2/2)·(${first!.errors.map((e, i) => `(${plain(e)})·${first!.xs[i]}`).join(' + ')}) = ${plain(first!.gradW)} and ∂MSE/∂b = ${plain(first!.gradB)}`,
      );
      expect(text).toContain(
        `Then w = 0 − ${alpha}·(${plain(first!.gradW)}) = ${plain(first!.after.w)} and ` +
          `b = 0 − ${alpha}·(${plain(first!.gradB)}) = ${plain(first!.after.b)}`,
      );
      const e = second!.errors[0]!;
      expect(text).toContain(`**Batch 2**, x = ${list(second!.xs)}, y = ${list(second!.ys)}`);
      expect(text).toContain(
        `ŷ = ${plain(first!.after.w)}·${second!.xs[0]} + ${plain(first!.after.b)} = ` +
          `${plain(second!.xs[0]! * first!.after.w + first!.after.b)}, the error is ${plain(e)}`,
      );
      expect(text).toContain(
        `∂MSE/∂w = (2/1)·(${plain(e)})·${second!.xs[0]} = ${plain(second!.gradW)} and ` +
          `∂MSE/∂b = (2/1)·(${plain(e)}) = ${plain(second!.gradB)}`,
      );
      expect(text).toContain(`**w = ${plain(second!.after.w)} and b = ${plain(second!.after.b)}**`);
    });
  });

  describe('feature scaling and the condition number', () => {
    const text = section(body, 'Feature scaling and the condition number');
    const raw = hessian([1000, 2000, 3000]);
    const mean = 2000;
    const std = Math.sqrt(sum([1000, 2000, 3000].map((v) => (v - mean) ** 2)) / 3);
    const z = [1000, 2000, 3000].map((v) => (v - mean) / std);
    const scaled = hessian(z);

    it('tabulates both Hessians, their eigenvalues and condition numbers', () => {
      expect(text).toContain(
        row([
          'raw x',
          `[${fixed(raw.a, 1)} ${plain(raw.c)}; ${plain(raw.c)} ${raw.d}]`,
          fixed(raw.max, 2),
          fixed(raw.min, 4),
          fixed(raw.kappa, 0),
        ]),
      );
      expect(scaled.a).toBeCloseTo(2, 12);
      expect(scaled.c).toBeCloseTo(0, 12);
      expect(scaled.kappa).toBeCloseTo(1, 9);
      expect(text).toContain(row(['standardised z', '[2 0; 0 2]', 2, 2, 1]));
    });

    it('gets the edge, the step count and the standardised inputs right', () => {
      expect(text).toContain(`below 2/λₘₐₓ ≈ ${fixed((2 / raw.max) * 1e7, 1)}·10⁻⁷`);
      expect(raw.kappa / 2).toBeGreaterThan(16e6);
      expect(raw.kappa / 2).toBeLessThan(17e6);
      expect(text).toContain('needs about 16 million steps per factor e');
      expect(text).toContain(
        `(x − 2000)/${fixed(std, 1)} gives z = ${list(z, (v) => (v === 0 ? '0' : fixed(v, 4)))}`,
      );
    });

    it('is right that α = 0.5 reaches the minimum in one step on standardised inputs', () => {
      // Targets on a line y = 3·z + 1: one step from 0 must land on w = 3, b = 1.
      const y = z.map((v) => 3 * v + 1);
      const errors = z.map((v, i) => 0 - y[i]!);
      const w = 0 - 0.5 * (2 / 3) * sum(errors.map((e, i) => e * z[i]!));
      const b = 0 - 0.5 * (2 / 3) * sum(errors);
      expect(w).toBeCloseTo(3, 12);
      expect(b).toBeCloseTo(1, 12);
      expect(text).toContain('with α = 0.5 gradient descent lands on the minimum in a single step');
    });
  });

  describe('momentum and Adam', () => {
    const text = section(body, 'Momentum and Adam');
    it('runs two steps of momentum and of plain descent on w²', () => {
      let [w, v] = [1, 0];
      const momentum = [];
      for (let t = 0; t < 2; t += 1) {
        v = 0.9 * v + 2 * w;
        w -= 0.1 * v;
        momentum.push({ w, v });
      }
      let plainW = 1;
      for (let t = 0; t < 2; t += 1) plainW -= 0.1 * 2 * plainW;
      expect(text).toContain(
        `the first step gives v = ${plain(momentum[0]!.v)}, w = ${plain(momentum[0]!.w)}`,
      );
      expect(text).toContain(
        `the second gives v = 0.9·${plain(momentum[0]!.v)} + ${plain(2 * momentum[0]!.w)} = ` +
          `${plain(momentum[1]!.v)} and w = ${plain(momentum[0]!.w)} − ${plain(0.1 * momentum[1]!.v)} = ` +
          `${plain(momentum[1]!.w)}, where plain gradient descent is only at ${plain(plainW)}`,
      );
    });

    it('computes Adam’s first step', () => {
      const g = -10;
      const m = 0.1 * g;
      const v = 0.001 * g * g;
      const mHat = m / (1 - 0.9);
      const vHat = v / (1 - 0.999);
      expect(text).toContain(
        `m = ${plain(m)} and v = ${plain(v)}, corrected to m̂ = ${plain(mHat)} and v̂ = ${plain(vHat)}`,
      );
      expect(mHat / Math.sqrt(vHat)).toBeCloseTo(-1, 12);
      expect(text).toContain(`the step is α·(${plain(mHat)})/${plain(Math.sqrt(vHat))} = −α`);
    });
  });

  it('splits 10,000 examples 80/10/10', () => {
    const text = section(body, 'Splits, learning curves and overfitting');
    const [train, validation, test] = [0.8, 0.1, 0.1].map((share) =>
      (share * 10_000).toLocaleString('en-US'),
    );
    expect(text).toContain(`With 10,000 examples that is ${train}, ${validation} and ${test}`);
  });
});

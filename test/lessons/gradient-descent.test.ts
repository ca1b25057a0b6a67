import { describe, expect, it } from 'vitest';
import { fixed, list, plain, readLesson, row, section, sum } from './lesson-text.js';

// Every number in lessons/gradient-descent.md, recomputed here by an independent reference
// implementation of the lesson's convention (MSE without ½, 2/n gradients, w = b = 0, a
// simultaneous update).

interface Step {
  w: number;
  b: number;
  predictions: number[];
  errors: number[];
  gradW: number;
  gradB: number;
  mse: number;
}

function stateAt(x: number[], y: number[], w: number, b: number) {
  const predictions = x.map((xi) => w * xi + b);
  const errors = predictions.map((p, i) => p - (y[i] ?? NaN));
  const n = x.length;
  return {
    predictions,
    errors,
    gradW: (2 / n) * sum(errors.map((e, i) => e * (x[i] ?? NaN))),
    gradB: (2 / n) * sum(errors),
    mse: sum(errors.map((e) => e * e)) / n,
  };
}

/** `steps[t]` is the state before update t + 1; the last entry is the state after the run. */
function descend(
  x: number[],
  y: number[],
  alpha: number,
  iterations: number,
  options: { sequential?: boolean; gradientScale?: number } = {},
): Step[] {
  const scale = options.gradientScale ?? 1;
  let w = 0;
  let b = 0;
  const steps: Step[] = [];
  for (let t = 0; t <= iterations; t += 1) {
    const state = stateAt(x, y, w, b);
    steps.push({ w, b, ...state });
    if (t === iterations) break;
    if (options.sequential) {
      w -= alpha * scale * state.gradW;
      b -= alpha * scale * stateAt(x, y, w, b).gradB;
    } else {
      [w, b] = [w - alpha * scale * state.gradW, b - alpha * scale * state.gradB];
    }
  }
  return steps;
}

const { meta, body } = readLesson('gradient-descent');
const x = [1, 2];
const y = [2, 4];
const alpha = 0.1;

describe('lesson gradient-descent', () => {
  it('is the one lesson that points to the gradient-descent problem', () => {
    expect(meta.problems).toEqual(['gradient-descent']);
    expect(meta.aliases).toContain('gd');
    expect(body).toContain('> **Practice:** `pixel solve gradient-descent`');
  });

  it('states the gradients with the factor 2 and the 1/n', () => {
    expect(body).toContain('∂MSE/∂w = (2/n)·Σᵢ (ŷᵢ − yᵢ)·xᵢ');
    expect(body).toContain('∂MSE/∂b = (2/n)·Σᵢ (ŷᵢ − yᵢ)');
    expect(body).toContain('MSE(w, b) = (1/n)·Σᵢ (w·xᵢ + b − yᵢ)²');
  });

  it('is right that a ½·MSE source with α takes the same steps as this one with α/2', () => {
    // A ½·MSE source has gradients (1/n)·Σ…, half of ours: scale them by ½.
    const halfSource = descend([3, -1, 4], [1, 5, -9], 0.2, 5, { gradientScale: 0.5 });
    const ours = descend([3, -1, 4], [1, 5, -9], 0.1, 5);
    expect(halfSource.map((s) => [s.w, s.b])).toEqual(ours.map((s) => [s.w, s.b]));
  });

  describe('worked example: two steps by hand', () => {
    const text = section(body, 'Worked example');
    const steps = descend(x, y, alpha, 2);
    const n = x.length;

    it('states its inputs', () => {
      expect(text).toContain(
        `x = ${list(x)}, y = ${list(y)}, so n = ${n} and 2/n = ${plain(2 / n)}`,
      );
      expect(text).toContain(`Learning rate α = ${plain(alpha)}. Start at w = 0, b = 0.`);
    });

    for (const t of [1, 2]) {
      it(`shows step ${t}: predictions, errors, gradients and the update`, () => {
        const before = steps[t - 1]!;
        const after = steps[t]!;
        expect(text).toContain(`= ${list(before.predictions)}`);
        expect(text).toContain(`are ${list(before.errors)}.`);
        const weighted = before.errors.map((e, i) => `(${plain(e)})·${x[i]}`).join(' + ');
        expect(text).toContain(`∂MSE/∂w = (2/${n})·(${weighted}) = ${plain(before.gradW)}`);
        const plainErrors = before.errors.map((e) => `(${plain(e)})`).join(' + ');
        expect(text).toContain(`∂MSE/∂b = (2/${n})·(${plainErrors}) = ${plain(before.gradB)}`);
        expect(text).toContain(
          `w = ${plain(before.w)} − ${plain(alpha)}·(${plain(before.gradW)}) = ${plain(after.w)}`,
        );
        expect(text).toContain(
          `b = ${plain(before.b)} − ${plain(alpha)}·(${plain(before.gradB)}) = ${plain(after.b)}`,
        );
        expect(text).toContain(
          row([t, before.w, before.b, list(before.errors), before.gradW, before.gradB, before.mse]),
        );
      });
    }

    it('step 2 rewrites the model with the parameters from step 1', () => {
      expect(text).toContain(`Now ŷ = ${plain(steps[1]!.w)}·x + ${plain(steps[1]!.b)} = `);
    });

    it('ends at w = 1.32 and b = 0.78, as the issue asks', () => {
      const last = steps[2]!;
      expect(plain(last.w)).toBe('1.32');
      expect(plain(last.b)).toBe('0.78');
      expect(text).toContain(`**w = ${plain(last.w)} and b = ${plain(last.b)}**`);
      expect(text).toContain(row(['after', last.w, last.b, list(last.errors), '—', '—', last.mse]));
      expect(text).toContain(
        `The loss fell from ${plain(steps[0]!.mse)} to ${plain(steps[1]!.mse)} to ${plain(last.mse)}.`,
      );
    });

    it('states where longer runs get to', () => {
      const long = descend(x, y, alpha, 500);
      const at300 = long[300]!;
      const at500 = long[500]!;
      expect(text).toContain(
        `after 300 iterations w = ${fixed(at300.w, 4)} and b = ${fixed(at300.b, 4)}, ` +
          `and after 500 iterations w = ${fixed(at500.w, 4)} and b = ${fixed(at500.b, 4)}`,
      );
      // And the claim that the exact fit is w = 2, b = 0 with MSE 0.
      expect(stateAt(x, y, 2, 0).mse).toBe(0);
      expect(text).toContain('w = 2, b = 0 with MSE = 0');
    });
  });

  describe('the learning rate section', () => {
    const text = section(body, 'The learning rate');
    const slow = descend(x, y, 0.1, 5);
    const fast = descend(x, y, 0.5, 5);

    it('tabulates the loss for α = 0.1 and α = 0.5', () => {
      for (let t = 0; t <= 5; t += 1) {
        expect(text).toContain(row([t, fixed(slow[t]!.mse, 4), fixed(fast[t]!.mse, 2)]));
      }
      // The point of the table: one falls every step, the other grows every step.
      for (let t = 1; t <= 5; t += 1) {
        expect(slow[t]!.mse).toBeLessThan(slow[t - 1]!.mse);
        expect(fast[t]!.mse).toBeGreaterThan(fast[t - 1]!.mse);
      }
    });

    it('lists how w swings with α = 0.5', () => {
      const ws = fast.slice(1).map((s) => plain(s.w));
      expect(text).toContain(`w goes ${ws.join(', ')}.`);
    });

    it('gets the Hessian, its largest eigenvalue and the edge of divergence right', () => {
      const n = x.length;
      const sxx = sum(x.map((v) => v * v));
      const sx = sum(x);
      const [a, c, d] = [(2 / n) * sxx, (2 / n) * sx, 2];
      expect(text).toContain(`that matrix is [${plain(a)} ${plain(c)}; ${plain(c)} ${plain(d)}]`);
      // Eigenvalues of the symmetric 2×2 matrix [a c; c d].
      const lambdaMax = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + c * c);
      const edge = 2 / lambdaMax;
      expect(text).toContain(`its largest eigenvalue is ${fixed(lambdaMax, 4)}`);
      expect(text).toContain(`any α above ${fixed(edge, 4)} diverges`);
      // The claim itself: just below the edge the loss shrinks, just above it blows up.
      const below = descend(x, y, edge - 0.001, 2000);
      const above = descend(x, y, edge + 0.001, 2000);
      expect(below.at(-1)!.mse).toBeLessThan(1e-6);
      expect(above.at(-1)!.mse).toBeGreaterThan(1e6);
    });
  });

  describe('a singular Hessian', () => {
    const text = section(body, 'The learning rate');
    it('gets the one-point example right: eigenvalues, edge and minimum-norm end point', () => {
      const [xs, ys] = [[2], [4]];
      const [a, c, d] = [2 * 4, 2 * 2, 2];
      const trace = a + d;
      const det = a * d - c * c;
      expect(det).toBe(0);
      const lambdaMax = trace;
      expect(text).toContain(
        `For x = [2], y = [4]: H = [${a} ${c}; ${c} ${d}] with eigenvalues ${lambdaMax} and 0, ` +
          `α must stay below ${plain(2 / lambdaMax)}, and the run ends at w = 1.6, b = 0.8`,
      );
      const run = descend(xs, ys, 0.1, 500).at(-1)!;
      expect(run.w).toBeCloseTo(1.6, 9);
      expect(run.b).toBeCloseTo(0.8, 9);
      expect(descend(xs, ys, 2 / lambdaMax + 0.01, 500).at(-1)!.mse).toBeGreaterThan(1e6);
    });

    it('states the bound with both ends and what happens exactly on the edge', () => {
      expect(text).toContain('0 < α < 2/λₘₐₓ(H)');
      // On the edge, the error along the top eigenvector flips sign with constant size.
      const edge = descend([2], [4], 0.2, 41);
      expect(edge[41]!.mse).toBeCloseTo(edge[1]!.mse, 9);
      expect(text).toContain('At exactly α = 2/λₘₐₓ the steps neither grow nor shrink');
    });
  });

  it('says constant-step SGD hovers rather than settles', () => {
    expect(body).toContain('they keep **hovering** around the minimum');
  });

  describe('the simultaneous update section', () => {
    const text = section(body, 'The simultaneous update');
    const right = descend(x, y, alpha, 2);
    const buggy = descend(x, y, alpha, 2, { sequential: true });

    it('shows what the sequential bug computes on the worked example', () => {
      const wAfterOne = buggy[1]!.w;
      expect(text).toContain(`step 1 still gives w = ${plain(wAfterOne)}`);
      const seen = stateAt(x, y, wAfterOne, 0);
      expect(text).toContain(
        `the errors become ${list(seen.errors)}, the gradient for b is ${plain(seen.gradB)} ` +
          `instead of ${plain(right[0]!.gradB)}, and b = ${plain(buggy[1]!.b)} ` +
          `instead of ${plain(right[1]!.b)}`,
      );
      expect(text).toContain(
        `the buggy version has w = ${plain(buggy[2]!.w)} and b = ${plain(buggy[2]!.b)} ` +
          `instead of ${plain(right[2]!.w)} and ${plain(right[2]!.b)}`,
      );
    });
  });
});

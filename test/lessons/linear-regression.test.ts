import { describe, expect, it } from 'vitest';
import { HOUSE_PRICES, HOUSE_SIZES, fitLine } from './house-sales.js';
import { fixed, grouped, list, plain, readLesson, row, section, sum } from './lesson-text.js';
import { gradientDescent } from './quiz-recomputed.js';

// Every number in lessons/linear-regression.md, recomputed from the five house sales.

const { meta, body } = readLesson('linear-regression');
const sizes = HOUSE_SIZES;
const prices = HOUSE_PRICES;

function sse(w: number, b: number): number {
  return sum(sizes.map((x, i) => (w * x + b - (prices[i] ?? NaN)) ** 2));
}

const { xMean, yMean, dx, dy, sxy, sxx, w, b } = fitLine(sizes, prices);

describe('lesson linear-regression', () => {
  it('has no problem of its own but points to the exercise that fits this model', () => {
    expect(meta.problems).toEqual([]);
    expect(body).toContain('> **Practice:** `pixel solve gradient-descent`');
  });

  it('states the model and the closed form', () => {
    expect(body).toContain('ŷ = w·x + b');
    expect(body).toContain('w = Σᵢ (xᵢ − x̄)·(yᵢ − ȳ) / Σᵢ (xᵢ − x̄)²');
    expect(body).toContain('b = ȳ − w·x̄');
  });

  it('lists the five sales', () => {
    const text = section(body, 'House prices');
    sizes.forEach((x, i) => expect(text).toContain(row([i + 1, x, prices[i]!])));
  });

  describe('worked example: fitting the house prices', () => {
    const text = section(body, 'Worked example');

    it('computes the means', () => {
      expect(text).toContain(`x̄ = (${sizes.join(' + ')})/${sizes.length} = ${plain(xMean)} m²`);
      expect(text).toContain(`ȳ = (${prices.join(' + ')})/${prices.length} = ${plain(yMean)} k€`);
    });

    it('tabulates deviations, products and squares, with their sums', () => {
      sizes.forEach((_, i) => {
        expect(text).toContain(row([i + 1, dx[i]!, dy[i]!, dx[i]! * dy[i]!, dx[i]! ** 2]));
      });
      expect(text).toContain(row(['sum', sum(dx), sum(dy), sxy, sxx]));
      expect(sum(dx)).toBe(0);
      expect(sum(dy)).toBe(0);
    });

    it('derives w and b', () => {
      expect(text).toContain(`w = ${plain(sxy)} / ${plain(sxx)} = ${plain(w)}`);
      expect(text).toContain(`b = ${plain(yMean)} − ${plain(w)}·${plain(xMean)} = ${plain(b)}`);
      expect(text).toContain(`**ŷ = ${plain(w)}·x + ${plain(b)}**`);
      expect(text).toContain(
        `each extra square metre adds ${plain(w)} k€ (${grouped(w * 1000)} €) to the predicted ` +
          `price, on top of a base of ${plain(b)} k€`,
      );
    });

    it('states the fitted errors and compares them with a guessed line', () => {
      const predictions = sizes.map((x) => w * x + b);
      const errors = predictions.map((p, i) => p - prices[i]!);
      expect(text).toContain(`the model predicts ${list(predictions)}`);
      expect(text).toContain(
        `the errors ŷ − y are ${list(errors)} and the sum of squared errors is ${plain(sse(w, b))}`,
      );
      const [guessW, guessB] = [2.5, 30];
      const guessErrors = sizes.map((x, i) => guessW * x + guessB - prices[i]!);
      expect(text).toContain(
        `the plausible-looking guess ŷ = ${plain(guessW)}·x + ${plain(guessB)} has errors ` +
          `${list(guessErrors)} and a sum of squared errors of ${plain(sse(guessW, guessB))}`,
      );
      expect(sse(guessW, guessB)).toBeGreaterThan(sse(w, b));
    });

    it('really is the least-squares line: every nearby line does worse', () => {
      for (const [dw, db] of [
        [0.01, 0],
        [-0.01, 0],
        [0, 0.5],
        [0, -0.5],
        [0.01, -0.8],
        [-0.01, 0.8],
      ] as const) {
        expect(sse(w + dw, b + db)).toBeGreaterThan(sse(w, b));
      }
      // And it passes through (x̄, ȳ), as the lesson says.
      expect(w * xMean + b).toBe(yMean);
    });

    it('predicts the new house and names the fitted range', () => {
      const size = 90;
      expect(text).toContain(
        `For a ${size} m² house the model predicts ${plain(w)}·${size} + ${plain(b)} = ` +
          `${plain(w * size + b)} k€`,
      );
      expect(text).toContain(`a 0 m² house costs ${plain(b)} k€`);
      expect(text).toContain(`fitted on ${Math.min(...sizes)}–${Math.max(...sizes)} m²`);
    });
  });

  describe('when the minimum is not unique', () => {
    const text = section(body, 'When the minimum is not unique');
    const [size, price] = [80, 230];
    const minNorm = { w: (size * price) / (size * size + 1), b: price / (size * size + 1) };

    it('shows two different lines that both fit the single house exactly', () => {
      expect(0 * size + 230).toBe(price);
      expect(2 * size + 70).toBe(price);
      expect(text).toContain(`one house of ${size} m² sold for ${price} k€`);
      expect(text).toContain('w = 0, b = 230 and w = 2, b = 70 predict 230 exactly');
    });

    it('gives the minimum-norm point that gradient descent from 0 really reaches', () => {
      expect(text).toContain(
        `w = ${size}·${price}/${size * size + 1} ≈ ${fixed(minNorm.w, 4)} and ` +
          `b = ${price}/${size * size + 1} ≈ ${fixed(minNorm.b, 4)}`,
      );
      // The descent itself, with a step inside 2/λmax = 1/(c² + 1).
      const run = gradientDescent([size], [price], 0.9 / (size * size + 1), 20_000);
      expect(run.w).toBeCloseTo(minNorm.w, 6);
      expect(run.b).toBeCloseTo(minNorm.b, 6);
      // And it is a minimiser: the prediction at c is exact.
      expect(minNorm.w * size + minNorm.b).toBeCloseTo(price, 9);
    });
  });

  it('says least squares needs linearity in the parameters, not in x', () => {
    expect(body).toContain('not linear in their parameters');
  });

  it('shows the code printing what the closed form gives', () => {
    const text = section(body, 'In code');
    expect(text).toContain(`print(fit_line(${list(sizes)}, ${list(prices)}))`);
    // Python prints the intercept as a float.
    expect(text).toContain(`# (${plain(w)}, ${b.toFixed(1)})`);
  });

  it('repeats the right figures in the summary', () => {
    const text = section(body, 'In one minute');
    expect(text).toContain(
      `ŷ = ${plain(w)}·x + ${plain(b)}, so a 90 m² house is predicted at ${plain(w * 90 + b)} k€`,
    );
  });
});

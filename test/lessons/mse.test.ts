import { describe, expect, it } from 'vitest';
import { HOUSE_PRICES, HOUSE_SIZES, fitLine } from './house-sales.js';
import { fixed, grouped, mean, plain, readLesson, row, section, sum } from './lesson-text.js';

// Every number in lessons/mse.md, recomputed from the house sales and the line fitted to them
// in lessons/linear-regression.md.

const { meta, body } = readLesson('mse');
const { w, b } = fitLine(HOUSE_SIZES, HOUSE_PRICES);

function scores(prices: readonly number[]) {
  const predictions = HOUSE_SIZES.map((x) => w * x + b);
  const errors = predictions.map((p, i) => p - (prices[i] ?? NaN));
  const squares = errors.map((e) => e * e);
  const absolutes = errors.map((e) => Math.abs(e));
  const mse = mean(squares);
  return {
    predictions,
    errors,
    squares,
    absolutes,
    mse,
    rmse: Math.sqrt(mse),
    mae: mean(absolutes),
  };
}

const ordinary = scores(HOUSE_PRICES);
const outlierPrice = 335;
const withOutlier = scores([...HOUSE_PRICES.slice(0, 4), outlierPrice]);

describe('lesson mse', () => {
  it('defines MSE without ½, RMSE and MAE', () => {
    expect(meta.problems).toEqual([]);
    expect(body).toContain('MSE = (1/n)·Σᵢ (ŷᵢ − yᵢ)²');
    expect(body).toContain('RMSE = √MSE');
    expect(body).toContain('MAE = (1/n)·Σᵢ |ŷᵢ − yᵢ|');
    expect(body).toContain('> **Practice:**');
  });

  describe('worked example: the house model', () => {
    const text = section(body, 'Worked example');

    it('names the fitted model', () => {
      expect(text).toContain(`we fitted ŷ = ${plain(w)}·x + ${plain(b)} to five house sales`);
    });

    it('tabulates each error, its square and its absolute value', () => {
      HOUSE_PRICES.forEach((y, i) => {
        expect(text).toContain(
          row([
            i + 1,
            y,
            ordinary.predictions[i]!,
            ordinary.errors[i]!,
            ordinary.squares[i]!,
            ordinary.absolutes[i]!,
          ]),
        );
      });
    });

    it('computes MSE, RMSE and MAE', () => {
      const n = HOUSE_SIZES.length;
      const squares = ordinary.squares.map(plain).join(' + ');
      expect(text).toContain(
        `MSE = (${squares})/${n} = ${plain(sum(ordinary.squares))}/${n} = ${plain(ordinary.mse)}`,
      );
      expect(text).toContain(`RMSE = √${plain(ordinary.mse)} ≈ ${fixed(ordinary.rmse, 2)}`);
      const absolutes = ordinary.absolutes.map(plain).join(' + ');
      expect(text).toContain(`MAE = (${absolutes})/${n} = ${plain(ordinary.mae)}`);
      expect(text).toContain(
        `the MSE is **${plain(ordinary.mse)} k€²**, the RMSE is **${fixed(ordinary.rmse, 2)} k€** ` +
          `(about ${grouped(Math.round(ordinary.rmse * 1000))} €) and the MAE is ` +
          `**${plain(ordinary.mae)} k€**`,
      );
    });
  });

  it('calls y − ŷ the residual, not ŷ − y', () => {
    expect(body).toContain('yᵢ − ŷᵢ, the **residual**');
    expect(body).not.toContain('residual) of example i is ŷᵢ − yᵢ');
  });

  it('quotes the RMSE in the units section', () => {
    const text = section(body, 'Units');
    expect(text).toContain(`a typical error is about ${fixed(ordinary.rmse, 2)} k€`);
  });

  it('prices errors of 10 and 1 by their squares', () => {
    const text = section(body, 'Why squared');
    expect(text).toContain(`An error of 10 costs ${10 ** 2}, while an error of 1 costs ${1 ** 2}.`);
    expect(text).toContain(`The derivative of e² is 2·e`);
  });

  describe('the outlier comparison', () => {
    const text = section(body, 'Compared with the mean absolute error');
    const last = HOUSE_SIZES.length - 1;

    it('computes the outlier error', () => {
      expect(text).toContain(`sold for ${outlierPrice} k€`);
      expect(text).toContain(
        `its error becomes ${plain(withOutlier.predictions[last]!)} − ${outlierPrice} = ` +
          `${plain(withOutlier.errors[last]!)}`,
      );
    });

    it('tabulates both data sets', () => {
      for (const [label, s] of [
        ['five ordinary sales', ordinary],
        [`house 5 sold for ${outlierPrice}`, withOutlier],
      ] as const) {
        expect(text).toContain(row([label, plain(s.mse), fixed(s.rmse, 2), plain(s.mae)]));
      }
    });

    it('states how much each score grew and the outlier’s share', () => {
      const share = withOutlier.squares[last]! / sum(withOutlier.squares);
      expect(text).toContain(
        `multiplied the MSE by ${fixed(withOutlier.mse / ordinary.mse, 1)} but the MAE only by ` +
          `${plain(withOutlier.mae / ordinary.mae)}; that single house now makes up ` +
          `${fixed(share * 100, 1)}% of the squared error`,
      );
    });

    it('names the mean and the median as the best constants, and they are', () => {
      const sorted = [...HOUSE_PRICES].sort((p, q) => p - q);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      const average = mean(HOUSE_PRICES);
      expect(text).toContain(`those are ${plain(average)} and ${plain(median)} k€`);
      const mseOf = (c: number) => mean(HOUSE_PRICES.map((y) => (c - y) ** 2));
      const maeOf = (c: number) => mean(HOUSE_PRICES.map((y) => Math.abs(c - y)));
      for (const c of [average - 1, average + 1, median]) {
        expect(mseOf(c)).toBeGreaterThan(mseOf(average));
      }
      for (const c of [median - 1, median + 1, average]) {
        expect(maeOf(c)).toBeGreaterThan(maeOf(median));
      }
    });
  });

  it('repeats the right figures in the summary', () => {
    const text = section(body, 'In one minute');
    expect(text).toContain(
      `MSE ${plain(ordinary.mse)} k€², RMSE ${fixed(ordinary.rmse, 2)} k€, MAE ${plain(ordinary.mae)} k€`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { fixed, mean, plain, readLesson, row, section, sum } from './lesson-text.js';

// Every number in lessons/data-and-experiments.md, recomputed from what it states.

const { meta, body } = readLesson('data-and-experiments');

describe('lesson data-and-experiments', () => {
  it('has no exercise yet and points to the quiz', () => {
    expect(meta.problems).toEqual([]);
    expect(body).toContain('pixel learn data-and-experiments --quiz');
  });

  describe('worked example: a batch that is stopped', () => {
    const text = section(body, 'Worked example: a batch that is stopped');
    const rows = 2000;
    const checks = [
      { name: 'age between 0 and 120', affected: 6, shown: '6', allowed: 0.005 },
      { name: 'income present', affected: 50, shown: '50 missing', allowed: 0.01 },
      {
        name: 'device in vocabulary',
        affected: 12,
        shown: '12 (new value "tablet")',
        allowed: 0.01,
      },
    ];

    it('computes each share and decides from its limit', () => {
      expect(text).toContain(`A nightly batch of ${rows.toLocaleString('en-US')} rows`);
      const results = ['pass', 'block', 'warn'];
      checks.forEach((check, index) => {
        const share = check.affected / rows;
        const over = share > check.allowed;
        // Only completeness blocks; a new category only warns.
        expect(results[index] === 'block').toBe(over);
        expect(text).toContain(
          row([
            check.name,
            check.shown,
            `${plain(share * 100)} %`,
            `${plain(check.allowed * 100)} %`,
            results[index]!,
          ]),
        );
      });
      expect(text).toContain(
        `Income is missing in 50 / 2,000 = ${plain((50 / rows) * 100)} % of the rows`,
      );
    });
  });

  it('takes the point-in-time value of the feature', () => {
    const text = section(body, 'Feature stores and point-in-time correctness');
    const recorded = [
      { day: 3, value: 2 },
      { day: 8, value: 3 },
      { day: 12, value: 5 },
    ];
    const labelDay = 10;
    const known = recorded.filter((entry) => entry.day <= labelDay).at(-1)!;
    expect(text).toContain(
      `recorded as 2 on day 3, 3 on day 8 and 5 on day 12. The training row must use ${known.value}`,
    );
    expect(text).toContain(`Taking ${recorded.at(-1)!.value} leaks the future`);
  });

  it('computes the mean and spread over five seeds, and judges the new score by them', () => {
    const text = section(body, 'Experiment tracking and reproducibility');
    const scores = [0.912, 0.905, 0.918, 0.909, 0.911];
    const average = mean(scores);
    const std = Math.sqrt(sum(scores.map((a) => (a - average) ** 2)) / (scores.length - 1));
    expect(text).toContain(`mean = (${scores.join(' + ')}) / 5 = ${plain(average)}`);
    expect(text).toContain(`≈ ${fixed(std, 4)}`);
    expect(0.915 - average).toBeLessThan(std);
    expect(text).toContain('A new model that scores 0.915 on one seed is less than one standard');
  });

  it('standardises income right and wrong', () => {
    const text = section(body, 'Training–serving skew');
    const [average, std] = [50_000, 20_000];
    const right = (70_000 - average) / std;
    const wrong = (70 - average) / std;
    expect(text).toContain(`z = (70,000 − 50,000) / 20,000 = ${fixed(right, 1)}`);
    expect(text).toContain(`z = (70 − 50,000) / 20,000 ≈ ${fixed(wrong, 4)}`);
  });
});

import { describe, expect, it } from 'vitest';
import { fixed, grouped, plain, readLesson, row, section } from './lesson-text.js';

// Every number in lessons/reinforcement-learning.md, recomputed from what it states.

const { meta, body } = readLesson('reinforcement-learning');

const sigmoid = (u: number) => 1 / (1 + Math.exp(-u));

describe('lesson reinforcement-learning', () => {
  it('states the return, Bellman and Q-learning formulas', () => {
    expect(meta.problems).toEqual([]);
    for (const formula of [
      'G = r₁ + γ·r₂ + γ²·r₃ + …',
      "V(s) = maxₐ [ r(s, a) + γ·V(s') ]",
      'Q(s, a) ← Q(s, a) + α·(target − Q(s, a))',
      'P(A preferred to B) = σ(r_A − r_B)',
    ]) {
      expect(body).toContain(formula);
    }
  });

  describe('worked example: a two-step corridor', () => {
    const text = section(body, 'Worked example: a two-step corridor');
    const gamma = 0.9;
    // Value iteration on the corridor until it settles.
    let [a, b] = [0, 0];
    for (let i = 0; i < 200; i += 1) {
      [a, b] = [Math.max(-1 + gamma * b, 0 + gamma * a), 10 + gamma * 0];
    }

    it('finds V(B) and V(A) as value iteration does', () => {
      expect(text).toContain(`V(B) = 10 + 0.9·0 = ${plain(b)}`);
      expect(text).toContain(`= −1 + 0.9·10 = ${plain(a)}`);
    });

    it('compares moving with waiting, and the episode’s return', () => {
      expect(text).toContain(`waiting only 0.9 · ${plain(a)} = ${plain(gamma * a)}`);
      expect(gamma * a).toBeLessThan(a);
      expect(text).toContain(`G = −1 + 0.9 · 10 = ${plain(-1 + gamma * 10)}, the value of A`);
    });
  });

  describe('bandits', () => {
    const text = section(body, 'Exploration and exploitation: bandits');
    it('computes the ε-greedy chance of the best arm', () => {
      expect(text).toContain(`0.9 + 0.1/3 = ${fixed(0.9 + 0.1 / 3, 4)}`);
    });

    it('tabulates the UCB scores and which arm each rule picks', () => {
      const arms = [
        { pulls: 30, mean: 0.4 },
        { pulls: 10, mean: 0.5 },
        { pulls: 5, mean: 0.2 },
      ];
      const total = arms.reduce((sum, arm) => sum + arm.pulls, 0);
      expect(total).toBe(45);
      const scores = arms.map((arm, i) => {
        const bonus = Math.sqrt((2 * Math.log(total)) / arm.pulls);
        expect(text).toContain(
          row([i + 1, arm.pulls, fixed(arm.mean, 2), fixed(bonus, 4), fixed(arm.mean + bonus, 4)]),
        );
        return arm.mean + bonus;
      });
      const greedy = arms.indexOf(arms.reduce((best, arm) => (arm.mean > best.mean ? arm : best)));
      const ucb = scores.indexOf(Math.max(...scores));
      expect(text).toContain(`Greedy picks arm ${greedy + 1}; UCB picks arm ${ucb + 1}`);
    });

    it('computes the regret of an A/B test and of a bandit', () => {
      const text2 = section(body, 'Bandits and A/B tests');
      const [visitors, a, b] = [10_000, 0.05, 0.04];
      const split = (share: number) => visitors * share * a + visitors * (1 - share) * b;
      const best = visitors * a;
      expect(text2).toContain(
        `A 50/50 test earns 5,000 · 0.05 + 5,000 · 0.04 = ${plain(split(0.5))} conversions ` +
          `where always showing A would have earned ${plain(best)}: a **regret** of ${plain(best - split(0.5))}`,
      );
      expect(text2).toContain(
        `${grouped(9000)} · 0.05 + ${grouped(1000)} · 0.04 = ${plain(split(0.9))}, a regret of ` +
          `${plain(best - split(0.9))}`,
      );
    });
  });

  it('does one Q-learning update', () => {
    const text = section(body, 'Worked example: one update');
    const [q, r, nextBest, gamma, alpha] = [2, 1, 5, 0.9, 0.5];
    const target = r + gamma * nextBest;
    expect(text).toContain(`The target is 1 + 0.9 · 5 = ${plain(target)}`);
    expect(text).toContain(`is ${plain(target)} − 2 = ${plain(target - q)}`);
    expect(text).toContain(
      `Q(s, a) = 2 + 0.5 · ${plain(target - q)} = ${plain(q + alpha * (target - q))}`,
    );
  });

  it('turns a reward gap of 1 into a preference and a loss', () => {
    const text = section(body, 'Why RLHF');
    const p = sigmoid(1);
    expect(text).toContain(`A wins ${fixed(p * 100, 2)} % of the time`);
    expect(text).toContain(`−ln ${fixed(p, 4)} ≈ ${fixed(-Math.log(p), 4)}`);
  });
});

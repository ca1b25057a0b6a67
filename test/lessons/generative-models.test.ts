import { describe, expect, it } from 'vitest';
import { fixed, plain, readLesson, row, section, sum } from './lesson-text.js';
import { softmax, topK, topP } from './quiz-recomputed.js';

// Every number in lessons/generative-models.md, recomputed from the logits and values it states.

const { meta, body } = readLesson('generative-models');

const TOKENS = ['cat', 'dog', 'fish', 'bird', 'cow'];
const LOGITS = [2.0, 1.0, 0.5, 0.0, -1.0];

describe('lesson generative-models', () => {
  it('states the formulas it uses', () => {
    expect(meta.problems).toEqual(['next-token-sampling']);
    expect(body).toContain('> **Practice:** `pixel solve next-token-sampling`');
    for (const formula of [
      'pᵢ = e^(zᵢ/T) / Σⱼ e^(zⱼ/T)',
      'cross-entropy = −ln p(correct token)',
      'KL = ½·(μ² + σ² − 1 − ln σ²)',
      'x_t = √ᾱ_t·x₀ + √(1 − ᾱ_t)·ε',
    ]) {
      expect(body).toContain(formula);
    }
  });

  it('computes the VAE penalty for two codes', () => {
    const kl = (mu: number, sigma: number) =>
      0.5 * (mu ** 2 + sigma ** 2 - 1 - Math.log(sigma ** 2));
    expect(body).toContain(
      `For μ = 1 and σ = 1 the penalty is ½·(1 + 1 − 1 − 0) = ${plain(kl(1, 1))}`,
    );
    expect(body).toContain(`for μ = 0 and σ = 1 it is ${plain(kl(0, 1))}`);
  });

  it('gets the GAN value at the ideal end', () => {
    expect(body).toContain(`the value is 2·ln ½ ≈ ${fixed(2 * Math.log(0.5), 3)}`);
  });

  it('noises and denoises the diffusion example', () => {
    const text = section(body, 'Diffusion models');
    const [alphaBar, x0, noise] = [0.64, 1.0, -0.5];
    const [signal, spread] = [Math.sqrt(alphaBar), Math.sqrt(1 - alphaBar)];
    const xt = signal * x0 + spread * noise;
    expect(text).toContain(
      `x_t = ${plain(signal)}·1.0 + ${plain(spread)}·(${plain(noise)}) = ${plain(xt)}`,
    );
    expect(text).toContain(
      `recovers x₀ = (${plain(xt)} − ${plain(spread)}·(${plain(noise)})) / ${plain(signal)} = ${fixed((xt - spread * noise) / signal, 1)}`,
    );
  });

  describe('worked example: choosing the next token', () => {
    const text = section(body, 'Worked example: choosing the next token');
    const p = softmax(LOGITS);

    it('adds up the exponentials', () => {
      const exps = LOGITS.map(Math.exp);
      expect(text).toContain(
        `Their exponentials are ${exps
          .slice(0, 3)
          .map((e) => fixed(e, 4))
          .join(', ')}, 1 and ${fixed(exps[4]!, 4)}, which add up to ${fixed(sum(exps), 4)}`,
      );
    });

    it('tabulates every column: three temperatures, top-k and top-p', () => {
      const cold = softmax(LOGITS, 0.5);
      const hot = softmax(LOGITS, 2);
      const k2 = topK(p, 2);
      const p8 = topP(p, 0.8);
      TOKENS.forEach((token, i) => {
        const cell = (value: number) => (value === 0 ? '0' : fixed(value, 4));
        expect(text).toContain(
          row([
            token,
            fixed(LOGITS[i]!, 1),
            fixed(p[i]!, 4),
            fixed(cold[i]!, 4),
            fixed(hot[i]!, 4),
            cell(k2[i]!),
            cell(p8[i]!),
          ]),
        );
      });
    });

    it('explains the filters with the right sums', () => {
      expect(text).toContain(
        `cat and dog share ${fixed(p[0]!, 4)} + ${fixed(p[1]!, 4)} = ${fixed(p[0]! + p[1]!, 4)}, so cat becomes ${fixed(p[0]!, 4)} / ${fixed(p[0]! + p[1]!, 4)} = ${fixed(p[0]! / (p[0]! + p[1]!), 4)}`,
      );
      const running = [p[0]!, p[0]! + p[1]!, p[0]! + p[1]! + p[2]!];
      expect(text).toContain(
        `The running sums are ${running
          .slice(0, 2)
          .map((v) => fixed(v, 4))
          .join(', ')} and ${fixed(running[2]!, 4)}: fish crosses 0.8`,
      );
      expect(running[1]!).toBeLessThan(0.8);
      expect(running[2]!).toBeGreaterThanOrEqual(0.8);
      expect(text).toContain(`divided by ${fixed(running[2]!, 4)}`);
    });

    it('computes the cross-entropy for "dog"', () => {
      expect(text).toContain(
        `−ln ${fixed(p[1]!, 4)} ≈ ${fixed(-Math.log(p[1]!), 4)}: as surprised as choosing among 1/${fixed(p[1]!, 4)} ≈ ${fixed(1 / p[1]!, 2)}`,
      );
    });

    it('is right that subtracting the largest logit changes nothing', () => {
      const shifted = softmax(LOGITS.map((z) => z + 1000));
      shifted.forEach((value, i) => expect(value).toBeCloseTo(p[i]!, 12));
    });
  });
});

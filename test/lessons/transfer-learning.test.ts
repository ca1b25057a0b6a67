import { describe, expect, it } from 'vitest';
import { fixed, grouped, plain, readLesson, section } from './lesson-text.js';

// Every number in lessons/transfer-learning.md, recomputed from the sizes it states.

const { meta, body } = readLesson('transfer-learning');

describe('lesson transfer-learning', () => {
  it('states the LoRA update and its parameter count', () => {
    expect(meta.problems).toEqual([]);
    expect(body).toContain("W' = W + B·A");
    expect(body).toContain('trainable = r·(d + k)  instead of  d·k');
  });

  it('counts the parameters of the linear probe', () => {
    const text = section(body, 'Feature extraction and linear probes');
    expect(text).toContain(`768 · 10 + 10 = ${grouped(768 * 10 + 10)} parameters`);
  });

  describe('worked example: LoRA on a 7-billion-parameter model', () => {
    const text = section(body, 'Worked example: LoRA');
    const [layers, d, rank, matricesPerLayer, total] = [32, 4096, 8, 2, 7e9];
    const full = d * d;
    const lora = rank * (d + d);

    it('counts one matrix, its LoRA update and the share', () => {
      expect(text).toContain(`holds ${d} · ${d} = ${grouped(full)} weights`);
      expect(text).toContain(
        `r = ${rank} trains ${rank} · (${d} + ${d}) = ${grouped(lora)} parameters for it, ` +
          `${fixed((lora / full) * 100, 2)} % of the matrix`,
      );
    });

    it('counts the whole model’s trainable parameters and their share', () => {
      const trainable = layers * matricesPerLayer * lora;
      expect(text).toContain(
        `trains ${layers} · ${matricesPerLayer} · ${grouped(lora)} = ${grouped(trainable)} ` +
          `parameters, about ${fixed((trainable / total) * 100, 2)} % of the 7 billion`,
      );
    });

    it('sizes full fine-tuning and the frozen 16-bit base', () => {
      expect(text).toContain(`7 · 10⁹ · 16 bytes = ${plain((total * 16) / 1e9)} GB`);
      expect(text).toContain(`7 · 10⁹ · 2 bytes = ${plain((total * 2) / 1e9)} GB`);
      expect(4 * 4).toBe(16);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { kernelRandomBytes } from '../../src/shared/io/kernel-random.js';

describe('kernelRandomBytes', () => {
  it('gives as many bytes as asked, different every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const bytes = kernelRandomBytes(16);
      expect(bytes.length).toBe(16);
      seen.add(bytes.toString('hex'));
    }
    // 50 draws of 128 bits: a repeat would mean the source is not random at all.
    expect(seen.size).toBe(50);
    expect(kernelRandomBytes(3).length).toBe(3);
  });
});

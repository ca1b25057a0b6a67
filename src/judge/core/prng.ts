/**
 * mulberry32: a tiny seeded PRNG using only 32-bit integer operations, so the same seed gives the
 * same sequence on every machine and every JavaScript engine. Returns uint32 values; callers map
 * them to integers with `% range` (the modulo bias is irrelevant for test data).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A uniform integer in [min, max] (inclusive). */
export function randomInt(next: () => number, min: number, max: number): number {
  const span = max - min + 1;
  return min + (next() % span);
}

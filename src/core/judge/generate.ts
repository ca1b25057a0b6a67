import type { CaseInput, CaseSpec, JudgeCase, LinearDataSpec } from './problem-schema.js';
import { mulberry32, randomInt } from './prng.js';

/**
 * Builds x and y from a seed with integer arithmetic only: x = k / 10^d and y = m / 10^d with
 * integers k and m, so every value is the correctly rounded double of a short decimal and the
 * inputs are bit-identical on every machine (and survive a JSON round trip exactly).
 */
export function generateLinearData(spec: LinearDataSpec): { x: number[]; y: number[] } {
  const next = mulberry32(spec.seed);
  const scale = 10 ** spec.decimals;
  const noiseUnits = Math.round(spec.noise * scale);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < spec.n; i++) {
    const xUnits = spec.constantX
      ? spec.xMin * scale
      : randomInt(next, spec.xMin * scale, spec.xMax * scale);
    const noise = noiseUnits > 0 ? randomInt(next, -noiseUnits, noiseUnits) : 0;
    // slope and intercept have few decimals; rounding makes y an integer number of units.
    const yUnits = Math.round(spec.slope * xUnits + spec.intercept * scale) + noise;
    x.push(xUnits / scale);
    y.push(yUnits / scale);
  }
  return { x, y };
}

export function buildCase(spec: CaseSpec): JudgeCase {
  const input: CaseInput = { ...spec.input };
  if (spec.generate) Object.assign(input, generateLinearData(spec.generate));
  return {
    id: spec.id,
    group: spec.group,
    description: spec.description,
    hidden: spec.hidden,
    input,
  };
}

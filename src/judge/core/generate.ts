import type { CaseInput, CaseSpec, GeneratorSpec, JudgeCase } from './problem-schema.js';
import { mulberry32, randomInt } from './prng.js';

/**
 * Deterministic case data. Every generator works in integers from a mulberry32 seed and divides
 * by 10^decimals at the end, so each value is the correctly rounded double of a short decimal:
 * bit-identical on every machine, and exact through a JSON round trip. Generators are declared
 * in cases.json; none knows which problem uses it.
 */

type Next = () => number;

/** A uniform float in [0, 1) from 32 random bits. */
const unit = (next: Next) => next() / 2 ** 32;

function uniform(next: Next, length: number, min: number, max: number, decimals: number): number[] {
  const scale = 10 ** decimals;
  const low = Math.round(min * scale);
  const high = Math.round(max * scale);
  return Array.from({ length }, () => randomInt(next, low, high) / scale);
}

/** Box–Muller on two uniforms; rounding to `decimals` hides the last-bit differences of libm. */
function normal(spec: Extract<GeneratorSpec, { kind: 'normal' }>, next: Next): number[] {
  const scale = 10 ** spec.decimals;
  return Array.from({ length: spec.length }, () => {
    const u = 1 - unit(next);
    const v = unit(next);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    let value = Math.round((spec.mean + spec.sd * z) * scale) / scale;
    if (spec.min !== undefined) value = Math.max(spec.min, value);
    if (spec.max !== undefined) value = Math.min(spec.max, value);
    return value;
  });
}

/**
 * Rows of features and their targets. Plain loops and no array per row of one feature: the
 * biggest cases have 10,000 rows, made once per submit before the code is optimised.
 */
function linear(spec: Extract<GeneratorSpec, { kind: 'linear' }>, next: Next) {
  const scale = 10 ** spec.decimals;
  const noiseUnits = Math.round(spec.noise * scale);
  const { weights } = spec;
  const low = spec.xMin * scale;
  const high = spec.xMax * scale;
  const biasUnits = spec.bias * scale;
  const table = spec.table || weights.length > 1;
  const features: Array<number | number[]> = [];
  const targets: number[] = [];
  const units: number[] = [];
  for (let i = 0; i < spec.n; i++) {
    // Every feature's draw, then the noise's: the order the published cases were made in.
    for (let j = 0; j < weights.length; j++)
      units[j] = spec.constantX ? low : randomInt(next, low, high);
    const noise = noiseUnits > 0 ? randomInt(next, -noiseUnits, noiseUnits) : 0;
    // Weights and bias have few decimals: rounding makes the target a whole number of units.
    let sum = 0;
    for (let j = 0; j < weights.length; j++) sum += (weights[j] as number) * (units[j] as number);
    targets.push((Math.round(sum + biasUnits) + noise) / scale);
    features.push(table ? units.map((u) => u / scale) : (units[0] as number) / scale);
  }
  return { features: features as number[] | number[][], targets };
}

/** Runs one generator over the input built so far and adds what it makes. */
export function runGenerator(spec: GeneratorSpec, input: CaseInput): CaseInput {
  const next = mulberry32(spec.seed);
  switch (spec.kind) {
    case 'uniform':
      return {
        ...input,
        [spec.into]: uniform(next, spec.length, spec.min, spec.max, spec.decimals),
      };
    case 'normal':
      return { ...input, [spec.into]: normal(spec, next) };
    case 'bernoulli':
      return {
        ...input,
        [spec.into]: Array.from({ length: spec.length }, () => (unit(next) < spec.p ? 1 : 0)),
      };
    case 'noisy-copy': {
      const source = input[spec.from];
      if (!Array.isArray(source)) throw new Error(`noisy-copy: "${spec.from}" is not a list yet`);
      return {
        ...input,
        [spec.into]: (source as number[]).map((value) =>
          unit(next) < spec.flip ? 1 - value : value,
        ),
      };
    }
    case 'increasing': {
      let at = spec.start;
      const values: number[] = [];
      for (let i = 0; i < spec.length; i++) {
        if (i > 0) at += randomInt(next, spec.minStep, spec.maxStep);
        values.push(at);
      }
      return { ...input, [spec.into]: values };
    }
    case 'linear': {
      const { features, targets } = linear(spec, next);
      return { ...input, [spec.into.features]: features, [spec.into.targets]: targets };
    }
  }
}

/** The parameters a generator fills. */
export function generatedNames(spec: GeneratorSpec): string[] {
  return typeof spec.into === 'string' ? [spec.into] : [spec.into.features, spec.into.targets];
}

/** Every parameter a case gives a value: its literal input and what its generators fill. */
export function providedNames(spec: CaseSpec): Set<string> {
  return new Set([...Object.keys(spec.input), ...(spec.generate ?? []).flatMap(generatedNames)]);
}

/**
 * A case ready to judge. Its generated arguments are made the first time `input` is read, not
 * here: a submit starts the sandbox first and has them made while the runtime boots, and
 * commands that only list cases never make them.
 */
export function buildCase(spec: CaseSpec): JudgeCase {
  const generators = spec.generate ?? [];
  let input: CaseInput | undefined = generators.length === 0 ? { ...spec.input } : undefined;
  return {
    id: spec.id,
    group: spec.group,
    description: spec.description,
    hidden: spec.hidden,
    get input(): CaseInput {
      if (!input) {
        let made: CaseInput = { ...spec.input };
        for (const generator of generators) made = runGenerator(generator, made);
        input = made;
      }
      return input;
    },
  };
}

import * as z from 'zod/mini';

/**
 * The data a problem folder holds (problems/<id>/problem.json and cases.json). Adding a problem
 * adds a folder that passes these schemas, plus its trusted reference.mjs; no judge code.
 */

export const LANGUAGES = ['python', 'javascript', 'typescript'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** One positional argument of the learner's function, with the checks a custom input must pass. */
export const ParameterSchema = z.strictObject({
  /** Name used in case inputs and `pixel test --input` JSON (camelCase). */
  name: z.string().check(z.minLength(1)),
  /** The Python spelling shown to Python learners (snake_case); defaults to `name`. */
  pythonName: z.optional(z.string()),
  type: z.enum(['number', 'integer', 'number[]']),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** For arrays: bounds on the length. */
  minLength: z.optional(z.number()),
  maxLength: z.optional(z.number()),
  /** For arrays: must have the same length as this other parameter. */
  sameLengthAs: z.optional(z.string()),
  description: z.string(),
});
export type Parameter = z.infer<typeof ParameterSchema>;

export const LanguageEntrySchema = z.strictObject({
  /** File the starter is written to and the solution is read from. */
  file: z.string(),
  /** Name of the function the harness calls. */
  entry: z.string(),
});

export const MistakeSchema = z.strictObject({
  /** Stable id; reference.mjs exports `mistakes[id]` as one or more variant implementations. */
  id: z.string(),
  title: z.string(),
  /** What the code does wrong, in one or two sentences. */
  explanation: z.string(),
  /** What to change. */
  fix: z.string(),
});
export type Mistake = z.infer<typeof MistakeSchema>;

export const LimitsSchema = z.strictObject({
  /** CPU seconds one call may use; the real limit (measured, not wall time). */
  cpuSecondsPerCase: z.number().check(z.positive()),
  /** Wall-clock backstop per call, generous so a loaded machine never flakes. */
  wallSecondsPerCase: z.number().check(z.positive()),
  /** Extra wall time for starting the runtime and loading the solution. */
  startupSeconds: z.number().check(z.positive()),
  memoryMiB: z.number().check(z.positive()),
  /** Cap on everything the program prints (stdout + stderr together). */
  outputBytes: z.number().check(z.positive()),
});
export type Limits = z.infer<typeof LimitsSchema>;

/** The format of problem.json and cases.json; a newer file makes pixel ask to be updated. */
export const PROBLEM_FORMAT_VERSION = 1;

export const ProblemSchema = z.strictObject({
  formatVersion: z.literal(PROBLEM_FORMAT_VERSION),
  id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  title: z.string(),
  difficulty: z.enum(['Easy', 'Medium', 'Hard']),
  summary: z.string(),
  parameters: z.array(ParameterSchema).check(z.minLength(1)),
  /** Names of the returned values, in order (e.g. ["w", "b"]). */
  returns: z.array(z.string()).check(z.minLength(1)),
  tolerance: z.strictObject({ absolute: z.number(), relative: z.number() }),
  limits: LimitsSchema,
  languages: z.strictObject({
    python: LanguageEntrySchema,
    javascript: LanguageEntrySchema,
    typescript: LanguageEntrySchema,
  }),
  /** The hint ladder, from a nudge to near-code. */
  hints: z.array(z.string()).check(z.minLength(4)),
  mistakes: z.array(MistakeSchema),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** Deterministic generator for x/y data: see generate.ts. */
export const LinearDataSpecSchema = z.strictObject({
  kind: z.literal('linear'),
  seed: z.number().check(z.int()),
  n: z.number().check(z.int(), z.positive()),
  xMin: z.number().check(z.int()),
  xMax: z.number().check(z.int()),
  /** x and y are integers divided by 10^decimals: exactly the same doubles everywhere. */
  decimals: z.number().check(z.int(), z.nonnegative(), z.lte(6)),
  slope: z.number(),
  intercept: z.number(),
  /** Noise amplitude, uniform in [-noise, noise]. */
  noise: z.number().check(z.nonnegative()),
  /** When true every x equals xMin (constant feature). */
  constantX: z.optional(z.boolean()),
});
export type LinearDataSpec = z.infer<typeof LinearDataSpecSchema>;

export const InputValueSchema = z.union([z.number(), z.array(z.number())]);
export type InputValue = z.infer<typeof InputValueSchema>;
export type CaseInput = Record<string, InputValue>;

export const CaseSpecSchema = z.strictObject({
  /** Stable id: progress, reports and tests refer to it. Never reuse one for different data. */
  id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  group: z.string(),
  /** One line: why this case exists, what it exercises. Shown even for hidden cases. */
  description: z.string(),
  hidden: z.boolean(),
  /** Literal arguments; generated ones (below) are merged over them. */
  input: z.record(z.string(), InputValueSchema),
  generate: z.optional(LinearDataSpecSchema),
  /** Where a published value comes from, for cases checked against outside sources. */
  source: z.optional(z.string()),
});
export type CaseSpec = z.infer<typeof CaseSpecSchema>;

export const CasesFileSchema = z.strictObject({
  formatVersion: z.literal(PROBLEM_FORMAT_VERSION),
  cases: z.array(CaseSpecSchema).check(z.minLength(1)),
});

/** A case with its input fully built. */
export interface JudgeCase {
  id: string;
  group: string;
  description: string;
  hidden: boolean;
  input: CaseInput;
}

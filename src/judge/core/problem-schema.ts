import * as z from 'zod/mini';

/**
 * The data a problem folder holds (problems/<id>/problem.json and cases.json). Adding a problem
 * adds a folder that passes these schemas, plus its trusted reference.mjs; no judge code.
 */

export const LANGUAGES = ['python', 'javascript', 'typescript'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/**
 * The schemas, made on first use: about a hundred zod objects cost ~6 ms to make, and a command
 * whose problem files the build checked (see built-problem.ts) needs none of them.
 */
function defineSchemas() {
  /** One positional argument of the learner's function, with the checks a custom input must pass. */
  const ParameterSchema = z.strictObject({
    /** Name used in case inputs and `pixel test --input` JSON (camelCase). */
    name: z.string().check(z.minLength(1)),
    /** The Python spelling shown to Python learners (snake_case); defaults to `name`. */
    pythonName: z.optional(z.string()),
    /** A number, a whole number, a list of either, or a table (a list of rows of numbers). */
    type: z.enum(['number', 'integer', 'number[]', 'integer[]', 'number[][]']),
    /** Bounds on every number in it. */
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    /** For lists and tables: bounds on the number of items (rows). */
    minLength: z.optional(z.number()),
    maxLength: z.optional(z.number()),
    /** For tables: bounds on the length of each row (all rows are as long as the first). */
    minColumns: z.optional(z.number()),
    maxColumns: z.optional(z.number()),
    /** For lists and tables: as many items (rows) as this other parameter. */
    sameLengthAs: z.optional(z.string()),
    /** For lists: items in increasing order (ties allowed). */
    sorted: z.optional(z.boolean()),
    description: z.string(),
  });

  const LanguageEntrySchema = z.strictObject({
    /** File the starter is written to and the solution is read from. */
    file: z.string(),
    /** Name of the function the harness calls. */
    entry: z.string(),
  });

  const LimitsSchema = z.strictObject({
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

  /** A value the function returns: one number, or a list of numbers of any length. */
  const LeafShapeSchema = z.strictObject({ kind: z.enum(['number', 'list']) });

  const NamedLeafSchema = z.strictObject({
    name: z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/)),
    kind: z.enum(['number', 'list']),
  });

  /**
   * What the function returns: a number, a list of numbers, a tuple (a fixed sequence of named
   * numbers or lists: Python tuple or list, JavaScript array), or a record (named numbers or lists:
   * Python dict, JavaScript object).
   */
  const ReturnShapeSchema = z.union([
    LeafShapeSchema,
    z.strictObject({
      kind: z.literal('tuple'),
      items: z.array(NamedLeafSchema).check(z.minLength(1)),
    }),
    z.strictObject({
      kind: z.literal('record'),
      fields: z.array(NamedLeafSchema).check(z.minLength(1)),
    }),
  ]);

  /** How returned numbers are compared with the reference's. */
  const ComparisonSchema = z.union([
    /** Kattis/ICPC: within `absolute` OR within `relative` times the reference value. */
    z.strictObject({ kind: z.literal('tolerance'), absolute: z.number(), relative: z.number() }),
    /** Equal as numbers (counts, indices, values picked from the input). */
    z.strictObject({ kind: z.literal('exact') }),
  ]);

  const MistakeSchema = z.strictObject({
    /** Stable id; reference.mjs exports `mistakes[id]` as one or more variant implementations. */
    id: z.string(),
    title: z.string(),
    /** What the code does wrong, in one or two sentences. */
    explanation: z.string(),
    /** What to change. */
    fix: z.string(),
    /**
     * How close a wrong answer must come to one of this mistake's variants to be named as it;
     * the problem's own comparison when absent. A rounding mistake needs more: a learner's
     * float32 library sums in its own order (numpy's BLAS kernel differs by processor), so no
     * variant reproduces its bits, only its size of error.
     */
    recognisedWithin: z.optional(ComparisonSchema),
  });

  const parameterName = z.string().check(z.minLength(1));

  /** A command-line option of `pixel viz <problem>` that sets one parameter of the run. */
  const VisualisationOptionSchema = z.strictObject({
    /** The flag without its dashes (`lr` for `--lr`): lower-case words joined by dashes. */
    flag: z.string().check(z.regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/)),
    /** The numeric parameter it sets; the value must lie within that parameter's bounds. */
    parameter: parameterName,
    description: z.string(),
  });

  /**
   * What every kind of visualisation shares. The numbers come from the problem's reference:
   * reference.mjs exports `visualise = { start(input), step?(state, input, index), measure?(state,
   * input), total?(input) }`, where a state is a record of named numbers (`{ w, b }`); the view
   * plays start, then `step` once per step (`index` counts the steps before it), and shows what
   * `measure` reports (`{ loss }`). The run makes `total(input)` steps, or the `steps` parameter's
   * value when the model has no `total`.
   */
  const visualisationCommon = {
    /** One line on what the learner will see, for `pixel viz` and its help. */
    summary: z.string(),
    /** The public case whose input the run starts from when no --data or option changes it. */
    case: z.string(),
    /**
     * The integer parameter that sets the run's length: the steps themselves, or what the
     * model's `total` counts them from (epochs of ⌈n/B⌉ updates); absent: a single picture.
     */
    steps: z.optional(parameterName),
    /** The number parameter that + and − raise and lower while the run plays. */
    rate: z.optional(parameterName),
    /** The list parameters `--data FILE` fills, one column of the file each, in order. */
    data: z.optional(z.array(parameterName).check(z.minLength(1))),
    options: z.array(VisualisationOptionSchema),
  };

  /**
   * The kinds of visualisation, one renderer each (src/viz/ui/). A new kind is a new member here
   * with the fields its renderer reads, and that renderer.
   */
  const VisualisationSchema = z.union([
    /**
     * Points and a fitted line on the left, a measure falling (or exploding) on a log scale on the
     * right: for an iterative fit of y ≈ slope·x + intercept.
     */
    z.strictObject({
      kind: z.literal('line-fit'),
      ...visualisationCommon,
      plot: z.strictObject({
        /**
         * The list parameters holding the points' coordinates; x may be a table (number[][]),
         * whose first column is plotted: the case played and --data give it one column.
         */
        x: parameterName,
        y: parameterName,
        /** The state's fields holding the line. */
        slope: z.string(),
        intercept: z.string(),
        /** The measure drawn as a curve over the steps (log scale). */
        curve: z.string(),
      }),
    }),
  ]);

  /**
   * The speed line on acceptance: the solution's time on one group of cases against the plain
   * and vectorised references in the same language (problems/<id>/solutions/), in a unit of work
   * the problem names: the product of `work` over each case (a list parameter counts its length,
   * a number its value), per second.
   */
  const SpeedSchema = z.strictObject({
    /** The group of cases timed (usually the scale group). */
    group: z.string(),
    /** The parameters whose product is one case's work. */
    work: z.array(parameterName).check(z.minLength(1)),
    /** What one unit of work is called, e.g. "points × steps". */
    unit: z.string(),
  });

  const ProblemSchema = z.strictObject({
    /** The JSON Schema an editor checks the file with (problems/schema/problem.schema.json). */
    $schema: z.optional(z.string()),
    formatVersion: z.literal(PROBLEM_FORMAT_VERSION),
    id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
    title: z.string(),
    difficulty: z.enum(DIFFICULTIES),
    /** Place in the track: `pixel problems` lists by it and `pixel solve` offers the next. */
    order: z.number().check(z.int(), z.positive()),
    /** Other names `pixel solve` accepts, matched case-insensitively. */
    aliases: z.optional(z.array(z.string())),
    /** The lesson this exercise practises (lessons/<id>.md). */
    lesson: z.string(),
    summary: z.string(),
    parameters: z.array(ParameterSchema).check(z.minLength(1)),
    returns: ReturnShapeSchema,
    comparison: ComparisonSchema,
    limits: LimitsSchema,
    languages: z.strictObject({
      python: LanguageEntrySchema,
      javascript: LanguageEntrySchema,
      typescript: LanguageEntrySchema,
    }),
    /** The hint ladder, from a nudge to near-code. */
    hints: z.array(z.string()).check(z.minLength(4)),
    mistakes: z.array(MistakeSchema),
    /** `pixel viz <id>`: absent when the problem has no visualisation. */
    visualisation: z.optional(VisualisationSchema),
    /** The speed line shown on acceptance; absent: no speed line. */
    speed: z.optional(SpeedSchema),
  });

  const seed = z.number().check(z.int());
  const count = z.number().check(z.int(), z.nonnegative());
  /** Values are integers divided by 10^decimals: exactly the same doubles on every machine. */
  const decimals = z.number().check(z.int(), z.nonnegative(), z.lte(6));

  /** Deterministic generators (see generate.ts); each fills the parameter(s) named by `into`. */
  const GeneratorSchema = z.union([
    /** Numbers uniform in [min, max]. */
    z.strictObject({
      kind: z.literal('uniform'),
      into: z.string(),
      seed,
      length: count,
      min: z.number(),
      max: z.number(),
      decimals,
    }),
    /** Normally distributed numbers (Box–Muller), rounded, clamped to [min, max] when given. */
    z.strictObject({
      kind: z.literal('normal'),
      into: z.string(),
      seed,
      length: count,
      mean: z.number(),
      sd: z.number().check(z.nonnegative()),
      decimals,
      min: z.optional(z.number()),
      max: z.optional(z.number()),
    }),
    /** 0/1 labels, each 1 with probability `p`. */
    z.strictObject({
      kind: z.literal('bernoulli'),
      into: z.string(),
      seed,
      length: count,
      p: z.number().check(z.gte(0), z.lte(1)),
    }),
    /** A copy of another 0/1 parameter with each item flipped with probability `flip`. */
    z.strictObject({
      kind: z.literal('noisy-copy'),
      into: z.string(),
      from: z.string(),
      seed,
      flip: z.number().check(z.gte(0), z.lte(1)),
    }),
    /** Whole numbers in increasing order: start, then steps uniform in [minStep, maxStep]. */
    z.strictObject({
      kind: z.literal('increasing'),
      into: z.string(),
      seed,
      length: count,
      start: z.number().check(z.int()),
      minStep: z.number().check(z.int(), z.nonnegative()),
      maxStep: z.number().check(z.int(), z.nonnegative()),
    }),
    /**
     * A linear model's data: features uniform in [xMin, xMax] (one list, or a table of `weights`
     * columns), targets = features·weights + bias + noise uniform in [−noise, noise].
     */
    z.strictObject({
      kind: z.literal('linear'),
      into: z.strictObject({ features: z.string(), targets: z.string() }),
      seed,
      n: z.number().check(z.int(), z.positive()),
      xMin: z.number().check(z.int()),
      xMax: z.number().check(z.int()),
      decimals,
      /** One weight: the features are a list; several: a table with that many columns. */
      weights: z.array(z.number()).check(z.minLength(1)),
      /** A list of one weight gives a table too, when `table` is true. */
      table: z.optional(z.boolean()),
      bias: z.number(),
      noise: z.number().check(z.nonnegative()),
      /** When true every feature equals xMin (a constant column). */
      constantX: z.optional(z.boolean()),
    }),
  ]);

  const InputValueSchema = z.union([z.number(), z.array(z.number()), z.array(z.array(z.number()))]);

  const CaseSpecSchema = z.strictObject({
    /** Stable id: progress, reports and tests refer to it. Never reuse one for different data. */
    id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
    group: z.string(),
    /** One line: why this case exists, what it exercises. Shown even for hidden cases. */
    description: z.string(),
    hidden: z.boolean(),
    /** Literal arguments; generated ones (below) are merged over them. */
    input: z.record(z.string(), InputValueSchema),
    /** Generators, run in order (a later one may read an earlier one's output). */
    generate: z.optional(z.array(GeneratorSchema)),
    /** Where a published value comes from, for cases checked against outside sources. */
    source: z.optional(z.string()),
  });

  const CasesFileSchema = z.strictObject({
    $schema: z.optional(z.string()),
    formatVersion: z.literal(PROBLEM_FORMAT_VERSION),
    cases: z.array(CaseSpecSchema).check(z.minLength(1)),
  });
  return {
    ParameterSchema,
    LanguageEntrySchema,
    LimitsSchema,
    LeafShapeSchema,
    ReturnShapeSchema,
    ComparisonSchema,
    MistakeSchema,
    VisualisationOptionSchema,
    VisualisationSchema,
    SpeedSchema,
    ProblemSchema,
    GeneratorSchema,
    InputValueSchema,
    CaseSpecSchema,
    CasesFileSchema,
  };
}

type Schemas = ReturnType<typeof defineSchemas>;
let schemas: Schemas | undefined;

/** The schemas of problem.json and cases.json (and their parts), made once. */
export function problemSchemas(): Schemas {
  return (schemas ??= defineSchemas());
}

/** The format of problem.json and cases.json; a newer file makes pixel ask to be updated. */
export const PROBLEM_FORMAT_VERSION = 2;

export const DIFFICULTIES = ['Easy', 'Medium', 'Hard'] as const;

export type Parameter = z.infer<Schemas['ParameterSchema']>;
export type Limits = z.infer<Schemas['LimitsSchema']>;
export type LeafShape = z.infer<Schemas['LeafShapeSchema']>;
export type ReturnShape = z.infer<Schemas['ReturnShapeSchema']>;
export type ComparisonRule = z.infer<Schemas['ComparisonSchema']>;
export type Mistake = z.infer<Schemas['MistakeSchema']>;
export type VisualisationOption = z.infer<Schemas['VisualisationOptionSchema']>;
export type Visualisation = z.infer<Schemas['VisualisationSchema']>;
export type VisualisationKind = Visualisation['kind'];
export type Speed = z.infer<Schemas['SpeedSchema']>;
export type Problem = z.infer<Schemas['ProblemSchema']>;
export type GeneratorSpec = z.infer<Schemas['GeneratorSchema']>;
export type InputValue = z.infer<Schemas['InputValueSchema']>;
export type CaseInput = Record<string, InputValue>;
export type CaseSpec = z.infer<Schemas['CaseSpecSchema']>;

/** A case with its input fully built. */
export interface JudgeCase {
  id: string;
  group: string;
  description: string;
  hidden: boolean;
  input: CaseInput;
}

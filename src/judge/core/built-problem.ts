/**
 * What the build knows of a problem folder (scripts/content-problems.ts writes it to
 * dist/problems/<id>.json): the text of each file it checked, and the reference's answers to
 * the shipped cases. A command then trusts a file whose text is the one the build checked (no
 * zod, whose schemas alone cost ~6 ms to make) and a submit reads the answers instead of
 * spending 30–60 ms of CPU on them beside the learner's run. A file changed since the build (a
 * checkout being edited) is checked and worked out at run time, as without a build.
 *
 * The texts themselves, not a hash of them: comparing strings costs microseconds, while hashing
 * ~26 KB in JavaScript took ~3 ms at start (and node's crc32 or crypto cost more to load).
 */

/**
 * Answers longer than this (a distribution over a whole vocabulary: 2 MB) are worked out at run
 * time: reading and parsing them would cost more than the reference does.
 */
export const MAX_BUILT_ANSWER_CHARS = 4096;

export interface BuiltProblemFile {
  /** The text of each file the build checked, by name (problem.json, cases.json, ...). */
  files: Record<string, string>;
  /** The reference's raw answer per case id, for the short ones that JSON keeps exactly. */
  answers: Record<string, unknown>;
}

/**
 * Whether JSON gives back exactly this value: finite numbers (not -0), strings, booleans, null,
 * arrays and plain objects of them. An answer that does not (NaN, -0, a typed array) is left out
 * of the file and worked out at run time.
 */
export function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.values(value as Record<string, unknown>).every(survivesJson);
  return false;
}

/** The build's record, or undefined when the text is not one (a damaged dist/ costs speed only). */
export function readBuiltProblem(text: string): BuiltProblemFile | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isRecord(parsed) || !isRecord(parsed.files) || !isRecord(parsed.answers)) return undefined;
  if (!Object.values(parsed.files).every((value) => typeof value === 'string')) return undefined;
  return parsed as unknown as BuiltProblemFile;
}

/** Whether the build checked exactly this text as the file `name`. */
export function builtChecked(
  built: BuiltProblemFile | undefined,
  name: string,
  text: string,
): boolean {
  return built !== undefined && Object.hasOwn(built.files, name) && built.files[name] === text;
}

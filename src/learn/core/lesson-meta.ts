import * as z from 'zod/mini';

/**
 * Metadata at the top of every lesson file (`lessons/<id>.md`), as YAML front matter between
 * `---` lines. Validated at build time, so a broken lesson fails `npm run build`, not a learner.
 */
export const LessonMetaSchema = z.strictObject({
  /** Stable id used on the command line and in progress: lowercase kebab-case. */
  id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case')),
  /** Title shown in the list and above the lesson. */
  title: z.string().check(z.minLength(3)),
  /** One line saying what the lesson teaches, shown in the list. */
  summary: z.string().check(z.minLength(10), z.maxLength(120)),
  /** Other names that open the lesson (a short form, say); matched case-insensitively. */
  aliases: z.array(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase'))),
  /** Estimated minutes to read. */
  minutes: z.number().check(z.int(), z.positive()),
  /** Position in the curriculum; lessons are listed by this number. */
  order: z.number().check(z.int(), z.nonnegative()),
  /** Ids of problems that practise this lesson (folders under problems/). */
  problems: z.array(z.string()),
  /** Ids of lessons to read next or alongside. */
  related: z.array(z.string()),
});

export type LessonMeta = z.infer<typeof LessonMetaSchema>;

import type * as z from 'zod/mini';
import { UsageError } from './errors.js';
import { issueLines } from './shared/core/zod-issues.js';

/** `maxAge` → `--max-age`: an option as the user typed it (commander camel-cases them). */
const asFlag = (path: readonly PropertyKey[]) =>
  `--${String(path[0]).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}${path
    .slice(1)
    .map((key) => `.${String(key)}`)
    .join('')}`;

/**
 * Validates a command's options with its zod schema. commander has already checked the flags
 * exist; this checks their values and gives one clear usage error listing every problem.
 */
export function parseOptions<T>(schema: z.ZodMiniType<T>, raw: unknown): T {
  const result = schema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  const problems = issueLines(result.error, { formatPath: asFlag, root: 'options' });
  throw new UsageError(`invalid option: ${problems.join('; ')}`, {
    hint: 'see the command with --help',
  });
}

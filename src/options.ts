import * as z from 'zod/mini';
import { UsageError } from './errors.js';

/**
 * Validates a command's options with its zod schema. commander has already checked the flags
 * exist; this checks their values and gives one clear usage error listing every problem.
 */
export function parseOptions<T>(schema: z.ZodMiniType<T>, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `--${issue.path.join('.')}` : 'options';
    return `${where}: ${issue.message}`;
  });
  throw new UsageError(`invalid option: ${problems.join('; ')}`, {
    hint: 'see the command with --help',
  });
}
